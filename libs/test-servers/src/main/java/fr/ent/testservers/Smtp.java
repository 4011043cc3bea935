package fr.ent.testservers;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A real SMTP server (GreenMail) on a free port of 127.0.0.1, one per test JVM, shared by the test
 * classes of a module. It accepts every message for any address and keeps it in memory, where
 * tests read it back with {@link #messages()} / {@link #awaitMessages}.
 */
public final class Smtp {

    /** How long the server waits for the client's next line before it gives up on the session. */
    static final int CLIENT_SOCKET_TIMEOUT_MILLIS = 5_000;

    private static Smtp shared;

    private final GreenMail server;

    private Smtp(GreenMail server) {
        this.server = server;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized Smtp shared() {
        if (shared == null) {
            GreenMail server = new GreenMail(new ServerSetup(Workspace.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            // Now and then a client's new connection waits for the 220 greeting until the server's
            // read timeout (30 s by default) ends the session with a 421; the sender then retries.
            // A short timeout keeps that wait, and the test, short.
            server.getSmtp().setClientSocketTimeout(CLIENT_SOCKET_TIMEOUT_MILLIS);
            shared = new Smtp(server);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-smtp"));
        }
        return shared;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /** Every message received since the start (or the last {@link #clear()}), oldest first. */
    public List<Mail> messages() {
        return Arrays.stream(server.getReceivedMessages()).map(Mail::of).toList();
    }

    /** The messages whose recipients include {@code address}. */
    public List<Mail> messagesTo(String address) {
        return messages().stream().filter(m -> m.to().contains(address)).toList();
    }

    /** Waits until at least {@code count} received messages match, and returns those that do. */
    public List<Mail> awaitMessages(int count, Predicate<Mail> filter, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Mail> matching = messages().stream().filter(filter).toList();
            if (matching.size() >= count || Instant.now().isAfter(deadline)) {
                if (matching.size() < count) {
                    throw new AssertionError("expected " + count + " message(s), got " + matching.size() + " in " + timeout
                            + "; received: " + messages());
                }
                return matching;
            }
            server.waitForIncomingEmail(200, messages().size() + 1);
        }
    }

    /** Forgets every received message (between tests). */
    public void clear() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("cannot purge the SMTP server's mailboxes", e);
        }
    }

    /** A received message, read once into plain values. */
    public record Mail(String from, List<String> to, String subject, String contentType, String body, MimeMessage raw) {

        static Mail of(MimeMessage message) {
            try {
                return new Mail(
                        addresses(message.getFrom()).stream().findFirst().orElse(null),
                        addresses(message.getAllRecipients()),
                        message.getSubject(),
                        message.getContentType(),
                        com.icegreen.greenmail.util.GreenMailUtil.getBody(message),
                        message);
            } catch (MessagingException e) {
                throw new IllegalStateException("unreadable message", e);
            }
        }

        /** The decoded text of the message and of its parts (a multipart's HTML and text alike). */
        public String text() {
            try {
                return textOf(raw.getContent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String textOf(Object content) throws MessagingException, IOException {
            if (content instanceof jakarta.mail.Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(textOf(multipart.getBodyPart(i).getContent())).append('\n');
                }
                return text.toString();
            }
            return String.valueOf(content);
        }

        private static List<String> addresses(Address[] addresses) {
            return addresses == null ? List.of()
                    : Arrays.stream(addresses).map(a -> a instanceof jakarta.mail.internet.InternetAddress ia ? ia.getAddress() : a.toString())
                    .collect(Collectors.toList());
        }

        @Override
        public String toString() {
            return "Mail[from=" + from + ", to=" + to + ", subject=" + subject + "]";
        }
    }
}
