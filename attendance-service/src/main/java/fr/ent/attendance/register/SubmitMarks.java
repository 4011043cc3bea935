package fr.ent.attendance.register;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The roll call of a whole class or group. */
public record SubmitMarks(@NotNull @Size(min = 1, max = 200) List<@NotNull @Valid MarkInput> marks) {
}
