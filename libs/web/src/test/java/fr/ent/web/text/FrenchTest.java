package fr.ent.web.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchTest {

    @Test
    void de_is_elided_before_a_vowel_or_a_mute_h() {
        assertThat("Bulletin " + French.de("Inès")).isEqualTo("Bulletin d'Inès");
        assertThat(French.de("Emma")).isEqualTo("d'Emma");
        assertThat(French.de("Élodie")).isEqualTo("d'Élodie");
        assertThat(French.de("Hugo")).isEqualTo("d'Hugo");
        assertThat(French.de("anglais")).isEqualTo("d'anglais");
        assertThat(French.de("Œdipe")).isEqualTo("d'Œdipe");
        assertThat(French.de("Yves")).isEqualTo("d'Yves");
    }

    @Test
    void de_stays_before_a_consonant() {
        assertThat(French.de("Léa")).isEqualTo("de Léa");
        assertThat(French.de("Yanis")).isEqualTo("de Yanis");
        assertThat(French.de("mathématiques")).isEqualTo("de mathématiques");
        assertThat(French.de(" ")).isEqualTo("de");
        assertThat(French.de(null)).isEqualTo("de");
    }
}
