package fr.ent.messaging.message;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * A new message (or a draft as it is being written): plain text, no formatting (no HTML is
 * accepted, so there is nothing to sanitise: a body is shown as text). Recipients are checked
 * against the school's rule table when it is sent, not while it is a draft. Attachments are files
 * uploaded first (see {@code attachment.Attachments}), named by id and confirmed when the message is sent.
 */
public record MessageInput(@NotNull UUID schoolId,
                           @Size(max = MessageInput.SUBJECT_MAX) String subject,
                           @Size(max = MessageInput.BODY_MAX) String body,
                           @Size(max = 200) List<@NotNull Addressee> to,
                           @Size(max = 200) List<@NotNull Addressee> cc,
                           @Size(max = 200) List<@NotNull Addressee> bcc,
                           @Size(max = 10) List<@NotNull UUID> attachmentIds) {

    public static final int SUBJECT_MAX = 200;
    public static final int BODY_MAX = 20_000;

    public MessageInput {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        bcc = bcc == null ? List.of() : List.copyOf(bcc);
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }
}
