package fr.ent.timetable.importing;

import fr.ent.web.problem.Problems;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV format (see the README): a header row naming the columns, ';' or ',' separated (the
 * header's first separator decides), double quotes around a field that holds one. Columns: slot
 * (M1, or M1-M2 for a lesson over several slots), day, week, subject, teacher, classes (or "groups", "classes/groups"), room, and optional from, to.
 */
final class Csv {

    static final List<String> REQUIRED = List.of("slot", "day", "week", "subject", "teacher", "classes", "room");
    private static final Map<String, DayOfWeek> DAYS = Map.of("lundi", DayOfWeek.MONDAY, "mardi", DayOfWeek.TUESDAY,
            "mercredi", DayOfWeek.WEDNESDAY, "jeudi", DayOfWeek.THURSDAY, "vendredi", DayOfWeek.FRIDAY,
            "samedi", DayOfWeek.SATURDAY);

    private Csv() {
    }

    record Parsed(List<ImportLine> lines, List<ImportReport.LineError> errors) {
    }

    static Parsed parse(String text) {
        String[] rows = text.split("\r\n|\n|\r", -1);
        int headerAt = 0;
        while (headerAt < rows.length && rows[headerAt].isBlank()) {
            headerAt++;
        }
        if (headerAt == rows.length) {
            throw Problems.badRequest("malformed-file", "Fichier vide : une ligne d'en-tête est attendue (" + String.join(", ", REQUIRED) + ").");
        }
        String header = rows[headerAt];
        char separator = header.indexOf(';') >= 0 && (header.indexOf(',') < 0 || header.indexOf(';') < header.indexOf(',')) ? ';' : ',';
        List<String> names = split(header, separator, headerAt + 1).stream().map(Csv::column).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(names.get(i), i);
        }
        List<String> missing = REQUIRED.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw Problems.badRequest("malformed-file", "Ligne " + (headerAt + 1) + " : colonnes manquantes dans l'en-tête : "
                    + String.join(", ", missing) + " (attendues : " + String.join(", ", REQUIRED) + ", et from, to facultatives).");
        }
        List<ImportLine> lines = new ArrayList<>();
        List<ImportReport.LineError> errors = new ArrayList<>();
        for (int r = headerAt + 1; r < rows.length; r++) {
            int number = r + 1;
            if (rows[r].isBlank()) {
                continue;
            }
            List<String> cells = split(rows[r], separator, number);
            Row row = new Row(cells, index, number, errors);
            DayOfWeek day = row.day();
            String week = row.week();
            String subject = row.required("subject");
            String slots = row.required("slot");
            // One slot (M1), or the first and last of a lesson over several (M1-M2).
            String[] range = slots == null || slots.isEmpty() ? new String[]{slots} : slots.split("\\s*[-–]\\s*", -1);
            String slot = range[0];
            String endSlot = range.length == 2 ? range[1] : null;
            if (range.length > 2 || range.length == 2 && (slot.isEmpty() || endSlot.isEmpty())) {
                errors.add(new ImportReport.LineError(number, null, "slot", "créneau « " + slots
                        + " » : un créneau (M1) ou le premier et le dernier d'un cours sur plusieurs (M1-M2)"));
            }
            List<String> teachers = row.list("teacher");
            List<String> classes = row.list("classes");
            String room = row.get("room");
            LocalDate from = row.date("from");
            LocalDate to = row.date("to");
            if (row.ok()) {
                lines.add(new ImportLine(number, null, slot, endSlot, null, null, day, week, subject, teachers, classes,
                        room == null || room.isBlank() ? null : room.strip(), from, to, null));
            }
        }
        return new Parsed(lines, errors);
    }

    private static String column(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "classes/groups", "classes/groupes", "class", "classe", "groups", "groupes", "classes_groups" -> "classes";
            case "créneau", "creneau" -> "slot";
            case "jour" -> "day";
            case "semaine" -> "week";
            case "matière", "matiere" -> "subject";
            case "enseignant", "professeur", "teachers" -> "teacher";
            case "salle" -> "room";
            default -> n;
        };
    }

    /** One line's cells by column, collecting each field's error. */
    private static final class Row {
        private final List<String> cells;
        private final Map<String, Integer> index;
        private final int number;
        private final List<ImportReport.LineError> errors;
        private final int errorsBefore;

        Row(List<String> cells, Map<String, Integer> index, int number, List<ImportReport.LineError> errors) {
            this.cells = cells;
            this.index = index;
            this.number = number;
            this.errors = errors;
            this.errorsBefore = errors.size();
        }

        boolean ok() {
            return errors.size() == errorsBefore;
        }

        String get(String column) {
            Integer i = index.get(column);
            return i == null || i >= cells.size() ? null : cells.get(i).strip();
        }

        String required(String column) {
            String v = get(column);
            if (v == null || v.isEmpty()) {
                errors.add(new ImportReport.LineError(number, null, column, "obligatoire"));
            }
            return v;
        }

        List<String> list(String column) {
            String v = required(column);
            return v == null ? List.of() : Arrays.stream(v.split("[+|]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        DayOfWeek day() {
            String v = required("day");
            if (v == null || v.isEmpty()) {
                return null;
            }
            DayOfWeek day = DAYS.get(v.toLowerCase(Locale.ROOT));
            if (day == null && v.matches("[1-6]")) {
                day = DayOfWeek.of(Integer.parseInt(v));
            }
            if (day == null) {
                errors.add(new ImportReport.LineError(number, null, "day", "jour inconnu « " + v + " » (lundi…samedi ou 1–6)"));
            }
            return day;
        }

        String week() {
            String v = get("week");
            String w = v == null ? "" : v.toLowerCase(Locale.ROOT);
            return switch (w) {
                case "", "toutes", "all", "*" -> "WEEKLY";
                case "a", "sem a", "semaine a" -> "WEEK_A";
                case "b", "sem b", "semaine b" -> "WEEK_B";
                default -> {
                    errors.add(new ImportReport.LineError(number, null, "week", "semaine inconnue « " + v + " » (vide, toutes, A ou B)"));
                    yield null;
                }
            };
        }

        LocalDate date(String column) {
            String v = get(column);
            if (v == null || v.isEmpty()) {
                return null;
            }
            try {
                if (v.matches("\\d{2}/\\d{2}/\\d{4}")) {
                    return LocalDate.of(Integer.parseInt(v.substring(6)), Integer.parseInt(v.substring(3, 5)), Integer.parseInt(v.substring(0, 2)));
                }
                return LocalDate.parse(v);
            } catch (java.time.DateTimeException e) {
                errors.add(new ImportReport.LineError(number, null, column, "date invalide « " + v + " » (AAAA-MM-JJ ou JJ/MM/AAAA)"));
                return null;
            }
        }
    }

    /** One line's fields; a field in double quotes may hold the separator ("" is a quote). */
    static List<String> split(String row, char separator, int number) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw Problems.badRequest("malformed-file", "Ligne " + number + " : guillemet non fermé.");
        }
        cells.add(cell.toString());
        return cells;
    }
}
