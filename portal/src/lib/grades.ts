/**
 * Marks as grades-service answers them (grades-service/README.md), and what the portal does with
 * them: numbers in French, the explanation's rules in words, the marks grid's cells (a mark or a
 * marker typed as text) and the "what if" hypotheses. The averages themselves are always the
 * service's: the portal computes none.
 */
import { subjectLabel } from './timetable';

export type Marker = 'ABSENT' | 'ABSENT_JUSTIFIED' | 'EXEMPT' | 'NOT_GRADED' | 'NOT_HANDED_IN';

/** GET /api/grades/schools/{id}/periods */
export interface Period {
  id: string;
  schoolId: string;
  classGroupId: string | null;
  schoolYear: string;
  name: string;
  startsOn: string;
  endsOn: string;
  locked: boolean;
}

/** GET /api/grades/assessments/{id} */
export interface Assessment {
  id: string;
  schoolId: string;
  classGroupId: string;
  subject: string;
  teacherId: string;
  periodId: string;
  title: string;
  heldOn: string;
  coefficient: number;
  scale: number;
  optional: boolean;
  publishedAt: string | null;
}

/** GET /api/grades/pupils/{id}/marks */
export interface PupilMark {
  assessment: Assessment;
  value: number | null;
  marker: Marker | null;
  display: string | null;
  outOf20: number | null;
}

export type Rule =
  | 'COUNTED'
  | 'MARKER_COUNTS_AS_ZERO'
  | 'OPTIONAL_RAISES_AVERAGE'
  | 'OPTIONAL_WOULD_NOT_RAISE'
  | 'MARKER_NOT_COUNTED'
  | 'ZERO_COEFFICIENT'
  | 'NO_MARK';

export interface Contribution {
  assessmentId: string;
  title: string;
  date: string | null;
  value: number | null;
  marker: Marker | null;
  scale: number;
  outOf20: number | null;
  coefficient: number;
  optional: boolean;
  hypothetical: boolean;
  counted: boolean;
  rule: Rule;
}

export interface SubjectAverage {
  subject: string;
  exact: number | null;
  average: number | null;
  coefficients: number;
  contributions: Contribution[];
}

/** GET /api/grades/pupils/{id}/periods/{periodId}/averages, and the what-if's answer */
export interface PeriodAverages {
  pupilId: string;
  periodId: string;
  hypothetical: boolean;
  subjects: SubjectAverage[];
  general: { exact: number | null; average: number | null; coefficients: number; parts: { subject: string; average: number | null; coefficient: number; counted: boolean }[] };
}

/** GET /api/grades/pupils/{id}/periods/{periodId}/evolution */
export interface Evolution {
  subjects: { subject: string; points: { assessmentId: string; title: string; date: string; outOf20: number | null; counted: boolean; averageAfter: number | null }[] }[];
}

export interface Statistics {
  count: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  median: number | null;
  scale: number;
  distribution: { from: number; to: number; count: number }[];
}

/** GET /api/grades/assessments/{id}/statistics */
export interface AssessmentStatistics {
  assessmentId: string;
  marks: Statistics;
  markers: Partial<Record<Marker, number>>;
}

/** GET /api/grades/assessments/{id}/marks */
export interface MarkView {
  pupilId: string;
  firstName: string;
  lastName: string;
  value: number | null;
  marker: Marker | null;
}

/** GET /api/grades/schools/{id}/settings */
export interface GradeSettings {
  markStep: number;
}

export const MARKER_LABELS: Record<Marker, string> = {
  ABSENT: 'Abs',
  ABSENT_JUSTIFIED: 'Abs. justifiée',
  EXEMPT: 'Disp',
  NOT_GRADED: 'NN',
  NOT_HANDED_IN: 'Non rendu',
};

/** 15.5 → "15,5"; 12 → "12"; null → "–". At most two decimals, as the service rounds. */
export function frNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return '–';
  return (Math.round(n * 100) / 100).toString().replace('.', ',');
}

/** A result as shown: "15,5/20" or its marker. */
export function resultLabel(r: { value: number | null; marker: Marker | null; scale: number }): string {
  if (r.marker) return MARKER_LABELS[r.marker];
  if (r.value === null) return 'Pas de note';
  return `${frNumber(r.value)}/${r.scale}`;
}

/** Why a mark counted or not, in French (the explanation's last column). */
export function ruleLabel(rule: Rule): string {
  switch (rule) {
    case 'COUNTED':
      return 'comptée';
    case 'MARKER_COUNTS_AS_ZERO':
      return 'comptée comme 0';
    case 'OPTIONAL_RAISES_AVERAGE':
      return 'facultative, comptée car elle fait monter la moyenne';
    case 'OPTIONAL_WOULD_NOT_RAISE':
      return 'facultative, non comptée car elle ne ferait pas monter la moyenne';
    case 'MARKER_NOT_COUNTED':
      return 'non comptée';
    case 'ZERO_COEFFICIENT':
      return 'non comptée (coefficient 0)';
    case 'NO_MARK':
      return 'pas de note';
  }
}

/** The period to show first: the one covering today, else the latest begun, else the first. */
export function currentPeriod(periods: Period[], today: string): Period | null {
  if (periods.length === 0) return null;
  const sorted = [...periods].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return (
    sorted.find((p) => p.startsOn <= today && today <= p.endsOn) ??
    [...sorted].reverse().find((p) => p.startsOn <= today) ??
    sorted[0]
  );
}

/** The latest marks first (by date, then the most recently published). */
export function latestMarks(marks: PupilMark[], count: number): PupilMark[] {
  return [...marks]
    .sort((a, b) => b.assessment.heldOn.localeCompare(a.assessment.heldOn) || (b.assessment.publishedAt ?? '').localeCompare(a.assessment.publishedAt ?? ''))
    .slice(0, count);
}

export function subjectName(code: string): string {
  return subjectLabel(code);
}

// --- a cell of the marks grid, or a hypothesis of the "what if": a mark or a marker typed as text

export type Cell =
  | { kind: 'empty' }
  | { kind: 'value'; value: number }
  | { kind: 'marker'; marker: Marker }
  | { kind: 'error'; message: string };

/** What a teacher may type instead of a mark (case, accents, dots and spaces ignored). */
const TYPED_MARKERS: Record<string, Marker> = {
  abs: 'ABSENT',
  a: 'ABSENT',
  absj: 'ABSENT_JUSTIFIED',
  absjustifiee: 'ABSENT_JUSTIFIED',
  disp: 'EXEMPT',
  d: 'EXEMPT',
  dispense: 'EXEMPT',
  nn: 'NOT_GRADED',
  nonnote: 'NOT_GRADED',
  nr: 'NOT_HANDED_IN',
  nonrendu: 'NOT_HANDED_IN',
};

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s.]/g, '');
}

/**
 * Reads a cell as the service will check it: a number on the scale ("15", "15,5", "15.5") in
 * steps of the school's mark step, or a marker ("Abs", "Abs.j", "Disp", "NN", "NR"); empty is no
 * result. The message says in French what is wrong, for the cell itself.
 */
export function parseCell(text: string, scale: number, step: number): Cell {
  const t = text.trim();
  if (t === '') return { kind: 'empty' };
  const marker = TYPED_MARKERS[normalise(t)];
  if (marker) return { kind: 'marker', marker };
  if (!/^\d{1,3}([.,]\d{1,2})?$/.test(t)) {
    return { kind: 'error', message: 'Saisissez une note ou Abs, Abs.j, Disp, NN, NR.' };
  }
  const value = Number(t.replace(',', '.'));
  if (value > scale) return { kind: 'error', message: `La note doit être entre 0 et ${scale}.` };
  const steps = value / step;
  if (Math.abs(steps - Math.round(steps)) > 1e-9) {
    return { kind: 'error', message: `La note se saisit par pas de ${frNumber(step)} point.` };
  }
  return { kind: 'value', value };
}

/** The text a stored result shows in its cell ("15,5", "Abs"…). */
export function cellText(r: { value: number | null; marker: Marker | null }): string {
  if (r.marker) return r.marker === 'ABSENT_JUSTIFIED' ? 'Abs.j' : r.marker === 'NOT_HANDED_IN' ? 'NR' : MARKER_LABELS[r.marker];
  return r.value === null ? '' : frNumber(r.value);
}

/**
 * Where the focus goes from a cell on a key: up and down move a row, Enter moves down (Shift+Enter
 * up), staying inside the grid; null: the key is not the grid's (typing, Tab).
 */
export function moveInGrid(key: string, shift: boolean, row: number, rows: number): number | null {
  let next: number;
  if (key === 'ArrowDown' || (key === 'Enter' && !shift)) next = row + 1;
  else if (key === 'ArrowUp' || (key === 'Enter' && shift)) next = row - 1;
  else return null;
  return Math.min(Math.max(next, 0), rows - 1);
}

/** The body of PUT /assessments/{id}/marks: every pupil with a result; null while a cell is wrong. */
export function marksBody(cells: { pupilId: string; cell: Cell }[]): { marks: { pupilId: string; value?: number; marker?: Marker }[] } | null {
  if (cells.some((c) => c.cell.kind === 'error')) return null;
  const marks: { pupilId: string; value?: number; marker?: Marker }[] = [];
  for (const { pupilId, cell } of cells) {
    if (cell.kind === 'value') marks.push({ pupilId, value: cell.value });
    else if (cell.kind === 'marker') marks.push({ pupilId, marker: cell.marker });
  }
  return { marks };
}

// --- what if

/** A hypothesis as typed: another result for a visible assessment, or a coming assessment. */
export type Hypothesis =
  | { assessmentId: string; text: string; scale: number }
  | { subject: string; coefficient: string; scale: number; text: string };

/**
 * The body of POST .../what-if, or the French error of the first hypothesis that cannot be sent
 * (line numbered from 1). Empty lines are skipped.
 */
export function whatIfBody(hypotheses: Hypothesis[], step: number): { body: { hypotheses: Record<string, unknown>[] } } | { error: string } {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < hypotheses.length; i++) {
    const h = hypotheses[i];
    const cell = parseCell(h.text, h.scale, step);
    if (cell.kind === 'empty') continue;
    if (cell.kind === 'error') return { error: `Hypothèse ${i + 1} : ${cell.message}` };
    const result = cell.kind === 'value' ? { value: cell.value } : { marker: cell.marker };
    if ('assessmentId' in h) {
      out.push({ assessmentId: h.assessmentId, ...result });
    } else {
      const coefficient = Number(h.coefficient.trim().replace(',', '.'));
      if (h.coefficient.trim() === '' || !Number.isFinite(coefficient) || coefficient < 0 || coefficient > 100) {
        return { error: `Hypothèse ${i + 1} : le coefficient doit être un nombre entre 0 et 100.` };
      }
      out.push({ subject: h.subject, coefficient, scale: h.scale, ...result });
    }
  }
  if (out.length === 0) return { error: 'Saisissez au moins une note imaginée.' };
  return { body: { hypotheses: out } };
}

/** "+1,25" / "−0,5" / "=": how a hypothetical average differs from the real one. */
export function difference(real: number | null, imagined: number | null): string {
  if (real === null || imagined === null) return '';
  const d = Math.round((imagined - real) * 100) / 100;
  if (d === 0) return '=';
  return `${d > 0 ? '+' : '−'}${frNumber(Math.abs(d))}`;
}
