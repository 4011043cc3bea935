import { useEffect, useMemo, useState } from 'react';
import { Api, ApiError } from '../lib/api';
import { addDays, dayLabel, instantLabel, mondayOf, schoolDate } from '../lib/dates';
import { saveFile } from '../lib/download';
import {
  HOMEWORK_FILES,
  HandInStatus,
  HandInView,
  KIND_LABELS,
  LogEntry,
  WorkKind,
  WorkView,
  Workload,
  WorkloadSettings,
  outsideSchoolHours,
  projectedLoad,
  subjectName,
} from '../lib/homework';
import { fileProblem, upload } from '../lib/upload';
import { Assignment, Me, PersonView } from '../lib/types';
import { navigate } from '../router';
import { ErrorMessage, Loading } from './common';
import { FileList } from './Homework';
import { useLoad } from './useLoad';

const message = (e: unknown) => (e instanceof ApiError ? e.message : 'Une erreur est survenue. Réessayez plus tard.');
const loadLabel = (l: { count: number; minutes: number; tests: number }) =>
  `${l.count} ${l.count > 1 ? 'travaux' : 'travail'}, ${l.minutes} min, ${l.tests} contrôle${l.tests > 1 ? 's' : ''}`;
const assignmentLabel = (a: Assignment) => `${a.classGroupName} – ${subjectName(a.subject)}`;

/**
 * The teacher's cahier de textes of a class (or group) and subject for a week: what was done at each
 * lesson (drafts prepared ahead, published), the work due, and setting work with the class's load
 * on its due day shown before confirming.
 */
export function TeacherHomework({ api, me }: { api: Api; me: Me }) {
  const [index, setIndex] = useState(0);
  const today = useMemo(() => schoolDate(new Date()), []);
  const [monday, setMonday] = useState(mondayOf(today));
  const [round, setRound] = useState(0);
  const a = me.teaching[index];
  const sunday = addDays(monday, 6);
  const log = useLoad(() => api.get<LogEntry[]>(`/api/homework/classes/${a.classGroupId}/log?from=${monday}&to=${sunday}`), [api, a.classGroupId, monday, round]);
  const works = useLoad(() => api.get<WorkView[]>(`/api/homework/classes/${a.classGroupId}/works?from=${monday}&to=${addDays(monday, 13)}`), [api, a.classGroupId, monday, round]);
  const reload = () => setRound((r) => r + 1);

  return (
    <section className="homework-teacher">
      <h1>Cahier de textes</h1>
      <div className="controls">
        <label htmlFor="ct-classe">Classe et matière</label>
        <select id="ct-classe" value={index} onChange={(e) => setIndex(Number(e.target.value))}>
          {me.teaching.map((t, i) => (
            <option key={t.id} value={i}>
              {assignmentLabel(t)}
            </option>
          ))}
        </select>
        <div className="week-nav">
          <button type="button" onClick={() => setMonday(addDays(monday, -7))}>
            Semaine précédente
          </button>
          <span>Semaine du {dayLabel(monday)}</span>
          <button type="button" onClick={() => setMonday(addDays(monday, 7))}>
            Semaine suivante
          </button>
        </div>
      </div>

      <h2>Séances</h2>
      {log.error && <ErrorMessage message={log.error} />}
      {!log.error && !log.data && <Loading what="le cahier de textes" />}
      {log.data && log.data.length === 0 && <p className="empty">Aucune séance écrite cette semaine.</p>}
      {log.data && (
        <ul className="log">
          {log.data.map((e) => (
            <LogEntryCard key={e.id} api={api} entry={e} mine={e.teacherId === me.profile.id} onChanged={reload} />
          ))}
        </ul>
      )}
      <LogEntryForm api={api} assignment={a} day={today >= monday && today <= sunday ? today : monday} onSaved={reload} />

      <h2>Travail donné</h2>
      {works.error && <ErrorMessage message={works.error} />}
      {works.data && works.data.length === 0 && <p className="empty">Aucun travail pour ces deux semaines.</p>}
      {works.data && (
        <ul className="works">
          {works.data.map((w) => (
            <li key={w.id} className="work">
              <span className="what">
                <strong>{w.title}</strong>
                <span className="kind">
                  {subjectName(w.subject)} · {KIND_LABELS[w.kind]} · pour le {instantLabel(w.dueAt)} · {w.estimatedMinutes} min
                  {w.pupilIds.length > 0 && ` · ${w.pupilIds.length} élève${w.pupilIds.length > 1 ? 's' : ''}`}
                  {w.outsideSchoolHours && ' · donné hors temps scolaire'}
                </span>
              </span>
              {w.kind === 'HAND_IN' && w.teacherId === me.profile.id && (
                <a
                  href={`/cahier-de-textes/remises/${w.id}`}
                  onClick={(ev) => {
                    ev.preventDefault();
                    navigate(`/cahier-de-textes/remises/${w.id}`);
                  }}
                >
                  Travaux rendus
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      <SetWork api={api} assignment={a} entries={(log.data ?? []).filter((e) => e.teacherId === me.profile.id && e.subject === a.subject)} onSet={reload} />
    </section>
  );
}

function LogEntryCard({ api, entry, mine, onChanged }: { api: Api; entry: LogEntry; mine: boolean; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const publish = async () => {
    setError(null);
    try {
      await api.send('PUT', `/api/homework/log-entries/${entry.id}`, {
        classGroupId: entry.classGroupId,
        subject: entry.subject,
        lessonOn: entry.lessonOn,
        title: entry.title,
        content: entry.content,
        attachmentIds: entry.attachments.map((f) => f.id),
        published: true,
      });
      onChanged();
    } catch (e) {
      setError(message(e));
    }
  };
  return (
    <li className="card">
      <h3>
        {dayLabel(entry.lessonOn)} – {entry.title} <span className={entry.published ? 'state ok' : 'state'}>{entry.published ? 'Publiée' : 'Brouillon'}</span>
      </h3>
      <p className="note">{subjectName(entry.subject)}</p>
      <p className="instructions">{entry.content}</p>
      <FileList api={api} files={entry.attachments} label="Documents de la séance" path={(f) => `/api/homework/log-entries/${entry.id}/attachments/${f.id}`} />
      {mine && !entry.published && (
        <button type="button" onClick={() => void publish()}>
          Publier « {entry.title} »
        </button>
      )}
      {error && <ErrorMessage message={error} />}
    </li>
  );
}

/** A lesson's entry: a day (today, or ahead as a draft), a title, what was done, optional files. */
function LogEntryForm({ api, assignment, day, onSaved }: { api: Api; assignment: Assignment; day: string; onSaved: () => void }) {
  const [lessonOn, setLessonOn] = useState(day);
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [published, setPublished] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => setLessonOn(day), [day]);

  const save = async () => {
    setStatus(null);
    if (!title.trim()) return setStatus({ text: 'Le champ « titre » est obligatoire.', error: true });
    const p = file && fileProblem(file, HOMEWORK_FILES);
    if (p) return setStatus({ text: p, error: true });
    try {
      const attachmentIds = file ? [await upload(api, `/api/homework/classes/${assignment.classGroupId}/attachment-uploads`, file)] : [];
      await api.send('POST', '/api/homework/log-entries', {
        classGroupId: assignment.classGroupId,
        subject: assignment.subject,
        lessonOn,
        title: title.trim(),
        content,
        attachmentIds,
        published,
      });
      setTitle('');
      setContent('');
      setFile(null);
      setStatus({ text: published ? 'Séance publiée.' : 'Brouillon enregistré.', error: false });
      onSaved();
    } catch (e) {
      setStatus({ text: message(e), error: true });
    }
  };

  return (
    <form
      className="card form"
      aria-labelledby="nouvelle-seance"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id="nouvelle-seance">Écrire une séance</h3>
      <label htmlFor="seance-jour">Jour de la séance</label>
      <input id="seance-jour" type="date" value={lessonOn} onChange={(e) => setLessonOn(e.target.value)} required />
      <label htmlFor="seance-titre">Titre</label>
      <input id="seance-titre" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor="seance-contenu">Ce qui a été fait</label>
      <textarea id="seance-contenu" value={content} maxLength={20000} onChange={(e) => setContent(e.target.value)} />
      <label htmlFor="seance-fichier">Document (facultatif)</label>
      <input id="seance-fichier" type="file" accept={HOMEWORK_FILES.types.join(',')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <label className="toggle">
        <input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} />
        <span>Publier maintenant (sinon : brouillon que vous seul voyez)</span>
      </label>
      <button type="submit" className="primary">
        Enregistrer la séance
      </button>
      {status && (status.error ? <ErrorMessage message={status.text} /> : <p role="status">{status.text}</p>)}
    </form>
  );
}

/**
 * Sets work for the class or group, or chosen pupils of it. The class's load on the due day (work,
 * minutes, tests) and the load once this work is added are shown as soon as the day is chosen;
 * above the school's thresholds, or outside school hours, the teacher confirms a second time.
 */
export function SetWork({ api, assignment, entries, onSet, now = () => new Date() }: { api: Api; assignment: Assignment; entries: LogEntry[]; onSet: () => void; now?: () => Date }) {
  const [kind, setKind] = useState<WorkKind>('EXERCISE');
  const [title, setTitle] = useState('');
  const [instructions, setInstructions] = useState('');
  const [minutes, setMinutes] = useState('20');
  const [dueOn, setDueOn] = useState('');
  const [dueTime, setDueTime] = useState('08:00');
  const [logEntryId, setLogEntryId] = useState('');
  const [forSome, setForSome] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [setCount, setSetCount] = useState(0);
  const classId = assignment.classGroupId;
  const settings = useLoad(() => api.get<WorkloadSettings>(`/api/homework/schools/${assignment.schoolId}/workload-settings`), [api, assignment.schoolId]);
  const load = useLoad(() => (dueOn ? api.get<Workload>(`/api/homework/classes/${classId}/workload?day=${dueOn}`) : Promise.resolve(null)), [api, classId, dueOn, setCount]);
  const pupils = useLoad(
    () => (forSome ? api.get<PersonView[]>(`/api/identity/classes/${classId}/pupils?on=${schoolDate(now())}`) : Promise.resolve([] as PersonView[])),
    [api, classId, forSome],
  );
  useEffect(() => setAcknowledged(false), [dueOn, kind, minutes, classId]);

  const projected = load.data && settings.data ? projectedLoad(load.data, settings.data, { kind, minutes: Number(minutes) }) : null;
  const outside = settings.data ? outsideSchoolHours(now(), settings.data) : false;
  const needsConfirming = (projected?.warnings.length ?? 0) > 0 || outside;

  const send = async () => {
    setStatus(null);
    if (!title.trim()) return setStatus({ text: 'Le champ « titre » est obligatoire.', error: true });
    if (!dueOn) return setStatus({ text: 'Le champ « pour le » est obligatoire.', error: true });
    const m = Number(minutes);
    if (!Number.isInteger(m) || m < 1 || m > 600) return setStatus({ text: 'Le champ « temps estimé » doit être un nombre de minutes entre 1 et 600.', error: true });
    if (forSome && chosen.length === 0) return setStatus({ text: 'Choisissez au moins un élève.', error: true });
    const p = file && fileProblem(file, HOMEWORK_FILES);
    if (p) return setStatus({ text: p, error: true });
    if (needsConfirming && !acknowledged) {
      setAcknowledged(true);
      return setStatus({ text: 'Vérifiez l’avertissement ci-dessus, puis confirmez.', error: false });
    }
    setBusy(true);
    try {
      const attachmentIds = file ? [await upload(api, `/api/homework/classes/${classId}/attachment-uploads`, file)] : [];
      const answer = await api.send<{ work: WorkView; workload: Workload }>('POST', '/api/homework/works', {
        classGroupId: classId,
        subject: assignment.subject,
        logEntryId: logEntryId || undefined,
        dueOn,
        dueTime,
        kind,
        title: title.trim(),
        instructions,
        estimatedMinutes: m,
        pupilIds: forSome ? chosen : undefined,
        attachmentIds,
      });
      setTitle('');
      setInstructions('');
      setFile(null);
      setAcknowledged(false);
      setSetCount((n) => n + 1); // the day's load now counts it
      setStatus({ text: `Travail donné pour le ${dayLabel(answer.work.dueOn)}.${answer.workload.message ? ` ${answer.workload.message}` : ''}`, error: false });
      onSet();
    } catch (e) {
      setStatus({ text: message(e), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card form"
      aria-labelledby="donner-travail"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h3 id="donner-travail">Donner du travail – {assignmentLabel(assignment)}</h3>
      <label htmlFor="travail-type">Type</label>
      <select id="travail-type" value={kind} onChange={(e) => setKind(e.target.value as WorkKind)}>
        {(Object.keys(KIND_LABELS) as WorkKind[]).map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <label htmlFor="travail-titre">Titre</label>
      <input id="travail-titre" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor="travail-consignes">Consignes</label>
      <textarea id="travail-consignes" value={instructions} maxLength={20000} onChange={(e) => setInstructions(e.target.value)} />
      <label htmlFor="travail-minutes">Temps estimé (minutes)</label>
      <input id="travail-minutes" type="number" inputMode="numeric" min={1} max={600} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      <label htmlFor="travail-pour-le">Pour le</label>
      <input id="travail-pour-le" type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
      <label htmlFor="travail-heure">À (heure de remise)</label>
      <input id="travail-heure" type="time" value={dueTime} onChange={(e) => setDueTime(e.target.value)} />
      {entries.length > 0 && (
        <>
          <label htmlFor="travail-seance">Donné à la séance (facultatif)</label>
          <select id="travail-seance" value={logEntryId} onChange={(e) => setLogEntryId(e.target.value)}>
            <option value="">Aucune</option>
            {entries.map((e) => (
              <option key={e.id} value={e.id}>
                {dayLabel(e.lessonOn)} – {e.title}
              </option>
            ))}
          </select>
        </>
      )}
      <fieldset>
        <legend>Pour qui</legend>
        <label className="toggle">
          <input type="radio" name="travail-qui" checked={!forSome} onChange={() => setForSome(false)} />
          <span>Toute la classe ou tout le groupe</span>
        </label>
        <label className="toggle">
          <input type="radio" name="travail-qui" checked={forSome} onChange={() => setForSome(true)} />
          <span>Certains élèves</span>
        </label>
        {forSome && pupils.error && <ErrorMessage message={pupils.error} />}
        {forSome &&
          pupils.data?.map((p) => (
            <label key={p.id} className="toggle">
              <input
                type="checkbox"
                checked={chosen.includes(p.id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, p.id] : chosen.filter((id) => id !== p.id))}
              />
              <span>
                {p.lastName} {p.firstName}
              </span>
            </label>
          ))}
      </fieldset>
      <label htmlFor="travail-fichier">Document (facultatif)</label>
      <input id="travail-fichier" type="file" accept={HOMEWORK_FILES.types.join(',')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />

      <div className="workload" aria-live="polite">
        {dueOn && load.error && <ErrorMessage message={load.error} />}
        {dueOn && !load.error && !load.data && <Loading what="la charge de travail" />}
        {load.data && (
          <p>
            Déjà prévu pour la classe ce jour-là : {loadLabel(load.data)} à réviser.
          </p>
        )}
        {projected && (
          <p>
            Avec ce travail : {loadLabel(projected)}.
          </p>
        )}
        {projected && projected.warnings.length > 0 && (
          <p className="warning" role="alert">
            Charge de travail élevée pour la classe : {projected.warnings.join(', ')}.
          </p>
        )}
        {outside && (
          <p className="warning">
            Vous donnez ce travail hors du temps scolaire ({settings.data!.schoolDayStartsAt.substring(0, 5)}–{settings.data!.schoolDayEndsAt.substring(0, 5)}, du lundi au vendredi) : il sera signalé comme tel.
          </p>
        )}
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {needsConfirming && acknowledged ? 'Confirmer malgré l’avertissement' : 'Donner ce travail'}
      </button>
      {status && (status.error ? <ErrorMessage message={status.text} /> : <p role="status">{status.text}</p>)}
    </form>
  );
}

/** Who handed in a work, who is late, who has not; each hand-in's files, the ZIP of them all, feedback. */
export function HandIns({ api, workId }: { api: Api; workId: string }) {
  const [round, setRound] = useState(0);
  const work = useLoad(() => api.get<WorkView>(`/api/homework/works/${workId}`), [api, workId]);
  const status = useLoad(() => api.get<HandInStatus>(`/api/homework/works/${workId}/hand-ins`), [api, workId, round]);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(message(e));
    }
  };

  if (work.error || status.error) return <ErrorMessage message={(work.error ?? status.error)!} />;
  if (!work.data || !status.data) return <Loading what="les travaux rendus" />;
  const s = status.data;
  return (
    <section className="hand-ins">
      <p>
        <a
          href="/cahier-de-textes"
          onClick={(e) => {
            e.preventDefault();
            navigate('/cahier-de-textes');
          }}
        >
          ← Cahier de textes
        </a>
      </p>
      <h1>Travaux rendus – {work.data.title}</h1>
      <p>
        Pour le {instantLabel(s.dueAt)} : {s.handedIn} rendu{s.handedIn > 1 ? 's' : ''} à l’heure, {s.late} en retard, {s.missing} non rendu{s.missing > 1 ? 's' : ''}.
        {s.closedAt && ` Remise close le ${instantLabel(s.closedAt)}.`}
      </p>
      <div className="actions">
        <button type="button" onClick={() => void act(async () => saveFile(await api.file(`/api/homework/works/${workId}/hand-ins.zip`), 'travaux-rendus.zip'))} disabled={s.handedIn + s.late === 0}>
          Télécharger tous les travaux (ZIP)
        </button>
        {!s.closedAt && (
          <button type="button" onClick={() => void act(async () => { await api.send('POST', `/api/homework/works/${workId}/close-hand-ins`, {}); setRound((r) => r + 1); })}>
            Clore la remise
          </button>
        )}
      </div>
      {error && <ErrorMessage message={error} />}
      <table className="hand-in-table">
        <caption>Élèves concernés</caption>
        <thead>
          <tr>
            <th scope="col">Élève</th>
            <th scope="col">État</th>
            <th scope="col">Travail</th>
          </tr>
        </thead>
        <tbody>
          {s.pupils.map((p) => (
            <tr key={p.pupilId}>
              <th scope="row">
                {p.lastName} {p.firstName}
              </th>
              <td>
                {p.state === 'HANDED_IN' ? 'Rendu' : p.state === 'LATE' ? 'Rendu en retard' : 'Non rendu'}
                {p.handedInAt && ` le ${instantLabel(p.handedInAt)}`}
                {p.feedback && ' · corrigé'}
              </td>
              <td>
                {p.state !== 'MISSING' &&
                  (open === p.pupilId ? (
                    <HandInOfPupil api={api} workId={workId} pupilId={p.pupilId} name={`${p.firstName} ${p.lastName}`} onFeedback={() => setRound((r) => r + 1)} />
                  ) : (
                    <button type="button" onClick={() => setOpen(p.pupilId)}>
                      Ouvrir le travail de {p.firstName} {p.lastName}
                    </button>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function HandInOfPupil({ api, workId, pupilId, name, onFeedback }: { api: Api; workId: string; pupilId: string; name: string; onFeedback: () => void }) {
  const handIn = useLoad(() => api.get<HandInView>(`/api/homework/works/${workId}/hand-ins/${pupilId}`), [api, workId, pupilId]);
  const [comment, setComment] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  if (handIn.error) return <ErrorMessage message={handIn.error} />;
  if (!handIn.data) return <Loading what={`le travail de ${name}`} />;
  const h = handIn.data;
  const field = `correction-${pupilId}`;
  const send = async () => {
    setStatus(null);
    if (!comment.trim() && !file) return setStatus({ text: 'Écrivez un commentaire ou joignez un fichier.', error: true });
    const p = file && fileProblem(file, HOMEWORK_FILES);
    if (p) return setStatus({ text: p, error: true });
    try {
      const fileId = file ? await upload(api, `/api/homework/works/${workId}/hand-ins/${pupilId}/feedback-uploads`, file) : undefined;
      handIn.set(await api.send<HandInView>('PUT', `/api/homework/works/${workId}/hand-ins/${pupilId}/feedback`, { fileId, comment: comment.trim() || undefined }));
      setStatus({ text: 'Correction envoyée à l’élève.', error: false });
      onFeedback();
    } catch (e) {
      setStatus({ text: message(e), error: true });
    }
  };
  return (
    <div className="hand-in-of">
      <FileList api={api} files={h.files} label={`Fichiers rendus par ${name}`} path={(f) => `/api/homework/works/${workId}/hand-ins/${pupilId}/files/${f.id}`} />
      {h.feedbackComment && <p className="instructions">Votre correction : {h.feedbackComment}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label htmlFor={`${field}-commentaire`}>Correction pour {name}</label>
        <textarea id={`${field}-commentaire`} maxLength={5000} value={comment} onChange={(e) => setComment(e.target.value)} />
        <label htmlFor={`${field}-fichier`}>Fichier corrigé (facultatif)</label>
        <input id={`${field}-fichier`} type="file" accept={HOMEWORK_FILES.types.join(',')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <button type="submit">Envoyer la correction</button>
        {status && (status.error ? <ErrorMessage message={status.text} /> : <p role="status">{status.text}</p>)}
      </form>
    </div>
  );
}
