import { useMemo, useRef, useState } from 'react';
import { Api, ApiError } from '../lib/api';
import { schoolDate } from '../lib/dates';
import {
  Assessment,
  AssessmentStatistics,
  Cell,
  GradeSettings,
  MARKER_LABELS,
  MarkView,
  Marker,
  cellText,
  frNumber,
  marksBody,
  moveInGrid,
  parseCell,
  subjectName,
} from '../lib/grades';
import { Me, PersonView } from '../lib/types';
import { navigate } from '../router';
import { ErrorMessage, Loading } from './common';
import { useLoad } from './useLoad';
import { LazyChart } from '../charts/LazyChart';


function message(e: unknown): string {
  return e instanceof ApiError ? e.message : 'Une erreur est survenue. Réessayez plus tard.';
}

/** `/evaluations`: a teacher's assessments of one class and subject they teach, and a new one. */
export function TeacherAssessments({ api, me }: { api: Api; me: Me }) {
  const [index, setIndex] = useState(0);
  const teaching = me.teaching[index] ?? me.teaching[0];
  const list = useLoad(
    () => api.get<Assessment[]>(`/api/grades/classes/${teaching.classGroupId}/assessments`),
    [api, teaching.classGroupId],
  );
  const mine = (list.data ?? []).filter((a) => a.subject === teaching.subject).sort((a, b) => b.heldOn.localeCompare(a.heldOn));
  return (
    <div className="assessments">
      <h1>Évaluations</h1>
      <p>
        <label htmlFor="classe-matiere">Classe et matière </label>
        <select id="classe-matiere" value={index} onChange={(e) => setIndex(Number(e.target.value))}>
          {me.teaching.map((t, i) => (
            <option key={t.id} value={i}>
              {t.classGroupName} – {subjectName(t.subject)}
            </option>
          ))}
        </select>
      </p>
      <NewAssessment api={api} classGroupId={teaching.classGroupId} subject={teaching.subject} />
      <h2>Évaluations de {teaching.classGroupName}</h2>
      {list.error && <ErrorMessage message={list.error} />}
      {!list.data && !list.error && <Loading what="les évaluations" />}
      {list.data && mine.length === 0 && <p className="empty">Aucune évaluation pour le moment.</p>}
      {mine.length > 0 && (
        <ul className="queue">
          {mine.map((a) => (
            <li key={a.id}>
              <a
                href={`/evaluations/${a.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/evaluations/${a.id}`);
                }}
              >
                {a.title}
              </a>
              <br />
              <span className="date">
                {new Date(`${a.heldOn}T12:00:00`).toLocaleDateString('fr-FR')} · sur {a.scale} · coef. {frNumber(a.coefficient)} ·{' '}
                {a.publishedAt ? 'publiée' : 'non publiée'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NewAssessment({ api, classGroupId, subject }: { api: Api; classGroupId: string; subject: string }) {
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState(schoolDate(new Date()));
  const [coefficient, setCoefficient] = useState('1');
  const [scale, setScale] = useState('20');
  const [optional, setOptional] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    setError(null);
    const coef = Number(coefficient.replace(',', '.'));
    if (title.trim() === '') return setError('Le champ « titre » est obligatoire.');
    if (!Number.isFinite(coef) || coef < 0 || coef > 100) return setError('Le champ « coefficient » doit être un nombre entre 0 et 100.');
    try {
      const a = await api.send<Assessment>('POST', '/api/grades/assessments', {
        classGroupId,
        subject,
        title: title.trim(),
        heldOn,
        coefficient: coef,
        scale: Number(scale),
        optional,
      });
      navigate(`/evaluations/${a.id}`);
    } catch (e) {
      setError(message(e));
    }
  };
  return (
    <details className="new">
      <summary>Nouvelle évaluation</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label htmlFor="eval-titre">Titre</label>
        <input id="eval-titre" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} required />
        <label htmlFor="eval-date">Date</label>
        <input id="eval-date" type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} required />
        <label htmlFor="eval-coef">Coefficient</label>
        <input id="eval-coef" inputMode="decimal" value={coefficient} onChange={(e) => setCoefficient(e.target.value)} />
        <label htmlFor="eval-bareme">Noté sur</label>
        <select id="eval-bareme" value={scale} onChange={(e) => setScale(e.target.value)}>
          {['20', '10', '5', '100'].map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={optional} onChange={(e) => setOptional(e.target.checked)} /> Facultative (comptée seulement si elle fait monter la moyenne)
        </label>
        <button type="submit" className="primary">
          Créer et saisir les notes
        </button>
        {error && <ErrorMessage message={error} />}
      </form>
    </details>
  );
}

interface GridData {
  assessment: Assessment;
  pupils: PersonView[];
  marks: MarkView[];
  step: number;
}

/** `/evaluations/{id}`: the marks grid, saved all at once, then published; the class's figures once published. */
export function MarksGrid({ api, assessmentId }: { api: Api; assessmentId: string }) {
  const data = useLoad(async (): Promise<GridData> => {
    const assessment = await api.get<Assessment>(`/api/grades/assessments/${assessmentId}`);
    const [pupils, marks, settings] = await Promise.all([
      api.get<PersonView[]>(`/api/identity/classes/${assessment.classGroupId}/pupils?on=${assessment.heldOn}`),
      api.get<MarkView[]>(`/api/grades/assessments/${assessmentId}/marks`),
      api.get<GradeSettings>(`/api/grades/schools/${assessment.schoolId}/settings`).catch(() => ({ markStep: 0.25 })),
    ]);
    return { assessment, pupils, marks, step: Number(settings.markStep) };
  }, [api, assessmentId]);
  if (data.error) return <ErrorMessage message={data.error} />;
  if (!data.data) return <Loading what="l’évaluation" />;
  return <Grid key={data.data.assessment.publishedAt ?? 'draft'} api={api} data={data.data} onPublished={data.reload} />;
}

function Grid({ api, data, onPublished }: { api: Api; data: GridData; onPublished: () => void }) {
  const { assessment, step } = data;
  const rows = useMemo(() => {
    const byPupil = new Map(data.marks.map((m) => [m.pupilId, m]));
    const people = new Map<string, { id: string; firstName: string; lastName: string }>(data.pupils.map((p) => [p.id, p]));
    // a pupil who left the class keeps the mark they had
    data.marks.forEach((m) => !people.has(m.pupilId) && people.set(m.pupilId, { id: m.pupilId, firstName: m.firstName, lastName: m.lastName }));
    return [...people.values()]
      .sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr'))
      .map((p) => ({ ...p, initial: byPupil.has(p.id) ? cellText(byPupil.get(p.id)!) : '' }));
  }, [data]);
  const [texts, setTexts] = useState<string[]>(() => rows.map((r) => r.initial));
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [saved, setSaved] = useState(true);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const cells: Cell[] = texts.map((t) => parseCell(t, assessment.scale, step));
  const errors = cells.filter((c) => c.kind === 'error').length;
  const published = assessment.publishedAt !== null;

  const save = async (): Promise<boolean> => {
    const body = marksBody(rows.map((r, i) => ({ pupilId: r.id, cell: cells[i] })));
    if (!body) {
      setStatus({ text: `${errors} note${errors > 1 ? 's' : ''} à corriger avant d’enregistrer.`, error: true });
      const first = cells.findIndex((c) => c.kind === 'error');
      inputs.current[first]?.focus();
      return false;
    }
    try {
      await api.send('PUT', `/api/grades/assessments/${assessment.id}/marks`, body);
      setSaved(true);
      setStatus({ text: `Notes enregistrées (${body.marks.length} élève${body.marks.length > 1 ? 's' : ''}).`, error: false });
      return true;
    } catch (e) {
      setStatus({ text: message(e), error: true });
      return false;
    }
  };
  const publish = async () => {
    if (!saved && !(await save())) return;
    try {
      await api.send('POST', `/api/grades/assessments/${assessment.id}/publish`, {});
      onPublished();
    } catch (e) {
      setStatus({ text: message(e), error: true });
    }
  };

  return (
    <div className="marks-grid">
      <h1>{assessment.title}</h1>
      <p>
        {subjectName(assessment.subject)} · {new Date(`${assessment.heldOn}T12:00:00`).toLocaleDateString('fr-FR')} · sur {assessment.scale} · coef.{' '}
        {frNumber(assessment.coefficient)}
        {assessment.optional && ' · facultative'} · {published ? 'publiée' : 'non publiée'}
      </p>
      <p id="aide-saisie" className="hint">
        Une note (par pas de {frNumber(step)}) ou une mention : Abs (absent), Abs.j (absence justifiée), Disp (dispensé), NN (non noté), NR (non
        rendu). Flèches haut et bas ou Entrée pour passer d’un élève à l’autre.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <table className="grid-table">
          <thead>
            <tr>
              <th scope="col">Élève</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const cell = cells[i];
              const id = `note-${r.id}`;
              return (
                <tr key={r.id}>
                  <th scope="row">
                    <label htmlFor={id}>
                      {r.lastName} {r.firstName}
                    </label>
                  </th>
                  <td>
                    <input
                      id={id}
                      ref={(el) => {
                        inputs.current[i] = el;
                      }}
                      className="mark"
                      autoComplete="off"
                      value={texts[i]}
                      aria-invalid={cell.kind === 'error'}
                      aria-describedby={cell.kind === 'error' ? `${id}-erreur` : 'aide-saisie'}
                      onChange={(e) => {
                        const next = [...texts];
                        next[i] = e.target.value;
                        setTexts(next);
                        setSaved(false);
                      }}
                      onKeyDown={(e) => {
                        const to = moveInGrid(e.key, e.shiftKey, i, rows.length);
                        if (to === null) return;
                        e.preventDefault();
                        inputs.current[to]?.focus();
                        inputs.current[to]?.select();
                      }}
                    />
                    {cell.kind === 'marker' && <span className="marker"> {MARKER_LABELS[cell.marker as Marker]}</span>}
                    {cell.kind === 'error' && (
                      <span id={`${id}-erreur`} className="cell-error">
                        {cell.message}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="actions">
          <button type="submit" className="primary">
            Enregistrer les notes
          </button>{' '}
          {!published && (
            <button type="button" onClick={() => void publish()}>
              Publier
            </button>
          )}
        </p>
        {status && (status.error ? <ErrorMessage message={status.text} /> : <p role="status">{status.text}</p>)}
      </form>
      {published && <AssessmentFigures api={api} assessment={assessment} />}
    </div>
  );
}

/** The class's figures for the assessment and its distribution chart (ten bins on its scale). */
function AssessmentFigures({ api, assessment }: { api: Api; assessment: Assessment }) {
  const stats = useLoad(() => api.get<AssessmentStatistics>(`/api/grades/assessments/${assessment.id}/statistics`), [api, assessment.id]);
  const labels = useMemo(() => stats.data?.marks.distribution.map((b) => `${frNumber(b.from)}–${frNumber(b.to)}`) ?? [], [stats.data]);
  const series = useMemo(
    () => (stats.data ? [{ label: 'Élèves', values: stats.data.marks.distribution.map((b) => b.count), colour: '#1d4f91' }] : []),
    [stats.data],
  );
  if (stats.error) return <ErrorMessage message={stats.error} />;
  if (!stats.data) return <Loading what="les statistiques" />;
  const m = stats.data.marks;
  const markers = Object.entries(stats.data.markers) as [Marker, number][];
  return (
    <section className="card" aria-labelledby="stats">
      <h2 id="stats">Statistiques de la classe</h2>
      <p>
        {m.count} note{m.count > 1 ? 's' : ''} · moyenne {frNumber(m.mean)} · médiane {frNumber(m.median)} · de {frNumber(m.min)} à {frNumber(m.max)} (sur{' '}
        {m.scale})
        {markers.length > 0 && ` · ${markers.map(([k, n]) => `${MARKER_LABELS[k]} : ${n}`).join(', ')}`}
      </p>
      <LazyChart
        kind="bar"
        labels={labels}
        series={series}
        summary={`Répartition des notes : ${m.distribution.map((b) => `${b.count} entre ${frNumber(b.from)} et ${frNumber(b.to)}`).join(', ')}`}
      />
    </section>
  );
}
