package fr.ent.attendance.justification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** A guardian's justification; the attachment travels base64-encoded (at most 2 MiB once decoded). */
public record SubmitJustification(@NotNull UUID reasonId,
                                  @Size(max = 500) String comment,
                                  @Valid Attachment attachment) {

    public record Attachment(@Size(max = 200) String fileName, @NotBlank String content) {
    }
}
