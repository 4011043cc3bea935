package fr.ent.attendance.justification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a guardian declares before uploading a justification's attachment: its name, its size in
 * bytes (2 MiB at most), its type (PDF, JPEG or PNG; checked again on its content) and the SHA-256
 * of its bytes (64 hexadecimal digits).
 */
public record RequestAttachmentUpload(@NotBlank @Size(max = 200) String fileName,
                                      @NotNull Long size,
                                      @NotBlank @Size(max = 100) String contentType,
                                      @NotBlank @Size(max = 64) String sha256) {
}
