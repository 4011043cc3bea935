package fr.ent.web.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Small rules of written French for the texts families read (notifications, e-mails, PDFs).
 */
public final class French {

    private static final String VOWELS = "aeiouœæ";

    private French() {
    }

    /**
     * « de » before a word, elided to « d' » before a vowel or a mute h: « le bulletin d'Inès »,
     * « d'Hugo », « d'anglais », « de Léa », « de Yanis » (a y before a vowel is a consonant), « d'Yves ».
     * A null or blank word gives « de ».
     */
    public static String de(String word) {
        if (word == null || word.isBlank()) {
            return "de";
        }
        String w = word.strip();
        return elides(w) ? "d'" + w : "de " + w;
    }

    /** Whether « de », « le », « que »... elide before this word: it starts with a vowel sound or a mute h. */
    public static boolean elides(String word) {
        String base = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.FRENCH);
        if (base.isEmpty()) {
            return false;
        }
        char first = base.charAt(0);
        if (VOWELS.indexOf(first) >= 0 || first == 'h') {
            return true;
        }
        // Yves, Ysaline: a y before a consonant is a vowel; Yanis, Yasmine: before a vowel, a consonant
        return first == 'y' && base.length() > 1 && VOWELS.indexOf(base.charAt(1)) < 0 && base.charAt(1) != 'y';
    }
}
