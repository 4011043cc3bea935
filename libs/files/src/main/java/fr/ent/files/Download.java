package fr.ent.files;

import java.time.OffsetDateTime;

/** A pre-signed download: a GET on {@code url} until {@code expiresAt} answers the bytes as an attachment. */
public record Download(String url, OffsetDateTime expiresAt, String fileName, String contentType, long size) {
}
