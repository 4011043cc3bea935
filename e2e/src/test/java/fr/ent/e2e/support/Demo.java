package fr.ent.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The demo data as deploy/local/demo-data loaded it: {@code $ENT_HOME/data/demo.json} (ENT_HOME
 * defaults to {@code <repo>/.local}). Tests name people by their key there ("lea", "sophie", "cpe")
 * and never hard-code an id.
 */
public final class Demo {

    /** A demo person: their id in identity-service and their Keycloak username. */
    public record Person(String key, UUID id, String username, String firstName, String lastName) {
    }

    private static final Demo INSTANCE = new Demo(Platform.entHome().resolve("data/demo.json"));

    private final JsonNode json;

    private Demo(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: bring the platform up with deploy/local/up "
                    + "(it loads the demo data), or set ENT_HOME to the state directory of the running platform");
        }
        try {
            json = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static Person person(String key) {
        JsonNode p = INSTANCE.json.path("people").path(key);
        if (p.isMissingNode()) {
            throw new IllegalArgumentException("no demo person '" + key + "' in demo.json");
        }
        return new Person(key, UUID.fromString(p.path("id").asText()), p.path("username").asText(),
                p.path("firstName").asText(), p.path("lastName").asText());
    }

    /** "jeanMoulin" or "victorHugo". */
    public static UUID school(String key) {
        return UUID.fromString(INSTANCE.json.path("schools").path(key).asText());
    }

    /** A class by its school's UAI and its code, e.g. ("0750001A", "4A"). */
    public static UUID classOf(String uai, String code) {
        JsonNode id = INSTANCE.json.path("classes").path(uai).path(code);
        if (id.isMissingNode()) {
            throw new IllegalArgumentException("no class " + code + " in school " + uai + " in demo.json");
        }
        return UUID.fromString(id.asText());
    }

    /** The platform administrator's username (made in Keycloak only, no person in identity). */
    public static String adminUsername() {
        return INSTANCE.json.path("admin").asText();
    }

    public static String password() {
        return INSTANCE.json.path("password").asText();
    }
}
