package fr.ent.messaging.attachment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a writer declares before uploading an attachment: its name, its size in bytes (5 MiB at
 * most), its type (PDF, PNG, JPEG, DOCX, ODT; checked again on its content) and the SHA-256 of its bytes.
 */
public record AttachmentUpload(@NotBlank @Size(max = 200) String fileName, @NotNull Long size,
                               @NotBlank @Size(max = 100) String contentType, @NotBlank @Size(max = 64) String sha256) {
}
