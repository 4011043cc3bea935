package fr.ent.timetable.importing;

import fr.ent.web.problem.Problems;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import java.io.IOException;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The iCalendar format (RFC 5545, parsed by ical4j; see the README): one VEVENT per lesson, a weekly
 * RRULE (INTERVAL=2: week A or B, from the week of DTSTART) or none (a single lesson). SUMMARY =
 * subject, LOCATION = room, ATTENDEE/ORGANIZER = teachers (by their CN, the name the directory
 * knows), CATEGORIES or X-ENT-CLASSES = classes and groups; times in the school's zone.
 */
final class Ics {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private Ics() {
    }

    static Csv.Parsed parse(String text, ZoneId zone) {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(text));
        } catch (ParserException e) {
            throw Problems.badRequest("malformed-file", "Fichier iCalendar illisible, ligne " + e.getLineNo() + " : " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw Problems.badRequest("malformed-file", "Fichier iCalendar illisible : " + e.getMessage());
        }
        List<Integer> begins = beginLines(text);
        List<ImportLine> lines = new ArrayList<>();
        List<ImportReport.LineError> errors = new ArrayList<>();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        for (int i = 0; i < events.size(); i++) {
            VEvent event = events.get(i);
            int line = i < begins.size() ? begins.get(i) : 0;
            String uid = value(event, Property.UID).orElse(null);
            int errorsBefore = errors.size();
            Optional<LocalDateTime> start = dateTime(event, Property.DTSTART, zone, line, uid, errors);
            Optional<LocalDateTime> end = dateTime(event, Property.DTEND, zone, line, uid, errors);
            if (start.isPresent() && end.isEmpty() && errors.size() == errorsBefore) {
                Optional<String> duration = value(event, Property.DURATION);
                if (duration.isPresent()) {
                    try {
                        end = Optional.of(start.get().plus(Duration.parse(duration.get())));
                    } catch (DateTimeParseException e) {
                        errors.add(new ImportReport.LineError(line, uid, "DURATION", "durée invalide"));
                    }
                } else {
                    errors.add(new ImportReport.LineError(line, uid, "DTEND", "obligatoire (ou DURATION)"));
                }
            }
            String subject = value(event, Property.SUMMARY).map(String::strip).orElse("");
            if (subject.isEmpty()) {
                errors.add(new ImportReport.LineError(line, uid, "SUMMARY", "obligatoire (la matière)"));
            }
            List<String> teachers = new ArrayList<>();
            for (Property p : event.<Property>getProperties(Property.ORGANIZER, Property.ATTENDEE)) {
                Optional<Parameter> cn = p.getParameter(Parameter.CN);
                if (cn.isPresent() && !teachers.contains(cn.get().getValue().strip())) {
                    teachers.add(cn.get().getValue().strip());
                } else if (cn.isEmpty()) {
                    errors.add(new ImportReport.LineError(line, uid, p.getName(), "le nom de l'enseignant (CN=...) est obligatoire : "
                            + p.getValue()));
                }
            }
            if (teachers.isEmpty() && errors.size() == errorsBefore) {
                errors.add(new ImportReport.LineError(line, uid, "ATTENDEE", "au moins un enseignant (ORGANIZER ou ATTENDEE avec CN)"));
            }
            List<String> classes = new ArrayList<>();
            for (Property p : event.<Property>getProperties(Property.CATEGORIES, "X-ENT-CLASSES")) {
                Arrays.stream(p.getValue().split("[,+|]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(classes::add);
            }
            if (classes.isEmpty()) {
                errors.add(new ImportReport.LineError(line, uid, "CATEGORIES", "au moins une classe ou un groupe (CATEGORIES ou X-ENT-CLASSES)"));
            }
            String room = value(event, Property.LOCATION).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
            String week = "ONCE";
            LocalDate to = null;
            Optional<String> rrule = value(event, Property.RRULE);
            if (rrule.isPresent() && start.isPresent()) {
                Map<String, String> rule = new HashMap<>();
                for (String part : rrule.get().split(";")) {
                    String[] kv = part.split("=", 2);
                    rule.put(kv[0].toUpperCase(), kv.length > 1 ? kv[1] : "");
                }
                String interval = rule.getOrDefault("INTERVAL", "1");
                if (!"WEEKLY".equals(rule.get("FREQ")) || !(interval.equals("1") || interval.equals("2"))) {
                    errors.add(new ImportReport.LineError(line, uid, "RRULE", "seules les répétitions hebdomadaires (FREQ=WEEKLY, INTERVAL 1 ou 2) sont acceptées"));
                } else if (rule.containsKey("BYDAY") && !rule.get("BYDAY").equals(start.get().getDayOfWeek().name().substring(0, 2))) {
                    errors.add(new ImportReport.LineError(line, uid, "RRULE", "BYDAY doit être le jour de DTSTART (un événement par jour de cours)"));
                } else if (rule.containsKey("COUNT")) {
                    try {
                        int count = Integer.parseInt(rule.get("COUNT"));
                        to = start.get().toLocalDate().plusWeeks((long) (count - 1) * Integer.parseInt(interval));
                    } catch (NumberFormatException e) {
                        errors.add(new ImportReport.LineError(line, uid, "RRULE", "COUNT invalide"));
                    }
                } else if (rule.containsKey("UNTIL")) {
                    String until = rule.get("UNTIL");
                    try {
                        to = until.length() == 8 ? LocalDate.parse(until, DATE)
                                : until.endsWith("Z") ? LocalDateTime.parse(until.substring(0, 15), LOCAL).atOffset(ZoneOffset.UTC)
                                .atZoneSameInstant(zone).toLocalDate() : LocalDateTime.parse(until, LOCAL).toLocalDate();
                    } catch (DateTimeParseException e) {
                        errors.add(new ImportReport.LineError(line, uid, "RRULE", "UNTIL invalide"));
                    }
                }
                week = interval.equals("2") ? "ALTERNATE" : "WEEKLY";
            }
            if (errors.size() == errorsBefore && start.isPresent() && end.isPresent()) {
                LocalDateTime s = start.get();
                boolean once = week.equals("ONCE");
                lines.add(new ImportLine(line, uid, null, null, s.toLocalTime(), end.get().toLocalTime(), s.getDayOfWeek(), week,
                        subject, teachers, classes, room, once ? null : s.toLocalDate(), to, once ? s.toLocalDate() : null));
            }
        }
        return new Csv.Parsed(lines, errors);
    }

    private static Optional<String> value(VEvent event, String name) {
        return event.<Property>getProperty(name).map(Property::getValue);
    }

    /** A DATE-TIME in the school's zone: local (floating or TZID, taken as the school's time) or UTC. */
    private static Optional<LocalDateTime> dateTime(VEvent event, String name, ZoneId zone, int line, String uid,
                                                    List<ImportReport.LineError> errors) {
        Optional<Property> property = event.getProperty(name);
        if (property.isEmpty()) {
            if (name.equals(Property.DTSTART)) {
                errors.add(new ImportReport.LineError(line, uid, name, "obligatoire"));
            }
            return Optional.empty();
        }
        String v = property.get().getValue();
        try {
            if (v.endsWith("Z")) {
                return Optional.of(LocalDateTime.parse(v.substring(0, 15), LOCAL).atOffset(ZoneOffset.UTC)
                        .atZoneSameInstant(zone).toLocalDateTime());
            }
            Optional<Parameter> tzid = property.get().getParameter(Parameter.TZID);
            LocalDateTime local = LocalDateTime.parse(v, LOCAL);
            if (tzid.isPresent() && !ZoneId.of(tzid.get().getValue()).getRules().equals(zone.getRules())) {
                local = local.atZone(ZoneId.of(tzid.get().getValue())).withZoneSameInstant(zone).toLocalDateTime();
            }
            return Optional.of(local);
        } catch (java.time.DateTimeException e) {
            errors.add(new ImportReport.LineError(line, uid, name, "date et heure attendues (AAAAMMJJTHHMMSS), pas « " + v + " »"));
            return Optional.empty();
        }
    }

    /** The line number of each BEGIN:VEVENT, in order: ical4j keeps no line numbers. */
    private static List<Integer> beginLines(String text) {
        List<Integer> begins = new ArrayList<>();
        String[] rows = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].strip().equalsIgnoreCase("BEGIN:VEVENT")) {
                begins.add(i + 1);
            }
        }
        return begins;
    }
}
