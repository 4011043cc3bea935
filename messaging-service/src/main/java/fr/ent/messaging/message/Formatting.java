package fr.ent.messaging.message;

import fr.ent.web.problem.Problem;
import fr.ent.web.problem.ProblemException;
import org.owasp.html.HtmlChangeListener;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The limited formatting a body may carry: paragraphs and line breaks, bold, italic, underline,
 * lists, and links to {@code https:} or {@code mailto:} addresses. Anything else written as markup
 * (a script, an event handler such as {@code onclick}, a {@code javascript:} link, a style, an image,
 * an unknown tag) refuses the message with a 422 naming it, in French: nothing is silently dropped
 * and nothing is sent. Plain text is formatting-free and always accepted ({@code 3 < 5} is text).
 * OWASP's HTML sanitizer parses the body and says what falls outside the whitelist; the body is kept
 * as written, so readers render it through the same whitelist (or as text).
 */
public final class Formatting {

    public static final List<String> ELEMENTS = List.of("p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "a");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(ELEMENTS.toArray(String[]::new))
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("https", "mailto")
            .toFactory();

    private Formatting() {
    }

    /** Refuses (422 {@code formatting-not-allowed}) a body with markup outside the whitelist. */
    public static String check(String field, String body) {
        if (body == null || body.indexOf('<') < 0) {
            return body;
        }
        List<String> refused = new ArrayList<>();
        POLICY.sanitize(body, new HtmlChangeListener<List<String>>() {
            @Override
            public void discardedTag(List<String> out, String element) {
                out.add("la balise <" + element.toLowerCase(Locale.ROOT) + ">");
            }

            @Override
            public void discardedAttributes(List<String> out, String element, String... attributes) {
                for (String a : attributes) {
                    String name = a.toLowerCase(Locale.ROOT);
                    out.add(name.equals("href") ? "le lien de <" + element + "> (https: ou mailto: seulement)"
                            : "l'attribut " + name + " de <" + element + ">");
                }
            }
        }, refused);
        if (refused.isEmpty()) {
            return body;
        }
        String message = "mise en forme non autorisée : " + String.join(", ", refused.stream().distinct().toList())
                + " (permis : paragraphes, retours à la ligne, gras, italique, souligné, listes, liens https: et mailto:)";
        throw new ProblemException(422, "formatting-not-allowed", "Formatting not allowed", field + " : " + message,
                List.of(new Problem.FieldError(field, message)));
    }
}
