package fr.ent.web.input;

import fr.ent.web.problem.Problems;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.lang.annotation.Annotation;

/**
 * A resource method that takes a body gets one: an empty body or a JSON {@code null} is a 400
 * {@code missing-body} problem for every endpoint, instead of a {@code null} argument that
 * services would have to remember to check (and a NullPointerException, a 500, when they do not).
 * A parameter annotated {@code @Nullable} (any annotation of that simple name) may be absent.
 */
@Provider
public class RequiredBody implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body == null && !nullable(context.getAnnotations())) {
            throw Problems.badRequest("missing-body", "A request body is required (it was empty or null).");
        }
        return body;
    }

    private static boolean nullable(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a.annotationType().getSimpleName().equals("Nullable")) {
                    return true;
                }
            }
        }
        return false;
    }
}
