package fr.ent.identity.person;

import jakarta.enterprise.context.ApplicationScoped;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** Sign-in names the French way: prenom.nom, then prenom.nom2, prenom.nom3... when taken. */
@ApplicationScoped
public class Usernames {

    private final PersonRepository people;

    public Usernames(PersonRepository people) {
        this.people = people;
    }

    public static String base(String firstName, String lastName) {
        return (ascii(firstName) + "." + ascii(lastName)).replaceAll("\\.+", ".").replaceAll("^\\.|\\.$", "");
    }

    static String ascii(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** A free name; {@code reserved} holds names handed out in this transaction but maybe not flushed. */
    public String allocate(String firstName, String lastName, Set<String> reserved) {
        String base = baseOrUser(firstName, lastName);
        Set<String> used = new HashSet<>(people.usernamesStartingWith(base));
        String candidate = firstFree(base, name -> used.contains(name) || reserved.contains(name));
        reserved.add(candidate);
        return candidate;
    }

    /** The base name, or {@code user} for names with no letter or digit. */
    public static String baseOrUser(String firstName, String lastName) {
        String base = base(firstName, lastName);
        return base.isEmpty() ? "user" : base;
    }

    /** The first of base, base2, base3... that is not taken. */
    public static String firstFree(String base, Predicate<String> taken) {
        String candidate = base;
        for (int n = 2; taken.test(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }
}
