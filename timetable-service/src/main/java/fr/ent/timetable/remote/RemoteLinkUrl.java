package fr.ent.timetable.remote;

import fr.ent.web.problem.Problems;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What a video-class link may be: an absolute {@code https} URL with a host (a BigBlueButton or
 * Jitsi room), at most 500 characters, no user or password in it. Anything else (http,
 * {@code javascript:}, {@code data:}, a relative path) is a 400 naming {@code url}: the link is shown
 * as a clickable link to pupils and families.
 */
public final class RemoteLinkUrl {

    public static final int MAX_LENGTH = 500;

    private RemoteLinkUrl() {
    }

    /** The link, trimmed; else a 400 naming the field. */
    public static String check(String field, String url) {
        if (url == null || url.isBlank()) {
            throw Problems.invalidField(field, "le lien de la classe virtuelle est obligatoire");
        }
        String link = url.strip();
        if (link.length() > MAX_LENGTH) {
            throw Problems.invalidField(field, "lien trop long (" + MAX_LENGTH + " caractères au plus)");
        }
        URI uri;
        try {
            uri = new URI(link);
        } catch (URISyntaxException e) {
            throw Problems.invalidField(field, "ce n'est pas une adresse web valide");
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")) {
            throw Problems.invalidField(field, "seules les adresses https:// sont acceptées");
        }
        if (uri.getHost() == null || uri.getHost().isBlank() || uri.getRawUserInfo() != null) {
            throw Problems.invalidField(field, "l'adresse doit nommer un serveur (https://serveur/salle), sans identifiant");
        }
        return link;
    }
}
