package fr.ent.web.input;

import fr.ent.web.problem.Problems;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMatrix;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;

/**
 * Query, path and header parameters of a date type: ISO-8601, within the {@link InputRules}
 * years. A value that is not a date, or out of range, is a 400 naming the parameter (the JAX-RS
 * default would be a bare 404). An empty value is no value.
 */
@Provider
public class DateParams implements ParamConverterProvider {

    private record Format(Function<String, Object> parse, String example) {
    }

    private static final Map<Class<?>, Format> FORMATS = Map.of(
            LocalDate.class, new Format(LocalDate::parse, "an ISO-8601 date (2026-09-01)"),
            LocalDateTime.class, new Format(LocalDateTime::parse, "an ISO-8601 date-time (2026-09-01T08:00:00)"),
            OffsetDateTime.class, new Format(OffsetDateTime::parse,
                    "an ISO-8601 date-time with offset (2026-09-01T08:00:00+02:00)"),
            ZonedDateTime.class, new Format(ZonedDateTime::parse,
                    "an ISO-8601 date-time with offset (2026-09-01T08:00:00+02:00)"),
            Instant.class, new Format(Instant::parse, "an ISO-8601 instant (2026-09-01T06:00:00Z)"),
            YearMonth.class, new Format(YearMonth::parse, "an ISO-8601 month (2026-09)"));

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Format format = FORMATS.get(rawType);
        if (format == null) {
            return null;
        }
        String name = nameOf(annotations);
        return (ParamConverter<T>) new ParamConverter<Object>() {
            @Override
            public Object fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                Object parsed;
                try {
                    parsed = format.parse().apply(value.trim());
                } catch (DateTimeParseException e) {
                    throw Problems.invalidField(name, "must be " + format.example());
                }
                String problem = InputRules.dateProblem(parsed);
                if (problem != null) {
                    throw Problems.invalidField(name, problem);
                }
                return parsed;
            }

            @Override
            public String toString(Object value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /** The parameter's name as the caller wrote it, from its JAX-RS or Quarkus REST annotation. */
    static String nameOf(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                String name = a instanceof QueryParam q ? q.value()
                        : a instanceof PathParam p ? p.value()
                        : a instanceof HeaderParam h ? h.value()
                        : a instanceof FormParam f ? f.value()
                        : a instanceof CookieParam c ? c.value()
                        : a instanceof MatrixParam m ? m.value()
                        : a instanceof RestQuery q ? q.value()
                        : a instanceof RestPath p ? p.value()
                        : a instanceof RestHeader h ? h.value()
                        : a instanceof RestForm f ? f.value()
                        : a instanceof RestCookie c ? c.value()
                        : a instanceof RestMatrix m ? m.value()
                        : null;
                if (name != null && !name.isEmpty()) {
                    return name;
                }
            }
        }
        return "parameter";
    }
}
