package fr.ent.homework.handin;

import jakarta.validation.constraints.Size;

import java.util.UUID;

/** A teacher's feedback on a hand-in: a file uploaded first, a comment, or both. */
public record FeedbackInput(UUID fileId, @Size(max = 5000) String comment) {
}
