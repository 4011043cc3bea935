package fr.ent.grades.mark;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Every result of an assessment at once: the pupils not listed have none (a published one removed is kept in history). */
public record MarksInput(@NotNull @Size(max = 300) List<@NotNull @Valid MarkInput> marks) {
}
