import { FormEvent, useEffect, useMemo, useState } from 'react';
import { Api } from '../lib/api';
import { AwayForm, awayForm, awayLabel, awayRequest, awayState, AwayView, REPLY_MAX } from '../lib/away';
import { schoolDate } from '../lib/dates';
import { messagingError } from '../lib/messaging';
import { ErrorMessage, Loading } from './common';
import { useLoad } from './useLoad';

const AWAY = '/api/messaging/me/away';

/**
 * « Réponse automatique » (every adult: parents, teachers, vie scolaire, head): one's absence (whole
 * days, school time) and the reply those who write meanwhile get with their sending (nothing is sent
 * on one's behalf). `GET /me/away` (204: none), `PUT` to set or change it, `DELETE` to remove it.
 */
export function Away({ api }: { api: Api }) {
  const today = useMemo(() => schoolDate(new Date()), []);
  const saved = useLoad(() => api.get<AwayView | undefined>(AWAY), [api]);
  const [form, setForm] = useState<AwayForm>({ from: today, to: today, reply: '' });
  const [problem, setProblem] = useState<{ field?: string; error: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = saved.data ? awayForm(saved.data) : null;
  useEffect(() => {
    if (saved.data) setForm(awayForm(saved.data));
  }, [saved.data]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const request = awayRequest(form, today);
    if ('error' in request) {
      setProblem(request);
      document.getElementById(`away-${request.field}`)?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const answer = await api.send<AwayView>('PUT', AWAY, request.body);
      saved.set(answer);
      setDone(`Réponse automatique enregistrée, ${awayLabel(awayForm(answer))}.`);
    } catch (err) {
      setProblem({ error: messagingError(err) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await api.send('DELETE', AWAY, undefined);
      saved.set(undefined);
      setForm({ from: today, to: today, reply: '' });
      setDone('Réponse automatique supprimée.');
    } catch (err) {
      setProblem({ error: messagingError(err) });
    } finally {
      setBusy(false);
    }
  };

  const invalid = (field: keyof AwayForm) => (problem?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'away-problem' } : {});
  return (
    <div className="away">
      <h1>Absence et réponse automatique</h1>
      <p>Pendant votre absence, ceux qui vous écrivent reçoivent aussitôt cette réponse. Vos messages restent dans votre messagerie.</p>
      {saved.error && <ErrorMessage message={saved.error} />}
      {saved.data === null && !saved.error && <Loading what="votre absence" />}
      {saved.data !== null && (
        <>
          <p role="status" className="note">
            {current
              ? `${awayState(current, today) === 'current' ? 'Absence en cours' : awayState(current, today) === 'coming' ? 'Absence prévue' : 'Absence terminée'} : ${awayLabel(current)}.`
              : 'Aucune absence enregistrée.'}
          </p>
          <form className="card" onSubmit={(e) => void submit(e)} noValidate>
            <label htmlFor="away-from">Premier jour</label>
            <input id="away-from" type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} {...invalid('from')} />
            <label htmlFor="away-to">Dernier jour (inclus)</label>
            <input id="away-to" type="date" value={form.to} min={form.from} onChange={(e) => setForm({ ...form, to: e.target.value })} {...invalid('to')} />
            <label htmlFor="away-reply">Réponse automatique ({REPLY_MAX} caractères au plus)</label>
            <textarea id="away-reply" rows={5} maxLength={REPLY_MAX} value={form.reply} onChange={(e) => setForm({ ...form, reply: e.target.value })} {...invalid('reply')} />
            {problem && (
              <p id="away-problem" role="alert" className="error">
                {problem.error}
              </p>
            )}
            {done && (
              <p role="status" className="success">
                {done}
              </p>
            )}
            <div className="actions">
              <button type="submit" className="primary" disabled={busy}>
                Enregistrer
              </button>
              {current && (
                <button type="button" disabled={busy} onClick={() => void remove()}>
                  Supprimer la réponse automatique
                </button>
              )}
            </div>
          </form>
        </>
      )}
    </div>
  );
}
