package fr.ent.grades.reportcard;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A report card as a PDF: the Qute template {@code templates/report-card.html} gives well-formed
 * XHTML, openhtmltopdf lays it out on A4 in PDF/UA mode (tagged, with its title and language), with
 * the DejaVu Sans fonts shipped in the jar, embedded (subset).
 */
@ApplicationScoped
public class ReportCardPdf {

    private final Template template;
    private final byte[] regular;
    private final byte[] bold;

    ReportCardPdf(@Location("report-card.html") Template template) {
        this.template = template;
        this.regular = font("fonts/DejaVuSans.ttf");
        this.bold = font("fonts/DejaVuSans-Bold.ttf");
    }

    /** The XHTML of the page (what the PDF is made from). */
    public String xhtml(ReportCard card) {
        return template.data("card", card).render();
    }

    public byte[] render(ReportCard card) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useFont(() -> new ByteArrayInputStream(regular), "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold), "DejaVu Sans", 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml(card), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] font(String path) {
        try (InputStream in = ReportCardPdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
