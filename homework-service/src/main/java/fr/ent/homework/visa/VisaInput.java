package fr.ent.homework.visa;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/** A visa: the teacher whose cahier de textes of the class is stamped, the day it covers up to (not in the future), a comment. */
public record VisaInput(@NotNull UUID teacherId, @NotNull LocalDate stampedOn, @NotNull @Size(max = 2000) String comment) {
}
