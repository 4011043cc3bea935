import { useEffect, useState } from 'react';
import { Api } from '../lib/api';
import { instantLabel } from '../lib/dates';
import { messagingError } from '../lib/messaging';
import { renderBody } from '../lib/richText';
import {
  blockDays,
  changedRules,
  PROFILE_LABEL,
  PROFILES,
  Reach,
  REACH_LABEL,
  reasonLabel,
  ReportView,
  reportStatusLabel,
  ruleKey,
  ruleSentence,
  RuleView,
} from '../lib/safety';
import { Me } from '../lib/types';
import { ErrorMessage, Loading } from './common';
import { SchoolPicker, useStaffSchool } from './StaffSchool';
import { useLoad } from './useLoad';

const MESSAGING = '/api/messaging';

/**
 * « Signalements » (the vie scolaire and the head): the school's reports, open ones first, each with
 * the message reported (its sender, to and cc, text), who reported it, why and when; « Masquer le
 * message » (out of every recipient's mailbox) and « Bloquer l’expéditeur » for some days, each after
 * a confirmation saying what will happen.
 */
export function Reports({ api, me }: { api: Api; me: Me }) {
  const school = useStaffSchool(api, me);
  const { schoolId, schoolName } = school;
  const reports = useLoad(async () => (schoolId ? api.get<ReportView[]>(`${MESSAGING}/schools/${schoolId}/reports`) : []), [api, schoolId]);
  if (!schoolId) return <p>Aucun établissement n’est rattaché à votre compte.</p>;
  const open = (reports.data ?? []).filter((r) => r.status === 'OPEN').length;
  return (
    <div className="staff reports">
      <h1>Signalements{schoolName ? ` — ${schoolName}` : ''}</h1>
      <div className="toolbar">
        <SchoolPicker school={school} />
      </div>
      {reports.error && <ErrorMessage message={reports.error} />}
      {!reports.data && !reports.error && <Loading what="les signalements" />}
      {reports.data && (
        <>
          <p role="status">
            {reports.data.length === 0
              ? 'Aucun message signalé.'
              : `${reports.data.length} signalement${reports.data.length > 1 ? 's' : ''}, dont ${open} à traiter.`}
          </p>
          <ul className="report-list">
            {reports.data.map((r) => (
              <ReportItem key={r.id} api={api} report={r} onChange={(n) => reports.set(reports.data!.map((x) => (x.message.id === n.message.id ? { ...x, status: n.status } : x)))} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

type Asking = { kind: 'none' } | { kind: 'hide' } | { kind: 'block'; days: number };

function ReportItem({ api, report, onChange }: { api: Api; report: ReportView; onChange: (r: ReportView) => void }) {
  const m = report.message;
  const [asking, setAsking] = useState<Asking>({ kind: 'none' });
  const [daysText, setDaysText] = useState('7');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idp = `report-${report.id}`;
  const base = `${MESSAGING}/schools/${report.schoolId}/reports/${report.id}`;

  const act = async (call: () => Promise<ReportView>, said: string) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await call();
      onChange(answer);
      setDone(said);
      setAsking({ kind: 'none' });
    } catch (e) {
      setError(messagingError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card report" aria-labelledby={`${idp}-title`}>
      <h2 id={`${idp}-title`}>{m.subject || '(sans objet)'}</h2>
      <p className="meta">
        <span className="tag">{reportStatusLabel(report.status)}</span> {reasonLabel(report.reason)} · signalé par {report.reporterName} le{' '}
        <time dateTime={report.reportedAt}>{instantLabel(report.reportedAt)}</time>
      </p>
      <div className="message">
        <p className="meta">
          De : <strong>{m.sender.name}</strong>
          {m.sentAt && (
            <>
              {' · '}
              <time dateTime={m.sentAt}>{instantLabel(m.sentAt)}</time>
            </>
          )}
        </p>
        {m.to.length > 0 && <p className="meta">À : {m.to.map((p) => p.name).join(', ')}</p>}
        {m.cc.length > 0 && <p className="meta">Copie : {m.cc.map((p) => p.name).join(', ')}</p>}
        <div className="body">{renderBody(m.body)}</div>
      </div>
      {done && <p role="status" className="success">{done}</p>}
      {error && <ErrorMessage message={error} />}
      {asking.kind === 'none' && (
        <div className="actions">
          {report.status !== 'HIDDEN' && (
            <button type="button" onClick={() => { setDone(null); setAsking({ kind: 'hide' }); }}>
              Masquer le message
            </button>
          )}
          <label htmlFor={`${idp}-days`}>Jours de blocage</label>
          <input id={`${idp}-days`} inputMode="numeric" size={4} value={daysText} onChange={(e) => setDaysText(e.target.value)} />
          <button
            type="button"
            onClick={() => {
              setDone(null);
              const d = blockDays(daysText);
              if ('error' in d) return setError(d.error);
              setError(null);
              setAsking({ kind: 'block', days: d.days });
            }}
          >
            Bloquer l’expéditeur
          </button>
        </div>
      )}
      {asking.kind === 'hide' && (
        <div className="confirm" role="group" aria-label="Confirmation">
          <p>Masquer ce message dans la messagerie de tous ses destinataires ?</p>
          <button type="button" className="primary" disabled={busy} onClick={() => void act(() => api.send<ReportView>('POST', `${base}/hide`, {}), 'Le message est masqué pour tous ses destinataires.')}>
            Oui, masquer le message
          </button>
          <button type="button" onClick={() => setAsking({ kind: 'none' })}>
            Annuler
          </button>
        </div>
      )}
      {asking.kind === 'block' && (
        <div className="confirm" role="group" aria-label="Confirmation">
          <p>
            Bloquer {m.sender.name} pendant {asking.days} jour{asking.days > 1 ? 's' : ''} ? Ses messages seront refusés dans l’établissement pendant ce temps.
          </p>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() =>
              void act(
                () => api.send<ReportView>('POST', `${base}/block`, { personId: m.sender.id, days: asking.days }),
                `${m.sender.name} ne peut plus envoyer de message pendant ${asking.days} jour${asking.days > 1 ? 's' : ''}.`,
              )
            }
          >
            Oui, bloquer {m.sender.name}
          </button>
          <button type="button" onClick={() => setAsking({ kind: 'none' })}>
            Annuler
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * « Règles de la messagerie »: who may write to whom in the school (16 rows: each profile to each
 * profile, never, only those tied to them, or anyone of the school). The vie scolaire and the head
 * change them (`PUT`, only the rows changed, after a confirmation listing them).
 */
export function RuleTable({ api, me }: { api: Api; me: Me }) {
  const school = useStaffSchool(api, me);
  const { schoolId, schoolName } = school;
  const rules = useLoad(async () => (schoolId ? api.get<RuleView[]>(`${MESSAGING}/schools/${schoolId}/rules`) : []), [api, schoolId]);
  const [edited, setEdited] = useState<Record<string, Reach>>({});
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setEdited({});
    setConfirming(false);
  }, [schoolId]);

  if (!schoolId) return <p>Aucun établissement n’est rattaché à votre compte.</p>;
  const read = rules.data ?? [];
  const changes = changedRules(read, edited);
  const reachOf = (r: RuleView) => edited[ruleKey(r)] ?? r.reach;

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      rules.set(await api.send<RuleView[]>('PUT', `${MESSAGING}/schools/${schoolId}/rules`, changes));
      setEdited({});
      setConfirming(false);
      setDone(`${changes.length} règle${changes.length > 1 ? 's' : ''} modifiée${changes.length > 1 ? 's' : ''}.`);
    } catch (e) {
      setError(messagingError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="staff rules">
      <h1>Règles de la messagerie{schoolName ? ` — ${schoolName}` : ''}</h1>
      <div className="toolbar">
        <SchoolPicker school={school} />
      </div>
      <p>
        Qui peut écrire à qui dans l’établissement. « Seulement ceux qui leur sont liés » : un enseignant aux élèves de ses classes et à leurs
        parents, un parent aux enseignants de ses enfants, un élève à ses enseignants et aux élèves de sa classe.
      </p>
      {rules.error && <ErrorMessage message={rules.error} />}
      {!rules.data && !rules.error && <Loading what="les règles" />}
      {rules.data && (
        <div className="table-scroll">
          <table>
            <caption>Chaque ligne : qui écrit ; chaque colonne : à qui.</caption>
            <thead>
              <tr>
                <th scope="col">Qui écrit</th>
                {PROFILES.map((p) => (
                  <th key={p} scope="col">
                    À : {PROFILE_LABEL[p]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {PROFILES.map((sender) => (
                <tr key={sender}>
                  <th scope="row">{PROFILE_LABEL[sender]}</th>
                  {PROFILES.map((recipient) => {
                    const row = read.find((r) => r.sender === sender && r.recipient === recipient);
                    if (!row) return <td key={recipient}>—</td>;
                    return (
                      <td key={recipient}>
                        <select
                          aria-label={`${PROFILE_LABEL[sender]} écrivent à : ${PROFILE_LABEL[recipient]}`}
                          value={reachOf(row)}
                          onChange={(e) => {
                            setDone(null);
                            setConfirming(false);
                            setEdited({ ...edited, [ruleKey(row)]: e.target.value as Reach });
                          }}
                        >
                          {(Object.keys(REACH_LABEL) as Reach[]).map((r) => (
                            <option key={r} value={r}>
                              {REACH_LABEL[r]}
                            </option>
                          ))}
                        </select>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {done && <p role="status" className="success">{done}</p>}
      {error && <ErrorMessage message={error} />}
      {changes.length > 0 && !confirming && (
        <div className="actions">
          <button type="button" className="primary" onClick={() => setConfirming(true)}>
            Enregistrer les changements ({changes.length})
          </button>
          <button type="button" onClick={() => setEdited({})}>
            Annuler les changements
          </button>
        </div>
      )}
      {confirming && (
        <div className="confirm card" role="group" aria-label="Confirmation">
          <p>Appliquer ces règles à tout l’établissement, dès maintenant ?</p>
          <ul>
            {changes.map((c) => (
              <li key={ruleKey(c)}>{ruleSentence(c)}</li>
            ))}
          </ul>
          <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
            Oui, appliquer
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Revenir
          </button>
        </div>
      )}
    </div>
  );
}
