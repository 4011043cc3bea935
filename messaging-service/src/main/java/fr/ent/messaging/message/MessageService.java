package fr.ent.messaging.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryPerson;
import fr.ent.directory.Relationships;
import fr.ent.messaging.attachment.Attachments;
import fr.ent.messaging.away.Away;
import fr.ent.messaging.events.MessagingEvents;
import fr.ent.messaging.message.MessageRepository.Holding;
import fr.ent.messaging.message.Views.ConversationView;
import fr.ent.messaging.message.Views.MessageView;
import fr.ent.messaging.message.Views.PersonRef;
import fr.ent.messaging.message.Views.Receipt;
import fr.ent.messaging.message.Views.Sent;
import fr.ent.messaging.rules.Profile;
import fr.ent.messaging.school.SchoolSwitches;
import fr.ent.messaging.support.Access;
import fr.ent.messaging.support.Access.Sender;
import fr.ent.messaging.support.SenderBlocks;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writing, replying, forwarding, recalling, and reading one's own messages. A message reaches all
 * of its recipients or none: recipients are resolved and checked before anything is written, and
 * the message, its recipients, every mailbox copy and every event are one transaction.
 */
@ApplicationScoped
public class MessageService {

    /** A sent message may be recalled this long, while nobody has read it. */
    public static final Duration RECALL_WINDOW = Duration.ofMinutes(10);

    private final MessageRepository messages;
    private final Recipients recipients;
    private final MessagingEvents events;
    private final SchoolSwitches switches;
    private final Access access;
    private final Directory directory;
    private final SchoolClock clock;
    private final ObjectMapper json;
    private final SenderBlocks blocks;
    private final Away away;
    private final Attachments attachments;

    public MessageService(MessageRepository messages, Recipients recipients, MessagingEvents events, SchoolSwitches switches,
                          Access access, Directory directory, SchoolClock clock, ObjectMapper json, SenderBlocks blocks, Away away, Attachments attachments) {
        this.messages = messages;
        this.recipients = recipients;
        this.events = events;
        this.switches = switches;
        this.access = access;
        this.directory = directory;
        this.clock = clock;
        this.json = json;
        this.blocks = blocks;
        this.away = away;
        this.attachments = attachments;
    }

    // --- writing

    @Transactional
    public Sent send(MessageInput in) {
        Sender sender = access.requireSender(in.schoolId());
        switches.requireMessaging(in.schoolId());
        String subject = required("subject", in.subject());
        String body = Formatting.check("body", required("body", in.body()));
        Instant now = clock.instant();
        MessageRow m = new MessageRow(UUID.randomUUID(), UUID.randomUUID(), in.schoolId(), sender.id(), null, subject, body,
                spec(in.to(), in.cc(), in.bcc(), in.attachmentIds()), now, now, now, null, null);
        return deliver(sender, m, in.to(), in.cc(), in.bcc(), in.attachmentIds(), null);
    }

    /** Saves a draft as it is being written (the client chooses its id: PUT again and again). */
    @Transactional
    public MessageView saveDraft(UUID id, MessageInput in) {
        Sender sender = access.requireSender(in.schoolId());
        MessageRow m = messages.lock(id).filter(d -> d.senderId().equals(sender.id()))
                .orElseThrow(() -> Problems.notFound("Brouillon introuvable."));
        if (m.sentAt() != null) {
            throw Problems.conflict("already-sent", "Ce message est déjà envoyé.");
        }
        messages.updateDraft(id, in.schoolId(), text(in.subject()), text(in.body()),
                spec(in.to(), in.cc(), in.bcc(), in.attachmentIds()), clock.instant());
        return view(messages.find(id).orElseThrow(), sender.id());
    }

    /** A new draft, its id chosen here: the client then saves it as it is written (PUT). */
    @Transactional
    public MessageView createDraft(MessageInput in) {
        Sender sender = access.requireSender(in.schoolId());
        Instant now = clock.instant();
        MessageRow m = new MessageRow(UUID.randomUUID(), UUID.randomUUID(), in.schoolId(), sender.id(), null,
                text(in.subject()), text(in.body()), spec(in.to(), in.cc(), in.bcc(), in.attachmentIds()), now, now,
                null, null, null);
        messages.insert(m);
        messages.file(m, Box.DRAFT, List.of(sender.id()));
        return view(messages.find(m.id()).orElseThrow(), sender.id());
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** Sends a draft as it was last saved: the same checks as a new message. */
    @Transactional
    public Sent sendDraft(UUID id) {
        MessageRow draft = ownDraft(id);
        Sender sender = access.requireSender(draft.schoolId());
        switches.requireMessaging(draft.schoolId());
        required("subject", draft.subject());
        Formatting.check("body", required("body", draft.body()));
        blocks.requireNotBlocked(sender.school(), sender.id());
        Spec spec = readSpec(draft.recipientsSpec());
        List<Recipients.Resolved> resolved = recipients.resolve(sender, spec.to(), spec.cc(), spec.bcc());
        requireMassAllowed(sender, resolved.size());
        Instant now = clock.instant();
        messages.markSent(id, now);
        messages.unfile(id, sender.id(), Box.DRAFT);
        MessageRow sent = messages.find(id).orElseThrow();
        attachments.attach(id, sent.schoolId(), sender.id(), spec.attachmentIds());
        return filed(sender, sent, resolved);
    }

    @Transactional
    public void deleteDraft(UUID id) {
        ownDraft(id);
        messages.delete(id);
    }

    private MessageRow ownDraft(UUID id) {
        UUID me = access.person();
        MessageRow draft = messages.lock(id).filter(m -> m.senderId().equals(me) && m.sentAt() == null)
                .orElseThrow(() -> Problems.notFound("Brouillon introuvable."));
        return draft;
    }

    /** Replies in the same conversation: to the sender, or to everyone (bcc excepted) with {@code all}. */
    @Transactional
    public Sent reply(UUID messageId, ReplyInput in) {
        MessageRow original = readable(messageId);
        Sender sender = access.requireSender(original.schoolId());
        switches.requireMessaging(original.schoolId());
        String body = Formatting.check("body", required("body", in.body()));
        List<Addressee> to = new ArrayList<>();
        List<Addressee> cc = new ArrayList<>();
        if (!original.senderId().equals(sender.id())) {
            to.add(person(original.senderId()));
        }
        for (MessageRepository.RecipientRow r : messages.recipients(messageId)) {
            boolean visible = r.kind() != Kind.BCC;
            if (in.all() && visible && !r.personId().equals(sender.id())) {
                (r.kind() == Kind.TO ? to : cc).add(person(r.personId()));
            } else if (original.senderId().equals(sender.id()) && r.kind() == Kind.TO && !in.all()) {
                to.add(person(r.personId())); // replying to one's own message: to its first recipients
            }
        }
        Instant now = clock.instant();
        String subject = original.subject().startsWith("RE : ") ? original.subject() : truncate("RE : " + original.subject());
        MessageRow m = new MessageRow(UUID.randomUUID(), original.conversationId(), original.schoolId(), sender.id(), messageId,
                subject, body, spec(to, cc, List.of(), List.of()), now, now, now, null, null);
        return deliver(sender, m, to, cc, List.of(), List.of(), null);
    }

    /** Forwards a message, in a conversation of its own, with the original below one's words. */
    @Transactional
    public Sent forward(UUID messageId, ForwardInput in) {
        MessageRow original = readable(messageId);
        Sender sender = access.requireSender(original.schoolId());
        switches.requireMessaging(original.schoolId());
        String mine = in.body() == null ? "" : Formatting.check("body", in.body()).strip();
        String body = mine + (mine.isEmpty() ? "" : "\n\n") + "----- Message transféré -----\nDe : "
                + name(original.senderId()) + "\nObjet : " + original.subject() + "\n\n" + original.body();
        if (body.length() > MessageInput.BODY_MAX) {
            throw Problems.invalidField("body", "message trop long (" + MessageInput.BODY_MAX + " caractères au plus, message transféré compris)");
        }
        List<Addressee> cc = in.cc() == null ? List.of() : in.cc();
        List<Addressee> bcc = in.bcc() == null ? List.of() : in.bcc();
        Instant now = clock.instant();
        MessageRow m = new MessageRow(UUID.randomUUID(), UUID.randomUUID(), original.schoolId(), sender.id(), null,
                truncate("TR : " + original.subject()), body, spec(in.to(), cc, bcc, List.of()), now, now, now, null, null);
        return deliver(sender, m, in.to(), cc, bcc, List.of(), original.id());
    }

    /** Checks everything, then writes the message, its attachments (confirmed, or the whole send fails) and its copies. */
    private Sent deliver(Sender sender, MessageRow m, List<Addressee> to, List<Addressee> cc, List<Addressee> bcc,
                         List<UUID> attachmentIds, UUID forwardedFrom) {
        blocks.requireNotBlocked(sender.school(), sender.id());
        List<Recipients.Resolved> resolved = recipients.resolve(sender, to, cc, bcc);
        requireMassAllowed(sender, resolved.size());
        messages.insert(m);
        attachments.attach(m.id(), m.schoolId(), sender.id(), attachmentIds);
        if (forwardedFrom != null) {
            attachments.copy(forwardedFrom, m.id());
        }
        return filed(sender, m, resolved);
    }

    private Sent filed(Sender sender, MessageRow m, List<Recipients.Resolved> resolved) {
        messages.addRecipients(m.id(), resolved);
        messages.file(m, Box.SENT, List.of(sender.id()));
        List<UUID> people = resolved.stream().map(Recipients.Resolved::personId).toList();
        messages.file(m, Box.INBOX, people);
        events.received(m.id(), m.conversationId(), m.schoolId(), sender.id(), sender.profile(), m.sentAt(), people);
        MessageView view = view(m, sender.id());
        Map<UUID, String> names = new java.util.HashMap<>();
        view.to().forEach(p -> names.put(p.id(), p.name()));
        view.cc().forEach(p -> names.put(p.id(), p.name()));
        view.bcc().forEach(p -> names.put(p.id(), p.name()));
        List<Views.AutoReply> replies = away.repliesOf(people).entrySet().stream()
                .map(e -> new Views.AutoReply(e.getKey(), names.get(e.getKey()), e.getValue())).toList();
        return new Sent(view, DeliveryHours.noticeFor(sender.profile(), clock.local(clock.now())), replies);
    }

    /** Mass sending (from the threshold on) is reserved to staff, and off when the platform says so. */
    private void requireMassAllowed(Sender sender, int count) {
        if (count < switches.massThreshold()) {
            return;
        }
        if (sender.profile() != Profile.STAFF) {
            throw Problems.forbidden("Les envois à plus de " + (switches.massThreshold() - 1)
                    + " destinataires sont réservés au personnel de l'établissement.");
        }
        switches.requireMassSending(sender.school());
    }

    /** Recalls a sent message within 10 minutes while no recipient has read it. */
    @Transactional
    public MessageView recall(UUID messageId) {
        UUID me = access.person();
        MessageRow m = messages.lock(messageId).filter(r -> r.senderId().equals(me) && r.sentAt() != null)
                .orElseThrow(() -> Problems.notFound("Message introuvable."));
        if (m.recalledAt() != null) {
            throw Problems.conflict("already-recalled", "Ce message a déjà été rappelé.");
        }
        Instant now = clock.instant();
        if (now.isAfter(m.sentAt().plus(RECALL_WINDOW))) {
            throw Problems.conflict("recall-too-late", "Un message ne peut être rappelé que dans les 10 minutes après son envoi.");
        }
        if (messages.anyRead(messageId)) {
            throw Problems.conflict("already-read", "Un destinataire a déjà lu ce message : il ne peut plus être rappelé.");
        }
        messages.recall(messageId, now);
        events.recalled(messageId, m.schoolId(), me, now,
                messages.recipients(messageId).stream().map(MessageRepository.RecipientRow::personId).distinct().toList());
        return view(messages.find(messageId).orElseThrow(), me);
    }

    // --- reading one's own

    /** A pre-signed download of one of the message's attachments, for who may read the message. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public fr.ent.files.Download attachment(UUID messageId, UUID fileId) {
        readable(messageId);
        return attachments.download(messageId, fileId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MessageView read(UUID messageId) {
        return view(readable(messageId), access.person());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ConversationView conversation(UUID conversationId) {
        UUID me = access.person();
        List<UUID> ids = messages.heldInConversation(me, conversationId);
        if (ids.isEmpty()) {
            throw Problems.notFound("Conversation introuvable.");
        }
        List<MessageView> views = ids.stream().map(id -> view(messages.find(id).orElseThrow(), me)).toList();
        return new ConversationView(conversationId, views.get(0).subject(), views);
    }

    @Transactional
    public void markRead(UUID messageId, boolean read) {
        UUID me = access.person();
        List<Holding> held = held(me, messageId);
        if (held.stream().noneMatch(h -> h.box() == Box.INBOX)) {
            throw Problems.notFound("Message introuvable.");
        }
        if (read) {
            messages.markRead(me, messageId, clock.instant());
        } else {
            messages.markUnread(me, messageId);
        }
    }

    @Transactional
    public void trash(UUID messageId) {
        UUID me = access.person();
        held(me, messageId);
        messages.trash(me, messageId, clock.instant());
    }

    @Transactional
    public void restore(UUID messageId) {
        UUID me = access.person();
        held(me, messageId);
        messages.restore(me, messageId);
    }

    /** The message if the caller holds it (sender, recipient, bcc included), not recalled nor hidden for a recipient; else 404. */
    MessageRow readable(UUID messageId) {
        UUID me = access.person();
        List<Holding> held = held(me, messageId);
        MessageRow m = messages.find(messageId).orElseThrow(() -> Problems.notFound("Message introuvable."));
        boolean sender = held.stream().anyMatch(h -> h.box() != Box.INBOX);
        if (!sender && m.hiddenAt() != null) {
            throw Problems.notFound("Message introuvable.");
        }
        return m;
    }

    List<Holding> held(UUID me, UUID messageId) {
        List<Holding> held = messages.holdings(me, messageId);
        if (held.isEmpty()) {
            throw Problems.notFound("Message introuvable.");
        }
        return held;
    }

    MessageView view(MessageRow m, UUID me) {
        List<MessageRepository.RecipientRow> rows = m.sentAt() == null ? List.of() : messages.recipients(m.id());
        boolean isSender = m.senderId().equals(me);
        Spec saved = isSender && m.sentAt() == null ? readSpec(m.recipientsSpec()) : null;
        Set<UUID> ids = new HashSet<>();
        ids.add(m.senderId());
        rows.forEach(r -> ids.add(r.personId()));
        if (saved != null) {
            Stream.of(saved.to(), saved.cc(), saved.bcc()).flatMap(List::stream)
                    .map(Addressee::personId).filter(Objects::nonNull).forEach(ids::add);
        }
        Map<UUID, DirectoryPerson> people = directory.people(ids);
        List<PersonRef> to = new ArrayList<>();
        List<PersonRef> cc = new ArrayList<>();
        List<PersonRef> bcc = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        Instant myRead = null;
        for (MessageRepository.RecipientRow r : rows) {
            PersonRef ref = new PersonRef(r.personId(), name(people.get(r.personId())));
            switch (r.kind()) {
                case TO -> to.add(ref);
                case CC -> cc.add(ref);
                case BCC -> {
                    if (isSender || r.personId().equals(me)) {
                        bcc.add(ref);
                    }
                }
            }
            if (isSender) {
                receipts.add(new Receipt(r.personId(), ref.name(), at(r.readAt())));
            }
            if (r.personId().equals(me)) {
                myRead = r.readAt();
            }
        }
        return new MessageView(m.id(), m.conversationId(), m.schoolId(), m.inReplyTo(),
                new PersonRef(m.senderId(), name(people.get(m.senderId()))), to, cc, bcc, m.subject(), m.body(),
                at(m.sentAt()), at(m.recalledAt()), at(myRead), isSender ? receipts : null, attachments.of(m.id()),
                isSender || m.sentAt() == null ? null : messages.acknowledgement(m.id(), me)
                        .map(a -> new Views.Acknowledgement(a.acknowledgedAt() != null, at(a.acknowledgedAt()))).orElse(null),
                saved == null ? null : new Views.DraftRecipients(addressees(saved.to(), people), addressees(saved.cc(), people),
                        addressees(saved.bcc(), people)));
    }

    private static List<Views.DraftAddressee> addressees(List<Addressee> saved, Map<UUID, DirectoryPerson> people) {
        return saved.stream().map(a -> new Views.DraftAddressee(a.personId(), a.group(), a.classGroupId(),
                a.personId() == null ? null : name(people.get(a.personId())))).toList();
    }

    // --- helpers

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(clock.zone()).toOffsetDateTime();
    }

    private String name(UUID person) {
        return name(directory.person(person).orElse(null));
    }

    static String name(DirectoryPerson p) {
        return p == null ? "Compte supprimé" : p.firstName() + " " + p.lastName();
    }

    private static Addressee person(UUID id) {
        return new Addressee(id, null, null);
    }

    private static String truncate(String subject) {
        return subject.length() > MessageInput.SUBJECT_MAX ? subject.substring(0, MessageInput.SUBJECT_MAX) : subject;
    }

    /** A subject or body with something in it (whitespace only is empty). */
    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problems.invalidField(field, "ne peut pas être vide");
        }
        return value;
    }

    record Spec(List<Addressee> to, List<Addressee> cc, List<Addressee> bcc, List<UUID> attachmentIds) {
    }

    private String spec(List<Addressee> to, List<Addressee> cc, List<Addressee> bcc, List<UUID> attachmentIds) {
        try {
            return json.writeValueAsString(new Spec(to, cc, bcc, attachmentIds));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Spec readSpec(String text) {
        try {
            Spec spec = json.readValue(text, Spec.class);
            return new Spec(spec.to() == null ? List.of() : spec.to(), spec.cc() == null ? List.of() : spec.cc(),
                    spec.bcc() == null ? List.of() : spec.bcc(), spec.attachmentIds() == null ? List.of() : spec.attachmentIds());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
