package fr.ent.identity.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Sign-in names the French way: prenom.nom, then prenom.nom2, prenom.nom3... when taken. */
@ApplicationScoped
public class Usernames {

    @Inject EntityManager em;

    public static String base(String firstName, String lastName) {
        return (ascii(firstName) + "." + ascii(lastName)).replaceAll("\\.+", ".").replaceAll("^\\.|\\.$", "");
    }

    static String ascii(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** A free name; {@code reserved} holds names handed out in this transaction but maybe not flushed. */
    public String allocate(String firstName, String lastName, Set<String> reserved) {
        String base = base(firstName, lastName);
        if (base.isEmpty()) base = "user";
        @SuppressWarnings("unchecked")
        List<String> taken = em.createNativeQuery("select username from person where username = ?1 or username like ?2")
                .setParameter(1, base).setParameter(2, base.replace("_", "\\_").replace("%", "\\%") + "%")
                .getResultList();
        Set<String> used = new HashSet<>(taken);
        String candidate = base;
        for (int n = 2; used.contains(candidate) || reserved.contains(candidate); n++) {
            candidate = base + n;
        }
        reserved.add(candidate);
        return candidate;
    }
}
