package fr.ent.messaging.message;

import fr.ent.web.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormattingTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Bonjour,\n\nLéa a 3 < 5 exercices à finir & à rendre.",
            "<p>Bonjour,</p><p><b>Sortie</b> <i>jeudi</i> : <u>prévoir</u> un <strong>pique-nique</strong>, <em>merci</em>.<br></p>",
            "<ul><li>cahier</li><li>trousse</li></ul><ol><li>un</li></ol>",
            "Le programme : <a href=\"https://www.education.gouv.fr/\">ici</a>, ou <a href=\"mailto:vie.scolaire@college.fr\">écrivez-nous</a>."})
    void plain_text_and_the_whitelist_are_kept_as_written(String body) {
        assertThat(Formatting.check("body", body)).isEqualTo(body);
    }

    @Test
    void a_script_is_refused_by_name_in_french() {
        assertThatThrownBy(() -> Formatting.check("body", "Bonjour <script>alert('x')</script>"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.detail()).contains("<script>").contains("non autorisée");
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.slug()).isEqualTo("formatting-not-allowed");
                    assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("body"));
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<b onclick=\"alert(1)\">gras</b>",
            "<a href=\"javascript:alert(1)\">clic</a>",
            "<a href=\"http://site-non-chiffre.fr\">clic</a>",
            "<img src=x onerror=alert(1)>",
            "<p style=\"color:red\">rouge</p>",
            "<iframe src=\"https://x.fr\"></iframe>",
            "<svg><script>alert(1)</script></svg>"})
    void event_handlers_javascript_links_styles_and_other_tags_are_refused(String body) {
        assertThatThrownBy(() -> Formatting.check("body", body)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(422));
    }
}
