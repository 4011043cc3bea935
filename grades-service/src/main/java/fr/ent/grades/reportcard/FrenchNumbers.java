package fr.ent.grades.reportcard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** Marks and subject names as a French report card writes them. */
public final class FrenchNumbers {

    /** A no-break space (U+00A0): never U+202F, at which the PDF renderer breaks lines. */
    public static final String NBSP = "\u00A0";

    private static final Map<String, String> SUBJECTS = Map.ofEntries(
            Map.entry("MATHS", "Mathématiques"), Map.entry("FRANCAIS", "Français"),
            Map.entry("HISTOIRE", "Histoire-géographie"), Map.entry("HISTOIRE_GEO", "Histoire-géographie"),
            Map.entry("HIST-GEO", "Histoire-géographie"), Map.entry("PHYS-CHI", "Physique-chimie"),
            Map.entry("TECHNO", "Technologie"),
            Map.entry("ANGLAIS", "Anglais"), Map.entry("ESPAGNOL", "Espagnol"), Map.entry("ALLEMAND", "Allemand"),
            Map.entry("LATIN", "Latin"), Map.entry("SVT", "Sciences de la vie et de la Terre"),
            Map.entry("PHYSIQUE_CHIMIE", "Physique-chimie"), Map.entry("TECHNOLOGIE", "Technologie"),
            Map.entry("EPS", "Éducation physique et sportive"), Map.entry("ARTS_PLASTIQUES", "Arts plastiques"),
            Map.entry("MUSIQUE", "Éducation musicale"), Map.entry("EMC", "Enseignement moral et civique"));

    private FrenchNumbers() {
    }

    /** "15,33", "16,00" (two decimals, a decimal comma), or "—" without a value. */
    public static String mark(BigDecimal value) {
        return value == null ? "—" : value.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    public static String subject(String code) {
        return SUBJECTS.getOrDefault(code, code.charAt(0) + code.substring(1).toLowerCase().replace('_', ' ').replace('-', ' '));
    }
}
