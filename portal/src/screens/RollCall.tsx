import { useEffect, useMemo, useState } from 'react';
import { Api, ApiError } from '../lib/api';
import { dayLabel, timeLabel } from '../lib/dates';
import { idempotencyKey, initialLines, Line, marksBody, summary } from '../lib/rollcall';
import { subjectLabel } from '../lib/timetable';
import { LessonRollCall, MarkStatus, Me, Register } from '../lib/types';
import { navigate } from '../router';
import { ErrorMessage, Loading } from './common';

const STATUSES: { value: MarkStatus; label: string }[] = [
  { value: 'PRESENT', label: 'Présent' },
  { value: 'ABSENT', label: 'Absent' },
  { value: 'LATE', label: 'Retard' },
];

/**
 * The roll call of one class or group of a lesson: everyone present by default, a tap marks a
 * pupil absent or late (with the minutes), one button sends it. Opening the register answers
 * the lesson's register when it exists; sending the marks carries an Idempotency-Key, so a retry
 * after a cut network is counted once.
 */
export function RollCall({ api, me, occurrenceId, groupId }: { api: Api; me: Me; occurrenceId: string; groupId: string }) {
  const [register, setRegister] = useState<Register | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const submitKey = useMemo(() => idempotencyKey(), []);

  useEffect(() => {
    (async () => {
      try {
        const date = occurrenceId.substring(occurrenceId.lastIndexOf('_') + 1);
        const lessons = await api.get<LessonRollCall[]>(`/api/attendance/teachers/${me.profile.id}/lessons?date=${date}`);
        const lesson = lessons.find((l) => l.occurrenceId === occurrenceId);
        if (!lesson || ![...lesson.classIds, ...lesson.groupIds].includes(groupId)) {
          setError('Ce cours n’est pas dans votre emploi du temps.');
          return;
        }
        const opened = await api.send<Register>(
          'POST',
          '/api/attendance/registers',
          {
            schoolId: lesson.schoolId,
            groupId,
            subject: lesson.subject,
            date: lesson.date,
            startsAt: lesson.startsAt,
            endsAt: lesson.endsAt,
            timetableLessonId: lesson.lessonId,
            occurrenceId: lesson.occurrenceId,
          },
        );
        setRegister(opened);
        setLines(initialLines(opened));
      } catch (e) {
        setError((e as ApiError).message);
      }
    })();
  }, [api, me, occurrenceId, groupId]);

  const className = me.teaching.find((t) => t.classGroupId === groupId)?.classGroupName ?? 'la classe';
  const readOnly = register !== null && register.status !== 'OPEN';

  const set = (pupilId: string, change: Partial<Line>) => setLines((ls) => ls.map((l) => (l.pupilId === pupilId ? { ...l, ...change } : l)));

  const send = async () => {
    if (!register) return;
    setSending(true);
    setError(null);
    try {
      const taken = await api.send<Register>('PUT', `/api/attendance/registers/${register.id}/marks`, marksBody(lines), { 'Idempotency-Key': submitKey });
      setRegister(taken);
      setDone(`Appel enregistré : ${summary(lines)}.`);
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="rollcall">
      <p>
        <a href="/" onClick={(e) => { e.preventDefault(); navigate('/'); }}>
          ← Mes cours
        </a>
      </p>
      <h1>
        Appel · {className}
        {register && (
          <span className="date">
            {' '}
            {subjectLabel(register.subject)}, {dayLabel(register.date)} {timeLabel(register.startsAt)}
          </span>
        )}
      </h1>
      {error && <ErrorMessage message={error} />}
      {!register && !error && <Loading what="la liste de la classe" />}
      {done && (
        <p role="status" className="success">
          {done}
        </p>
      )}
      {register && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          {readOnly && !done && <p className="note">L’appel de ce cours a déjà été fait.</p>}
          <ul className="pupils">
            {lines.map((l) => (
              <li key={l.pupilId} className={`pupil ${l.status.toLowerCase()}`}>
                <fieldset disabled={readOnly || sending}>
                  <legend>{l.name}</legend>
                  <div className="choices">
                    {STATUSES.map((s) => (
                      <label key={s.value} className={l.status === s.value ? 'chosen' : ''}>
                        <input
                          type="radio"
                          name={`statut-${l.pupilId}`}
                          value={s.value}
                          checked={l.status === s.value}
                          onChange={() => set(l.pupilId, { status: s.value, lateMinutes: s.value === 'LATE' ? l.lateMinutes ?? 5 : undefined })}
                        />
                        {s.label}
                      </label>
                    ))}
                  </div>
                  {l.status === 'LATE' && (
                    <label className="minutes">
                      Minutes de retard
                      <input
                        type="number"
                        inputMode="numeric"
                        min={1}
                        max={600}
                        required
                        value={l.lateMinutes ?? ''}
                        onChange={(e) => set(l.pupilId, { lateMinutes: e.target.value === '' ? undefined : Number(e.target.value) })}
                      />
                    </label>
                  )}
                </fieldset>
              </li>
            ))}
          </ul>
          {!readOnly && (
            <div className="submit">
              <p aria-live="polite">{summary(lines)}</p>
              <button type="submit" className="primary" disabled={sending || lines.length === 0}>
                {sending ? 'Envoi…' : 'Valider l’appel'}
              </button>
            </div>
          )}
        </form>
      )}
    </div>
  );
}
