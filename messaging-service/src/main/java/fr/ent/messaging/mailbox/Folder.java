package fr.ent.messaging.mailbox;

import java.util.UUID;

/** A personal folder ("Sorties scolaires", "Conseil de classe"). */
public record Folder(UUID id, String name) {
}
