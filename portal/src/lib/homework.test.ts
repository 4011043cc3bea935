import { describe, expect, it } from 'vitest';
import { Api, ApiError } from './api';
import {
  DoneToggles,
  HOMEWORK_FILES,
  HandInView,
  PupilList,
  TodoItem,
  UploadStep,
  handIn,
  handInState,
  outsideSchoolHours,
  projectedLoad,
  todoDays,
  uploadStepLabel,
  withDone,
} from './homework';
import { fileProblem } from './upload';

const item = (workId: string, over: Partial<TodoItem> = {}): TodoItem => ({
  workId,
  title: `Travail ${workId}`,
  kind: 'EXERCISE',
  estimatedMinutes: 20,
  dueAt: '2026-12-08T07:00:00Z',
  done: false,
  handIn: null,
  feedback: false,
  ...over,
});

const list: PupilList = {
  pupilId: 'lea',
  from: '2026-12-07',
  to: '2026-12-21',
  days: [
    { day: '2026-12-10', subjects: [{ subject: 'MATHS', works: [item('c', { dueAt: '2026-12-10T07:00:00Z' })] }] },
    {
      day: '2026-12-08',
      subjects: [
        { subject: 'MATHS', works: [item('b', { dueAt: '2026-12-08T09:00:00Z', estimatedMinutes: 45 }), item('a', { done: true })] },
        { subject: 'ANGLAIS', works: [item('d', { kind: 'READING', estimatedMinutes: 15 })] },
        { subject: 'SVT', works: [] },
      ],
    },
    { day: '2026-12-07', subjects: [{ subject: 'FRANCAIS', works: [item('e', { done: true })] }] },
  ],
};

const settings = { maxWorksPerDay: 3, maxMinutesPerDay: 60, maxTestsPerDay: 1, schoolDayStartsAt: '07:30:00', schoolDayEndsAt: '18:30:00' };

describe('the pupil’s list', () => {
  it('reads by day from today, then by subject in French order, each subject’s work by due time, with what is left', () => {
    const days = todoDays(list, '2026-12-07');
    expect(days.map((d) => d.label)).toEqual(['Aujourd’hui', 'Demain', 'jeudi 10 décembre']);
    expect(days[1].subjects.map((s) => s.label)).toEqual(['Anglais', 'Mathématiques']);
    expect(days[1].subjects[1].works.map((w) => w.workId)).toEqual(['a', 'b']);
    expect(days.map((d) => [d.left, d.minutesLeft])).toEqual([
      [0, 0],
      [2, 60],
      [1, 20],
    ]);
  });

  it('merges a day or a subject given twice (an offline copy and a fresh one)', () => {
    const twice: PupilList = { ...list, days: [...list.days, { day: '2026-12-10', subjects: [{ subject: 'MATHS', works: [item('f', { dueAt: '2026-12-10T06:00:00Z' })] }] }] };
    const thursday = todoDays(twice, '2026-12-07')[2];
    expect(thursday.subjects).toHaveLength(1);
    expect(thursday.subjects[0].works.map((w) => w.workId)).toEqual(['f', 'c']);
  });

  it('changes one work’s done state only, in a new list', () => {
    const changed = withDone(list, 'b', true);
    expect(changed).not.toBe(list);
    expect(todoDays(changed, '2026-12-07')[1].left).toBe(1);
    expect(todoDays(list, '2026-12-07')[1].left).toBe(2);
  });
});

/** A list held like the screen holds it, and an Api whose PUTs answer as told. */
function toggling(answers: (() => Promise<unknown>)[]) {
  let current = list;
  const sent: { path: string; body: unknown }[] = [];
  const api = {
    send: async (_m: string, path: string, body: unknown) => {
      sent.push({ path, body });
      return answers.shift()!();
    },
  } as unknown as Api;
  const toggles = new DoneToggles(api, 'lea', (change) => (current = change(current)));
  const doneOf = (id: string) => current.days.flatMap((d) => d.subjects.flatMap((s) => s.works)).find((w) => w.workId === id)!.done;
  return { toggles, sent, doneOf };
}

describe('the done toggle', () => {
  it('shows the change at once and sends it', async () => {
    let answer!: () => void;
    const { toggles, sent, doneOf } = toggling([() => new Promise((r) => (answer = () => r({ done: true })))]);
    const pending = toggles.set({ workId: 'b', title: 'Exercices' }, true);
    expect(doneOf('b')).toBe(true); // before the service answers
    answer();
    expect(await pending).toBeNull();
    expect(sent).toEqual([{ path: '/api/homework/pupils/lea/works/b/done', body: { done: true } }]);
    expect(doneOf('b')).toBe(true);
  });

  it('is put back with a French message when the service refuses or is unreachable', async () => {
    const { toggles, doneOf } = toggling([() => Promise.reject(new ApiError(0, null)), () => Promise.reject(new ApiError(404, { status: 404 }))]);
    expect(await toggles.set({ workId: 'b', title: 'Exercices' }, true)).toBe(
      '« Exercices » n’a pas pu être marqué fait : Pas de connexion au réseau. Vérifiez votre connexion et réessayez.',
    );
    expect(doneOf('b')).toBe(false);
    expect(await toggles.set({ workId: 'a', title: 'Lire' }, false)).toMatch(/^« Lire » n’a pas pu être marqué à faire : Cette page n’existe pas/);
    expect(doneOf('a')).toBe(true);
  });

  it('does not put back a later tap when an earlier one fails after it', async () => {
    let failFirst!: () => void;
    const { toggles, doneOf } = toggling([
      () => new Promise((_, reject) => (failFirst = () => reject(new ApiError(503, null)))),
      () => Promise.resolve({ done: false }),
    ]);
    const first = toggles.set({ workId: 'b', title: 'Exercices' }, true);
    await toggles.set({ workId: 'b', title: 'Exercices' }, false);
    failFirst();
    expect(await first).toBeNull();
    expect(doneOf('b')).toBe(false);
  });
});

describe('the workload as work is set', () => {
  it('adds the work to the day and warns above each threshold, as the service does', () => {
    expect(projectedLoad({ count: 1, minutes: 20, tests: 0 }, settings, { kind: 'EXERCISE', minutes: 20 })).toEqual({ count: 2, minutes: 40, tests: 0, warnings: [] });
    expect(projectedLoad({ count: 3, minutes: 50, tests: 1 }, settings, { kind: 'TEST_REVISION', minutes: 45 })).toEqual({
      count: 4,
      minutes: 95,
      tests: 2,
      warnings: ['4 travaux pour ce jour (au-delà de 3)', '95 minutes de travail estimées (au-delà de 60)', '2 contrôles à réviser (au-delà de 1)'],
    });
    // at the threshold: no warning
    expect(projectedLoad({ count: 2, minutes: 40, tests: 0 }, settings, { kind: 'TEST_REVISION', minutes: 20 }).warnings).toEqual([]);
    // minutes not typed yet count for nothing
    expect(projectedLoad({ count: 0, minutes: 0, tests: 0 }, settings, { kind: 'READING', minutes: NaN }).minutes).toBe(0);
  });

  it('flags work set outside the school day, on the school’s clock', () => {
    expect(outsideSchoolHours(new Date('2026-12-07T09:00:00Z'), settings)).toBe(false); // Monday 10:00 in Paris
    expect(outsideSchoolHours(new Date('2026-12-07T06:00:00Z'), settings)).toBe(true); // 07:00
    expect(outsideSchoolHours(new Date('2026-12-07T17:30:00Z'), settings)).toBe(true); // 18:30: the day has ended
    expect(outsideSchoolHours(new Date('2026-12-07T17:29:00Z'), settings)).toBe(false);
    expect(outsideSchoolHours(new Date('2026-12-05T10:00:00Z'), settings)).toBe(true); // Saturday
  });
});

describe('a hand-in', () => {
  const work = { dueAt: '2026-12-08T07:00:00Z', handInsClosedAt: null };
  const before = new Date('2026-12-08T06:59:00Z');
  const after = new Date('2026-12-08T07:00:00Z');

  it('is open until the due time, late or final after it, closed by the teacher', () => {
    expect(handInState(work, null, before)).toBe('open');
    expect(handInState(work, { handedInAt: '2026-12-07T18:00:00Z' }, before)).toBe('open');
    expect(handInState(work, null, after)).toBe('late');
    expect(handInState(work, { handedInAt: '2026-12-07T18:00:00Z' }, after)).toBe('final');
    expect(handInState({ ...work, handInsClosedAt: '2026-12-08T06:00:00Z' }, null, before)).toBe('closed');
  });

  it('takes the files homework-service takes', () => {
    expect(fileProblem({ size: 9 * 1024 * 1024, type: 'application/vnd.oasis.opendocument.text' }, HOMEWORK_FILES)).toBeNull();
    expect(fileProblem({ size: 10 * 1024 * 1024 + 1, type: 'application/pdf' }, HOMEWORK_FILES)).toBe('Le fichier est trop volumineux (10 Mo au plus).');
    expect(fileProblem({ size: 10, type: 'text/plain' }, HOMEWORK_FILES)).toMatch(/^Ce type de fichier n’est pas accepté/);
  });

  /** homework-service's offers and hand-in, and the object storage, recorded. */
  function platform(handInAnswer: () => unknown) {
    const sent: { method: string; path: string; body: unknown }[] = [];
    let offers = 0;
    const api = {
      send: async (method: string, path: string, body: unknown) => {
        sent.push({ method, path, body });
        if (path.endsWith('/uploads')) return { fileId: `f${++offers}`, method: 'PUT', url: `http://s3.test/b/k${offers}`, headers: { 'Content-Type': 'application/pdf' }, expiresAt: '' };
        const a = handInAnswer();
        if (a instanceof ApiError) throw a;
        return a;
      },
    } as unknown as Api;
    const puts: string[] = [];
    const storage = (async (url: string) => {
      puts.push(url);
      return new Response(null, { status: 200 });
    }) as unknown as typeof fetch;
    return { api, sent, puts, storage };
  }
  const files = [new File(['%PDF-1 a'], 'copie-1.pdf', { type: 'application/pdf' }), new File(['%PDF-1 b'], 'copie-2.pdf', { type: 'application/pdf' })];

  it('sends each file to the storage, then names them all in the hand-in, step by step', async () => {
    const view: HandInView = { workId: 'w', pupilId: 'lea', handedInAt: '2026-12-07T18:00:00Z', late: false, files: [], feedbackFile: null, feedbackComment: null, feedbackAt: null };
    const { api, sent, puts, storage } = platform(() => view);
    const steps: UploadStep[] = [];
    const end = await handIn(api, 'w', 'lea', files, (s) => steps.push(s), storage);
    expect(steps.map(uploadStepLabel)).toEqual(['Envoi de « copie-1.pdf » (1 sur 2)…', 'Envoi de « copie-2.pdf » (2 sur 2)…', 'Vérification des fichiers…', 'Travail rendu.']);
    expect(end).toEqual({ step: 'done', handIn: view });
    expect(puts).toEqual(['http://s3.test/b/k1', 'http://s3.test/b/k2']);
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      'POST /api/homework/works/w/hand-ins/lea/uploads',
      'POST /api/homework/works/w/hand-ins/lea/uploads',
      'PUT /api/homework/works/w/hand-ins/lea',
    ]);
    expect(sent[2].body).toEqual({ fileIds: ['f1', 'f2'] });
    expect(uploadStepLabel({ step: 'done', handIn: { ...view, late: true } })).toBe('Travail rendu (en retard).');
  });

  it('ends failed, in French, when the teacher has closed hand-ins', async () => {
    const { api, storage } = platform(() => new ApiError(409, { type: 'https://ent.example/problems/hand-ins-closed', status: 409 }));
    const steps: UploadStep[] = [];
    const end = await handIn(api, 'w', 'lea', files.slice(0, 1), (s) => steps.push(s), storage);
    expect(end).toEqual({ step: 'failed', message: 'Le professeur a clos la remise de ce travail.' });
    expect(steps.map((s) => s.step)).toEqual(['sending', 'confirming', 'failed']);
  });
});
