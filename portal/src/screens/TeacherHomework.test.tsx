import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Api, ApiError } from '../lib/api';
import { HandInStatus, WorkView } from '../lib/homework';
import { Assignment } from '../lib/types';
import { HandIns, SetWork } from './TeacherHomework';
import { testApiBase } from './testApi';

afterEach(cleanup);

const maths4A: Assignment = { id: 'ta', schoolId: 'jm', classGroupId: 'c4a', classGroupName: '4A', subject: 'MATHS' };
const settings = { maxWorksPerDay: 3, maxMinutesPerDay: 60, maxTestsPerDay: 1, schoolDayStartsAt: '07:30:00', schoolDayEndsAt: '18:30:00' };
// a Monday at 10:00 in Paris: inside the school day; a Saturday: outside
const monday10 = () => new Date('2026-12-07T09:00:00Z');
const saturday = () => new Date('2026-12-05T10:00:00Z');

/** homework-service for the teacher: the settings, the class's load on a day, and the work set. */
function platform(load: { count: number; minutes: number; tests: number }, onSet: () => unknown = () => undefined) {
  const sent: { method: string; path: string; body: unknown }[] = [];
  const gets: string[] = [];
  const api: Api = {
    ...testApiBase(),
    get: async <T,>(path: string) => {
      gets.push(path);
      if (path === '/api/homework/schools/jm/workload-settings') return settings as T;
      const day = /\/classes\/c4a\/workload\?day=(.+)$/.exec(path);
      if (day) return { day: day[1], ...load, warnings: [], message: null } as T;
      throw new ApiError(404, { status: 404 });
    },
    send: async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown) => {
      sent.push({ method, path, body });
      const refused = onSet();
      if (refused instanceof ApiError) throw refused;
      const b = body as { dueOn: string };
      return { work: { dueOn: b.dueOn }, workload: { message: 'Charge de travail élevée pour la classe : 4 travaux pour ce jour (au-delà de 3).' } } as T;
    },
  };
  return { api, sent, gets };
}

function fill(title: string, minutes: string, day: string, kind = 'EXERCISE') {
  fireEvent.change(screen.getByLabelText('Type'), { target: { value: kind } });
  fireEvent.change(screen.getByLabelText('Titre'), { target: { value: title } });
  fireEvent.change(screen.getByLabelText('Temps estimé (minutes)'), { target: { value: minutes } });
  fireEvent.change(screen.getByLabelText('Pour le'), { target: { value: day } });
}

describe('setting work', () => {
  it('shows the day’s load and the warning above the school’s thresholds before anything is sent, then sends on confirmation', async () => {
    const { api, sent, gets } = platform({ count: 3, minutes: 50, tests: 1 });
    render(<SetWork api={api} assignment={maths4A} entries={[]} onSet={() => undefined} now={monday10} />);
    fill('Réviser le chapitre 4', '30', '2026-12-10', 'TEST_REVISION');
    expect(await screen.findByText(/Déjà prévu pour la classe ce jour-là : 3 travaux, 50 min, 1 contrôle à réviser/)).toBeTruthy();
    expect(screen.getByText('Avec ce travail : 4 travaux, 80 min, 2 contrôles.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe(
      'Charge de travail élevée pour la classe : 4 travaux pour ce jour (au-delà de 3), 80 minutes de travail estimées (au-delà de 60), 2 contrôles à réviser (au-delà de 1).',
    );
    expect(gets).toContain('/api/homework/classes/c4a/workload?day=2026-12-10');
    expect(screen.queryByText(/hors du temps scolaire/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Donner ce travail' }));
    expect(await screen.findByText('Vérifiez l’avertissement ci-dessus, puis confirmez.')).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer malgré l’avertissement' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      method: 'POST',
      path: '/api/homework/works',
      body: { classGroupId: 'c4a', subject: 'MATHS', dueOn: '2026-12-10', dueTime: '08:00', kind: 'TEST_REVISION', title: 'Réviser le chapitre 4', estimatedMinutes: 30, attachmentIds: [] },
    });
    expect(await screen.findByText(/^Travail donné pour le jeudi 10 décembre\. Charge de travail élevée/)).toBeTruthy();
  });

  it('asks a second confirmation for work set at the weekend, even below the thresholds', async () => {
    const { api, sent } = platform({ count: 0, minutes: 0, tests: 0 });
    render(<SetWork api={api} assignment={maths4A} entries={[]} onSet={() => undefined} now={saturday} />);
    fill('Exercice 12', '20', '2026-12-08');
    expect(await screen.findByText('Avec ce travail : 1 travail, 20 min, 0 contrôle.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(/hors du temps scolaire \(07:30–18:30/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Donner ce travail' }));
    expect(sent).toEqual([]);
    fireEvent.click(await screen.findByRole('button', { name: 'Confirmer malgré l’avertissement' }));
    await waitFor(() => expect(sent).toHaveLength(1));
  });

  it('sends at once below the thresholds in school hours; a refusal is said in French with its field, a missing title refused before sending', async () => {
    const { api, sent } = platform({ count: 0, minutes: 0, tests: 0 }, () => new ApiError(400, { status: 400, errors: [{ field: 'setWork.in.dueOn', message: 'must not be null' }] }));
    render(<SetWork api={api} assignment={maths4A} entries={[]} onSet={() => undefined} now={monday10} />);
    fill('', '20', '2026-12-08');
    fireEvent.click(screen.getByRole('button', { name: 'Donner ce travail' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Le champ « titre » est obligatoire.');
    fireEvent.change(screen.getByLabelText('Titre'), { target: { value: 'Exercice 12' } });
    await screen.findByText('Avec ce travail : 1 travail, 20 min, 0 contrôle.');
    fireEvent.click(screen.getByRole('button', { name: 'Donner ce travail' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Le champ « pour le » est obligatoire.');
    expect(sent).toHaveLength(1);
  });
});

describe('the hand-ins of a work', () => {
  it('lists who handed in, who is late, who has not, and downloads them all as one ZIP', async () => {
    const status: HandInStatus = {
      workId: 'w', dueAt: '2026-12-08T07:00:00Z', closedAt: null, handedIn: 1, late: 1, missing: 1,
      pupils: [
        { pupilId: 'lea', lastName: 'Dubois', firstName: 'Léa', state: 'HANDED_IN', handedInAt: '2026-12-07T17:00:00Z', files: 1, feedback: false },
        { pupilId: 'tom', lastName: 'Petit', firstName: 'Tom', state: 'LATE', handedInAt: '2026-12-08T09:00:00Z', files: 2, feedback: false },
        { pupilId: 'zoe', lastName: 'Roux', firstName: 'Zoé', state: 'MISSING', handedInAt: null, files: 0, feedback: false },
      ],
    };
    const files: string[] = [];
    const sent: string[] = [];
    const api: Api = {
      ...testApiBase(),
      file: async (path: string) => {
        files.push(path);
        return { blob: new Blob(['PK']), fileName: 'devoir.zip' };
      },
      get: async <T,>(path: string) => (path.endsWith('/hand-ins') ? status : ({ id: 'w', title: 'Devoir maison' } as Partial<WorkView>)) as T,
      send: async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string) => {
        sent.push(`${method} ${path}`);
        return { ...status, closedAt: '2026-12-08T10:00:00Z' } as T;
      },
    };
    URL.createObjectURL = () => 'blob:zip';
    render(<HandIns api={api} workId="w" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Travaux rendus – Devoir maison' })).toBeTruthy();
    expect(screen.getByText(/1 rendu à l’heure, 1 en retard, 1 non rendu\./)).toBeTruthy();
    expect(screen.getByRole('row', { name: /Roux Zoé Non rendu/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ouvrir le travail de Tom Petit' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ouvrir le travail de Zoé Roux' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger tous les travaux (ZIP)' }));
    await waitFor(() => expect(files).toEqual(['/api/homework/works/w/hand-ins.zip']));
    fireEvent.click(screen.getByRole('button', { name: 'Clore la remise' }));
    await waitFor(() => expect(sent).toEqual(['POST /api/homework/works/w/close-hand-ins']));
  });
});
