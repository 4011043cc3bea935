package fr.ent.notification.email;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectorySchool;
import fr.ent.notification.NotificationConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** French e-mails, plain text and HTML, from Qute templates: the school, the child's first name, what happened, a link. */
@ApplicationScoped
public class EmailComposer {

    /** What an e-mail says about one notification. */
    @TemplateData
    public record Item(String title, String body, String link, String childFirstName) {
    }

    private final Template notificationText;
    private final Template notificationHtml;
    private final Template digestText;
    private final Template digestHtml;
    private final Directory directory;
    private final NotificationConfig config;

    EmailComposer(@Location("email/notification.txt") Template notificationText,
                  @Location("email/notification.html") Template notificationHtml,
                  @Location("email/digest.txt") Template digestText,
                  @Location("email/digest.html") Template digestHtml,
                  Directory directory, NotificationConfig config) {
        this.notificationText = notificationText;
        this.notificationHtml = notificationHtml;
        this.digestText = digestText;
        this.digestHtml = digestHtml;
        this.directory = directory;
        this.config = config;
    }

    public Mail notification(String to, UUID schoolId, Item item) {
        String school = schoolName(schoolId);
        Item absolute = absolute(item);
        return Mail.withText(to, school + " : " + item.title(),
                        notificationText.data("school", school).data("item", absolute).data("portal", config.portalUrl()).render())
                .setHtml(notificationHtml.data("school", school).data("item", absolute).data("portal", config.portalUrl()).render())
                .setFrom(config.email().from());
    }

    public Mail digest(String to, UUID schoolId, List<Item> items) {
        String school = schoolName(schoolId);
        List<Item> absolute = items.stream().map(this::absolute).toList();
        String subject = school + " : " + (items.size() == 1 ? "1 nouvelle notification" : items.size() + " nouvelles notifications");
        return Mail.withText(to, subject,
                        digestText.data("school", school).data("items", absolute).data("portal", config.portalUrl()).render())
                .setHtml(digestHtml.data("school", school).data("items", absolute).data("portal", config.portalUrl()).render())
                .setFrom(config.email().from());
    }

    private String schoolName(UUID schoolId) {
        return schoolId == null ? "ENT" : directory.school(schoolId).map(DirectorySchool::name).orElse("ENT");
    }

    private Item absolute(Item item) {
        String base = config.portalUrl().replaceAll("/+$", "");
        String link = item.link() == null ? base : item.link().startsWith("http") ? item.link() : base + item.link();
        return new Item(item.title(), item.body(), link, item.childFirstName());
    }
}
