package fr.ent.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param type     stable URI per kind of problem, {@code https://ent.example/problems/<slug>}
 * @param title    short summary of the kind, the same for every occurrence
 * @param status   the HTTP status code
 * @param detail   what went wrong this time, for a human reader
 * @param instance the request path that failed
 * @param errors   for validation problems: one entry per invalid field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "https://ent.example/problems/";

    /** One invalid field: {@code field} is its path in the request, e.g. {@code absences[2].minutes}. */
    public record FieldError(String field, String message) {
    }

    public static String typeOf(String slug) {
        return TYPE_PREFIX + slug;
    }

    /** The same problem, answered for a given request path. */
    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
