package fr.ent.homework;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** homework-service's own settings. */
@ConfigMapping(prefix = "homework")
public interface HomeworkConfig {

    /** Largest attachment of a lesson log entry or a work, and of a teacher's feedback file. */
    @WithDefault("10485760")
    long attachmentMaxBytes();

    /** Largest file a pupil hands in. */
    @WithDefault("10485760")
    long handInMaxBytes();

    /** How many days the pupil's list covers, today included. */
    @WithDefault("15")
    int listDays();
}
