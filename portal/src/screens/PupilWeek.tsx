import { useEffect, useMemo, useState } from 'react';
import { Api, ApiError } from '../lib/api';
import { addDays, schoolDate, weekToShow } from '../lib/dates';
import { Me, Week } from '../lib/types';
import { DayLessons, ErrorMessage, Loading } from './common';

/** A pupil's week (the next one from Saturday on), Monday to Saturday, with the changes; other weeks a tap away. */
export function PupilWeek({ api, me }: { api: Api; me: Me }) {
  const today = useMemo(() => schoolDate(new Date()), []);
  const [monday, setMonday] = useState(weekToShow(today));
  const [week, setWeek] = useState<Week | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setWeek(null);
    setError(null);
    api.get<Week>(`/api/timetable/pupils/${me.profile.id}/week?date=${monday}`).then(setWeek, (e: ApiError) => setError(e.message));
  }, [api, me, monday]);

  const days = [0, 1, 2, 3, 4, 5].map((i) => addDays(monday, i));
  const shown = week ? days.filter((d, i) => i < 5 || week.occurrences.some((o) => o.date === d)) : [];
  return (
    <div className="week">
      <h1>Mon emploi du temps</h1>
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
            <DayLessons key={d} weeks={[week]} date={d} title={d === today ? 'Aujourd’hui' : ''} headingLevel={2} />
          ))}
        </div>
      )}
    </div>
  );
}
