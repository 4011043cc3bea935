package fr.ent.identity.roster;

import java.util.LinkedHashMap;
import java.util.Map;

/** What an import changed (or, for a dry run, would change), per kind of thing. */
public class ImportReport {

    public static class Counts {
        public int created;
        public int updated;
        public int unchanged;
        public int ended;
    }

    public final Map<String, Counts> counts = new LinkedHashMap<>();

    Counts of(String kind) {
        return counts.computeIfAbsent(kind, k -> new Counts());
    }

    void created(String kind) { of(kind).created++; }
    void updated(String kind) { of(kind).updated++; }
    void unchanged(String kind) { of(kind).unchanged++; }
    void ended(String kind) { of(kind).ended++; }

    /** True when nothing was created, changed or ended. */
    public boolean nothingChanged() {
        return counts.values().stream().allMatch(c -> c.created == 0 && c.updated == 0 && c.ended == 0);
    }
}
