package fr.ent.directory;

import java.time.ZoneId;
import java.util.UUID;

/** A school: its UAI, name and time zone (quiet hours, "today" for registers). */
public record DirectorySchool(UUID id, String uai, String name, String timeZone) {
    public ZoneId zoneId() {
        return ZoneId.of(timeZone);
    }
}
