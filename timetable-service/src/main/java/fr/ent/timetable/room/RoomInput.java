package fr.ent.timetable.room;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record RoomInput(@NotBlank @Size(max = 100) String name, @NotNull @Min(1) @Max(2000) Integer capacity) {
}
