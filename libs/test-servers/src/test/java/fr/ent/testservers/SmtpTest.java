package fr.ent.testservers;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpTest {

    @Test
    void a_message_sent_with_jakarta_mail_is_read_back() throws Exception {
        Smtp smtp = Smtp.shared();
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("ne-pas-repondre@ent.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("parent.dupont@example.org"));
        message.setSubject("Absence de Léa", "UTF-8");
        message.setText("Léa était absente ce matin en 6e B.", "UTF-8");
        Transport.send(message);

        List<Smtp.Mail> received = smtp.awaitMessages(1, m -> m.to().contains("parent.dupont@example.org"), Duration.ofSeconds(10));

        Smtp.Mail mail = received.get(0);
        assertThat(mail.from()).isEqualTo("ne-pas-repondre@ent.example");
        assertThat(mail.subject()).isEqualTo("Absence de Léa");
        assertThat(mail.text()).contains("Léa était absente ce matin en 6e B.");
        assertThat(Smtp.shared()).isSameAs(smtp);
    }

    @Test
    void it_speaks_plain_smtp_on_its_port() throws Exception {
        Smtp smtp = Smtp.shared();
        try (Socket socket = new Socket(smtp.host(), smtp.port());
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
             PrintWriter out = new PrintWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII))) {
            assertThat(in.readLine()).startsWith("220");
            for (String line : List.of("HELO test", "MAIL FROM:<raw@ent.example>", "RCPT TO:<raw.socket@example.org>", "DATA")) {
                out.print(line + "\r\n");
                out.flush();
                assertThat(in.readLine()).matches("(250|354).*");
            }
            out.print("From: raw@ent.example\r\nTo: raw.socket@example.org\r\nSubject: raw\r\n\r\nhello over a socket\r\n.\r\n");
            out.flush();
            assertThat(in.readLine()).startsWith("250");
            out.print("QUIT\r\n");
            out.flush();
        }

        List<Smtp.Mail> received = smtp.awaitMessages(1, m -> m.to().contains("raw.socket@example.org"), Duration.ofSeconds(10));
        assertThat(received.get(0).subject()).isEqualTo("raw");
        assertThat(received.get(0).body()).contains("hello over a socket");
        assertThat(smtp.messagesTo("raw.socket@example.org")).hasSize(1);
    }
}
