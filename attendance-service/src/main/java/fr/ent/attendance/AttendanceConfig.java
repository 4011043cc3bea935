package fr.ent.attendance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.LocalTime;

/** Tunables of attendance-service, under {@code attendance.*}. */
@ConfigMapping(prefix = "attendance")
public interface AttendanceConfig {

    /** A half-day ends (and the afternoon begins) at this time. */
    @WithDefault("12:30")
    LocalTime afternoonStartsAt();

    /** Unjustified half-days in a month that raise the legal alert. */
    @WithDefault("4")
    int thresholdHalfDays();

    /** Largest attachment a guardian may send with a justification. */
    @WithDefault("2097152")
    int attachmentMaxBytes();
}
