package fr.ent.notification.recipients;

import java.time.LocalDate;

/** What homework's notifiers share: the kind of work and the due day as in a sentence. */
public final class Homework {

    private Homework() {
    }

    /** « un travail », « une lecture », « une révision de contrôle », « un travail à rendre ». */
    static String kind(String kind) {
        return switch (kind == null ? "" : kind) {
            case "READING" -> "une lecture";
            case "TEST_REVISION" -> "une révision de contrôle";
            case "HAND_IN" -> "un travail à rendre";
            default -> "un travail";
        };
    }

    /** « Nouveau travail en mathématiques pour demain. » without the subject's capital. */
    public static String dueSentence(String kind, String subject, LocalDate dueOn, LocalDate today) {
        String k = kind(kind);
        return Character.toUpperCase(k.charAt(0)) + k.substring(1) + " " + Lessons.de(subject) + " pour "
                + Lessons.onDay(dueOn, today) + ".";
    }

    static String link(java.util.UUID workId) {
        return "/travail/" + workId;
    }
}
