package fr.ent.identity.roster;

import fr.ent.events.contract.identity.GroupKind;
import fr.ent.identity.roster.Roster.ClassRow;
import fr.ent.identity.roster.Roster.GuardianRow;
import fr.ent.identity.roster.Roster.LineError;
import fr.ent.identity.roster.Roster.PupilRow;
import fr.ent.identity.roster.Roster.Service;
import fr.ent.identity.roster.Roster.TeacherRow;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and checks the four roster files (see the README for their columns). Every problem is
 * collected with its file, line and column, so a school fixes its export in one go.
 * References (a pupil's class, a guardian's children) must be found in the files or, for classes
 * and pupils, among those the school already has.
 */
final class RosterReader {

    static final int MAX_ERRORS = 500;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private static final Map<String, String> ALIASES = aliases(
            "id", "id,identifiant,identifiant_externe,id_externe,external_id,ine,id_eleve,id_responsable,id_enseignant,numero",
            "nom", "nom,nom_de_famille,last_name,lastname",
            "prenom", "prenom,first_name,firstname",
            "date_naissance", "date_naissance,date_de_naissance,naissance,birth_date,birthdate",
            "classe", "classe,division,class",
            "groupes", "groupes,groupe,groups",
            "email", "email,e_mail,mel,courriel,adresse_mail",
            "eleves", "eleves,eleve,enfants,ids_eleves,id_eleves,pupils",
            "responsable_legal", "responsable_legal,legal,representant_legal",
            "communications", "communications,recoit_communications,destinataire,receives_communications",
            "services", "services,enseignements,matieres",
            "professeur_principal", "professeur_principal,prof_principal,pp,head_teacher",
            "code", "code,code_classe,code_groupe",
            "libelle", "libelle,nom_classe,name",
            "type", "type,nature,kind",
            "niveau", "niveau,level");

    private final List<LineError> errors = new ArrayList<>();
    private final Set<String> existingClassCodes;
    private final Set<String> existingGroupCodes;
    private final Set<String> existingPupilIds;
    private final LocalDate today;

    RosterReader(Set<String> existingClassCodes, Set<String> existingGroupCodes, Set<String> existingPupilIds, LocalDate today) {
        this.today = today;
        this.existingClassCodes = existingClassCodes;
        this.existingGroupCodes = existingGroupCodes;
        this.existingPupilIds = existingPupilIds;
    }

    List<LineError> errors() {
        return errors;
    }

    /** The roster, or null when there are errors (see {@link #errors()}). Absent files are empty. */
    Roster read(byte[] classesCsv, byte[] pupilsCsv, byte[] guardiansCsv, byte[] teachersCsv) {
        List<ClassRow> classes = rows("classes", classesCsv, List.of("code"), this::classRow);
        List<PupilRow> pupils = rows("pupils", pupilsCsv, List.of("id", "nom", "prenom", "classe"), this::pupilRow);
        List<GuardianRow> guardians = rows("guardians", guardiansCsv, List.of("id", "nom", "prenom", "eleves"), this::guardianRow);
        List<TeacherRow> teachers = rows("teachers", teachersCsv, List.of("id", "nom", "prenom"), this::teacherRow);
        if (classesCsv == null && pupilsCsv == null && guardiansCsv == null && teachersCsv == null) {
            errors.add(new LineError("classes", 0, null, "no file: send at least one of classes, pupils, guardians, teachers"));
        }
        unique("classes", classes, ClassRow::code, ClassRow::line, "code");
        unique("pupils", pupils, PupilRow::id, PupilRow::line, "id");
        unique("guardians", guardians, GuardianRow::id, GuardianRow::line, "id");
        unique("teachers", teachers, TeacherRow::id, TeacherRow::line, "id");

        Set<String> classCodes = new HashSet<>(existingClassCodes);
        Set<String> groupCodes = new HashSet<>(existingGroupCodes);
        for (ClassRow c : classes) {
            (c.kind() == GroupKind.CLASS ? classCodes : groupCodes).add(c.code());
            (c.kind() == GroupKind.CLASS ? groupCodes : classCodes).remove(c.code());
        }
        Set<String> pupilIds = new HashSet<>(existingPupilIds);
        for (PupilRow p : pupils) {
            pupilIds.add(p.id());
            if (!classCodes.contains(p.classCode())) error("pupils", p.line(), "classe", "unknown class " + p.classCode());
            for (String g : p.groupCodes()) if (!groupCodes.contains(g)) error("pupils", p.line(), "groupes", "unknown group " + g);
        }
        for (GuardianRow g : guardians) {
            for (String p : g.pupilIds()) if (!pupilIds.contains(p)) error("guardians", g.line(), "eleves", "unknown pupil " + p);
        }
        for (TeacherRow t : teachers) {
            for (Service s : t.services()) {
                if (!classCodes.contains(s.classCode()) && !groupCodes.contains(s.classCode())) {
                    error("teachers", t.line(), "services", "unknown class or group " + s.classCode());
                }
            }
        }
        return errors.isEmpty() ? new Roster(classes, pupils, guardians, teachers) : null;
    }

    private ClassRow classRow(Csv.Row r) {
        String code = text("classes", r, "code", 40, true);
        String kindText = r.get("type");
        GroupKind kind = GroupKind.CLASS;
        if (kindText != null) {
            String k = Csv.normalise(kindText);
            if (k.equals("groupe") || k.equals("group")) kind = GroupKind.GROUP;
            else if (!k.equals("classe") && !k.equals("class") && !k.equals("division")) {
                error("classes", r.line(), "type", "must be CLASSE or GROUPE");
            }
        }
        String name = text("classes", r, "libelle", 100, false);
        return new ClassRow(r.line(), code, name == null ? code : name, kind, text("classes", r, "niveau", 20, false));
    }

    private PupilRow pupilRow(Csv.Row r) {
        return new PupilRow(r.line(), text("pupils", r, "id", 64, true), text("pupils", r, "nom", 100, true),
                text("pupils", r, "prenom", 100, true), date("pupils", r, "date_naissance"),
                text("pupils", r, "classe", 40, true), list(r.get("groupes")));
    }

    private GuardianRow guardianRow(Csv.Row r) {
        List<String> pupils = list(r.get("eleves"));
        if (pupils.isEmpty() && r.get("eleves") == null) error("guardians", r.line(), "eleves", "must name at least one pupil id");
        return new GuardianRow(r.line(), text("guardians", r, "id", 64, true), text("guardians", r, "nom", 100, true),
                text("guardians", r, "prenom", 100, true), email("guardians", r), pupils,
                yesNo("guardians", r, "responsable_legal"), yesNo("guardians", r, "communications"));
    }

    private TeacherRow teacherRow(Csv.Row r) {
        List<Service> services = new ArrayList<>();
        for (String s : list(r.get("services"))) {
            int colon = s.indexOf(':');
            if (colon <= 0 || colon == s.length() - 1) {
                error("teachers", r.line(), "services", "'" + s + "' must look like CLASSE:MATIERE, e.g. 4B:MATHS");
            } else {
                services.add(new Service(s.substring(0, colon).strip(), s.substring(colon + 1).strip().toUpperCase()));
            }
        }
        List<String> headTeacherOf = r.values().containsKey("professeur_principal") ? list(r.get("professeur_principal")) : null;
        if (headTeacherOf != null) {
            for (String code : headTeacherOf) {
                if (services.stream().noneMatch(s -> s.classCode().equals(code))) {
                    error("teachers", r.line(), "professeur_principal", "'" + code + "' must be a class this teacher teaches (services)");
                }
            }
        }
        return new TeacherRow(r.line(), text("teachers", r, "id", 64, true), text("teachers", r, "nom", 100, true),
                text("teachers", r, "prenom", 100, true), email("teachers", r), services, headTeacherOf);
    }

    private <T> List<T> rows(String file, byte[] csv, List<String> required, Function<Csv.Row, T> row) {
        if (csv == null) return List.of();
        Csv.Table table;
        try {
            table = Csv.parse(Csv.decode(csv), ALIASES);
        } catch (Csv.CsvException e) {
            error(file, e.line, null, e.getMessage());
            return List.of();
        }
        boolean ok = true;
        for (String column : required) {
            if (!table.headers().contains(column)) {
                error(file, 1, column, "missing column (header line: " + String.join(", ", table.headers()) + ")");
                ok = false;
            }
        }
        if (!ok) return List.of();
        List<T> rows = new ArrayList<>(table.rows().size());
        for (Csv.Row r : table.rows()) rows.add(row.apply(r));
        return rows;
    }

    private String text(String file, Csv.Row r, String column, int max, boolean required) {
        String v = r.get(column);
        if (v == null) {
            if (required) error(file, r.line(), column, "is required");
            return null;
        }
        if (v.length() > max) error(file, r.line(), column, "must be at most " + max + " characters");
        return v;
    }

    private String email(String file, Csv.Row r) {
        String v = r.get("email");
        if (v != null && !EMAIL.matcher(v).matches()) {
            error(file, r.line(), "email", "'" + v + "' is not an e-mail address");
            return null;
        }
        return v == null ? null : v.toLowerCase();
    }

    private LocalDate date(String file, Csv.Row r, String column) {
        String v = r.get(column);
        if (v == null) return null;
        try {
            LocalDate d = v.contains("/") ? LocalDate.parse(v, FRENCH_DATE) : LocalDate.parse(v);
            if (d.isAfter(today)) error(file, r.line(), column, "must be in the past");
            return d;
        } catch (DateTimeParseException e) {
            error(file, r.line(), column, "'" + v + "' is not a date (JJ/MM/AAAA or AAAA-MM-JJ)");
            return null;
        }
    }

    private boolean yesNo(String file, Csv.Row r, String column) {
        String v = r.get(column);
        if (v == null) return true;
        return switch (Csv.normalise(v)) {
            case "oui", "o", "yes", "y", "true", "1", "vrai" -> true;
            case "non", "n", "no", "false", "0", "faux" -> false;
            default -> {
                error(file, r.line(), column, "must be oui or non");
                yield true;
            }
        };
    }

    private static List<String> list(String v) {
        if (v == null || v.isBlank()) return List.of();
        return Arrays.stream(v.split("[|]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private <T> void unique(String file, List<T> rows, Function<T, String> id, Function<T, Integer> line, String column) {
        Map<String, Integer> seen = new HashMap<>();
        for (T row : rows) {
            String key = id.apply(row);
            if (key == null) continue;
            Integer first = seen.putIfAbsent(key, line.apply(row));
            if (first != null) error(file, line.apply(row), column, "'" + key + "' already on line " + first);
        }
    }

    private void error(String file, int line, String field, String message) {
        if (errors.size() < MAX_ERRORS) errors.add(new LineError(file, line, field, message));
    }

    private static Map<String, String> aliases(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) for (String a : pairs[i + 1].split(",")) m.put(a, pairs[i]);
        return m;
    }
}
