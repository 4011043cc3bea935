import { useMemo, useState } from 'react';
import { Api, ApiError } from '../lib/api';
import { saveFile } from '../lib/download';
import { schoolDate } from '../lib/dates';
import {
  AssessmentStatistics,
  Evolution,
  GradeSettings,
  Hypothesis,
  PeriodAverages,
  Period,
  PupilMark,
  currentPeriod,
  difference,
  frNumber,
  latestMarks,
  resultLabel,
  ruleLabel,
  subjectName,
  whatIfBody,
} from '../lib/grades';
import { Me } from '../lib/types';
import { navigate } from '../router';
import { ErrorMessage, Loading } from './common';
import { useLoad } from './useLoad';
import { LazyChart } from '../charts/LazyChart';


/** The pupil whose marks are shown: the pupil themselves, or one of a guardian's children. */
interface Pupil {
  id: string;
  firstName: string;
  schoolId: string;
  classId: string;
}

export function pupilsOf(me: Me): Pupil[] {
  if (me.profile.role === 'PUPIL') {
    const e = me.enrolments[0];
    return e ? [{ id: me.profile.id, firstName: me.profile.firstName, schoolId: e.schoolId, classId: e.classId }] : [];
  }
  return me.children.flatMap((c) =>
    c.currentEnrolments.slice(0, 1).map((e) => ({ id: c.person.id, firstName: c.person.firstName, schoolId: e.schoolId, classId: e.classId })),
  );
}

/**
 * Marks (`/notes`, a guardian's child at `/notes/{childId}`): the latest marks with the class's
 * average, the period's averages with how each was computed, the evolution chart per subject,
 * "what if" and the report cards.
 */
export function Marks({ api, me, childId }: { api: Api; me: Me; childId?: string }) {
  const pupils = pupilsOf(me);
  const pupil = pupils.find((p) => p.id === childId) ?? pupils[0];
  const today = useMemo(() => schoolDate(new Date()), []);
  const periods = useLoad(
    () => (pupil ? api.get<Period[]>(`/api/grades/schools/${pupil.schoolId}/periods?classGroupId=${pupil.classId}`) : Promise.resolve([])),
    [api, pupil?.id],
  );
  const [periodId, setPeriodId] = useState<string | null>(null);
  const period = periods.data ? (periods.data.find((p) => p.id === periodId) ?? currentPeriod(periods.data, today)) : null;

  if (!pupil) return <p>Aucune note à afficher.</p>;
  const mine = me.profile.id === pupil.id;
  return (
    <div className="marks">
      <h1>{mine ? 'Mes notes' : `Notes de ${pupil.firstName}`}</h1>
      {pupils.length > 1 && (
        <nav aria-label="Choisir un enfant" className="tabs">
          <ul>
            {pupils.map((p) => (
              <li key={p.id}>
                <a
                  href={`/notes/${p.id}`}
                  aria-current={p.id === pupil.id ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/notes/${p.id}`);
                  }}
                >
                  {p.firstName}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {periods.error && <ErrorMessage message={periods.error} />}
      {!periods.data && !periods.error && <Loading what="les périodes" />}
      {periods.data && !period && <p>Aucune période de notes n’est ouverte pour le moment.</p>}
      {periods.data && period && (
        <>
          {periods.data.length > 1 && (
            <p>
              <label htmlFor="periode">Période </label>
              <select id="periode" value={period.id} onChange={(e) => setPeriodId(e.target.value)}>
                {periods.data.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </p>
          )}
          <PeriodMarks key={`${pupil.id}/${period.id}`} api={api} pupil={pupil} period={period} />
        </>
      )}
    </div>
  );
}

function PeriodMarks({ api, pupil, period }: { api: Api; pupil: Pupil; period: Period }) {
  const base = `/api/grades/pupils/${pupil.id}`;
  const marks = useLoad(() => api.get<PupilMark[]>(`${base}/marks?periodId=${period.id}`), [api, base, period.id]);
  const averages = useLoad(() => api.get<PeriodAverages>(`${base}/periods/${period.id}/averages`), [api, base, period.id]);
  return (
    <>
      <section className="card" aria-labelledby="dernieres">
        <h2 id="dernieres">Dernières notes</h2>
        {marks.error && <ErrorMessage message={marks.error} />}
        {!marks.data && !marks.error && <Loading what="les notes" />}
        {marks.data && <LatestMarks api={api} marks={marks.data} />}
      </section>
      <section className="card" aria-labelledby="moyennes">
        <h2 id="moyennes">Moyennes – {period.name}</h2>
        {averages.error && <ErrorMessage message={averages.error} />}
        {!averages.data && !averages.error && <Loading what="les moyennes" />}
        {averages.data && <Averages averages={averages.data} />}
      </section>
      {averages.data && averages.data.subjects.length > 0 && <EvolutionSection api={api} base={base} period={period} />}
      {averages.data && <WhatIf api={api} base={base} pupil={pupil} period={period} averages={averages.data} marks={marks.data ?? []} />}
      <ReportCard api={api} base={base} period={period} />
    </>
  );
}

/** The 5 latest marks; the class's average of each comes from the assessment's statistics (one call each). */
function LatestMarks({ api, marks }: { api: Api; marks: PupilMark[] }) {
  const latest = latestMarks(marks, 5);
  const ids = latest.map((m) => m.assessment.id).join(',');
  const stats = useLoad(
    () => Promise.all(latest.map((m) => api.get<AssessmentStatistics>(`/api/grades/assessments/${m.assessment.id}/statistics`).catch(() => null))),
    [api, ids],
  );
  if (latest.length === 0) return <p className="empty">Pas encore de note dans cette période.</p>;
  return (
    <table className="grid-table">
      <thead>
        <tr>
          <th scope="col">Matière</th>
          <th scope="col">Évaluation</th>
          <th scope="col">Note</th>
          <th scope="col">Moyenne de la classe</th>
        </tr>
      </thead>
      <tbody>
        {latest.map((m, i) => {
          const s = stats.data?.[i];
          return (
            <tr key={m.assessment.id}>
              <td>{subjectName(m.assessment.subject)}</td>
              <td>
                {m.assessment.title}
                <span className="date"> · {new Date(`${m.assessment.heldOn}T12:00:00`).toLocaleDateString('fr-FR', { day: 'numeric', month: 'short' })}</span>
                {m.assessment.coefficient !== 1 && <span className="date"> · coef. {frNumber(m.assessment.coefficient)}</span>}
              </td>
              <td className="num">
                <strong>{resultLabel({ value: m.value, marker: m.marker, scale: m.assessment.scale })}</strong>
              </td>
              <td className="num">{s && s.marks.mean !== null ? `${frNumber(s.marks.mean)}/${m.assessment.scale}` : stats.data ? '–' : '…'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Each subject's average with "how it was computed" (the service's explanation), and the general average. */
function Averages({ averages, compare }: { averages: PeriodAverages; compare?: PeriodAverages }) {
  if (averages.subjects.length === 0) return <p className="empty">Pas encore de moyenne dans cette période.</p>;
  const before = (subject: string) => compare?.subjects.find((s) => s.subject === subject)?.average ?? null;
  return (
    <>
      <p className="general">
        Moyenne générale : <strong>{frNumber(averages.general.average)}/20</strong>
        {compare && <span className="diff"> ({difference(compare.general.average, averages.general.average)})</span>}
      </p>
      <ul className="averages">
        {averages.subjects.map((s) => (
          <li key={s.subject}>
            <span className="subject">{subjectName(s.subject)}</span> <strong>{frNumber(s.average)}/20</strong>
            {compare && <span className="diff"> ({difference(before(s.subject), s.average)})</span>}
            <details>
              <summary>Comment est-elle calculée ?</summary>
              <p>
                Somme des notes ramenées sur 20 multipliées par leur coefficient, divisée par la somme des coefficients comptés (
                {frNumber(s.coefficients)}) : {frNumber(s.exact)}, arrondie à {frNumber(s.average)}.
              </p>
              <table className="grid-table">
                <thead>
                  <tr>
                    <th scope="col">Évaluation</th>
                    <th scope="col">Note</th>
                    <th scope="col">Sur 20</th>
                    <th scope="col">Coef.</th>
                    <th scope="col">Prise en compte</th>
                  </tr>
                </thead>
                <tbody>
                  {s.contributions.map((c) => (
                    <tr key={c.assessmentId}>
                      <td>
                        {c.title}
                        {c.hypothetical && ' (imaginée)'}
                      </td>
                      <td className="num">{resultLabel(c)}</td>
                      <td className="num">{frNumber(c.outOf20)}</td>
                      <td className="num">{frNumber(c.coefficient)}</td>
                      <td>{ruleLabel(c.rule)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}

const LINE = '#1d4f91';
const AVERAGE = '#8a4b00';

/** The pupil's marks in one subject over the period and the average as it went, drawn when opened. */
function EvolutionSection({ api, base, period }: { api: Api; base: string; period: Period }) {
  const [open, setOpen] = useState(false);
  const [subject, setSubject] = useState<string | null>(null);
  const evolution = useLoad(
    () => (open ? api.get<Evolution>(`${base}/periods/${period.id}/evolution`) : Promise.resolve(null)),
    [api, base, period.id, open],
  );
  const chosen = evolution.data?.subjects.find((s) => s.subject === subject) ?? evolution.data?.subjects[0];
  const labels = useMemo(() => chosen?.points.map((p) => p.title) ?? [], [chosen]);
  const series = useMemo(
    () =>
      chosen
        ? [
            { label: 'Note sur 20', values: chosen.points.map((p) => p.outOf20), colour: LINE },
            { label: 'Moyenne', values: chosen.points.map((p) => p.averageAfter), colour: AVERAGE, dashed: true },
          ]
        : [],
    [chosen],
  );
  return (
    <section className="card" aria-labelledby="evolution">
      <h2 id="evolution">Évolution</h2>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          Voir le graphique
        </button>
      ) : (
        <>
          {evolution.error && <ErrorMessage message={evolution.error} />}
          {!evolution.data && !evolution.error && <Loading what="l’évolution" />}
          {evolution.data && chosen && (
            <>
              <p>
                <label htmlFor="matiere-evolution">Matière </label>
                <select id="matiere-evolution" value={chosen.subject} onChange={(e) => setSubject(e.target.value)}>
                  {evolution.data.subjects.map((s) => (
                    <option key={s.subject} value={s.subject}>
                      {subjectName(s.subject)}
                    </option>
                  ))}
                </select>
              </p>
              <LazyChart
                kind="line"
                labels={labels}
                series={series}
                max={20}
                summary={`Évolution en ${subjectName(chosen.subject)} : ${chosen.points.map((p) => `${p.title} ${frNumber(p.outOf20)}`).join(', ')}`}
              />
              <table className="grid-table">
                <caption>Les mêmes chiffres</caption>
                <thead>
                  <tr>
                    <th scope="col">Évaluation</th>
                    <th scope="col">Note sur 20</th>
                    <th scope="col">Moyenne après</th>
                  </tr>
                </thead>
                <tbody>
                  {chosen.points.map((p) => (
                    <tr key={p.assessmentId}>
                      <td>{p.title}</td>
                      <td className="num">{frNumber(p.outOf20)}</td>
                      <td className="num">{frNumber(p.averageAfter)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** "What if": other marks for the period's assessments, or a coming one; the service answers the averages. */
function WhatIf({ api, base, pupil, period, averages, marks }: { api: Api; base: string; pupil: Pupil; period: Period; averages: PeriodAverages; marks: PupilMark[] }) {
  const [open, setOpen] = useState(false);
  const settings = useLoad(
    () => (open ? api.get<GradeSettings>(`/api/grades/schools/${pupil.schoolId}/settings`) : Promise.resolve(null)),
    [api, pupil.schoolId, open],
  );
  const subjects = averages.subjects.map((s) => s.subject);
  const [subject, setSubject] = useState(subjects[0] ?? '');
  const [coefficient, setCoefficient] = useState('1');
  const [coming, setComing] = useState('');
  const [changed, setChanged] = useState<Record<string, string>>({});
  const [answer, setAnswer] = useState<PeriodAverages | null>(null);
  const [error, setError] = useState<string | null>(null);

  const simulate = async () => {
    setError(null);
    const hypotheses: Hypothesis[] = [
      ...marks.filter((m) => (changed[m.assessment.id] ?? '') !== '').map((m) => ({ assessmentId: m.assessment.id, text: changed[m.assessment.id], scale: m.assessment.scale })),
      ...(coming.trim() !== '' ? [{ subject, coefficient, scale: 20, text: coming }] : []),
    ];
    const built = whatIfBody(hypotheses, settings.data?.markStep ?? 0.25);
    if ('error' in built) {
      setError(built.error);
      return;
    }
    try {
      setAnswer(await api.send<PeriodAverages>('POST', `${base}/periods/${period.id}/what-if`, built.body));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Une erreur est survenue. Réessayez plus tard.');
    }
  };

  return (
    <section className="card" aria-labelledby="et-si">
      <h2 id="et-si">Et si… ?</h2>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          Simuler une note
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void simulate();
          }}
        >
          <p>Rien n’est enregistré : les moyennes sont recalculées comme si ces notes existaient.</p>
          <fieldset>
            <legend>Une prochaine évaluation (sur 20)</legend>
            <label htmlFor="si-matiere">Matière</label>
            <select id="si-matiere" value={subject} onChange={(e) => setSubject(e.target.value)}>
              {subjects.map((s) => (
                <option key={s} value={s}>
                  {subjectName(s)}
                </option>
              ))}
            </select>
            <label htmlFor="si-coef">Coefficient</label>
            <input id="si-coef" inputMode="decimal" value={coefficient} onChange={(e) => setCoefficient(e.target.value)} />
            <label htmlFor="si-note">Note imaginée</label>
            <input id="si-note" inputMode="decimal" value={coming} onChange={(e) => setComing(e.target.value)} placeholder="ex. 14,5" />
          </fieldset>
          {marks.length > 0 && (
            <details>
              <summary>Changer une note déjà reçue</summary>
              {marks.map((m) => (
                <p key={m.assessment.id}>
                  <label htmlFor={`si-${m.assessment.id}`}>
                    {subjectName(m.assessment.subject)} – {m.assessment.title} ({resultLabel({ value: m.value, marker: m.marker, scale: m.assessment.scale })})
                  </label>
                  <input
                    id={`si-${m.assessment.id}`}
                    inputMode="decimal"
                    value={changed[m.assessment.id] ?? ''}
                    onChange={(e) => setChanged({ ...changed, [m.assessment.id]: e.target.value })}
                  />
                </p>
              ))}
            </details>
          )}
          <button type="submit" className="primary">
            Calculer
          </button>
          {error && <ErrorMessage message={error} />}
          {answer && (
            <div role="status">
              <h3>Moyennes imaginées</h3>
              <Averages averages={answer} compare={averages} />
            </div>
          )}
        </form>
      )}
    </section>
  );
}

/** The period's report card, once published: the caller's own copy (404 before publication). */
function ReportCard({ api, base, period }: { api: Api; base: string; period: Period }) {
  const [state, setState] = useState<{ busy: boolean; message: string | null; error: boolean }>({ busy: false, message: null, error: false });
  const download = async () => {
    setState({ busy: true, message: null, error: false });
    try {
      const file = await api.file(`${base}/periods/${period.id}/report-card`);
      saveFile(file, `bulletin-${period.name}.pdf`);
      setState({ busy: false, message: 'Bulletin téléchargé.', error: false });
    } catch (e) {
      const notYet = e instanceof ApiError && e.status === 404;
      setState({
        busy: false,
        message: notYet ? 'Le bulletin de cette période n’est pas encore publié.' : e instanceof ApiError ? e.message : 'Le téléchargement a échoué.',
        error: !notYet,
      });
    }
  };
  return (
    <section className="card" aria-labelledby="bulletin">
      <h2 id="bulletin">Bulletin – {period.name}</h2>
      <button type="button" onClick={download} disabled={state.busy}>
        Télécharger le bulletin (PDF)
      </button>
      {state.message && (state.error ? <ErrorMessage message={state.message} /> : <p role="status">{state.message}</p>)}
    </section>
  );
}
