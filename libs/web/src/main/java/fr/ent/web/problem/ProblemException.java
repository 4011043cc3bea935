package fr.ent.web.problem;

import java.util.List;

/**
 * Thrown by services to answer with a problem detail; build it with {@link Problems}.
 * It carries no stack trace: it is an answer, not a bug.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.typeOf(slug), title, status, detail(), instance, errors);
    }
}
