package fr.ent.homework.support;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a client declares before uploading a file: its name, its size in bytes, its type (PDF, PNG,
 * JPEG, DOCX or ODT; checked again on its content) and the SHA-256 of its bytes (64 hex digits).
 */
public record UploadInput(@NotBlank @Size(max = 200) String fileName,
                          @NotNull Long size,
                          @NotBlank @Size(max = 100) String contentType,
                          @NotBlank @Size(max = 64) String sha256) {
}
