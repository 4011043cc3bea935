package fr.ent.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON value that is well-formed but breaks one of the {@link InputRules}. Jackson adds the
 * path of the field ({@code absences[2].comment}); the problem mapper answers a 400 naming it,
 * with {@link #getOriginalMessage()} as the field's message.
 */
public class RejectedValueException extends InvalidFormatException {

    RejectedValueException(JsonParser parser, String message, Object value, Class<?> targetType) {
        super(parser, message, value, targetType);
    }
}
