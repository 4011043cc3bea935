package fr.ent.testservers;

import io.restassured.response.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps real JSON answers of a service for {@code contract-tests}, which decodes each one with the
 * Java client generated from the service's OpenAPI document: {@code target/contract-answers/
 * <operationId>.<status>.json}. A service's test calls {@link #keep} after a request it checks anyway.
 */
public final class ContractAnswers {

    public static final Path DIR = Path.of("target", "contract-answers");

    private ContractAnswers() {
    }

    /** Writes the answer's body under the operation's id and the answer's status; returns the answer. */
    public static Response keep(String operationId, Response answer) {
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(operationId + "." + answer.statusCode() + ".json"), answer.asString(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer;
    }
}
