import { useState } from 'react';
import { Api } from '../lib/api';
import { instantLabel } from '../lib/dates';
import { BroadcastView, MESSAGING, acknowledgementLine, levelsOf, messagingError, waitingLine } from '../lib/messaging';
import { ClassView, Me, School } from '../lib/types';
import { ErrorMessage, Loading } from './common';
import { useLoad } from './useLoad';

type Audience = 'school' | 'levels' | 'classes';

/** Who has and who has not acknowledged one broadcast, and the reminder to those who have not. */
function BroadcastDetail({ api, schoolId, id, onChanged }: { api: Api; schoolId: string; id: string; onChanged: (b: BroadcastView) => void }) {
  const [round, setRound] = useState(0);
  const detail = useLoad(async () => {
    const b = await api.get<BroadcastView>(`${MESSAGING}/schools/${schoolId}/broadcasts/${id}`);
    onChanged(b);
    return b;
  }, [api, schoolId, id, round]);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (detail.error) return <ErrorMessage message={detail.error} />;
  if (!detail.data) return <Loading what="les confirmations" />;
  const b = detail.data;
  const remind = async () => {
    setError(null);
    try {
      const r = await api.send<{ reminded: number }>('POST', `${MESSAGING}/schools/${schoolId}/broadcasts/${id}/remind`, {});
      setDone(r.reminded === 0 ? 'Aucune famille à relancer.' : `${r.reminded} famille${r.reminded > 1 ? 's' : ''} relancée${r.reminded > 1 ? 's' : ''}.`);
      setRound((x) => x + 1);
    } catch (e) {
      setError(messagingError(e));
    }
  };
  return (
    <div className="broadcast-detail">
      <div className="columns2">
        <div>
          <h4>Ont confirmé ({b.acknowledged})</h4>
          {b.acknowledgedBy.length === 0 ? (
            <p className="empty">Personne pour l’instant.</p>
          ) : (
            <ul>
              {b.acknowledgedBy.map((f) => (
                <li key={f.guardianId}>
                  {f.name}
                  {f.acknowledgedAt && <span className="date"> — {instantLabel(f.acknowledgedAt)}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h4>N’ont pas encore confirmé ({b.notAcknowledged})</h4>
          {b.waitingFor.length === 0 ? (
            <p className="empty">Personne.</p>
          ) : (
            <ul>
              {b.waitingFor.map((f) => (
                <li key={f.guardianId}>
                  {f.name}
                  {f.remindedAt && <span className="date"> — relancée le {instantLabel(f.remindedAt)}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <div className="actions">
        <button type="button" onClick={() => setRound((x) => x + 1)}>
          Actualiser
        </button>
        {b.notAcknowledged > 0 && (
          <button type="button" className="primary" onClick={() => void remind()}>
            {b.notAcknowledged > 1 ? `Relancer les ${b.notAcknowledged} familles en attente` : 'Relancer la famille en attente'}
          </button>
        )}
      </div>
      {done && (
        <p role="status" className="success">
          {done}
        </p>
      )}
      {error && <ErrorMessage message={error} />}
    </div>
  );
}

/**
 * Informations to families with acknowledgement (`/diffusions`, the school's staff): send one to
 * the whole school, to levels or to classes; follow each one's counts, who has and has not
 * acknowledged, and remind those who have not.
 */
export function Broadcasts({ api, me }: { api: Api; me: Me }) {
  const schoolIds = me.profile.schoolIds;
  const [schoolId, setSchoolId] = useState(schoolIds[0] ?? '');
  const schools = useLoad(() => (schoolIds.length > 1 ? api.get<School[]>('/api/identity/schools') : Promise.resolve([] as School[])), [api]);
  const classes = useLoad(() => api.get<(ClassView & { level?: string | null })[]>(`/api/identity/schools/${schoolId}/classes`), [api, schoolId]);
  const [round, setRound] = useState(0);
  const list = useLoad(() => api.get<BroadcastView[]>(`${MESSAGING}/schools/${schoolId}/broadcasts`), [api, schoolId, round]);
  const [open, setOpen] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [audience, setAudience] = useState<Audience>('levels');
  const [levels, setLevels] = useState<string[]>([]);
  const [classIds, setClassIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (xs: string[], x: string) => (xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x]);

  const send = async () => {
    setError(null);
    setDone(null);
    if (!subject.trim()) return setError('Le champ « objet » est obligatoire.');
    if (!body.trim()) return setError('Le champ « message » est obligatoire.');
    if (audience === 'levels' && levels.length === 0) return setError('Le champ « niveaux » est obligatoire : cochez au moins un niveau.');
    if (audience === 'classes' && classIds.length === 0) return setError('Le champ « classes » est obligatoire : cochez au moins une classe.');
    setBusy(true);
    try {
      const b = await api.send<BroadcastView>('POST', `${MESSAGING}/schools/${schoolId}/broadcasts`, {
        subject,
        body,
        wholeSchool: audience === 'school',
        levels: audience === 'levels' ? levels : [],
        classIds: audience === 'classes' ? classIds : [],
      });
      setDone(`Information envoyée à ${b.families} famille${b.families > 1 ? 's' : ''}.`);
      setSubject('');
      setBody('');
      setOpen(b.id);
      setRound((r) => r + 1);
    } catch (e) {
      setError(messagingError(e));
    } finally {
      setBusy(false);
    }
  };

  const replace = (b: BroadcastView) =>
    list.data && list.set(list.data.map((x) => (x.id === b.id ? { ...x, families: b.families, acknowledged: b.acknowledged, notAcknowledged: b.notAcknowledged } : x)));

  const schoolClasses = (classes.data ?? []).filter((c) => c.kind === 'CLASS').sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return (
    <div className="broadcasts">
      <h1>Informations aux familles</h1>
      {schoolIds.length > 1 && schools.data && (
        <>
          <label htmlFor="broadcast-school">Établissement</label>
          <select id="broadcast-school" value={schoolId} onChange={(e) => setSchoolId(e.target.value)}>
            {schoolIds.map((id) => (
              <option key={id} value={id}>
                {schools.data!.find((s) => s.id === id)?.name ?? 'Établissement'}
              </option>
            ))}
          </select>
        </>
      )}
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <h2>Nouvelle information à confirmer</h2>
        <fieldset>
          <legend>Familles destinataires</legend>
          {(
            [
              ['school', 'Toutes les familles de l’établissement'],
              ['levels', 'Des niveaux'],
              ['classes', 'Des classes'],
            ] as [Audience, string][]
          ).map(([value, label]) => (
            <label key={value} className="choice">
              <input type="radio" name="audience" value={value} checked={audience === value} onChange={() => setAudience(value)} /> {label}
            </label>
          ))}
        </fieldset>
        {audience === 'levels' && (
          <fieldset>
            <legend>Niveaux</legend>
            {classes.error && <ErrorMessage message={classes.error} />}
            {levelsOf(classes.data ?? []).map((l) => (
              <label key={l} className="choice">
                <input type="checkbox" checked={levels.includes(l)} onChange={() => setLevels(toggle(levels, l))} /> {l}
              </label>
            ))}
          </fieldset>
        )}
        {audience === 'classes' && (
          <fieldset>
            <legend>Classes</legend>
            {schoolClasses.map((c) => (
              <label key={c.id} className="choice">
                <input type="checkbox" checked={classIds.includes(c.id)} onChange={() => setClassIds(toggle(classIds, c.id))} /> {c.name}
              </label>
            ))}
          </fieldset>
        )}
        <label htmlFor="broadcast-subject">Objet</label>
        <input id="broadcast-subject" value={subject} maxLength={200} onChange={(e) => setSubject(e.target.value)} />
        <label htmlFor="broadcast-body">Message</label>
        <textarea id="broadcast-body" rows={6} maxLength={20000} value={body} onChange={(e) => setBody(e.target.value)} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Envoi…' : 'Envoyer aux familles'}
        </button>
        {done && (
          <p role="status" className="success">
            {done}
          </p>
        )}
        {error && <ErrorMessage message={error} />}
      </form>
      <h2>Informations envoyées</h2>
      {list.error && <ErrorMessage message={list.error} />}
      {!list.data && !list.error && <Loading what="les informations envoyées" />}
      {list.data && list.data.length === 0 && <p className="empty">Aucune information envoyée.</p>}
      {list.data && list.data.length > 0 && (
        <ul className="broadcast-list">
          {list.data.map((b) => (
            <li key={b.id} className="card">
              <h3>{b.subject}</h3>
              <p>
                <time dateTime={b.sentAt}>{instantLabel(b.sentAt)}</time> — <span className="ack-count">{acknowledgementLine(b)}</span> ·{' '}
                <span className="waiting-count">{waitingLine(b)}</span>
              </p>
              <button type="button" aria-expanded={open === b.id} onClick={() => setOpen(open === b.id ? null : b.id)}>
                {open === b.id ? 'Masquer le détail' : 'Qui a confirmé ?'}
              </button>
              {open === b.id && <BroadcastDetail api={api} schoolId={schoolId} id={b.id} onChanged={replace} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export default Broadcasts;
