package fr.ent.homework.support;

import java.util.UUID;

/** A file's metadata as shown in lists (download it through the endpoint of what it belongs to). */
public record FileView(UUID id, String fileName, String contentType, long size) {
}
