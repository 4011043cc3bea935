package fr.ent.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** Writes problems and knows the standard slug and title of each HTTP status. */
final class ProblemJson {

    // A private mapper: a service's Jackson customisations must not change the error format.
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Map<Integer, String[]> BY_STATUS = Map.ofEntries(
            Map.entry(400, new String[] {"bad-request", "Bad request"}),
            Map.entry(401, new String[] {"unauthorized", "Authentication required"}),
            Map.entry(403, new String[] {"forbidden", "Forbidden"}),
            Map.entry(404, new String[] {"not-found", "Resource not found"}),
            Map.entry(405, new String[] {"method-not-allowed", "Method not allowed"}),
            Map.entry(406, new String[] {"not-acceptable", "Not acceptable"}),
            Map.entry(409, new String[] {"conflict", "Conflict"}),
            Map.entry(413, new String[] {"payload-too-large", "Request body too large"}),
            Map.entry(415, new String[] {"unsupported-media-type", "Unsupported media type"}),
            Map.entry(500, new String[] {"internal-error", "Internal server error"}),
            Map.entry(503, new String[] {"service-unavailable", "Service unavailable"}));

    private ProblemJson() {
    }

    /** A problem of the standard kind for {@code status}. */
    static Problem of(int status, String detail, String instance) {
        String[] kind = BY_STATUS.get(status);
        if (kind == null) {
            Response.Status known = Response.Status.fromStatusCode(status);
            kind = new String[] {"http-" + status, known != null ? known.getReasonPhrase() : "HTTP " + status};
        }
        return new Problem(Problem.typeOf(kind[0]), kind[1], status, detail, instance, null);
    }

    static String write(Problem problem) {
        try {
            return MAPPER.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            // Cannot happen with a record of strings and ints; keep the promise of a JSON body anyway.
            return "{\"title\":\"Internal server error\",\"status\":500}";
        }
    }

    static Response response(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(write(problem))
                .build();
    }
}
