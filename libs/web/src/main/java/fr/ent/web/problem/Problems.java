package fr.ent.web.problem;

import java.util.List;

/**
 * The problems a service throws itself. Everything else (validation, bad JSON, unknown path,
 * wrong method, media types, body size, authentication) is mapped by this library.
 *
 * <pre>{@code throw Problems.notFound("No absence " + id); }</pre>
 */
public final class Problems {

    private Problems() {
    }

    /** 404 — also the answer for something that exists but is not the caller's (never reveal it). */
    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Resource not found", detail, null);
    }

    /** 409 with a slug naming the conflict, e.g. {@code conflict("roll-call-closed", "...")}. */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail, null);
    }

    /** 400 with a slug naming the rule broken, e.g. {@code badRequest("period-inverted", "...")}. */
    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(400, slug, "Bad request", detail, null);
    }

    /** 400 naming one invalid field, shaped like a bean-validation error. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "validation-failed", "Invalid request",
                field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    /** 403: the caller is known but this action is not theirs to take (use 404 to hide existence). */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }
}
