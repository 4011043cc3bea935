package fr.ent.web.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Property-based checks of the input rules every endpoint shares: any text, any date, any
 * percent-encoding a client can send, not only the cases someone thought of.
 */
class InputRulesPropertiesTest {

    private static final ObjectMapper STRICT = new ObjectMapper().findAndRegisterModules().registerModule(StrictJson.module());

    record Comment(String text) {
    }

    @Property
    void text_of_whole_code_points_without_nul_is_accepted(@ForAll("codePointText") String text) {
        assertThat(InputRules.textProblem(text)).isNull();
    }

    @Property
    void a_nul_anywhere_is_refused(@ForAll("codePointText") String text, @ForAll @IntRange(max = 1000) int at) {
        int i = Math.min(at, text.length());
        if (i > 0 && Character.isHighSurrogate(text.charAt(i - 1))) {
            i--; // between the halves of a pair, the pair itself would be broken: not this property
        }
        assertThat(InputRules.textProblem(text.substring(0, i) + '\u0000' + text.substring(i))).isEqualTo(InputRules.NUL);
    }

    @Property
    void a_lone_surrogate_anywhere_is_refused(@ForAll("codePointText") String text, @ForAll @IntRange(max = 1000) int at,
                                              @ForAll @CharRange(from = '\uD800', to = '\uDFFF') char half) {
        int i = Math.min(at, text.length());
        if (i > 0 && Character.isHighSurrogate(text.charAt(i - 1))) {
            i--;
        }
        String lone = text.substring(0, i) + half + text.substring(i);
        // A high half right before a low one would make a pair: put a plain letter after it.
        if (Character.isHighSurrogate(half)) {
            lone = text.substring(0, i) + half + "x" + text.substring(i);
        }
        assertThat(InputRules.textProblem(lone)).isEqualTo(InputRules.SURROGATE);
    }

    @Property
    void a_json_string_is_read_back_unchanged_or_refused_with_the_rule_it_breaks(
            @ForAll @StringLength(max = 40) String text) throws Exception {
        // Every char escaped, so that any UTF-16 sequence (lone halves included) is valid JSON text.
        StringBuilder json = new StringBuilder("{\"text\":\"");
        text.chars().forEach(c -> json.append(String.format("\\u%04x", c)));
        json.append("\"}");
        String problem = InputRules.textProblem(text);
        Throwable refused = catchThrowable(() -> STRICT.readValue(json.toString(), Comment.class));
        if (problem == null) {
            assertThat(refused).isNull();
            assertThat(STRICT.readValue(json.toString(), Comment.class).text()).isEqualTo(text);
        } else {
            assertThat(refused).isInstanceOf(InvalidFormatException.class).hasMessageContaining(problem);
        }
    }

    @Property
    void a_date_is_accepted_exactly_within_the_years_of_the_rules(@ForAll("anyDate") LocalDate date) {
        boolean inRange = date.getYear() >= InputRules.MIN_YEAR && date.getYear() <= InputRules.MAX_YEAR;
        assertThat(InputRules.dateProblem(date)).isEqualTo(inRange ? null : InputRules.DATE_RANGE);
        assertThat(InputRules.dateProblem(date.atStartOfDay())).isEqualTo(inRange ? null : InputRules.DATE_RANGE);
    }

    @Property
    void percent_encoded_utf8_of_any_text_passes(@ForAll("codePointText") String text) {
        ParameterText.requireUtf8("/api/x/" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    @Property
    void an_encoded_surrogate_half_or_a_stray_byte_is_refused(@ForAll("codePointText") String text,
                                                             @ForAll @IntRange(min = 0xD800, max = 0xDFFF) int half,
                                                             @ForAll @IntRange(min = 0x80, max = 0xFF) int stray) {
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);
        // U+D800..U+DFFF written as three UTF-8 bytes (as CESU-8 would): never valid UTF-8.
        String surrogate = "%" + HexFormat.of().toHexDigits((byte) (0xE0 | (half >> 12)))
                + "%" + HexFormat.of().toHexDigits((byte) (0x80 | ((half >> 6) & 0x3F)))
                + "%" + HexFormat.of().toHexDigits((byte) (0x80 | (half & 0x3F)));
        assertThatThrownBy(() -> ParameterText.requireUtf8("/q?a=" + encoded + surrogate)).isNotNull();
        // A continuation or lead byte alone, followed by an ASCII letter, is malformed too.
        assertThatThrownBy(() -> ParameterText.requireUtf8("/q?a=" + encoded + "%" + HexFormat.of().toHexDigits((byte) stray) + "z"))
                .isNotNull();
    }

    @Provide
    Arbitrary<String> codePointText() {
        // Whole code points from the whole Unicode range (pairs for the supplementary planes), no NUL.
        return Arbitraries.integers().between(1, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .list().ofMaxSize(30)
                .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
    }

    @Provide
    Arbitrary<LocalDate> anyDate() {
        LocalDate from = LocalDate.of(-5000, 1, 1);
        long days = ChronoUnit.DAYS.between(from, LocalDate.of(9000, 12, 31));
        // Around the bounds as often as far from them.
        Arbitrary<LocalDate> anywhere = Arbitraries.longs().between(0, days).map(from::plusDays);
        Arbitrary<LocalDate> nearBounds = Arbitraries.of(LocalDate.of(InputRules.MIN_YEAR, 1, 1), LocalDate.of(InputRules.MAX_YEAR, 12, 31))
                .flatMap(bound -> Arbitraries.integers().between(-3, 3).map(bound::plusDays));
        return Arbitraries.oneOf(anywhere, nearBounds);
    }
}
