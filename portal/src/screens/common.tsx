import { dayLabel, timeLabel } from '../lib/dates';
import { changeLabel, lessonsOn, movedAwayFrom, roomLabel, subjectLabel, teacherLabel } from '../lib/timetable';
import { Week } from '../lib/types';

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="loading">
      Chargement de {what}…
    </p>
  );
}

export function ErrorMessage({ message }: { message: string }) {
  return (
    <p role="alert" className="error">
      {message}
    </p>
  );
}

/** One day of a timetable: each lesson with its time, room, teacher and what changed. */
export function DayLessons({
  weeks,
  date,
  title,
  headingLevel = 3,
  show = 'teacher',
  schoolNames,
}: {
  weeks: Week[];
  date: string;
  title: string;
  headingLevel?: 2 | 3;
  /** beside the room: the teacher (a pupil's week) or the classes (a teacher's week) */
  show?: 'teacher' | 'classes';
  /** the school of each lesson, for a teacher of several schools */
  schoolNames?: Record<string, string>;
}) {
  const lessons = lessonsOn(weeks, date);
  const movedAway = movedAwayFrom(weeks, date);
  const names = {
    teacherNames: Object.assign({}, ...weeks.map((w) => w.teacherNames)) as Record<string, string>,
    roomNames: Object.assign({}, ...weeks.map((w) => w.roomNames)) as Record<string, string>,
  };
  const classNames = Object.assign({}, ...weeks.map((w) => w.classNames)) as Record<string, string>;
  const who = (o: Week['occurrences'][number]) =>
    show === 'classes'
      ? [...o.classIds, ...o.groupIds].map((id) => classNames[id]).filter(Boolean).join(', ')
      : teacherLabel(o, names);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="day">
      <H>
        {title} <span className="date">{dayLabel(date)}</span>
      </H>
      {lessons.length === 0 && movedAway.length === 0 ? (
        <p className="empty">Pas de cours.</p>
      ) : (
        <ul className="lessons">
          {lessons.map((o) => {
            const change = changeLabel(o, names);
            return (
              <li key={o.id} className={`lesson${o.state === 'CANCELLED' ? ' cancelled' : ''}${change ? ' changed' : ''}`}>
                <span className="time">
                  {timeLabel(o.startsAt)}–{timeLabel(o.endsAt)}
                </span>
                <span className="subject">{subjectLabel(o.subject)}</span>
                <span className="where">{[roomLabel(o, names), who(o), schoolNames?.[o.schoolId]].filter(Boolean).join(' · ')}</span>
                {change && <strong className="change">{change}</strong>}
              </li>
            );
          })}
          {movedAway.map((o) => (
            <li key={`away-${o.id}`} className="lesson changed">
              <span className="time">{o.planned ? timeLabel(o.planned.startsAt) : ''}</span>
              <span className="subject">{subjectLabel(o.subject)}</span>
              <strong className="change">
                Déplacé au {dayLabel(o.date)} à {timeLabel(o.startsAt)}
              </strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
