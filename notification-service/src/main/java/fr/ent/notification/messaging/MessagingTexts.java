package fr.ent.notification.messaging;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryPerson;
import fr.ent.events.PoisonEventException;
import fr.ent.notification.notice.NotificationType;

import java.util.UUID;

import static fr.ent.notification.notice.Mode.IMMEDIATE;

/**
 * What messaging's notices say, in French, and their types. Never a subject or a body (the events
 * carry none): who wrote, and where to read it. The directory knows no civility, so the sender is
 * named by first and last name (« Nouveau message de Claire Martin »).
 */
final class MessagingTexts {

    /** A message received: in the inbox at once, by e-mail (quiet hours apply). */
    static final NotificationType MESSAGE = new NotificationType("message", "Messages", IMMEDIATE, IMMEDIATE);
    /** An information of the school to acknowledge (and its reminders). */
    static final NotificationType BROADCAST =
            new NotificationType("broadcast", "Informations de l'établissement à confirmer", IMMEDIATE, IMMEDIATE);
    /** A message reported to the school's staff. */
    static final NotificationType REPORT = new NotificationType("message-report", "Messages signalés", IMMEDIATE, IMMEDIATE);

    private MessagingTexts() {
    }

    static String nameOf(Directory directory, UUID person) {
        return directory.person(person).map(MessagingTexts::name).orElse("un membre de l'établissement");
    }

    private static String name(DirectoryPerson p) {
        return p.firstName() + " " + p.lastName();
    }

    static String newMessage(String sender) {
        return "Nouveau message de " + sender;
    }

    /** Where the recipient reads a message: the link of its notice (and how a recall finds that notice). */
    static String linkTo(UUID message) {
        return "/messagerie/messages/" + message;
    }

    static UUID required(UUID value, String field) {
        if (value == null) {
            throw new PoisonEventException("messaging event without " + field);
        }
        return value;
    }
}
