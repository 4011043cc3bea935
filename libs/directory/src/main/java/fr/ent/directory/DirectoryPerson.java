package fr.ent.directory;

import fr.ent.events.contract.identity.PersonRole;

import java.util.Set;
import java.util.UUID;

/** A person as the directory knows them: no contact details. */
public record DirectoryPerson(UUID id, PersonRole role, String firstName, String lastName, Set<UUID> schoolIds,
                              boolean active) {
    public DirectoryPerson {
        schoolIds = Set.copyOf(schoolIds);
    }
}
