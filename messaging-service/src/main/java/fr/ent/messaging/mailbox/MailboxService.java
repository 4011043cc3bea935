package fr.ent.messaging.mailbox;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryPerson;
import fr.ent.messaging.message.Box;
import fr.ent.messaging.message.MessageRepository;
import fr.ent.messaging.message.MessageRepository.SummaryRow;
import fr.ent.messaging.message.Views.Page;
import fr.ent.messaging.message.Views.PersonRef;
import fr.ent.messaging.message.Views.Summary;
import fr.ent.messaging.message.Views.UnreadCounts;
import fr.ent.messaging.support.Access;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A person's boxes, trash, folders, unread counts and search: only ever their own copies. */
@ApplicationScoped
public class MailboxService {

    /** What a mailbox list shows: a box, or the trash. */
    public enum View {
        INBOX, SENT, DRAFT, TRASH;

        /** A 400 naming the parameter for anything else. */
        public static View parse(String value) {
            for (View v : values()) {
                if (v.name().equals(value)) {
                    return v;
                }
            }
            throw Problems.invalidField("box", "INBOX, SENT, DRAFT ou TRASH");
        }
    }

    private final MessageRepository messages;
    private final FolderRepository folders;
    private final Access access;
    private final Directory directory;
    private final SchoolClock clock;

    public MailboxService(MessageRepository messages, FolderRepository folders, Access access, Directory directory,
                          SchoolClock clock) {
        this.messages = messages;
        this.folders = folders;
        this.access = access;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(View view, int page, int size) {
        UUID me = access.person();
        List<SummaryRow> rows = view == View.TRASH ? messages.trashed(me, page, size)
                : messages.box(me, Box.valueOf(view.name()), page, size);
        return page(rows, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page folder(UUID folderId, int page, int size) {
        UUID me = access.person();
        ownFolder(me, folderId);
        return page(messages.inFolder(me, folderId, page, size), page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page search(String query, int page, int size) {
        if (query == null || query.isBlank()) {
            throw Problems.invalidField("q", "ne peut pas être vide");
        }
        return page(messages.search(access.person(), query, page, size), page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UnreadCounts unread() {
        UUID me = access.person();
        Map<UUID, Integer> perFolder = new LinkedHashMap<>();
        messages.unreadPerFolder(me).forEach(row -> perFolder.put((UUID) row[0], (Integer) row[1]));
        return new UnreadCounts(messages.unreadInbox(me), perFolder);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Folder> folders() {
        return folders.of(access.person());
    }

    @Transactional
    public Folder createFolder(FolderInput in) {
        Folder folder = new Folder(UUID.randomUUID(), in.name().strip());
        if (!folders.insert(access.person(), folder, clock.instant())) {
            throw Problems.conflict("folder-name-taken", "Un dossier « " + folder.name() + " » existe déjà.");
        }
        return folder;
    }

    /** Deleting a folder puts its messages back in their boxes. */
    @Transactional
    public void deleteFolder(UUID folderId) {
        UUID me = access.person();
        ownFolder(me, folderId);
        folders.delete(me, folderId);
    }

    @Transactional
    public void move(UUID messageId, MoveInput in) {
        UUID me = access.person();
        if (messages.holdings(me, messageId).isEmpty()) {
            throw Problems.notFound("Message introuvable.");
        }
        if (in.folderId() != null && folders.own(me, in.folderId()).isEmpty()) {
            throw Problems.invalidField("folderId", "dossier inconnu");
        }
        messages.moveToFolder(me, messageId, in.folderId());
    }

    private void ownFolder(UUID me, UUID folderId) {
        if (folders.own(me, folderId).isEmpty()) {
            throw Problems.notFound("Dossier introuvable.");
        }
    }

    private Page page(List<SummaryRow> rows, int page, int size) {
        boolean more = rows.size() > size;
        List<SummaryRow> shown = more ? rows.subList(0, size) : rows;
        Map<UUID, DirectoryPerson> people = directory.people(shown.stream().map(SummaryRow::senderId).collect(Collectors.toSet()));
        List<Summary> items = shown.stream().map(r -> new Summary(r.id(), r.conversationId(), r.schoolId(), r.box(),
                new PersonRef(r.senderId(), people.containsKey(r.senderId())
                        ? people.get(r.senderId()).firstName() + " " + people.get(r.senderId()).lastName() : "Compte supprimé"),
                r.subject(), at(r.sentAt()), at(r.updatedAt()), r.box() != Box.INBOX || r.readAt() != null,
                r.trashedAt() != null, r.folderId(), r.recalledAt() != null)).toList();
        return new Page(items, page, size, more);
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(clock.zone()).toOffsetDateTime();
    }
}
