import { useEffect, useMemo, useRef, useState } from 'react';
import { Api } from '../lib/api';
import { addDays, schoolDate, weekToShow } from '../lib/dates';
import {
  ATTACHMENT_RULES,
  Addressee,
  DraftAutosave,
  MESSAGING,
  MessageInput,
  MessageView,
  RecipientOption,
  Refusal,
  SaveState,
  Sent,
  addresseeKey,
  fieldPosition,
  keepCompose,
  keptCompose,
  messagingError,
  recipientOptions,
  refusalsOf,
  chosenFromDraft,
  DraftRecipients,
} from '../lib/messaging';
import { FormattingBar, Preview } from './Formatting';
import { ClassView, Me, School, Week } from '../lib/types';
import { fileProblem, upload } from '../lib/upload';
import { navigate } from '../router';
import { ErrorMessage, Loading } from './common';
import { useLoad } from './useLoad';

type List = 'to' | 'cc' | 'bcc';
const LIST_LABEL: Record<List, string> = { to: 'À', cc: 'Copie', bcc: 'Copie cachée' };

export interface Chosen {
  addressee: Addressee;
  label: string;
}

/** The people and groups this person may pick, read once from the public APIs (see lib/messaging.ts). */
export function useRecipientOptions(api: Api, me: Me) {
  return useLoad(async () => {
    const date = weekToShow(schoolDate(new Date()));
    const pupils: { id: string; schoolIds: string[] }[] =
      me.profile.role === 'PUPIL'
        ? [{ id: me.profile.id, schoolIds: me.enrolments.map((e) => e.schoolId) }]
        : me.children.map((c) => ({ id: c.person.id, schoolIds: c.currentEnrolments.map((e) => e.schoolId) }));
    const weeks = await Promise.all(
      pupils.map(async (p) => {
        // a week without lessons (holidays, a platform started this evening): the next one names the teachers
        let week = await api.get<Week>(`/api/timetable/pupils/${p.id}/week?date=${date}`).catch(() => null);
        if (week && week.occurrences.length === 0)
          week = await api.get<Week>(`/api/timetable/pupils/${p.id}/week?date=${addDays(date, 7)}`).catch(() => week);
        return week ? p.schoolIds.map((schoolId) => ({ schoolId, week: { ...week, occurrences: week.occurrences.filter((o) => o.schoolId === schoolId) } })) : [];
      }),
    );
    const classes =
      me.profile.role === 'STAFF'
        ? await Promise.all(me.profile.schoolIds.map(async (schoolId) => ({ schoolId, classes: await api.get<ClassView[]>(`/api/identity/schools/${schoolId}/classes`) })))
        : [];
    const options = recipientOptions(me, { weeks: weeks.flat(), classes });
    const schoolIds = [...new Set(options.map((o) => o.schoolId))];
    const schools =
      schoolIds.length > 1 ? await Promise.all(schoolIds.map((id) => api.get<School>(`/api/identity/schools/${id}`).catch(() => ({ id, name: 'Établissement' })))) : [];
    return { options, schools };
  }, [api, me]);
}

/** Chosen recipients of one list, each removable, a refused one marked with the service's words. */
function Chips({ list, chosen, refusals, onRemove }: { list: List; chosen: Chosen[]; refusals: Refusal[]; onRemove: (i: number) => void }) {
  if (chosen.length === 0) return null;
  return (
    <ul className="chips" aria-label={`Destinataires : ${LIST_LABEL[list]}`}>
      {chosen.map((c, i) => {
        const refused = refusals.filter((r) => {
          const p = fieldPosition(r.field);
          return p && p.list === list && p.index === i;
        });
        return (
          <li key={addresseeKey(c.addressee)} className={refused.length ? 'chip refused' : 'chip'}>
            <span>{c.label}</span>
            {refused.map((r) => (
              <strong key={r.text} className="refusal">
                Refusé : {r.text}
              </strong>
            ))}
            <button type="button" className="link" onClick={() => onRemove(i)} aria-label={`Retirer ${c.label}`}>
              Retirer
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** Picks recipients among the options, into « À », « Copie » or « Copie cachée ». */
export function RecipientPicker({
  options,
  lists,
  onChange,
  refusals,
  idPrefix,
}: {
  options: RecipientOption[];
  lists: Record<List, Chosen[]>;
  onChange: (lists: Record<List, Chosen[]>) => void;
  refusals: Refusal[];
  idPrefix: string;
}) {
  const [pick, setPick] = useState('');
  const [into, setInto] = useState<List>('to');
  const taken = new Set(Object.values(lists).flat().map((c) => addresseeKey(c.addressee)));
  const groups = options.filter((o) => !o.addressee.personId && !taken.has(o.key));
  const people = options.filter((o) => o.addressee.personId && !taken.has(o.key));
  const add = () => {
    const o = options.find((x) => x.key === pick);
    if (!o) return;
    onChange({ ...lists, [into]: [...lists[into], { addressee: o.addressee, label: o.label }] });
    setPick('');
  };
  return (
    <fieldset className="recipients">
      <legend>Destinataires</legend>
      {(['to', 'cc', 'bcc'] as List[]).map((l) => (
        <Chips key={l} list={l} chosen={lists[l]} refusals={refusals} onRemove={(i) => onChange({ ...lists, [l]: lists[l].filter((_, j) => j !== i) })} />
      ))}
      <div className="pick">
        <label htmlFor={`${idPrefix}-pick`}>Ajouter un destinataire</label>
        <select id={`${idPrefix}-pick`} value={pick} onChange={(e) => setPick(e.target.value)}>
          <option value="">Choisir…</option>
          {people.length > 0 && (
            <optgroup label="Personnes">
              {people.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          )}
          {groups.length > 0 && (
            <optgroup label="Groupes">
              {groups.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <label htmlFor={`${idPrefix}-into`}>en</label>
        <select id={`${idPrefix}-into`} value={into} onChange={(e) => setInto(e.target.value as List)}>
          <option value="to">À</option>
          <option value="cc">Copie</option>
          <option value="bcc">Copie cachée</option>
        </select>
        <button type="button" onClick={add} disabled={!pick}>
          Ajouter
        </button>
      </div>
    </fieldset>
  );
}

function saveLabel(s: SaveState): string {
  if (s.kind === 'saving') return 'Enregistrement du brouillon…';
  if (s.kind === 'saved') return `Brouillon enregistré à ${s.at.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}`;
  if (s.kind === 'error') return `Brouillon non enregistré : ${s.message}`;
  return '';
}

const EMPTY: Record<List, Chosen[]> = { to: [], cc: [], bcc: [] };

/**
 * Writing a message (`/messagerie/nouveau`, or a draft `/messagerie/brouillons/{id}`): recipients
 * among those offered, subject, text, attachments; the draft is saved as one types, and kept in the
 * tab too (a session renewal that fails and asks to sign in again loses nothing). Sending sends the
 * draft: a recipient one may not write to is refused by name, beside its name.
 */
export function Compose({ api, me, draftId, saveDelay = 1200 }: { api: Api; me: Me; draftId?: string; saveDelay?: number }) {
  const kept = useMemo(() => {
    const k = keptCompose(me.profile.id);
    return k && (k.draftId ?? undefined) === draftId ? k : draftId ? null : k;
  }, [draftId, me.profile.id]);
  const opts = useRecipientOptions(api, me);
  const [schoolId, setSchoolId] = useState(kept?.input.schoolId ?? '');
  const [lists, setLists] = useState<Record<List, Chosen[]>>(() =>
    kept
      ? {
          to: kept.input.to.map((a) => ({ addressee: a, label: kept.labels[addresseeKey(a)] ?? 'Destinataire' })),
          cc: kept.input.cc.map((a) => ({ addressee: a, label: kept.labels[addresseeKey(a)] ?? 'Destinataire' })),
          bcc: kept.input.bcc.map((a) => ({ addressee: a, label: kept.labels[addresseeKey(a)] ?? 'Destinataire' })),
        }
      : EMPTY,
  );
  const [subject, setSubject] = useState(kept?.input.subject ?? '');
  const [body, setBody] = useState(kept?.input.body ?? '');
  const [files, setFiles] = useState<{ fileId: string; fileName: string }[]>([]);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const saver = useRef<DraftAutosave | null>(null);
  if (!saver.current) saver.current = new DraftAutosave(api, setSaveState, kept?.draftId ?? draftId ?? null, saveDelay);
  const touched = useRef(false);
  const bodyField = useRef<HTMLTextAreaElement>(null);

  // a draft opened from the « Brouillons » box: its subject, text, attachments and recipients as saved
  // (the API gives the author their own draft's recipients), labelled once the options are known
  const [savedRecipients, setSavedRecipients] = useState<DraftRecipients | null>(null);
  useEffect(() => {
    if (!draftId || kept) return;
    api.get<MessageView>(`${MESSAGING}/messages/${draftId}`).then(
      (m) => {
        setSubject(m.subject ?? '');
        setBody(m.body ?? '');
        setSchoolId(m.schoolId);
        setFiles((m.attachments ?? []).map((a) => ({ fileId: a.fileId, fileName: a.fileName })));
        if (m.draft) setSavedRecipients(m.draft);
      },
      (e) => setError(messagingError(e)),
    );
  }, [api, draftId, kept]);
  useEffect(() => {
    if (!savedRecipients || (!opts.data && !opts.error)) return;
    const offered = opts.data?.options ?? [];
    setLists({
      to: savedRecipients.to.map((a) => chosenFromDraft(a, offered)),
      cc: savedRecipients.cc.map((a) => chosenFromDraft(a, offered)),
      bcc: savedRecipients.bcc.map((a) => chosenFromDraft(a, offered)),
    });
    setSavedRecipients(null);
  }, [savedRecipients, opts.data, opts.error]);

  const options = opts.data?.options ?? [];
  const schools = [...new Set(options.map((o) => o.schoolId))];
  const school = schoolId || (schools.length === 1 ? schools[0] : '');

  const input = (): MessageInput => ({
    schoolId: school,
    subject,
    body,
    to: lists.to.map((c) => c.addressee),
    cc: lists.cc.map((c) => c.addressee),
    bcc: lists.bcc.map((c) => c.addressee),
    attachmentIds: files.map((f) => f.fileId),
  });

  // every change: the draft saved a moment after the last keystroke, and kept in the tab at once
  useEffect(() => {
    if (!touched.current || !school || sent) return;
    const i = input();
    const labels = Object.fromEntries(Object.values(lists).flat().map((c) => [addresseeKey(c.addressee), c.label]));
    keepCompose({ personId: me.profile.id, draftId: saver.current?.id ?? null, input: i, labels });
    saver.current?.change(i);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [subject, body, lists, files, school]);
  useEffect(() => {
    if (saveState.kind === 'saved' && saver.current?.id) {
      const k = keptCompose(me.profile.id);
      if (k && !k.draftId) keepCompose({ ...k, draftId: saver.current.id });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saveState]);
  useEffect(() => () => void saver.current?.flush().catch(() => undefined), []);

  const touch = <T,>(set: (v: T) => void) => (v: T) => {
    touched.current = true;
    setRefusals([]);
    set(v);
  };

  const attach = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    const problem = fileProblem(file, ATTACHMENT_RULES);
    if (problem) return setError(problem);
    if (!school) return setError('Choisissez d’abord l’établissement.');
    setBusy(true);
    try {
      const fileId = await upload(api, `${MESSAGING}/schools/${school}/attachment-uploads`, file);
      touch(setFiles)([...files, { fileId, fileName: file.name }]);
    } catch (e) {
      setError(messagingError(e));
    } finally {
      setBusy(false);
    }
  };

  const send = async () => {
    setError(null);
    setRefusals([]);
    if (!school) return setError('Choisissez l’établissement.');
    if (lists.to.length + lists.cc.length + lists.bcc.length === 0) return setError('Le champ « destinataires » est obligatoire.');
    if (!subject.trim()) return setError('Le champ « objet » est obligatoire.');
    if (!body.trim()) return setError('Le champ « message » est obligatoire.');
    setBusy(true);
    try {
      const id = await saver.current!.flush(input());
      const answer = await api.send<Sent>('POST', `${MESSAGING}/drafts/${id}/send`, {});
      saver.current!.stop();
      keepCompose(null);
      setSent(answer);
    } catch (e) {
      setRefusals(refusalsOf(e));
      setError(messagingError(e));
    } finally {
      setBusy(false);
    }
  };

  const discard = async () => {
    saver.current!.stop();
    const id = saver.current!.id;
    keepCompose(null);
    try {
      if (id) await api.send('DELETE', `${MESSAGING}/drafts/${id}`, undefined);
      navigate('/messagerie');
    } catch (e) {
      setError(messagingError(e));
    }
  };

  if (sent)
    return (
      <section className="compose">
        <h1>Message envoyé</h1>
        <p role="status" className="success">
          Votre message « {sent.message.subject} » a été envoyé.
        </p>
        {sent.notice && <p className="notice">{sent.notice}</p>}
        {sent.autoReplies.map((a) => (
          <p key={a.personId} className="notice">
            Réponse automatique de {a.name} : {a.reply}
          </p>
        ))}
        <p>
          <a href={`/messagerie/messages/${sent.message.id}`} onClick={(e) => { e.preventDefault(); navigate(`/messagerie/messages/${sent.message.id}`); }}>
            Voir le message
          </a>{' '}
          ·{' '}
          <a href="/messagerie" onClick={(e) => { e.preventDefault(); navigate('/messagerie'); }}>
            Retour à la messagerie
          </a>
        </p>
      </section>
    );

  return (
    <section className="compose">
      <h1>{draftId ? 'Brouillon' : 'Nouveau message'}</h1>
      {opts.error && <ErrorMessage message={opts.error} />}
      {!opts.data && !opts.error && <Loading what="vos destinataires" />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        {opts.data && opts.data.schools.length > 1 && (
          <>
            <label htmlFor="compose-school">Établissement</label>
            <select id="compose-school" value={school} onChange={(e) => touch(setSchoolId)(e.target.value)}>
              <option value="">Choisir…</option>
              {opts.data.schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </>
        )}
        <RecipientPicker
          idPrefix="compose"
          options={options.filter((o) => !school || o.schoolId === school)}
          lists={lists}
          refusals={refusals}
          onChange={(l) => {
            if (!school && schools.length > 1) {
              const first = Object.values(l).flat()[0];
              const o = options.find((x) => first && x.key === addresseeKey(first.addressee));
              if (o) setSchoolId(o.schoolId);
            }
            touch(setLists)(l);
          }}
        />
        <label htmlFor="compose-subject">Objet</label>
        <input id="compose-subject" value={subject} maxLength={200} onChange={(e) => touch(setSubject)(e.target.value)} />
        <label htmlFor="compose-body">Message</label>
        <FormattingBar field={bodyField} text={body} onChange={touch(setBody)} />
        <textarea id="compose-body" ref={bodyField} rows={8} value={body} maxLength={20000} onChange={(e) => touch(setBody)(e.target.value)} />
        <Preview text={body} />
        <label htmlFor="compose-file">Pièce jointe ({ATTACHMENT_RULES.maxLabel} au plus : PDF, PNG, JPEG, DOCX, ODT)</label>
        <input id="compose-file" type="file" accept={ATTACHMENT_RULES.types.join(',')} onChange={(e) => void attach(e.target.files?.[0])} />
        {files.length > 0 && (
          <ul className="attachments" aria-label="Pièces jointes">
            {files.map((f) => (
              <li key={f.fileId}>
                {f.fileName}{' '}
                <button type="button" className="link" onClick={() => touch(setFiles)(files.filter((x) => x.fileId !== f.fileId))} aria-label={`Retirer ${f.fileName}`}>
                  Retirer
                </button>
              </li>
            ))}
          </ul>
        )}
        <p role="status" className="note save-state">
          {saveLabel(saveState)}
        </p>
        {error && <ErrorMessage message={error} />}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Envoi…' : 'Envoyer'}
          </button>
          <button type="button" onClick={() => void discard()}>
            Supprimer le brouillon
          </button>
        </div>
      </form>
    </section>
  );
}

export default Compose;
