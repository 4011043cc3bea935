package fr.ent.notification.recipients;

import fr.ent.notification.notice.Notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What grades' notifiers share: the subject as families read it, and the notices of one pupil held
 * back until the times grades-service gave (the pupil's, then the guardians'): never early. No
 * mark is ever in a text: the family reads it in the ENT.
 */
public final class Marks {

    /** The subject codes of the teaching assignments, as in a sentence. */
    private static final Map<String, String> SUBJECTS = Map.ofEntries(
            Map.entry("FRANCAIS", "français"), Map.entry("MATHS", "mathématiques"),
            Map.entry("HIST-GEO", "histoire-géographie"), Map.entry("HISTOIRE", "histoire"),
            Map.entry("ANGLAIS", "anglais"), Map.entry("ALLEMAND", "allemand"), Map.entry("ESPAGNOL", "espagnol"),
            Map.entry("LATIN", "latin"), Map.entry("SVT", "SVT"), Map.entry("PHYS-CHI", "physique-chimie"),
            Map.entry("EPS", "EPS"), Map.entry("TECHNO", "technologie"), Map.entry("ARTS", "arts plastiques"),
            Map.entry("MUSIQUE", "éducation musicale"));

    private Marks() {
    }

    public static String subject(String code) {
        return code == null ? "cours" : SUBJECTS.getOrDefault(code, Lessons.subject(code));
    }

    /**
     * The pupil's notice, held until {@code pupilsAt}, and their guardians', held until
     * {@code guardiansAt} (each at once if that time has passed).
     */
    static List<Notice> forPupilAndGuardians(Pupils pupils, Clock clock, UUID pupil, UUID school, String pupilTitle,
                                             String pupilBody, String guardianTitle, String guardianBody, String link,
                                             Instant occurredAt, Instant pupilsAt, Instant guardiansAt) {
        Instant now = clock.instant();
        String firstName = pupils.firstName(pupil);
        List<Notice> notices = new ArrayList<>();
        notices.add(new Notice(pupil, school, pupil, firstName, pupilTitle, pupilBody, link, occurredAt, until(now, pupilsAt)));
        Notice toGuardians = new Notice(null, school, pupil, firstName, named(guardianTitle, firstName),
                named(guardianBody, firstName), link, occurredAt, until(now, guardiansAt));
        notices.addAll(pupils.toGuardians(pupil, toGuardians));
        return notices;
    }

    /** The text with the pupil's first name for {@code {prénom}}, « de » elided before it: « Bulletin d'Inès ». */
    static String named(String text, String firstName) {
        return text.replace("de {prénom}", fr.ent.web.text.French.de(firstName)).replace("{prénom}", firstName);
    }

    /** Longest assessment title or period name kept in a notice's title (the rest: « … »). */
    static final int MAX_NAME = 80;

    /**
     * « Nouvelle note en mathématiques : Contrôle chapitre 3 »: the text followed by the name the
     * event gives (an assessment's title), when it gives one; older events have none: the text alone.
     */
    public static String withName(String text, String name) {
        String n = name == null ? "" : name.strip().replace("{prénom}", "");
        if (n.isEmpty()) {
            return text;
        }
        return text + " : " + (n.length() > MAX_NAME ? n.substring(0, MAX_NAME - 1).strip() + "…" : n);
    }

    /**
     * A period named after « bulletin »: « du 1er trimestre », « du semestre 2 ». Null when the event
     * gives no name, or one that does not read after « du » (« Année »: the caller puts it after a
     * colon with {@link #withName}).
     */
    static String ofPeriod(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            return null;
        }
        String lower = n.toLowerCase(java.util.Locale.FRENCH);
        if (Character.isDigit(n.charAt(0)) || lower.startsWith("trimestre") || lower.startsWith("semestre")) {
            return "du " + (Character.isDigit(n.charAt(0)) ? n : lower);
        }
        return null;
    }

    private static Duration until(Instant now, Instant at) {
        return at == null || !at.isAfter(now) ? Duration.ZERO : Duration.between(now, at);
    }
}
