package fr.ent.timetable.importing;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A school's names as a file writes them: teachers ("Prénom Nom" or "NOM Prénom"), classes and
 * groups, rooms; compared without case, accents or extra spaces. A name two people share is ambiguous.
 */
final class SchoolNames {

    private final Map<String, Set<UUID>> teachers = new HashMap<>();
    private final Map<String, Set<UUID>> classes = new HashMap<>();
    private final Map<String, Set<UUID>> groups = new HashMap<>();
    private final Map<String, UUID> rooms = new HashMap<>();

    void teacher(UUID id, String firstName, String lastName) {
        teachers.computeIfAbsent(normal(firstName + " " + lastName), k -> new HashSet<>()).add(id);
        teachers.computeIfAbsent(normal(lastName + " " + firstName), k -> new HashSet<>()).add(id);
    }

    void classGroup(UUID id, String name, boolean isClass) {
        (isClass ? classes : groups).computeIfAbsent(normal(name), k -> new HashSet<>()).add(id);
    }

    void room(UUID id, String name) {
        rooms.put(normal(name), id);
    }

    Set<UUID> teachers(String name) {
        return teachers.getOrDefault(normal(name), Set.of());
    }

    Set<UUID> classes(String name) {
        return classes.getOrDefault(normal(name), Set.of());
    }

    Set<UUID> groups(String name) {
        return groups.getOrDefault(normal(name), Set.of());
    }

    UUID room(String name) {
        return rooms.get(normal(name));
    }

    static String normal(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .strip().replaceAll("\\s+", " ");
    }
}
