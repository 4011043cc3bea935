package fr.ent.timetable.calendar;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class SchoolCalendarRepository implements PanacheRepositoryBase<SchoolCalendar, UUID> {
}
