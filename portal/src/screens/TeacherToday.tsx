import { useEffect, useMemo, useState } from 'react';
import { Api, ApiError } from '../lib/api';
import { dayLabel, schoolDate, timeLabel } from '../lib/dates';
import { subjectLabel } from '../lib/timetable';
import { LessonRollCall, Me } from '../lib/types';
import { navigate } from '../router';
import { ErrorMessage, Loading } from './common';

/** A teacher's lessons of the day, each with its roll call: one tap opens it. */
export function TeacherToday({ api, me }: { api: Api; me: Me }) {
  const today = useMemo(() => schoolDate(new Date()), []);
  const [lessons, setLessons] = useState<LessonRollCall[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.get<LessonRollCall[]>(`/api/attendance/teachers/${me.profile.id}/lessons?date=${today}`).then(setLessons, (e: ApiError) => setError(e.message));
  }, [api, me, today]);

  const className = (id: string) => me.teaching.find((t) => t.classGroupId === id)?.classGroupName ?? 'Classe';
  return (
    <div className="today">
      <h1>
        Mes cours <span className="date">{dayLabel(today)}</span>
      </h1>
      {error && <ErrorMessage message={error} />}
      {!lessons && !error && <Loading what="vos cours" />}
      {lessons && lessons.length === 0 && <p className="empty">Pas de cours aujourd’hui.</p>}
      {lessons && lessons.length > 0 && (
        <ul className="lessons teacher">
          {lessons.map((l) => {
            const groups = [...l.classIds, ...l.groupIds];
            return (
              <li key={l.occurrenceId} className={`lesson${l.cancelled ? ' cancelled' : ''}`}>
                <span className="time">
                  {timeLabel(l.startsAt)}–{timeLabel(l.endsAt)}
                </span>
                <span className="subject">{subjectLabel(l.subject)}</span>
                {l.cancelled && <strong className="change">Annulé</strong>}
                {!l.cancelled && l.substitute && <strong className="change">Remplacement</strong>}
                {!l.cancelled && l.moved && <strong className="change">Déplacé</strong>}
                {!l.cancelled && (
                  <span className="actions">
                    {groups.map((g) => {
                      const reg = l.registers.find((r) => r.groupId === g);
                      const taken = reg?.status === 'SUBMITTED' || reg?.status === 'VALIDATED';
                      const path = `/appel/${encodeURIComponent(l.occurrenceId)}/${g}`;
                      return (
                        <a
                          key={g}
                          href={path}
                          className={taken ? 'button done' : 'button primary'}
                          onClick={(e) => {
                            e.preventDefault();
                            navigate(path);
                          }}
                        >
                          {taken ? `Appel fait · ${className(g)}` : `Faire l’appel · ${className(g)}`}
                        </a>
                      );
                    })}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
