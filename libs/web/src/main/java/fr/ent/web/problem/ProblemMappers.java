package fr.ent.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fr.ent.web.input.RejectedValueException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every exception that reaches Quarkus REST into a problem detail. Errors raised before a
 * resource is chosen (unknown path outside the API, body too large, bad token) are handled on the
 * Vert.x router by {@link HttpProblemRoutes}.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    static final String BEARER_CHALLENGE = "Bearer";

    /** How Jackson starts its message for a null or missing primitive. */
    private static final String NULL_PRIMITIVE = "Cannot map `null` into type";

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        if (e.status() >= 500) {
            LOG.errorf("Problem %s answered with %d: %s", e.slug(), e.status(), e.detail());
        }
        return ProblemJson.response(e.toProblem(request.path()));
    }

    // --- Bean validation

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpServerRequest request) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue)) {
            // The service broke its own contract: a bug, not the caller's fault.
            return internalError(e, request);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return validationFailed(errors, request);
    }

    @ServerExceptionMapper
    public Response validationMisconfigured(ValidationException e, HttpServerRequest request) {
        return internalError(e, request);
    }

    // --- JSON bodies

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, HttpServerRequest request) {
        return jsonProblem(e, request);
    }

    @ServerExceptionMapper
    public Response jsonDefinition(InvalidDefinitionException e, HttpServerRequest request) {
        // Jackson cannot build the target type at all: a bug in the service's DTO.
        return internalError(e, request);
    }

    // --- JAX-RS: 404, 405, 406, 415, and the 400 that wraps unreadable JSON

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        if (HttpProblemRoutes.is(e, StreamedBodyLimit.TooLarge.class) || e.getResponse().getStatus() == 413) {
            // a streamed body past the limit (ours), or a multipart form's (Quarkus REST's form reader)
            return ProblemJson.response(HttpProblemRoutes.bodyTooLarge(request));
        }
        ProblemException thrown = causeOf(e, ProblemException.class);
        if (thrown != null) {
            // A parameter converter's problem, wrapped by Quarkus REST in a bare 404 or 400.
            return problem(thrown, request);
        }
        JsonProcessingException json = causeOf(e, JsonProcessingException.class);
        if (json != null && e.getResponse().getStatus() == 400) {
            return jsonProblem(json, request);
        }
        int status = e.getResponse().getStatus();
        if (status < 400) {
            // A redirect or a success thrown on purpose: not an error, keep it as it is.
            return e.getResponse();
        }
        if (status >= 500) {
            return internalError(e, request);
        }
        Problem problem = ProblemJson.of(status, webDetail(e, status, request), request.path());
        Response.ResponseBuilder answer = Response.status(status).type(Problem.MEDIA_TYPE).entity(ProblemJson.write(problem));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            answer.header(HttpHeaders.ALLOW, allow);
        }
        if (status == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
        }
        return answer.build();
    }

    // --- Security (deny by default, @RolesAllowed, tokens checked lazily)

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return unauthenticated("A valid bearer token is required.", request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthenticated(HttpProblemRoutes.INVALID_TOKEN, request);
    }

    @ServerExceptionMapper
    public Response authenticationIncomplete(AuthenticationCompletionException e, HttpServerRequest request) {
        return unauthenticated(HttpProblemRoutes.INVALID_TOKEN, request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return ProblemJson.response(ProblemJson.of(403, HttpProblemRoutes.NOT_ALLOWED, request.path()));
    }

    // --- Anything else is a bug: log it with a reference, never leak it.

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (HttpProblemRoutes.is(e, StreamedBodyLimit.TooLarge.class)) {
            // A streamed body went past quarkus.http.limits.max-body-size while it was read.
            return ProblemJson.response(HttpProblemRoutes.bodyTooLarge(request));
        }
        if (clientHungUp(e)) {
            // The client (often the gateway after its timeout) left while its body was being read:
            // nobody gets this answer, and it is not a bug to page anyone about.
            LOG.debugf("The client closed the connection during %s %s", request.method(), request.path());
            return ProblemJson.response(ProblemJson.of(400, "The connection was closed before the request was read.",
                    request.path()));
        }
        return internalError(e, request);
    }

    /** Whether reading the request failed because its connection was closed. */
    static boolean clientHungUp(Throwable e) {
        return HttpProblemRoutes.is(e, ClosedChannelException.class) || HttpProblemRoutes.is(e, HttpClosedException.class);
    }

    static Response internalError(Throwable e, HttpServerRequest request) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s %s", reference, request.method(), request.path());
        return ProblemJson.response(ProblemJson.of(500,
                "An unexpected error occurred. Reference: " + reference + ".", request.path()));
    }

    private static Response unauthenticated(String detail, HttpServerRequest request) {
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE)
                .entity(ProblemJson.write(ProblemJson.of(401, detail, request.path())))
                .build();
    }

    private static Response validationFailed(List<Problem.FieldError> errors, HttpServerRequest request) {
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " invalid fields: " + fields;
        return ProblemJson.response(new Problem(Problem.typeOf("validation-failed"), "Invalid request", 400,
                detail, request.path(), errors));
    }

    private static Response jsonProblem(JsonProcessingException e, HttpServerRequest request) {
        if (e instanceof InvalidDefinitionException) {
            return internalError(e, request);
        }
        if (e instanceof StreamReadException || e instanceof StreamConstraintsException || !(e instanceof DatabindException)
                || causeOf(e, StreamReadException.class) != null) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return ProblemJson.response(new Problem(Problem.typeOf("malformed-json"), "Malformed JSON", 400,
                    "The request body is not valid JSON" + where + ".", request.path(), null));
        }
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping.getPath()) : "";
        if (field.isEmpty()) {
            return ProblemJson.response(new Problem(Problem.typeOf("malformed-json"), "Malformed JSON", 400,
                    "The request body does not have the expected shape.", request.path(), null));
        }
        return validationFailed(List.of(new Problem.FieldError(field, jsonMessage(e))), request);
    }

    /** What is wrong with one JSON value, without echoing Jackson's internals (class names, source). */
    private static String jsonMessage(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof RejectedValueException rejected) {
            return rejected.getOriginalMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && mismatch.getTargetType().isPrimitive() && String.valueOf(mismatch.getOriginalMessage()).startsWith(NULL_PRIMITIVE)) {
            // FAIL_ON_NULL_FOR_PRIMITIVES: missing or null, where a default would silently change data.
            String kind = describe(mismatch.getTargetType());
            return "is required (" + (kind.startsWith("i") ? "an " : "a ") + kind + ")";
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            Class<?> target = format.getTargetType();
            if (target.isEnum()) {
                return "must be one of " + Arrays.stream(target.getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
            }
            return "must be a valid " + describe(target);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be a " + describe(mismatch.getTargetType());
        }
        return "has an invalid value";
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (type == UUID.class) {
            return "UUID";
        }
        if (type.getName().startsWith("java.time.")) {
            return "ISO-8601 " + type.getSimpleName();
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return "JSON object";
    }

    /** Jackson's reference path as {@code absences[2].minutes}. */
    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /**
     * A violation's path relative to what the caller sent: {@code absences[2].minutes} for a body
     * field, the parameter name for a query or path parameter; the method name is dropped.
     */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                field.append('[').append(at == null ? "" : at).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(name);
            }
        }
        if (field.isEmpty()) {
            return parameter == null ? "" : parameter;
        }
        return field.toString();
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    private static String webDetail(WebApplicationException e, int status, HttpServerRequest request) {
        String message = e.getMessage();
        boolean generic = message == null || message.startsWith("HTTP " + status);
        return switch (status) {
            case 404 -> generic ? "Nothing here: " + request.path() + "." : message;
            case 405 -> "Method " + request.method() + " is not allowed on " + request.path() + ".";
            case 406 -> "None of the accepted media types (" + orNone(request.getHeader(HttpHeaders.ACCEPT))
                    + ") can be produced here.";
            case 415 -> "Content type " + orNone(request.getHeader(HttpHeaders.CONTENT_TYPE))
                    + " is not supported here.";
            case 401 -> "A valid bearer token is required.";
            case 403 -> HttpProblemRoutes.NOT_ALLOWED;
            default -> generic ? ProblemJson.of(status, null, null).title() + "." : message;
        };
    }

    private static String orNone(String header) {
        return header == null || header.isBlank() ? "none" : header;
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
