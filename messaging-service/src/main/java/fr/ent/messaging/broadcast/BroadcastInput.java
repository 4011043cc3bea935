package fr.ent.messaging.broadcast;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * An information to families, to acknowledge: to the whole school's families, or to those of some
 * levels ("6e", "3e") and classes. Plain text, like a message.
 */
public record BroadcastInput(@Size(max = 200) String subject, @Size(max = 20_000) String body, Boolean wholeSchool,
                             @Size(max = 20) List<@NotNull @Size(max = 20) String> levels,
                             @Size(max = 100) List<@NotNull UUID> classIds) {

    public BroadcastInput {
        wholeSchool = Boolean.TRUE.equals(wholeSchool);
        levels = levels == null ? List.of() : List.copyOf(levels);
        classIds = classIds == null ? List.of() : List.copyOf(classIds);
    }
}
