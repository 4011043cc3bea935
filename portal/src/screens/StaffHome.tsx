import { FormEvent, useMemo, useState } from 'react';
import { Api, ApiError } from '../lib/api';
import { absencePeriodLabel, absenceStatusLabel } from '../lib/absences';
import { addDays, dayLabel, instantLabel, schoolDate } from '../lib/dates';
import { NameBook } from '../lib/names';
import { auditActionLabel, auditActor, dayCountLines, dayEntries, entryDescription, forgottenLine, queueLines } from '../lib/staff';
import { AuditEntry, ForgottenRegister, Justification, Me, Page, PersonView, Reason, SchoolChanges, SchoolDay, TeacherAbsence, Week } from '../lib/types';
import { DayLessons, ErrorMessage, Loading } from './common';
import { useLoad } from './useLoad';
import { SchoolPicker, useStaffSchool } from './StaffSchool';

/**
 * The vie scolaire (CPE) and the head: the school's day (counts, absences and lateness, lessons
 * without their roll call), the justification queue, the teachers' absences to confirm, and a
 * pupil's audit trail. A member of staff of two schools picks the school (remembered in this browser).
 */
export function StaffHome({ api, me }: { api: Api; me: Me }) {
  const school = useStaffSchool(api, me);
  const { schoolId, schoolName } = school;
  const today = useMemo(() => schoolDate(new Date()), []);
  const [date, setDate] = useState(today);
  const names = useMemo(() => new NameBook(api), [api]);

  if (!schoolId) return <p>Aucun établissement n’est rattaché à votre compte.</p>;
  return (
    <div className="staff">
      <h1>Vie scolaire{schoolName ? ` — ${schoolName}` : ''}</h1>
      <div className="toolbar">
        <SchoolPicker school={school} />
        <label>
          Jour <input type="date" value={date} max={today} onChange={(e) => e.target.value && setDate(e.target.value)} />
        </label>
      </div>
      <SchoolDaySection api={api} names={names} schoolId={schoolId} date={date} />
      <ForgottenSection api={api} names={names} schoolId={schoolId} date={date} />
      <JustificationQueue api={api} names={names} schoolId={schoolId} />
      <TimetableChanges api={api} schoolId={schoolId} date={date} />
      <TeacherAbsences api={api} names={names} schoolId={schoolId} />
      <PupilAudit api={api} names={names} schoolId={schoolId} />
    </div>
  );
}

interface SectionProps {
  api: Api;
  names: NameBook;
  schoolId: string;
}

function SchoolDaySection({ api, names, schoolId, date }: SectionProps & { date: string }) {
  const day = useLoad(async () => {
    const d = await api.get<SchoolDay>(`/api/attendance/schools/${schoolId}/day?date=${date}`);
    return { day: d, pupils: await names.peopleNames(d.entries.map((e) => e.pupilId)) };
  }, [api, schoolId, date]);
  return (
    <section className="card" aria-labelledby="journee">
      <h2 id="journee">
        La journée <span className="date">{dayLabel(date)}</span>
      </h2>
      {day.error && <ErrorMessage message={day.error} />}
      {!day.data && !day.error && <Loading what="la journée" />}
      {day.data && (
        <>
          <dl className="counts">
            {dayCountLines(day.data.day).map((c) => (
              <div key={c.label} className={c.attention ? 'attention' : undefined}>
                <dt>{c.label}</dt>
                <dd>{c.value}</dd>
              </div>
            ))}
          </dl>
          <h3>Absences et retards</h3>
          {dayEntries(day.data.day, day.data.pupils).length === 0 ? (
            <p className="empty">Aucune absence ni aucun retard.</p>
          ) : (
            <ul className="entries">
              {dayEntries(day.data.day, day.data.pupils).map((e) => (
                <li key={e.id}>
                  <strong>{e.name}</strong> — {entryDescription(e)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function ForgottenSection({ api, names, schoolId, date }: SectionProps & { date: string }) {
  const list = useLoad(async () => {
    const f = await api.get<ForgottenRegister[]>(`/api/attendance/schools/${schoolId}/forgotten-registers?date=${date}`);
    const [teachers, classes] = await Promise.all([names.peopleNames(f.flatMap((r) => r.teacherIds ?? [])), names.classNames(schoolId)]);
    return { f, teachers, classes };
  }, [api, schoolId, date]);
  return (
    <section className="card" aria-labelledby="oublis">
      <h2 id="oublis">Appels non faits</h2>
      {list.error && <ErrorMessage message={list.error} />}
      {!list.data && !list.error && <Loading what="les appels" />}
      {list.data &&
        (list.data.f.length === 0 ? (
          <p className="empty">Tous les cours terminés ont leur appel.</p>
        ) : (
          <ul className="entries">
            {[...list.data.f]
              .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
              .map((r) => (
                <li key={r.occurrenceId}>{forgottenLine(r, list.data!.teachers, list.data!.classes)}</li>
              ))}
          </ul>
        ))}
    </section>
  );
}

function JustificationQueue({ api, names, schoolId }: SectionProps) {
  const [done, setDone] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const queue = useLoad(async () => {
    const [list, reasons] = await Promise.all([
      api.get<Justification[]>(`/api/attendance/schools/${schoolId}/justifications?status=PENDING`),
      api.get<Reason[]>(`/api/attendance/schools/${schoolId}/reasons`).catch(() => [] as Reason[]),
    ]);
    const pupils = await names.peopleNames(list.map((j) => j.pupilId));
    return { list, reasons: Object.fromEntries(reasons.map((r) => [r.id, r])), pupils };
  }, [api, schoolId]);

  const decide = async (id: string, verb: 'accept' | 'refuse', pupil: string) => {
    setActionError(null);
    try {
      await api.send('POST', `/api/attendance/justifications/${id}/${verb}`, undefined);
      setDone(verb === 'accept' ? `Justificatif de ${pupil} accepté : l’absence est justifiée.` : `Justificatif de ${pupil} refusé.`);
      if (queue.data) queue.set({ ...queue.data, list: queue.data.list.filter((j) => j.id !== id) });
    } catch (e) {
      setActionError((e as ApiError).message);
    }
  };

  const lines = queue.data ? queueLines(queue.data.list, queue.data.pupils, queue.data.reasons) : [];
  return (
    <section className="card" aria-labelledby="justificatifs">
      <h2 id="justificatifs">Justificatifs à traiter{queue.data ? ` (${lines.length})` : ''}</h2>
      {done && (
        <p role="status" className="success">
          {done}
        </p>
      )}
      {actionError && <ErrorMessage message={actionError} />}
      {queue.error && <ErrorMessage message={queue.error} />}
      {!queue.data && !queue.error && <Loading what="les justificatifs" />}
      {queue.data &&
        (lines.length === 0 ? (
          <p className="empty">Aucun justificatif en attente.</p>
        ) : (
          <ul className="queue">
            {lines.map((l) => (
              <li key={l.id}>
                <strong>{l.pupil}</strong> — {l.reason}, envoyé {l.sent}
                {l.comment && <p className="comment">« {l.comment} »</p>}
                {l.file && <p className="file">Pièce jointe : {l.file}</p>}
                <div className="actions">
                  <button type="button" className="primary" onClick={() => decide(l.id, 'accept', l.pupil)} aria-label={`Accepter le justificatif de ${l.pupil}`}>
                    Accepter
                  </button>
                  <button type="button" onClick={() => decide(l.id, 'refuse', l.pupil)} aria-label={`Refuser le justificatif de ${l.pupil}`}>
                    Refuser
                  </button>
                </div>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** The school's timetable changes of the chosen day, or of the seven days from it (timetable-service). */
function TimetableChanges({ api, schoolId, date }: { api: Api; schoolId: string; date: string }) {
  const [span, setSpan] = useState<'day' | 'week'>('day');
  const to = span === 'day' ? date : addDays(date, 6);
  const changes = useLoad(() => api.get<SchoolChanges>(`/api/timetable/schools/${schoolId}/changes?from=${date}&to=${to}`), [api, schoolId, date, to]);
  const asWeek: Week[] = changes.data ? [{ week: '', ...changes.data }] : [];
  const days = changes.data ? [...new Set(changes.data.occurrences.flatMap((o) => [o.date, ...(o.planned ? [o.planned.date] : [])]))].filter((d) => d >= date && d <= to).sort() : [];
  return (
    <section className="card" aria-labelledby="changements">
      <h2 id="changements">Changements d’emploi du temps</h2>
      <fieldset className="span">
        <legend>Période</legend>
        <label>
          <input type="radio" name="changements-periode" checked={span === 'day'} onChange={() => setSpan('day')} /> Ce jour
        </label>
        <label>
          <input type="radio" name="changements-periode" checked={span === 'week'} onChange={() => setSpan('week')} /> 7 jours à partir de ce jour
        </label>
      </fieldset>
      {changes.error && <ErrorMessage message={changes.error} />}
      {!changes.data && !changes.error && <Loading what="les changements" />}
      {changes.data && days.length === 0 && <p className="empty">Aucun changement.</p>}
      {days.map((d) => (
        <DayLessons key={d} weeks={asWeek} date={d} title="" show="classes" />
      ))}
    </section>
  );
}

function TeacherAbsences({ api, names, schoolId }: SectionProps) {
  const [done, setDone] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const absences = useLoad(async () => {
    const list = await api.get<TeacherAbsence[]>(`/api/timetable/schools/${schoolId}/absences`);
    return { list, teachers: await names.peopleNames(list.map((a) => a.teacherId)) };
  }, [api, schoolId]);

  const confirm = async (a: TeacherAbsence, teacher: string) => {
    setActionError(null);
    try {
      const r = await api.send<{ absence: TeacherAbsence; occurrences: unknown[] }>('POST', `/api/timetable/absences/${a.id}/confirm`, {});
      const n = r?.occurrences?.length ?? 0;
      setDone(`Absence de ${teacher} confirmée : ${n === 0 ? 'aucun cours concerné' : `${n} cours annulé${n > 1 ? 's' : ''}`}, les familles sont prévenues.`);
      if (absences.data) absences.set({ ...absences.data, list: absences.data.list.map((x) => (x.id === a.id ? r.absence ?? { ...x, status: 'CONFIRMED' } : x)) });
    } catch (e) {
      setActionError((e as ApiError).message);
    }
  };

  const list = absences.data ? [...absences.data.list].sort((a, b) => a.from.localeCompare(b.from)) : [];
  return (
    <section className="card" aria-labelledby="absences-profs">
      <h2 id="absences-profs">Absences des enseignants</h2>
      {done && (
        <p role="status" className="success">
          {done}
        </p>
      )}
      {actionError && <ErrorMessage message={actionError} />}
      {absences.error && <ErrorMessage message={absences.error} />}
      {!absences.data && !absences.error && <Loading what="les absences des enseignants" />}
      {absences.data &&
        (list.length === 0 ? (
          <p className="empty">Aucune absence déclarée.</p>
        ) : (
          <ul className="queue">
            {list.map((a) => {
              const teacher = absences.data!.teachers[a.teacherId] ?? 'Enseignant';
              return (
                <li key={a.id}>
                  <strong>{teacher}</strong> — {absencePeriodLabel(a.from, a.to)} · {absenceStatusLabel(a.status)}
                  {a.status === 'DECLARED' && (
                    <div className="actions">
                      <button type="button" className="primary" onClick={() => confirm(a, teacher)} aria-label={`Confirmer l’absence de ${teacher} (ses cours sont annulés)`}>
                        Confirmer (cours annulés)
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        ))}
    </section>
  );
}

function PupilAudit({ api, names, schoolId }: SectionProps) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<PersonView[] | null>(null);
  const [pupil, setPupil] = useState<PersonView | null>(null);
  const [trail, setTrail] = useState<{ items: AuditEntry[]; actors: Record<string, string> } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const search = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (q.trim().length < 2) {
      setError('Saisissez au moins deux lettres du nom de l’élève.');
      return;
    }
    try {
      const page = await api.get<Page<PersonView>>(`/api/identity/people?schoolId=${schoolId}&role=PUPIL&q=${encodeURIComponent(q.trim())}&size=20`);
      setResults(page.items);
    } catch (err) {
      setError((err as ApiError).message);
    }
  };

  const open = async (p: PersonView) => {
    setPupil(p);
    setTrail(null);
    setError(null);
    try {
      const pages = await Promise.all(
        ['attendance', 'timetable'].map((s) => api.get<Page<AuditEntry>>(`/api/${s}/schools/${schoolId}/audit?pupilId=${p.id}&size=50`)),
      );
      const items = pages.flatMap((pg) => pg.items).sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
      const actors = await names.peopleNames(items.map((i) => i.actorPersonId).filter((x): x is string => !!x));
      setTrail({ items, actors });
    } catch (err) {
      setError((err as ApiError).message);
    }
  };

  return (
    <section className="card" aria-labelledby="traces">
      <h2 id="traces">Qui a consulté les données d’un élève</h2>
      <form onSubmit={search} className="search">
        <label htmlFor="audit-q">Nom de l’élève</label>
        <input id="audit-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
        <button type="submit">Rechercher</button>
      </form>
      {error && <ErrorMessage message={error} />}
      {results &&
        (results.length === 0 ? (
          <p className="empty">Aucun élève trouvé.</p>
        ) : (
          <ul className="choices">
            {results.map((p) => (
              <li key={p.id}>
                <button type="button" className="link" onClick={() => open(p)} aria-pressed={pupil?.id === p.id}>
                  {p.firstName} {p.lastName}
                </button>
              </li>
            ))}
          </ul>
        ))}
      {pupil && !trail && !error && <Loading what="la trace" />}
      {pupil && trail && (
        <>
          <h3>
            {pupil.firstName} {pupil.lastName}
          </h3>
          {trail.items.length === 0 ? (
            <p className="empty">Aucune consultation ni modification enregistrée.</p>
          ) : (
            <ul className="entries">
              {trail.items.map((i) => (
                <li key={i.id}>
                  <time dateTime={i.occurredAt}>{instantLabel(i.occurredAt)}</time> : {auditActor(i.actorRoles, i.actorPersonId ? trail.actors[i.actorPersonId] : undefined, i.actorClient)}{' '}
                  {auditActionLabel(i.action)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
