package fr.ent.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a file once, as a stream (never whole in memory): its size, its SHA-256 and its type told by
 * its content (magic bytes; for ZIP-based documents, the entries that make a .docx or an .odt). Stops
 * reading as soon as the file is larger than allowed. Plain Java: unit-tested without S3.
 */
public final class ContentCheck {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final String ODT_MIMETYPE = FileType.ODT.mediaType();

    /**
     * What was read.
     *
     * @param tooLarge true when the stream went past {@code maxBytes}: reading stopped there, and
     *                 {@code size}, {@code sha256}, {@code type} are not the file's
     */
    public record Result(long size, String sha256, Optional<FileType> type, boolean tooLarge) {
    }

    private ContentCheck() {
    }

    public static Result read(InputStream in, long maxBytes) throws IOException {
        Counting counting = new Counting(in, maxBytes);
        Optional<FileType> type;
        try {
            type = sniff(counting);
            counting.drain();
        } catch (TooLarge e) {
            return new Result(counting.count, null, Optional.empty(), true);
        }
        return new Result(counting.count, HexFormat.of().formatHex(counting.digest.digest()), type, false);
    }

    private static Optional<FileType> sniff(Counting counting) throws IOException {
        PushbackInputStream in = new PushbackInputStream(counting, 8);
        byte[] head = in.readNBytes(8);
        in.unread(head);
        if (startsWith(head, PDF)) {
            return Optional.of(FileType.PDF);
        }
        if (startsWith(head, PNG)) {
            return Optional.of(FileType.PNG);
        }
        if (startsWith(head, JPEG)) {
            return Optional.of(FileType.JPEG);
        }
        if (startsWith(head, ZIP)) {
            return zipDocument(in);
        }
        return Optional.empty();
    }

    /** An .odt's first entry is {@code mimetype} naming it; a .docx holds {@code word/document.xml}. */
    private static Optional<FileType> zipDocument(InputStream in) throws IOException {
        try {
            ZipInputStream zip = new ZipInputStream(in);
            boolean first = true;
            boolean contentTypes = false;
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (first && name.equals("mimetype")) {
                    String mimetype = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).trim();
                    return mimetype.equals(ODT_MIMETYPE) ? Optional.of(FileType.ODT) : Optional.empty();
                }
                first = false;
                contentTypes |= name.equals("[Content_Types].xml");
                if (name.equals("word/document.xml") && contentTypes) {
                    return Optional.of(FileType.DOCX);
                }
            }
            return Optional.empty();
        } catch (ZipException | java.io.EOFException notAZip) {
            // not an archive, or a truncated one: not a document
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("larger than allowed", null);
        }
    }

    /** Counts and hashes every byte pulled from the source, whoever pulls it; refuses past the limit. */
    private static final class Counting extends InputStream {
        private final InputStream source;
        private final long max;
        private final MessageDigest digest;
        private long count;

        Counting(InputStream source, long max) {
            this.source = source;
            this.max = max;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = source.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > max) {
                    throw new TooLarge();
                }
                digest.update(b, off, n);
            }
            return n;
        }

        void drain() throws IOException {
            byte[] buffer = new byte[64 * 1024];
            while (read(buffer, 0, buffer.length) >= 0) {
                // counted and hashed by read
            }
        }
    }
}
