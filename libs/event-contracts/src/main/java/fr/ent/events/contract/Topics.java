package fr.ent.events.contract;

/** Kafka topics: one per owning service. */
public final class Topics {

    public static final String IDENTITY = "ent.identity";
    public static final String TIMETABLE = "ent.timetable";
    public static final String HOMEWORK = "ent.homework";
    public static final String ATTENDANCE = "ent.attendance";
    public static final String GRADES = "ent.grades";
    public static final String MESSAGING = "ent.messaging";

    private Topics() {
    }
}
