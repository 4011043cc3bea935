import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Api, ApiError } from '../lib/api';
import { addDays, schoolDate } from '../lib/dates';
import { HandInView, PupilList, WorkView } from '../lib/homework';
import { readTodo } from '../lib/offline';
import { Me } from '../lib/types';
import { TodoList, WorkDetail } from './Homework';
import { testApiBase } from './testApi';

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const person = (id: string, role: 'PUPIL' | 'PARENT', firstName: string) => ({ id, role, firstName, lastName: 'Dubois', schoolIds: ['jm'] });
const lea: Me = { profile: person('lea', 'PUPIL', 'Léa'), children: [], teaching: [], enrolments: [] };
const sophie: Me = {
  profile: person('sophie', 'PARENT', 'Sophie'),
  children: [
    { person: person('lea', 'PUPIL', 'Léa'), currentEnrolments: [] },
    { person: person('hugo', 'PUPIL', 'Hugo'), currentEnrolments: [] },
  ],
  teaching: [],
  enrolments: [],
};

// whatever day the tests run: the list is of the coming days
const tomorrow = addDays(schoolDate(new Date()), 1);
const todo: PupilList = {
  pupilId: 'lea',
  from: schoolDate(new Date()),
  to: addDays(schoolDate(new Date()), 14),
  days: [
    {
      day: tomorrow,
      subjects: [
        {
          subject: 'MATHS',
          works: [
            { workId: 'w1', title: 'Exercices 3 et 4 page 52', kind: 'EXERCISE', estimatedMinutes: 20, dueAt: `${tomorrow}T07:00:00Z`, done: false, handIn: null, feedback: false },
            { workId: 'w2', title: 'Devoir maison', kind: 'HAND_IN', estimatedMinutes: 40, dueAt: `${tomorrow}T07:00:00Z`, done: true, handIn: 'HANDED_IN', feedback: true },
          ],
        },
      ],
    },
  ],
};

/** homework-service as the screens see it: the list, the toggle (answering as told), a work, a hand-in. */
function platform(toggle: () => unknown = () => ({ done: true })) {
  const sent: { method: string; path: string; body: unknown }[] = [];
  const gets: string[] = [];
  const api: Api = {
    ...testApiBase(),
    get: async <T,>(path: string) => {
      gets.push(path);
      if (path.endsWith('/todo')) return structuredClone(todo) as T;
      throw new ApiError(404, { status: 404 });
    },
    send: async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown) => {
      sent.push({ method, path, body });
      const a = toggle();
      if (a instanceof ApiError) throw a;
      return a as T;
    },
  };
  return { api, sent, gets };
}

describe('the pupil’s to-do list', () => {
  it('ticks a work done at once and keeps it when the service agrees; the list is kept for offline reading', async () => {
    const { api, sent } = platform();
    render(<TodoList api={api} me={lea} />);
    expect(await screen.findByRole('heading', { level: 2, name: /^Demain/ })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Mathématiques' })).toBeTruthy();
    expect(screen.getByText(/1 à faire, 20 min environ/)).toBeTruthy();
    const box = screen.getByRole('checkbox', { name: /^Fait.*Exercices 3 et 4 page 52$/ }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(box.checked).toBe(true); // before the service answers
    expect(await screen.findByText('« Exercices 3 et 4 page 52 » est marqué fait.')).toBeTruthy();
    expect(sent).toEqual([{ method: 'PUT', path: '/api/homework/pupils/lea/works/w1/done', body: { done: true } }]);
    expect(screen.getByText(/tout est fait/)).toBeTruthy();
    await waitFor(() => expect(readTodo()?.people[0].days[0].items.filter((i) => i.done)).toHaveLength(2));
    expect(readTodo()?.people[0]).toMatchObject({ name: 'Léa Dubois', days: [{ day: tomorrow, items: [{ subject: 'Mathématiques', title: 'Exercices 3 et 4 page 52' }, { title: 'Devoir maison' }] }] });
  });

  it('puts the tick back with a French message when the network fails', async () => {
    const { api } = platform(() => new ApiError(0, null));
    render(<TodoList api={api} me={lea} />);
    await screen.findByRole('heading', { level: 3, name: 'Mathématiques' });
    const box = screen.getAllByRole('checkbox')[0] as HTMLInputElement;
    fireEvent.click(box);
    expect((await screen.findByRole('alert')).textContent).toBe(
      '« Exercices 3 et 4 page 52 » n’a pas pu être marqué fait : Pas de connexion au réseau. Vérifiez votre connexion et réessayez.',
    );
    expect(box.checked).toBe(false);
  });
});

describe('a guardian', () => {
  it('reads a child’s list and its done states, without a toggle, with the other child a tab away', async () => {
    const { api, gets, sent } = platform();
    render(<TodoList api={api} me={sophie} childId="lea" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Travail de Léa Dubois' })).toBeTruthy();
    await screen.findByText('Exercices 3 et 4 page 52');
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.getByText('À faire')).toBeTruthy();
    expect(screen.getByText('Fait')).toBeTruthy();
    expect(screen.getByText(/rendu · correction disponible/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Hugo' }).getAttribute('href')).toBe('/travail/hugo');
    expect(screen.getByRole('link', { name: 'Devoir maison' }).getAttribute('href')).toBe('/devoir/w2/lea');
    expect(gets).toEqual(['/api/homework/pupils/lea/todo']);
    expect(sent).toEqual([]);
  });

  it('is refused another family’s child before any call', async () => {
    const { api, gets } = platform();
    render(<TodoList api={api} me={sophie} childId="someone-else" />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/n’existe pas/);
    expect(gets).toEqual([]);
  });
});

describe('a work to hand in', () => {
  const work: WorkView = {
    id: 'w2', schoolId: 'jm', classGroupId: 'c4a', subject: 'MATHS', teacherId: 'claire', logEntryId: null, setOn: '2026-12-01', dueOn: '2099-12-08',
    dueAt: '2099-12-08T07:00:00Z', kind: 'HAND_IN', title: 'Devoir maison', instructions: 'Rédiger la démonstration.', estimatedMinutes: 40,
    visibleFrom: '2026-12-01T16:00:00Z', setAt: '2026-12-01T16:00:00Z', outsideSchoolHours: false, handInsClosedAt: null, pupilIds: [],
    attachments: [{ id: 'a1', fileName: 'sujet.pdf', contentType: 'application/pdf', size: 153600 }],
  };

  function withWork(handInFirst: HandInView | null) {
    const sent: { method: string; path: string; body: unknown }[] = [];
    const files: string[] = [];
    let handedIn = handInFirst;
    const api: Api = {
      ...testApiBase(),
      file: async (path: string) => {
        files.push(path);
        return { url: 'http://s3.test/ent-homework-service/sujet.pdf?X-Amz-Signature=s' };
      },
      get: async <T,>(path: string) => {
        if (path === '/api/homework/works/w2') return work as T;
        if (path === '/api/homework/works/w2/hand-ins/lea' && handedIn) return handedIn as T;
        throw new ApiError(404, { status: 404 });
      },
      send: async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown) => {
        sent.push({ method, path, body });
        if (path.endsWith('/uploads')) return { fileId: 'f1', method: 'PUT', url: 'http://s3.test/k', headers: { 'Content-Type': 'application/pdf' }, expiresAt: '' } as T;
        handedIn = { workId: 'w2', pupilId: 'lea', handedInAt: '2026-12-07T17:00:00Z', late: false, files: [{ id: 'f1', fileName: 'copie.pdf', contentType: 'application/pdf', size: 9 }], feedbackFile: null, feedbackComment: null, feedbackAt: null };
        return handedIn as T;
      },
    };
    const puts: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      puts.push(url);
      return new Response(null, { status: 200 });
    });
    return { api, sent, files, puts };
  }

  it('shows the instructions, downloads an attachment through its pre-signed link, and hands in a file', async () => {
    const { api, sent, files, puts } = withWork(null);
    render(<WorkDetail api={api} me={lea} workId="w2" />);
    expect(await screen.findByText('Rédiger la démonstration.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger « sujet.pdf »' }));
    await waitFor(() => expect(files).toEqual(['/api/homework/works/w2/attachments/a1']));
    expect(await screen.findByText('Rien n’a encore été rendu.')).toBeTruthy();
    const input = screen.getByLabelText(/^Fichiers à rendre/);
    fireEvent.change(input, { target: { files: [new File(['x'], 'notes.txt', { type: 'text/plain' })] } });
    fireEvent.click(screen.getByRole('button', { name: 'Rendre le travail' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^« notes\.txt » : Ce type de fichier n’est pas accepté/);
    expect(sent).toEqual([]);
    fireEvent.change(input, { target: { files: [new File(['%PDF-1.4 x'], 'copie.pdf', { type: 'application/pdf' })] } });
    fireEvent.click(screen.getByRole('button', { name: 'Rendre le travail' }));
    expect(await screen.findByText('Travail rendu.')).toBeTruthy();
    expect(puts).toEqual(['http://s3.test/k']);
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual(['POST /api/homework/works/w2/hand-ins/lea/uploads', 'PUT /api/homework/works/w2/hand-ins/lea']);
    expect(sent[1].body).toEqual({ fileIds: ['f1'] });
    expect(screen.getByRole('button', { name: 'Remplacer le travail rendu' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Télécharger « copie.pdf »' })).toBeTruthy();
  });

  it('shows a guardian the feedback, and no hand-in form', async () => {
    const { api } = withWork({
      workId: 'w2', pupilId: 'lea', handedInAt: '2026-12-07T17:00:00Z', late: true, files: [], feedbackFile: { id: 'fb', fileName: 'corrige.pdf', contentType: 'application/pdf', size: 2048 },
      feedbackComment: 'Bon travail, attention aux unités.', feedbackAt: '2026-12-09T17:00:00Z',
    });
    render(<WorkDetail api={api} me={sophie} workId="w2" childId="lea" />);
    expect(await screen.findByText('Bon travail, attention aux unités.')).toBeTruthy();
    expect(screen.getByText(/en retard/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Télécharger « corrige.pdf »' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Rendre|Remplacer/ })).toBeNull();
  });
});
