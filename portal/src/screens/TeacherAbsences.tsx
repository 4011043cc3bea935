import { FormEvent, useState } from 'react';
import { Api, ApiError } from '../lib/api';
import { AbsenceForm, DeclaredPeriod, absencePeriodLabel, absenceRequest, declaredPeriods, periodStatusLabel } from '../lib/absences';
import { addDays, schoolDate } from '../lib/dates';
import { TeacherAbsence } from '../lib/types';
import { ErrorMessage, Loading } from './common';
import { useLoad } from './useLoad';

/**
 * A teacher declares an absence (no reason: nobody asks for one, and the API refuses it), sees the
 * absences declared and confirmed, and withdraws one the vie scolaire has not confirmed yet.
 */
export function TeacherAbsences({ api, now = () => new Date() }: { api: Api; now?: () => Date }) {
  const today = schoolDate(now());
  const [form, setForm] = useState<AbsenceForm>({ wholeDays: true, fromDate: addDays(today, 1), fromTime: '08:00', toDate: addDays(today, 1), toTime: '18:00' });
  const [fieldError, setFieldError] = useState<{ field: string; error: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const mine = useLoad(() => api.get<TeacherAbsence[]>('/api/timetable/absences/mine'), [api]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    const r = absenceRequest(form, now());
    if ('error' in r) {
      setFieldError(r);
      return;
    }
    setFieldError(null);
    setSending(true);
    try {
      await api.send('POST', '/api/timetable/absences', r.body);
      setDone(`Absence déclarée ${absencePeriodLabel(r.body.from, r.body.to)}. La vie scolaire la confirmera.`);
      mine.reload();
    } catch (err) {
      setError((err as ApiError).message);
    } finally {
      setSending(false);
    }
  };

  const withdraw = async (p: DeclaredPeriod) => {
    setError(null);
    setDone(null);
    const gone: string[] = [];
    try {
      for (const id of p.declaredIds) {
        await api.send('DELETE', `/api/timetable/absences/${id}`, undefined);
        gone.push(id);
      }
      setDone(`Absence ${absencePeriodLabel(p.from, p.to)} retirée.`);
    } catch (err) {
      setError((err as ApiError).message);
    } finally {
      if (mine.data) mine.set(mine.data.filter((x) => !gone.includes(x.id)));
    }
  };

  const set = (change: Partial<AbsenceForm>) => setForm((f) => ({ ...f, ...change }));
  const invalid = (field: string) => (fieldError?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'absence-error' } : {});
  const list = mine.data ? declaredPeriods(mine.data) : [];
  return (
    <div className="absences">
      <h1>Mes absences</h1>
      <section className="card" aria-labelledby="declarer">
        <h2 id="declarer">Déclarer une absence</h2>
        <p>Indiquez seulement la période : aucun motif n’est demandé. Vos cours seront annulés ou remplacés quand la vie scolaire confirmera.</p>
        <form onSubmit={submit} noValidate>
          <fieldset>
            <legend>Durée</legend>
            <label>
              <input type="radio" name="whole" checked={form.wholeDays} onChange={() => set({ wholeDays: true })} /> Journées entières
            </label>
            <label>
              <input type="radio" name="whole" checked={!form.wholeDays} onChange={() => set({ wholeDays: false })} /> Avec des heures
            </label>
          </fieldset>
          <div className="fields">
            <label>
              {form.wholeDays ? 'Premier jour' : 'Du'}{' '}
              <input type="date" value={form.fromDate} min={today} onChange={(e) => set({ fromDate: e.target.value, toDate: e.target.value > form.toDate ? e.target.value : form.toDate })} {...invalid('fromDate')} />
            </label>
            {!form.wholeDays && (
              <label>
                à <input type="time" value={form.fromTime} onChange={(e) => set({ fromTime: e.target.value })} {...invalid('fromTime')} />
              </label>
            )}
            <label>
              {form.wholeDays ? 'Dernier jour' : 'Au'}{' '}
              <input type="date" value={form.toDate} min={form.fromDate || today} onChange={(e) => set({ toDate: e.target.value })} {...invalid('toDate')} />
            </label>
            {!form.wholeDays && (
              <label>
                à <input type="time" value={form.toTime} onChange={(e) => set({ toTime: e.target.value })} {...invalid('toTime')} />
              </label>
            )}
          </div>
          {fieldError && (
            <p role="alert" className="error" id="absence-error">
              {fieldError.error}
            </p>
          )}
          <button type="submit" className="primary" disabled={sending}>
            Déclarer l’absence
          </button>
        </form>
        {done && (
          <p role="status" className="success">
            {done}
          </p>
        )}
        {error && <ErrorMessage message={error} />}
      </section>
      <section className="card" aria-labelledby="declarees">
        <h2 id="declarees">Absences déclarées</h2>
        {mine.error && <ErrorMessage message={mine.error} />}
        {!mine.data && !mine.error && <Loading what="vos absences" />}
        {mine.data &&
          (list.length === 0 ? (
            <p className="empty">Aucune absence déclarée.</p>
          ) : (
            <ul className="queue">
              {list.map((a) => (
                <li key={`${a.from}|${a.to}`}>
                  <strong>{absencePeriodLabel(a.from, a.to)}</strong> · {periodStatusLabel(a)}
                  {a.declaredIds.length > 0 && (
                    <div className="actions">
                      <button type="button" onClick={() => withdraw(a)} aria-label={`Retirer l’absence ${absencePeriodLabel(a.from, a.to)}`}>
                        Retirer
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          ))}
      </section>
    </div>
  );
}
