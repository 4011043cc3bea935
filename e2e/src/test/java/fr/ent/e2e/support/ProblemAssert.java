package fr.ent.e2e.support;

import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 9457 problem details, as the gateway and every service answer them. */
public final class ProblemAssert {

    private static final String TYPES = "https://ent.example/problems/";

    private ProblemAssert() {
    }

    /** The answer is the problem {@code slug} with that status, as application/problem+json; failures name the scenario. */
    public static void assertProblem(String scenario, Response answer, int status, String slug) {
        String what = scenario + ": " + answer.asString();
        assertThat(answer.statusCode()).as("status of %s", what).isEqualTo(status);
        assertThat(answer.contentType()).as("content type of %s", what).startsWith("application/problem+json");
        assertThat(answer.<String>path("type")).as("type of %s", what).isEqualTo(TYPES + slug);
        assertThat(answer.<Integer>path("status")).as("status field of %s", what).isEqualTo(status);
        assertThat(answer.<String>path("title")).as("title of %s", what).isNotBlank();
    }
}
