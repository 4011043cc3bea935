package fr.ent.timetable.calendar;

import fr.ent.directory.Relationships;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A school's calendar: settings, years, time slots, holiday periods; and the zones' holidays. */
@ApplicationScoped
public class CalendarService {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})-(\\d{4})");

    private final SchoolCalendarRepository calendars;
    private final SchoolYearRepository years;
    private final TimeSlotRepository slots;
    private final HolidayPeriodRepository holidays;
    private final Relationships relationships;
    private final SlotUsage slotUsage;
    private final Event<CalendarChanged> changed;

    public CalendarService(SchoolCalendarRepository calendars, SchoolYearRepository years, TimeSlotRepository slots,
                           HolidayPeriodRepository holidays, Relationships relationships, SlotUsage slotUsage,
                           Event<CalendarChanged> changed) {
        this.changed = changed;
        this.calendars = calendars;
        this.years = years;
        this.slots = slots;
        this.holidays = holidays;
        this.relationships = relationships;
        this.slotUsage = slotUsage;
    }

    // --- reading

    /** The people of the school read its calendar. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CalendarView view(UUID schoolId) {
        relationships.requireMemberOf(schoolId);
        SchoolCalendar calendar = calendars.findByIdOptional(schoolId)
                .orElseThrow(() -> Problems.notFound("Calendrier introuvable : l'établissement ne l'a pas encore renseigné."));
        List<CalendarView.YearView> yearViews = years.ofSchool(schoolId).stream().map(y -> {
            YearCalendar rules = rules(calendar, y);
            return new CalendarView.YearView(y.key.year(), y.startsOn, y.endsOn, List.of(y.weeksA), List.of(y.weeksB),
                    rules.publicHolidays().entrySet().stream()
                            .map(e -> new CalendarView.PublicHoliday(e.getKey(), e.getValue())).toList(),
                    holidays.observedBy(schoolId, calendar.zone, y.key.year()).stream()
                            .map(h -> new CalendarView.HolidayView(h.id, h.name, h.startsOn, h.endsOn, h.zone)).toList());
        }).toList();
        return new CalendarView(schoolId, calendar.zone, calendar.dayStartsAt, calendar.dayEndsAt,
                calendar.afternoonStartsAt, slotsOf(schoolId), yearViews);
    }

    /** The rules of the school year that day falls in, when the school has entered it. No access check: callers have made theirs. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<YearCalendar> yearOf(UUID schoolId, LocalDate day) {
        return calendars.findByIdOptional(schoolId)
                .flatMap(calendar -> years.containing(schoolId, day).map(y -> rules(calendar, y)));
    }

    /** The rules of that school year ("2026-2027"), when the school has entered it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<YearCalendar> year(UUID schoolId, String year) {
        return calendars.findByIdOptional(schoolId)
                .flatMap(calendar -> years.findByIdOptional(new SchoolYear.Key(schoolId, year)).map(y -> rules(calendar, y)));
    }

    /** The school's day bounds, when set. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SchoolCalendar> settings(UUID schoolId) {
        return calendars.findByIdOptional(schoolId);
    }

    private YearCalendar rules(SchoolCalendar calendar, SchoolYear y) {
        Map<String, YearCalendar.Slot> bySlot = new LinkedHashMap<>();
        slotsOf(calendar.schoolId).forEach(s -> bySlot.put(s.code(), s));
        return new YearCalendar(y.key.year(), y.startsOn, y.endsOn,
                holidays.observedBy(calendar.schoolId, calendar.zone, y.key.year()).stream()
                        .map(h -> new YearCalendar.Period(h.name, h.startsOn, h.endsOn)).toList(),
                Set.of(y.weeksA), Set.of(y.weeksB), bySlot);
    }

    private List<YearCalendar.Slot> slotsOf(UUID schoolId) {
        return slots.ofSchool(schoolId).stream().map(s -> new YearCalendar.Slot(s.key.code(), s.startsAt, s.endsAt)).toList();
    }

    // --- staff's changes

    /** Sets the zone (once: another zone later is a 409) and the bounds of the school day. */
    @Transactional
    public CalendarView configure(UUID schoolId, CalendarInputs.Settings in) {
        relationships.requireStaffOf(schoolId);
        if (!(in.dayStartsAt().isBefore(in.afternoonStartsAt()) && in.afternoonStartsAt().isBefore(in.dayEndsAt()))) {
            throw Problems.invalidField("afternoonStartsAt", "doit être entre le début et la fin de la journée");
        }
        SchoolCalendar calendar = calendars.findByIdOptional(schoolId).orElse(null);
        if (calendar != null && calendar.zone != in.zone()) {
            throw Problems.conflict("zone-already-set",
                    "La zone de l'établissement est déjà " + calendar.zone + " : elle ne se change pas.");
        }
        for (TimeSlot slot : slots.ofSchool(schoolId)) {
            if (slot.startsAt.isBefore(in.dayStartsAt()) || slot.endsAt.isAfter(in.dayEndsAt())) {
                throw Problems.invalidField("dayStartsAt", "le créneau " + slot.key.code() + " sortirait de la journée");
            }
        }
        if (calendar == null) {
            calendar = new SchoolCalendar();
            calendar.schoolId = schoolId;
            calendar.zone = in.zone();
        }
        calendar.dayStartsAt = in.dayStartsAt();
        calendar.dayEndsAt = in.dayEndsAt();
        calendar.afternoonStartsAt = in.afternoonStartsAt();
        calendars.persist(calendar);
        calendars.flush();
        return view(schoolId);
    }

    @Transactional
    public CalendarView setYear(UUID schoolId, String year, CalendarInputs.Year in) {
        relationships.requireStaffOf(schoolId);
        int first = firstCalendarYear(year);
        requireConfigured(schoolId);
        if (in.startsOn().getYear() != first || in.endsOn().getYear() != first + 1) {
            throw Problems.invalidField("startsOn", "l'année " + year + " commence en " + first + " et finit en " + (first + 1));
        }
        List<Integer> a = in.weeksA() == null ? List.of() : in.weeksA();
        List<Integer> b = in.weeksB() == null ? List.of() : in.weeksB();
        Set<Integer> seen = new HashSet<>();
        for (Integer week : concat(a, b)) {
            if (week < 1 || week > 53) {
                throw Problems.invalidField("weeksA", "une semaine ISO est entre 1 et 53");
            }
            if (!seen.add(week)) {
                throw Problems.invalidField("weeksB", "la semaine " + week + " est à la fois A et B (ou répétée)");
            }
        }
        SchoolYear.Key key = new SchoolYear.Key(schoolId, year);
        Optional<YearCalendar> before = year(schoolId, year);
        SchoolYear y = years.findByIdOptional(key).orElseGet(() -> {
            SchoolYear created = new SchoolYear();
            created.key = key;
            return created;
        });
        for (SchoolYear other : years.ofSchool(schoolId)) {
            if (!other.key.equals(key) && !other.endsOn.isBefore(in.startsOn()) && !other.startsOn.isAfter(in.endsOn())) {
                throw Problems.invalidField("startsOn", "chevauche l'année " + other.key.year());
            }
        }
        y.startsOn = in.startsOn();
        y.endsOn = in.endsOn();
        y.weeksA = a.stream().sorted().toArray(Integer[]::new);
        y.weeksB = b.stream().sorted().toArray(Integer[]::new);
        years.persist(y);
        years.flush();
        changed(schoolId, year, before);
        return view(schoolId);
    }

    /**
     * Replaces the school's time slots; each inside the school day, codes unique, none a lesson still
     * uses removed, and the last slot of a lesson over several still after its first.
     */
    @Transactional
    public CalendarView setSlots(UUID schoolId, CalendarInputs.Slots in) {
        relationships.requireStaffOf(schoolId);
        SchoolCalendar calendar = requireConfigured(schoolId);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < in.slots().size(); i++) {
            CalendarInputs.Slot s = in.slots().get(i);
            String field = "slots[" + i + "]";
            if (!codes.add(s.code())) {
                throw Problems.invalidField(field + ".code", "le créneau " + s.code() + " est en double");
            }
            if (!s.startsAt().isBefore(s.endsAt())) {
                throw Problems.invalidField(field + ".endsAt", "doit être après le début du créneau");
            }
            if (s.startsAt().isBefore(calendar.dayStartsAt) || s.endsAt().isAfter(calendar.dayEndsAt)) {
                throw Problems.invalidField(field + ".startsAt", "en dehors de la journée de l'établissement ("
                        + calendar.dayStartsAt + "–" + calendar.dayEndsAt + ")");
            }
        }
        Map<String, Optional<YearCalendar>> before = new LinkedHashMap<>();
        years.ofSchool(schoolId).forEach(y -> before.put(y.key.year(), Optional.of(rules(calendar, y))));
        Map<String, TimeSlot> existing = new LinkedHashMap<>();
        slots.ofSchool(schoolId).forEach(slot -> existing.put(slot.key.code(), slot));
        for (TimeSlot old : existing.values()) {
            if (!codes.contains(old.key.code())) {
                if (slotUsage.isUsed(schoolId, old.key.code())) {
                    throw Problems.conflict("slot-in-use", "Le créneau " + old.key.code() + " est utilisé par des cours.");
                }
                slots.delete(old);
            }
        }
        List<String> day = in.slots().stream().sorted(Comparator.comparing(CalendarInputs.Slot::startsAt)
                .thenComparing(CalendarInputs.Slot::code)).map(CalendarInputs.Slot::code).toList();
        for (SlotUsage.Span span : slotUsage.spans(schoolId)) {
            if (day.indexOf(span.last()) <= day.indexOf(span.first())) {
                throw Problems.conflict("slot-in-use", "Des cours durent de " + span.first() + " à " + span.last()
                        + " : " + span.last() + " doit rester après " + span.first() + " dans la journée.");
            }
        }
        for (CalendarInputs.Slot s : in.slots()) {
            TimeSlot slot = existing.get(s.code());
            if (slot == null) {
                slot = new TimeSlot();
                slot.key = new TimeSlot.Key(schoolId, s.code());
            }
            slot.startsAt = s.startsAt();
            slot.endsAt = s.endsAt();
            slots.persist(slot);
        }
        slots.flush();
        before.forEach((year, rules) -> changed(schoolId, year, rules));
        return view(schoolId);
    }

    /** A holiday period of the school's own (a bridge day, a local closure). */
    @Transactional
    public CalendarView.HolidayView addHoliday(UUID schoolId, String year, CalendarInputs.Holiday in) {
        relationships.requireStaffOf(schoolId);
        requireConfigured(schoolId);
        HolidayPeriod period = period(year, in, "");
        period.schoolId = schoolId;
        Optional<YearCalendar> before = year(schoolId, year);
        holidays.persist(period);
        changed(schoolId, year, before);
        return new CalendarView.HolidayView(period.id, period.name, period.startsOn, period.endsOn, null);
    }

    @Transactional
    public void removeHoliday(UUID schoolId, UUID holidayId) {
        relationships.requireStaffOf(schoolId);
        HolidayPeriod period = holidays.findByIdOptional(holidayId).filter(h -> schoolId.equals(h.schoolId))
                .orElseThrow(() -> Problems.notFound("Période de vacances introuvable."));
        Optional<YearCalendar> before = year(schoolId, period.year);
        holidays.delete(period);
        changed(schoolId, period.year, before);
    }

    /** The admin loads (replaces) a zone's holiday periods of a year, once for every school of the zone. */
    @Transactional
    public List<CalendarView.HolidayView> setZoneHolidays(Zone zone, String year, CalendarInputs.Holidays in) {
        Map<UUID, Optional<YearCalendar>> before = new LinkedHashMap<>();
        calendars.list("zone", zone).forEach(c -> before.put(c.schoolId, year(c.schoolId, year)));
        holidays.deleteOfZone(zone, year);
        holidays.flush();
        for (int i = 0; i < in.holidays().size(); i++) {
            HolidayPeriod period = period(year, in.holidays().get(i), "holidays[" + i + "].");
            period.zone = zone;
            holidays.persist(period);
        }
        holidays.flush();
        before.forEach((schoolId, rules) -> changed(schoolId, year, rules));
        return holidays.list("zone = ?1 and year = ?2 order by startsOn", zone, year).stream()
                .map(h -> new CalendarView.HolidayView(h.id, h.name, h.startsOn, h.endsOn, h.zone)).toList();
    }

    /** Tells the lessons' side, in this transaction, that the year's days or times of lessons may have changed. */
    private void changed(UUID schoolId, String year, Optional<YearCalendar> before) {
        holidays.flush();
        if (before.isPresent() || year(schoolId, year).isPresent()) {
            changed.fire(new CalendarChanged(schoolId, year, before.orElse(null)));
        }
    }

    private HolidayPeriod period(String year, CalendarInputs.Holiday in, String field) {
        int first = firstCalendarYear(year);
        if (in.endsOn().isBefore(in.startsOn())) {
            throw Problems.invalidField(field + "endsOn", "doit être le " + in.startsOn() + " ou après");
        }
        if (in.startsOn().isBefore(LocalDate.of(first, 7, 1)) || in.endsOn().isAfter(LocalDate.of(first + 1, 9, 30))) {
            throw Problems.invalidField(field + "startsOn", "en dehors de l'année scolaire " + year);
        }
        HolidayPeriod period = new HolidayPeriod();
        period.id = UUID.randomUUID();
        period.year = year;
        period.name = in.name();
        period.startsOn = in.startsOn();
        period.endsOn = in.endsOn();
        return period;
    }

    private SchoolCalendar requireConfigured(UUID schoolId) {
        return calendars.findByIdOptional(schoolId).orElseThrow(() -> Problems.conflict("calendar-not-set",
                "Renseignez d'abord la zone et les horaires de l'établissement."));
    }

    /** 2026 for "2026-2027"; a 400 naming {@code year} for anything else. */
    public static int firstCalendarYear(String year) {
        Matcher m = YEAR.matcher(year == null ? "" : year);
        if (!m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1
                || Integer.parseInt(m.group(1)) < 1900 || Integer.parseInt(m.group(1)) > 2198) {
            throw Problems.invalidField("year", "une année scolaire s'écrit 2026-2027");
        }
        return Integer.parseInt(m.group(1));
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
