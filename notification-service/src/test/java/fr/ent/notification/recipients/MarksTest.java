package fr.ent.notification.recipients;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarksTest {

    @Test
    void the_first_name_follows_de_elided_before_a_vowel() {
        assertThat(Marks.named("Bulletin de {prénom} disponible", "Inès")).isEqualTo("Bulletin d'Inès disponible");
        assertThat(Marks.named("Le bulletin de {prénom} est disponible", "Léa")).isEqualTo("Le bulletin de Léa est disponible");
        assertThat(Marks.named("Note modifiée pour {prénom}", "Inès")).isEqualTo("Note modifiée pour Inès");
        assertThat(Marks.named("Une note " + Lessons.de(Marks.subject("ANGLAIS")) + " de {prénom}", "Hugo"))
                .isEqualTo("Une note d'anglais d'Hugo");
    }
}
