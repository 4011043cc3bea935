package fr.ent.homework.handin;

import fr.ent.homework.support.FileView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A pupil's hand-in of a work, with the teacher's feedback once returned. */
public record HandInView(UUID workId, UUID pupilId, Instant handedInAt, boolean late, List<FileView> files,
                         FileView feedbackFile, String feedbackComment, Instant feedbackAt) {
}
