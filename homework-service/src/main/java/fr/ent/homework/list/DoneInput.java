package fr.ent.homework.list;

import jakarta.validation.constraints.NotNull;

/** The done state the pupil gives a work: true done, false to do. */
public record DoneInput(@NotNull Boolean done) {
}
