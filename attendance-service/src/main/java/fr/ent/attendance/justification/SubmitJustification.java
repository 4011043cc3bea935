package fr.ent.attendance.justification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * A guardian's justification. The attachment, if any, was uploaded first (a pre-signed upload from
 * {@code POST /entries/{entryId}/justification-uploads}): {@code attachmentId} names it, and it is
 * checked (size, type by content, SHA-256) when the justification is submitted.
 */
public record SubmitJustification(@NotNull UUID reasonId,
                                  @Size(max = 500) String comment,
                                  UUID attachmentId) {
}
