package fr.ent.files;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Types told by content, size and SHA-256 read in one pass, and a stop past the limit. */
class ContentCheckTest {

    @Test
    void pdf_png_and_jpeg_are_told_by_their_first_bytes_not_their_name() throws IOException {
        assertThat(check("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)).type()).contains(FileType.PDF);
        assertThat(check(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0}).type()).contains(FileType.PNG);
        assertThat(check(new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 1, 2}).type()).contains(FileType.JPEG);
        assertThat(check("PDF-1.7 but no percent".getBytes(StandardCharsets.US_ASCII)).type()).isEmpty();
        assertThat(check(new byte[0]).type()).isEmpty();
    }

    @Test
    void a_docx_and_an_odt_are_told_by_their_entries_and_another_zip_is_not_a_document() throws IOException {
        byte[] docx = zip(false, "[Content_Types].xml", "<Types/>", "_rels/.rels", "<Relationships/>", "word/document.xml", "<w:document/>");
        byte[] odt = zip(true, "mimetype", FileType.ODT.mediaType(), "content.xml", "<office:document-content/>");
        byte[] ods = zip(true, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>");
        byte[] plainZip = zip(false, "notes.txt", "hello");
        assertThat(check(docx).type()).contains(FileType.DOCX);
        assertThat(check(odt).type()).contains(FileType.ODT);
        assertThat(check(ods).type()).isEmpty();
        assertThat(check(plainZip).type()).isEmpty();
        // a truncated archive is not a document, and does not fail
        assertThat(check(java.util.Arrays.copyOf(docx, 40)).type()).isEmpty();
    }

    @Test
    void size_and_sha256_cover_every_byte_even_after_the_zip_entries() throws IOException {
        byte[] docx = zip(false, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>", "word/styles.xml", "x".repeat(5000));
        ContentCheck.Result result = check(docx);
        assertThat(result.size()).isEqualTo(docx.length);
        assertThat(result.sha256()).isEqualTo(FileStorageTest.sha256(docx));
        assertThat(result.tooLarge()).isFalse();
    }

    @Test
    void reading_stops_past_the_limit() throws IOException {
        byte[] big = new byte[200_000];
        big[0] = '%'; big[1] = 'P'; big[2] = 'D'; big[3] = 'F'; big[4] = '-';
        ContentCheck.Result result = ContentCheck.read(new ByteArrayInputStream(big), 100_000);
        assertThat(result.tooLarge()).isTrue();
        assertThat(result.size()).isLessThan(big.length);
        assertThat(ContentCheck.read(new ByteArrayInputStream(big), 200_000).tooLarge()).isFalse();
    }

    private static ContentCheck.Result check(byte[] content) throws IOException {
        return ContentCheck.read(new ByteArrayInputStream(content), 10_000_000);
    }

    /** name, content pairs; the first entry stored (uncompressed), as ODF requires of mimetype. */
    private static byte[] zip(boolean firstStored, String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                byte[] data = entries[i + 1].getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(entries[i]);
                if (i == 0 && firstStored) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(data.length);
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
