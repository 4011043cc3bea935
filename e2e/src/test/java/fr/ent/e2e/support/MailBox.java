package fr.ent.e2e.support;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The e-mails the local SMTP server (GreenMail standalone) received for one address, read through
 * its REST API: {@code GET /api/user/{email}/messages/INBOX} gives each message as raw MIME, decoded
 * here with Jakarta Mail. GreenMail creates the mailbox on the first delivery; until then the
 * address has no messages.
 */
public final class MailBox {

    /** One e-mail as a reader sees it: decoded subject, plain text and HTML parts. */
    public record Mail(String from, List<String> to, String subject, String text, String html) {
    }

    private static final Session SESSION = Session.getInstance(new Properties());

    private MailBox() {
    }

    public static List<Mail> of(String address) {
        Response answer = RestAssured.given().baseUri(Platform.MAIL_API)
                .get("/api/user/{email}/messages/INBOX", address);
        if (answer.statusCode() != 200) {
            // GreenMail answers an error while the address has never received anything
            return List.of();
        }
        List<String> raw = answer.jsonPath().getList("mimeMessage", String.class);
        List<Mail> mails = new ArrayList<>();
        for (String mime : raw) {
            mails.add(parse(mime));
        }
        return mails;
    }

    private static Mail parse(String mime) {
        try {
            MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(mime.getBytes(StandardCharsets.UTF_8)));
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collect(m, text, html);
            return new Mail(m.getFrom() == null ? null : ((InternetAddress) m.getFrom()[0]).getAddress(),
                    Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress()).toList(),
                    m.getSubject(), text.toString(), html.toString());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read an e-mail kept by GreenMail", e);
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, text, html);
            }
        }
    }
}
