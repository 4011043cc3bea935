package fr.ent.e2e.support;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Where the platform under test answers. Defaults are those of deploy/local/up; the environment
 * variables are the ones deploy/local/demo-data reads.
 */
public final class Platform {

    /** Every API call goes through the gateway. */
    public static final String GATEWAY = env("ENT_GATEWAY", "http://localhost:8080");
    public static final String KEYCLOAK = env("ENT_KEYCLOAK", "http://localhost:8180");
    /** GreenMail standalone's REST API (the "mail viewer"). */
    public static final String MAIL_API = env("ENT_MAIL_API", "http://localhost:8025");
    public static final String REALM = KEYCLOAK + "/realms/ent";
    public static final String TOKEN_ENDPOINT = REALM + "/protocol/openid-connect/token";
    /** The demo schools' time zone (dates of lessons, texts of notifications). */
    public static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Paris");

    private Platform() {
    }

    /** The platform's state directory: ENT_HOME, else {@code <repo>/.local}. */
    public static Path entHome() {
        String home = System.getenv("ENT_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("ent.root", "..")).toAbsolutePath().normalize().resolve(".local");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.replaceAll("/+$", "");
    }
}
