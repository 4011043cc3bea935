import { useEffect, useMemo, useRef, useState } from 'react';
import { Api, ApiError } from '../lib/api';
import { schoolDate, instantLabel } from '../lib/dates';
import { saveFile } from '../lib/download';
import {
  DoneToggles,
  FileView,
  HAND_IN_STATE_LABELS,
  HOMEWORK_FILES,
  HandInView,
  KIND_LABELS,
  PupilList,
  UploadStep,
  WorkView,
  handIn,
  handInState,
  sizeLabel,
  subjectName,
  todoDays,
  uploadStepLabel,
} from '../lib/homework';
import { saveTodo } from '../lib/offline';
import { fileProblem } from '../lib/upload';
import { Me } from '../lib/types';
import { navigate } from '../router';
import { ErrorMessage, Loading } from './common';
import { useLoad } from './useLoad';

function Link({ to, children }: { to: string; children: React.ReactNode }) {
  return (
    <a
      href={to}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/** Whose list: the pupil's own, or a child of the guardian (read only); null when it is neither. */
function whose(me: Me, childId?: string): { pupilId: string; name: string; own: boolean } | null {
  if (!childId) return me.profile.role === 'PUPIL' ? { pupilId: me.profile.id, name: `${me.profile.firstName} ${me.profile.lastName}`, own: true } : null;
  const child = me.children.find((c) => c.person.id === childId);
  return child ? { pupilId: child.person.id, name: `${child.person.firstName} ${child.person.lastName}`, own: false } : null;
}

/**
 * The to-do list of the next 15 days by day and subject: the pupil ticks what is done (shown at
 * once, put back with a French message when the service refuses); a guardian reads a child's list
 * and its done states. Kept on the device to be read offline.
 */
export function TodoList({ api, me, childId }: { api: Api; me: Me; childId?: string }) {
  const who = whose(me, childId);
  const [list, setList] = useState<PupilList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const today = useMemo(() => schoolDate(new Date()), []);
  const pupilId = who?.pupilId;

  useEffect(() => {
    if (!pupilId) return;
    let stale = false;
    setList(null);
    setError(null);
    api.get<PupilList>(`/api/homework/pupils/${pupilId}/todo`).then(
      (l) => !stale && setList(l),
      (e: unknown) => !stale && setError(e instanceof ApiError ? e.message : 'Une erreur est survenue. Réessayez plus tard.'),
    );
    return () => {
      stale = true;
    };
  }, [api, pupilId]);

  const days = useMemo(() => (list ? todoDays(list, today) : []), [list, today]);
  useEffect(() => {
    if (!list || !who) return;
    saveTodo(
      { name: who.name, days: days.map((d) => ({ day: d.day, items: d.subjects.flatMap((s) => s.works.map((w) => ({ subject: s.label, title: w.title, done: w.done }))) })) },
      new Date().toISOString(),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [days]);

  const toggles = useMemo(() => (pupilId ? new DoneToggles(api, pupilId, (change) => setList((l) => (l ? change(l) : l))) : null), [api, pupilId]);

  if (!who) return <ErrorMessage message="Cette page n’existe pas, ou vous n’y avez pas accès." />;
  const title = who.own ? 'Travail à faire' : `Travail de ${who.name}`;
  const detail = (workId: string) => (who.own ? `/devoir/${workId}` : `/devoir/${workId}/${who.pupilId}`);

  const toggle = async (w: { workId: string; title: string }, done: boolean) => {
    setMessage(null);
    const failed = await toggles!.set(w, done);
    setMessage(failed ? { text: failed, error: true } : { text: done ? `« ${w.title} » est marqué fait.` : `« ${w.title} » est de nouveau à faire.`, error: false });
  };

  return (
    <section className="todo">
      <h1>{title}</h1>
      {!who.own && me.children.length > 1 && (
        <nav aria-label="Choisir l’enfant" className="tabs">
          {me.children.map((c) => (
            <a
              key={c.person.id}
              href={`/travail/${c.person.id}`}
              aria-current={c.person.id === who.pupilId ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(`/travail/${c.person.id}`);
              }}
            >
              {c.person.firstName}
            </a>
          ))}
        </nav>
      )}
      <p className="note">Les 15 prochains jours, par jour de remise et par matière.</p>
      <div aria-live="polite">{message && !message.error && <p role="status">{message.text}</p>}</div>
      {message?.error && <ErrorMessage message={message.text} />}
      {error && <ErrorMessage message={error} />}
      {!error && !list && <Loading what="la liste du travail" />}
      {list && days.length === 0 && <p className="empty">Aucun travail à faire dans les 15 prochains jours.</p>}
      {days.map((d) => (
        <article key={d.day} className="card" aria-labelledby={`jour-${d.day}`}>
          <h2 id={`jour-${d.day}`}>
            {d.label} <span className="date">{d.left === 0 ? 'tout est fait' : `${d.left} à faire, ${d.minutesLeft} min environ`}</span>
          </h2>
          {d.subjects.map((s) => (
            <div key={s.subject}>
              <h3>{s.label}</h3>
              <ul className="works">
                {s.works.map((w) => (
                  <li key={w.workId} className={`work${w.done ? ' done' : ''}`}>
                    {who.own ? (
                      <label className="toggle">
                        <input type="checkbox" checked={w.done} onChange={(e) => void toggle(w, e.target.checked)} />
                        <span>
                          Fait<span className="sr-only"> : {w.title}</span>
                        </span>
                      </label>
                    ) : (
                      <span className={`state${w.done ? ' ok' : ''}`}>{w.done ? 'Fait' : 'À faire'}</span>
                    )}
                    <span className="what">
                      <Link to={detail(w.workId)}>{w.title}</Link>
                      <span className="kind">
                        {KIND_LABELS[w.kind]} · {w.estimatedMinutes} min
                        {w.handIn === 'HANDED_IN' && ' · rendu'}
                        {w.handIn === 'LATE' && ' · rendu en retard'}
                        {w.handIn === 'NONE' && ' · pas encore rendu'}
                        {w.feedback && ' · correction disponible'}
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </article>
      ))}
    </section>
  );
}

/** Downloads a file through the service's pre-signed link (short-lived, asked for at the tap). */
export function FileList({ api, files, path, label }: { api: Api; files: FileView[]; path: (f: FileView) => string; label: string }) {
  const [error, setError] = useState<string | null>(null);
  if (files.length === 0) return null;
  const open = async (f: FileView) => {
    setError(null);
    try {
      saveFile(await api.file(path(f)), f.fileName);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Le téléchargement a échoué.');
    }
  };
  return (
    <>
      <ul className="files" aria-label={label}>
        {files.map((f) => (
          <li key={f.id}>
            <button type="button" className="link" onClick={() => void open(f)}>
              Télécharger « {f.fileName} »
            </button>{' '}
            <span className="note">{sizeLabel(f.size)}</span>
          </li>
        ))}
      </ul>
      {error && <ErrorMessage message={error} />}
    </>
  );
}

/** A work's detail: instructions and attachments; for work to hand in, the hand-in and the feedback. */
export function WorkDetail({ api, me, workId, childId }: { api: Api; me: Me; workId: string; childId?: string }) {
  const who = whose(me, childId);
  const work = useLoad(() => api.get<WorkView>(`/api/homework/works/${workId}`), [api, workId]);
  if (!who) return <ErrorMessage message="Cette page n’existe pas, ou vous n’y avez pas accès." />;
  if (work.error) return <ErrorMessage message={work.error} />;
  if (!work.data) return <Loading what="le travail" />;
  const w = work.data;
  return (
    <section className="work-detail">
      <p>
        <Link to={who.own ? '/travail' : `/travail/${who.pupilId}`}>← Retour à la liste</Link>
      </p>
      <h1>{w.title}</h1>
      <dl className="facts">
        <dt>Matière</dt>
        <dd>{subjectName(w.subject)}</dd>
        <dt>Type</dt>
        <dd>{KIND_LABELS[w.kind]}</dd>
        <dt>Pour le</dt>
        <dd>{instantLabel(w.dueAt)}</dd>
        <dt>Temps estimé</dt>
        <dd>{w.estimatedMinutes} min</dd>
      </dl>
      <h2>Consignes</h2>
      <p className="instructions">{w.instructions || 'Pas de consigne écrite.'}</p>
      {w.attachments.length > 0 && <h2>Documents</h2>}
      <FileList api={api} files={w.attachments} label="Documents du travail" path={(f) => `/api/homework/works/${w.id}/attachments/${f.id}`} />
      {w.kind === 'HAND_IN' && <HandInPanel api={api} work={w} pupilId={who.pupilId} own={who.own} />}
    </section>
  );
}

function HandInPanel({ api, work, pupilId, own }: { api: Api; work: WorkView; pupilId: string; own: boolean }) {
  const loaded = useLoad(
    () =>
      api.get<HandInView>(`/api/homework/works/${work.id}/hand-ins/${pupilId}`).then(
        (h): { handIn: HandInView | null } => ({ handIn: h }),
        (e: unknown) => {
          // nothing handed in yet
          if (e instanceof ApiError && e.status === 404) return { handIn: null };
          throw e;
        },
      ),
    [api, work.id, pupilId],
  );
  const [files, setFiles] = useState<File[]>([]);
  const [step, setStep] = useState<UploadStep | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  if (loaded.error) return <ErrorMessage message={loaded.error} />;
  const current = loaded.data?.handIn ?? null;
  const state = handInState(work, current, new Date());
  const busy = step?.step === 'sending' || step?.step === 'confirming';

  const send = async () => {
    setProblem(null);
    if (files.length === 0) return setProblem('Choisissez au moins un fichier.');
    if (files.length > 5) return setProblem('Cinq fichiers au plus.');
    for (const f of files) {
      const p = fileProblem(f, HOMEWORK_FILES);
      if (p) return setProblem(`« ${f.name} » : ${p}`);
    }
    const end = await handIn(api, work.id, pupilId, files, setStep);
    if (end.step === 'done') {
      loaded.set({ handIn: end.handIn });
      setFiles([]);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section className="card" aria-labelledby="remise">
      <h2 id="remise">Travail rendu</h2>
      {!loaded.data && <Loading what="le travail rendu" />}
      {current ? (
        <>
          <p>
            Rendu le {instantLabel(current.handedInAt)}
            {current.late && <strong className="change"> – en retard</strong>}
          </p>
          <FileList api={api} files={current.files} label="Fichiers rendus" path={(f) => `/api/homework/works/${work.id}/hand-ins/${pupilId}/files/${f.id}`} />
          {(current.feedbackComment || current.feedbackFile) && (
            <div className="feedback">
              <h3>Correction du professeur</h3>
              {current.feedbackComment && <p className="instructions">{current.feedbackComment}</p>}
              {current.feedbackFile && (
                <FileList api={api} files={[current.feedbackFile]} label="Correction" path={(f) => `/api/homework/works/${work.id}/hand-ins/${pupilId}/files/${f.id}`} />
              )}
            </div>
          )}
        </>
      ) : (
        loaded.data && <p className="empty">Rien n’a encore été rendu.</p>
      )}
      <p className={state === 'open' ? 'note' : 'change'}>{HAND_IN_STATE_LABELS[state]}</p>
      {own && (state === 'open' || state === 'late') && (
        <form
          className="hand-in"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <label htmlFor="fichiers-rendus">
            {current ? 'Remplacer par (PDF, image, Word ou OpenDocument ; 10 Mo et 5 fichiers au plus)' : 'Fichiers à rendre (PDF, image, Word ou OpenDocument ; 10 Mo et 5 fichiers au plus)'}
          </label>
          <input
            id="fichiers-rendus"
            ref={input}
            type="file"
            multiple
            accept={HOMEWORK_FILES.types.join(',')}
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          />
          <button type="submit" className="primary" disabled={busy}>
            {current ? 'Remplacer le travail rendu' : 'Rendre le travail'}
          </button>
        </form>
      )}
      {problem && <ErrorMessage message={problem} />}
      {step && (step.step === 'failed' ? <ErrorMessage message={uploadStepLabel(step)} /> : <p role="status">{uploadStepLabel(step)}</p>)}
    </section>
  );
}
