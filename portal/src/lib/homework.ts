/**
 * Homework as homework-service answers it (homework-service/README.md): the pupil's list of the
 * next 15 days, the done toggle, a work's hand-in state, and the class's workload as the teacher
 * sets work. The rules here only shape what the service answers for the screen, and say first, in
 * French, what the service would refuse or warn about; the service decides.
 */
import { Api, ApiError } from './api';
import { addDays, dayLabel, SCHOOL_TIME_ZONE } from './dates';
import { FileRules, upload } from './upload';

export type WorkKind = 'EXERCISE' | 'READING' | 'TEST_REVISION' | 'HAND_IN';

export interface FileView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** An item of `GET /api/homework/pupils/{id}/todo`. */
export interface TodoItem {
  workId: string;
  title: string;
  kind: WorkKind;
  estimatedMinutes: number;
  dueAt: string;
  done: boolean;
  /** HAND_IN work: NONE, HANDED_IN or LATE; null otherwise */
  handIn: 'NONE' | 'HANDED_IN' | 'LATE' | null;
  feedback: boolean;
}

export interface PupilList {
  pupilId: string;
  from: string;
  to: string;
  days: { day: string; subjects: { subject: string; works: TodoItem[] }[] }[];
}

/** `GET /api/homework/works/{id}` */
export interface WorkView {
  id: string;
  schoolId: string;
  classGroupId: string;
  subject: string;
  teacherId: string;
  logEntryId: string | null;
  setOn: string;
  dueOn: string;
  dueAt: string;
  kind: WorkKind;
  title: string;
  instructions: string;
  estimatedMinutes: number;
  visibleFrom: string;
  setAt: string;
  outsideSchoolHours: boolean;
  handInsClosedAt: string | null;
  pupilIds: string[];
  attachments: FileView[];
}

/** A class's load on a day (`GET /classes/{id}/workload?day=`, and with the work just set). */
export interface Workload {
  day: string;
  count: number;
  minutes: number;
  tests: number;
  warnings: string[];
  message: string | null;
}

export interface WorkloadSettings {
  maxWorksPerDay: number;
  maxMinutesPerDay: number;
  maxTestsPerDay: number;
  schoolDayStartsAt: string;
  schoolDayEndsAt: string;
}

export interface HandInView {
  workId: string;
  pupilId: string;
  handedInAt: string;
  late: boolean;
  files: FileView[];
  feedbackFile: FileView | null;
  feedbackComment: string | null;
  feedbackAt: string | null;
}

export interface HandInStatus {
  workId: string;
  dueAt: string;
  closedAt: string | null;
  handedIn: number;
  late: number;
  missing: number;
  pupils: { pupilId: string; lastName: string; firstName: string; state: 'HANDED_IN' | 'LATE' | 'MISSING'; handedInAt: string | null; files: number; feedback: boolean }[];
}

/** An entry of the cahier de textes. */
export interface LogEntry {
  id: string;
  schoolId: string;
  classGroupId: string;
  subject: string;
  teacherId: string;
  lessonOn: string;
  title: string;
  content: string;
  published: boolean;
  attachments: FileView[];
}

export const KIND_LABELS: Record<WorkKind, string> = {
  EXERCISE: 'Exercices',
  READING: 'Lecture',
  TEST_REVISION: 'Réviser un contrôle',
  HAND_IN: 'Devoir à rendre',
};

const SUBJECTS: Record<string, string> = {
  MATHS: 'Mathématiques',
  FRANCAIS: 'Français',
  ANGLAIS: 'Anglais',
  'HIST-GEO': 'Histoire-géographie',
  SVT: 'SVT',
  'PHYS-CHI': 'Physique-chimie',
  TECHNO: 'Technologie',
  EPS: 'EPS',
  LATIN: 'Latin',
};

/** "MATHS" → "Mathématiques"; a code not known here is shown with a capital. */
export function subjectName(code: string): string {
  const known = SUBJECTS[code.toUpperCase()];
  if (known) return known;
  const lower = code.toLowerCase().replace(/[_-]/g, ' ');
  return lower.charAt(0).toUpperCase() + lower.substring(1);
}

/** Files handed in and attachments: what homework-service accepts (libs/files' policy there). */
export const HOMEWORK_FILES: FileRules = {
  maxBytes: 10 * 1024 * 1024,
  maxLabel: '10 Mo',
  types: [
    'application/pdf',
    'image/png',
    'image/jpeg',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.oasis.opendocument.text',
  ],
  typesLabel: 'un PDF, une image JPEG ou PNG, un document Word ou OpenDocument',
};

export interface TodoDay {
  day: string;
  /** « Aujourd’hui », « Demain » or « mardi 8 décembre » */
  label: string;
  subjects: { subject: string; label: string; works: TodoItem[] }[];
  /** pieces of work not done yet, and their minutes */
  left: number;
  minutesLeft: number;
}

/**
 * The list by due day then subject, as the screen shows it: each day named from today, the
 * subjects in French alphabetical order, each subject's work by due time, and what is left to do.
 */
export function todoDays(list: PupilList, today: string): TodoDay[] {
  const byDay = new Map<string, Map<string, TodoItem[]>>();
  for (const d of list.days) {
    const subjects = byDay.get(d.day) ?? new Map<string, TodoItem[]>();
    byDay.set(d.day, subjects);
    for (const s of d.subjects) subjects.set(s.subject, [...(subjects.get(s.subject) ?? []), ...s.works]);
  }
  const tomorrow = addDays(today, 1);
  return [...byDay.keys()]
    .sort()
    .map((day) => {
      const subjects = [...byDay.get(day)!.entries()]
        .map(([subject, works]) => ({ subject, label: subjectName(subject), works: [...works].sort((a, b) => a.dueAt.localeCompare(b.dueAt)) }))
        .filter((s) => s.works.length > 0)
        .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
      const open = subjects.flatMap((s) => s.works).filter((w) => !w.done);
      return {
        day,
        label: day === today ? 'Aujourd’hui' : day === tomorrow ? 'Demain' : dayLabel(day),
        subjects,
        left: open.length,
        minutesLeft: open.reduce((m, w) => m + w.estimatedMinutes, 0),
      };
    })
    .filter((d) => d.subjects.length > 0);
}

/** The list with one work's done state changed (a new list: React sees the change). */
export function withDone(list: PupilList, workId: string, done: boolean): PupilList {
  return {
    ...list,
    days: list.days.map((d) => ({
      ...d,
      subjects: d.subjects.map((s) => ({ ...s, works: s.works.map((w) => (w.workId === workId ? { ...w, done } : w)) })),
    })),
  };
}

/**
 * The done/to-do toggle: shown at once, sent (`PUT .../works/{id}/done`, idempotent: sent again it
 * changes nothing), and put back with a French message if the service refuses or cannot be reached.
 * Taps faster than the network: only the latest one of a work may put it back.
 */
export class DoneToggles {
  private readonly latest = new Map<string, number>();
  private seq = 0;

  constructor(
    private readonly api: Api,
    private readonly pupilId: string,
    private readonly update: (change: (list: PupilList) => PupilList) => void,
  ) {}

  /** Resolves to null once the service has it, or to the French message shown after putting it back. */
  async set(item: Pick<TodoItem, 'workId' | 'title'>, done: boolean): Promise<string | null> {
    const mine = ++this.seq;
    this.latest.set(item.workId, mine);
    this.update((l) => withDone(l, item.workId, done));
    try {
      await this.api.send('PUT', `/api/homework/pupils/${this.pupilId}/works/${item.workId}/done`, { done });
      return null;
    } catch (e) {
      if (this.latest.get(item.workId) !== mine) return null;
      this.update((l) => withDone(l, item.workId, !done));
      const why = e instanceof ApiError ? e.message : 'Une erreur est survenue.';
      return `« ${item.title} » n’a pas pu être marqué ${done ? 'fait' : 'à faire'} : ${why}`;
    }
  }
}

export interface ProjectedLoad {
  count: number;
  minutes: number;
  tests: number;
  /** one French sentence per threshold the day goes above */
  warnings: string[];
}

/**
 * The class's load on the due day once this work is added, against the school's thresholds: the
 * service's rules (homework-service `Workload`), so that the teacher sees the warning before
 * confirming.
 */
export function projectedLoad(current: Pick<Workload, 'count' | 'minutes' | 'tests'>, settings: WorkloadSettings, added: { kind: WorkKind; minutes: number }): ProjectedLoad {
  const count = current.count + 1;
  const minutes = current.minutes + (Number.isFinite(added.minutes) && added.minutes > 0 ? added.minutes : 0);
  const tests = current.tests + (added.kind === 'TEST_REVISION' ? 1 : 0);
  const warnings: string[] = [];
  if (count > settings.maxWorksPerDay) warnings.push(`${count} travaux pour ce jour (au-delà de ${settings.maxWorksPerDay})`);
  if (minutes > settings.maxMinutesPerDay) warnings.push(`${minutes} minutes de travail estimées (au-delà de ${settings.maxMinutesPerDay})`);
  if (tests > settings.maxTestsPerDay) warnings.push(`${tests} contrôles à réviser (au-delà de ${settings.maxTestsPerDay})`);
  return { count, minutes, tests, warnings };
}

/** Whether work set now is outside the school day (the school's clock): weekend, before it starts, from its end. */
export function outsideSchoolHours(now: Date, settings: Pick<WorkloadSettings, 'schoolDayStartsAt' | 'schoolDayEndsAt'>): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: SCHOOL_TIME_ZONE, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  if (get('weekday') === 'Sat' || get('weekday') === 'Sun') return true;
  const hm = `${get('hour')}:${get('minute')}`;
  return hm < settings.schoolDayStartsAt.substring(0, 5) || hm >= settings.schoolDayEndsAt.substring(0, 5);
}

/**
 * Where a pupil's hand-in stands: `open` (hand in, or replace, until the due time), `late` (due
 * time passed, nothing handed in: still possible, marked late), `final` (handed in and due time
 * passed: no replacing), `closed` (the teacher closed hand-ins).
 */
export type HandInState = 'open' | 'late' | 'final' | 'closed';

export function handInState(work: Pick<WorkView, 'dueAt' | 'handInsClosedAt'>, handIn: Pick<HandInView, 'handedInAt'> | null, now: Date): HandInState {
  if (work.handInsClosedAt && new Date(work.handInsClosedAt).getTime() <= now.getTime()) return 'closed';
  const pastDue = now.getTime() >= new Date(work.dueAt).getTime();
  if (!pastDue) return 'open';
  return handIn ? 'final' : 'late';
}

export const HAND_IN_STATE_LABELS: Record<HandInState, string> = {
  open: 'Vous pouvez rendre votre travail (et le remplacer) jusqu’à l’heure de remise.',
  late: 'L’heure de remise est passée : vous pouvez encore rendre ce travail, il sera marqué en retard.',
  final: 'L’heure de remise est passée : le travail rendu ne peut plus être remplacé.',
  closed: 'Le professeur a clos la remise de ce travail.',
};

/** The steps of a hand-in, shown as they happen. */
export type UploadStep =
  | { step: 'sending'; file: string; index: number; total: number }
  | { step: 'confirming' }
  | { step: 'done'; handIn: HandInView }
  | { step: 'failed'; message: string };

/**
 * Hands in files: each is offered, PUT to the object storage (lib/upload.ts), then the hand-in
 * names them all, which confirms them (replacing what was handed in before). Reports each step;
 * the last one is `done` or `failed` (French).
 */
export async function handIn(api: Api, workId: string, pupilId: string, files: File[], onStep: (s: UploadStep) => void, fetchImpl?: typeof fetch): Promise<UploadStep> {
  const finish = (s: UploadStep) => {
    onStep(s);
    return s;
  };
  try {
    const fileIds: string[] = [];
    for (const [index, file] of files.entries()) {
      onStep({ step: 'sending', file: file.name, index: index + 1, total: files.length });
      fileIds.push(await upload(api, `/api/homework/works/${workId}/hand-ins/${pupilId}/uploads`, file, fetchImpl));
    }
    onStep({ step: 'confirming' });
    const view = await api.send<HandInView>('PUT', `/api/homework/works/${workId}/hand-ins/${pupilId}`, { fileIds });
    return finish({ step: 'done', handIn: view });
  } catch (e) {
    return finish({ step: 'failed', message: e instanceof ApiError ? e.message : 'L’envoi a échoué. Réessayez.' });
  }
}

export function uploadStepLabel(s: UploadStep): string {
  switch (s.step) {
    case 'sending':
      return s.total > 1 ? `Envoi de « ${s.file} » (${s.index} sur ${s.total})…` : `Envoi de « ${s.file} »…`;
    case 'confirming':
      return 'Vérification des fichiers…';
    case 'done':
      return s.handIn.late ? 'Travail rendu (en retard).' : 'Travail rendu.';
    case 'failed':
      return s.message;
  }
}

/** "1 536 000" bytes → "1,5 Mo". */
export function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} Mo`;
}
