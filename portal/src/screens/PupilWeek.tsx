import { useEffect, useMemo, useState } from 'react';
import { Api, ApiError } from '../lib/api';
import { addDays, schoolDate, weekToShow } from '../lib/dates';
import { Me, Page, School, Week } from '../lib/types';
import { DayLessons, ErrorMessage, Loading } from './common';

/** A pupil's week (the next one from Saturday on), Monday to Saturday, with the changes; other weeks a tap away. */
export function PupilWeek({ api, me }: { api: Api; me: Me }) {
  return <WeekView api={api} title="Mon emploi du temps" path={(monday) => `/api/timetable/pupils/${me.profile.id}/week?date=${monday}`} />;
}

/**
 * A teacher's week in every school they teach at (timetable-service answers them all in one call),
 * with the classes of each lesson and, for a teacher of two schools, the school.
 */
export function TeacherWeek({ api, me }: { api: Api; me: Me }) {
  const schools = useMemo(() => new Set(me.teaching.map((t) => t.schoolId)), [me]);
  const [schoolNames, setSchoolNames] = useState<Record<string, string> | undefined>(undefined);
  useEffect(() => {
    if (schools.size < 2) return;
    api.get<Page<School>>('/api/identity/schools?size=200').then(
      (p) => setSchoolNames(Object.fromEntries(p.items.map((s) => [s.id, s.name]))),
      () => undefined,
    );
  }, [api, schools]);
  return (
    <WeekView
      api={api}
      title="Ma semaine"
      show="classes"
      schoolNames={schoolNames}
      path={(monday) => `/api/timetable/teachers/${me.profile.id}/week?date=${monday}`}
    />
  );
}

function WeekView({
  api,
  title,
  path,
  show,
  schoolNames,
}: {
  api: Api;
  title: string;
  path: (monday: string) => string;
  show?: 'teacher' | 'classes';
  schoolNames?: Record<string, string>;
}) {
  const today = useMemo(() => schoolDate(new Date()), []);
  const [monday, setMonday] = useState(weekToShow(today));
  const [week, setWeek] = useState<Week | null>(null);
  const [error, setError] = useState<string | null>(null);
  const url = path(monday);

  useEffect(() => {
    setWeek(null);
    setError(null);
    api.get<Week>(url).then(setWeek, (e: ApiError) => setError(e.message));
  }, [api, url]);

  const days = [0, 1, 2, 3, 4, 5].map((i) => addDays(monday, i));
  const shown = week ? days.filter((d, i) => i < 5 || week.occurrences.some((o) => o.date === d)) : [];
  return (
    <div className="week">
      <h1>{title}</h1>
      <nav className="week-nav" aria-label="Changer de semaine">
        <button type="button" onClick={() => setMonday(addDays(monday, -7))}>
          Semaine précédente
        </button>
        <button type="button" onClick={() => setMonday(weekToShow(today))} disabled={monday === weekToShow(today)}>
          Semaine en cours
        </button>
        <button type="button" onClick={() => setMonday(addDays(monday, 7))}>
          Semaine suivante
        </button>
      </nav>
      {error && <ErrorMessage message={error} />}
      {!week && !error && <Loading what="la semaine" />}
      {week && (
        <div className="days">
          {shown.map((d) => (
            <DayLessons key={d} weeks={[week]} date={d} title={d === today ? 'Aujourd’hui' : ''} headingLevel={2} show={show} schoolNames={schoolNames} />
          ))}
        </div>
      )}
    </div>
  );
}
