package fr.ent.files;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file the platform takes, recognised by their content ({@link ContentCheck}), never by
 * their name or by the type a client declares. A service chooses which it accepts ({@link FilePolicy}).
 */
public enum FileType {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    /** Word (Office Open XML): a ZIP holding {@code word/document.xml}. */
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    /** OpenDocument text: a ZIP whose first entry, {@code mimetype}, says so. */
    ODT("application/vnd.oasis.opendocument.text", "odt");

    private final String mediaType;
    private final String extension;

    FileType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The type whose media type this is (parameters such as {@code ; charset=} ignored, case-insensitive). */
    public static Optional<FileType> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].trim();
        return Arrays.stream(values()).filter(t -> t.mediaType.equalsIgnoreCase(bare)).findFirst();
    }
}
