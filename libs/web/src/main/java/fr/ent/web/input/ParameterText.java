package fr.ent.web.input;

import fr.ent.web.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * The {@link InputRules} for text in query, path and header parameters, decoded ({@code %00} is
 * a NUL): checked once for every endpoint, after the route is chosen (so path parameters have
 * their names) and before any parameter reaches the service. A 400 names the parameter.
 */
public class ParameterText {

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters(true), "parameter", "");
        check(request.getUriInfo().getQueryParameters(true), "parameter", "");
        check(request.getHeaders(), "header", "header ");
    }

    private static void check(MultivaluedMap<String, String> parameters, String kind, String fieldPrefix) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String nameProblem = InputRules.textProblem(parameter.getKey());
            if (nameProblem != null) {
                // No name to give back: the name itself is the problem.
                throw Problems.badRequest("bad-request", "A " + kind + " name " + nameProblem + ".");
            }
            for (String value : parameter.getValue()) {
                String problem = InputRules.textProblem(value);
                if (problem != null) {
                    throw Problems.invalidField(fieldPrefix + parameter.getKey(), problem);
                }
            }
        }
    }
}
