package fr.ent.messaging.message;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the messaging API answers. */
public final class Views {

    private Views() {
    }

    public record PersonRef(UUID id, String name) {
    }

    /** A recipient's read state, shown to the sender only. */
    public record Receipt(UUID personId, String name, OffsetDateTime readAt) {
    }

    /** One message as the caller may see it: bcc recipients only for the sender, or themselves. */
    public record MessageView(UUID id, UUID conversationId, UUID schoolId, UUID inReplyTo, PersonRef sender,
                              List<PersonRef> to, List<PersonRef> cc, List<PersonRef> bcc, String subject, String body,
                              OffsetDateTime sentAt, OffsetDateTime recalledAt, OffsetDateTime readAt,
                              List<Receipt> receipts, List<fr.ent.messaging.attachment.Attachments.View> attachments,
                              Acknowledgement acknowledgement, DraftRecipients draft) {
    }

    /**
     * The recipients of a draft as its author saved them (people and groups, in to, cc and bcc), so
     * that a draft reopened elsewhere keeps them. Only on the author's own unsent draft (null for
     * anything else): the to/cc/bcc of a {@link MessageView} are the people it was delivered to.
     */
    public record DraftRecipients(List<DraftAddressee> to, List<DraftAddressee> cc, List<DraftAddressee> bcc) {
    }

    /** One saved addressee: a person with their name, or a group ({@code group}, {@code classGroupId}). */
    public record DraftAddressee(UUID personId, Addressee.Group group, UUID classGroupId, String name) {
    }

    /**
     * On a broadcast, for a family it went to only (null for anyone else): whether they have
     * acknowledged it ({@code POST /broadcasts/{id}/acknowledge}) and when.
     */
    public record Acknowledgement(boolean acknowledged, OffsetDateTime acknowledgedAt) {
    }

    /** A line of a mailbox list. */
    public record Summary(UUID id, UUID conversationId, UUID schoolId, Box box, PersonRef sender, String subject,
                          OffsetDateTime sentAt, OffsetDateTime updatedAt, boolean read, boolean trashed,
                          UUID folderId, boolean recalled) {
    }

    public record Page(List<Summary> items, int page, int size, boolean more) {
    }

    /** A thread: the messages of one conversation the caller holds, oldest first. */
    public record ConversationView(UUID id, String subject, List<MessageView> messages) {
    }

    /** A sent message, a notice for the sender (delivery notices wait until morning...), and the auto-replies of recipients away. */
    public record Sent(MessageView message, String notice, List<AutoReply> autoReplies) {
    }

    public record AutoReply(UUID personId, String name, String reply) {
    }

    /** Unread messages in the inbox (trash excluded), and per personal folder. */
    public record UnreadCounts(int inbox, java.util.Map<UUID, Integer> folders) {
    }
}
