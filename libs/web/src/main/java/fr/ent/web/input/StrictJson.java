package fr.ent.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@link InputRules} for every JSON body a service reads (the service's {@code ObjectMapper},
 * which Quarkus REST uses):
 * <ul>
 *   <li>every {@code String} (fields, list elements, map keys and values) is checked for NUL and
 *   unpaired surrogates;</li>
 *   <li>{@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime}, {@code ZonedDateTime},
 *   {@code Instant} and {@code YearMonth} must lie within the supported years;</li>
 *   <li>a primitive field ({@code boolean}, {@code int}...) that is {@code null} or missing is an
 *   error, not a silent {@code false} or {@code 0}. A boxed field that is required says
 *   {@code @NotNull}.</li>
 * </ul>
 * A broken rule is a {@link RejectedValueException}, answered as a 400 naming the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    private static final Set<Class<?>> DATES = Set.of(LocalDate.class, LocalDateTime.class, OffsetDateTime.class,
            ZonedDateTime.class, Instant.class, YearMonth.class);

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.registerModule(module());
    }

    /** The checks as a Jackson module, for a mapper built outside CDI. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("ent-input-rules");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == String.class) {
                    return new Checked(deserializer, value -> value instanceof CharSequence text
                            ? InputRules.textProblem(text) : null);
                }
                if (DATES.contains(type)) {
                    return new Checked(deserializer, InputRules::dateProblem);
                }
                return deserializer;
            }

            @Override
            public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
                                                         KeyDeserializer deserializer) {
                return type.hasRawClass(String.class) ? new CheckedKey(deserializer) : deserializer;
            }
        });
        return module;
    }

    /** Reads with Jackson's own deserializer (so formats and coercions stay as they are), then checks. */
    private static final class Checked extends DelegatingDeserializer {

        private final Function<Object, String> rule;

        Checked(JsonDeserializer<?> delegate, Function<Object, String> rule) {
            super(delegate);
            this.rule = rule;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Checked(newDelegatee, rule);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            String problem = rule.apply(value);
            if (problem != null) {
                // The rejected text is not kept: it may be large, and it is never echoed back.
                throw new RejectedValueException(parser, problem, value instanceof CharSequence ? null : value,
                        handledType());
            }
            return value;
        }
    }

    private static final class CheckedKey extends KeyDeserializer {

        private final KeyDeserializer delegate;

        CheckedKey(KeyDeserializer delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            String problem = InputRules.textProblem(key);
            if (problem != null) {
                throw new RejectedValueException(context.getParser(), "key " + problem, null, String.class);
            }
            return delegate == null ? key : delegate.deserializeKey(key, context);
        }
    }
}
