package fr.ent.timetable.lesson;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Ids in a stable order, so that answers and events compare equal. */
public final class Ids {

    private Ids() {
    }

    public static List<UUID> sorted(Collection<UUID> ids) {
        return ids.stream().sorted().toList();
    }
}
