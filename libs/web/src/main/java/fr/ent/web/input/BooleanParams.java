package fr.ent.web.input;

import fr.ent.web.problem.Problems;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Boolean query, path and header parameters are {@code true} or {@code false}, nothing else: the
 * JAX-RS default reads any other word as {@code false}, so {@code dryRun=maybe} would run a real
 * roster import. Anything else is a 400 naming the parameter; an empty value is no value.
 */
@Provider
public class BooleanParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Boolean.class && rawType != boolean.class) {
            return null;
        }
        String name = DateParams.nameOf(annotations);
        boolean primitive = rawType == boolean.class;
        return (ParamConverter<T>) new ParamConverter<Boolean>() {
            @Override
            public Boolean fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                String v = value.trim();
                if (v.equalsIgnoreCase("true")) {
                    return Boolean.TRUE;
                }
                // "0" is what Quarkus REST passes for an absent primitive boolean
                if (v.equalsIgnoreCase("false") || (primitive && v.equals("0"))) {
                    return Boolean.FALSE;
                }
                throw Problems.invalidField(name, "must be true or false");
            }

            @Override
            public String toString(Boolean value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
