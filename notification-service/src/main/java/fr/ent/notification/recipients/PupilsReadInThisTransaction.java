package fr.ent.notification.recipients;

import fr.ent.directory.DirectoryPerson;
import jakarta.transaction.TransactionScoped;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the directory said about pupils during one transaction, i.e. one batch of events: read once
 * per pupil (and for the whole batch in two queries, see {@link Pupils#readAhead}), forgotten at the
 * commit. Identity events change the directory in transactions of their own; within a batch, answers
 * as of its start are as good as any.
 */
@TransactionScoped
class PupilsReadInThisTransaction {

    final Map<UUID, Optional<DirectoryPerson>> people = new HashMap<>();
    final Map<UUID, Set<UUID>> guardians = new HashMap<>();
}
