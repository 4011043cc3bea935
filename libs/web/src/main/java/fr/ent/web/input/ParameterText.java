package fr.ent.web.input;

import fr.ent.web.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The {@link InputRules} for text in query, path and header parameters, decoded ({@code %00} is
 * a NUL): checked once for every endpoint, after the route is chosen (so path parameters have
 * their names) and before any parameter reaches the service. A 400 names the parameter.
 */
public class ParameterText {

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        requireUtf8(request.getUriInfo().getRequestUri().getRawPath());
        requireUtf8(request.getUriInfo().getRequestUri().getRawQuery());
        check(request.getUriInfo().getPathParameters(true), "parameter", "");
        check(request.getUriInfo().getQueryParameters(true), "parameter", "");
        check(request.getHeaders(), "header", "header ");
    }

    /**
     * Percent-encoded bytes must be UTF-8: a decoder would turn {@code %ED%A0%80} (an encoded lone
     * surrogate) or {@code %FF} into U+FFFD and the service would store that instead of refusing it.
     */
    static void requireUtf8(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && HexFormat.isHexDigit(raw.charAt(i + 1)) && HexFormat.isHexDigit(raw.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else {
                bytes.write(c & 0x7f);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
        } catch (CharacterCodingException e) {
            throw Problems.badRequest("bad-request", "The request's address holds percent-encoded bytes that are not UTF-8.");
        }
    }

    private static void check(MultivaluedMap<String, String> parameters, String kind, String fieldPrefix) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String nameProblem = InputRules.textProblem(parameter.getKey());
            if (nameProblem != null) {
                // No name to give back: the name itself is the problem.
                throw Problems.badRequest("bad-request", "A " + kind + " name " + nameProblem + ".");
            }
            for (String value : parameter.getValue()) {
                String problem = InputRules.textProblem(value);
                if (problem != null) {
                    throw Problems.invalidField(fieldPrefix + parameter.getKey(), problem);
                }
            }
        }
    }
}
