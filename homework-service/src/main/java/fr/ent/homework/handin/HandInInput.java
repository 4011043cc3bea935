package fr.ent.homework.handin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** The files a pupil hands in (uploaded first); they replace any handed in before. */
public record HandInInput(@NotNull @Size(min = 1, max = 5) List<UUID> fileIds) {
}
