package fr.ent.directory;

import fr.ent.events.contract.identity.GroupKind;

import java.util.UUID;

/** A class (division) or group of a school. */
public record DirectoryClassGroup(UUID id, UUID schoolId, String name, String level, GroupKind kind,
                                  String schoolYear) {
}
