import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Api, ApiError } from '../lib/api';
import { schoolDate } from '../lib/dates';
import { Me } from '../lib/types';
import { Marks } from './Marks';

afterEach(cleanup);

const sophie: Me = {
  profile: { id: 'sophie', role: 'PARENT', firstName: 'Sophie', lastName: 'Dubois', schoolIds: [] },
  children: [
    { person: { id: 'hugo', role: 'PUPIL', firstName: 'Hugo', lastName: 'Dubois', schoolIds: ['jm'] }, currentEnrolments: [{ id: 'e1', pupilId: 'hugo', schoolId: 'jm', classId: 'c6b', groupIds: [] }] },
    { person: { id: 'lea', role: 'PUPIL', firstName: 'Léa', lastName: 'Dubois', schoolIds: ['jm'] }, currentEnrolments: [{ id: 'e2', pupilId: 'lea', schoolId: 'jm', classId: 'c4a', groupIds: [] }] },
  ],
  teaching: [],
  enrolments: [],
};

const today = schoolDate(new Date());
const assessment = (id: string, title: string, heldOn: string, scale = 20) => ({
  id, schoolId: 'jm', classGroupId: 'c4a', subject: 'MATHS', teacherId: 'claire', periodId: 'p1', title, heldOn, coefficient: 1, scale, optional: false, publishedAt: `${heldOn}T18:00:00Z`,
});
const contribution = (id: string, title: string, value: number, counted = true) => ({
  assessmentId: id, title, date: today, value, marker: null, scale: 20, outOf20: value, coefficient: 1, optional: false, hypothetical: false, counted, rule: 'COUNTED',
});
const averages = (maths: number, hypothetical = false) => ({
  pupilId: 'lea', periodId: 'p1', hypothetical,
  subjects: [{ subject: 'MATHS', exact: maths, average: maths, coefficients: 2, contributions: [contribution('a1', 'Fractions', 12), contribution('a2', 'Équations', 15)] }],
  general: { exact: maths, average: maths, coefficients: 1, parts: [{ subject: 'MATHS', average: maths, coefficient: 1, counted: true }] },
});

/** An Api answering like grades-service for Léa (4A), recording what the page asks. */
function platform() {
  const gets: string[] = [];
  const sent: { method: string; path: string; body: unknown }[] = [];
  const api: Api = {
    calls: { count: 0 },
    file: async (path: string) => {
      gets.push(path);
      throw new ApiError(404, { status: 404 });
    },
    get: async <T,>(path: string): Promise<T> => {
      gets.push(path);
      if (path === '/api/grades/schools/jm/periods?classGroupId=c4a')
        return [{ id: 'p1', schoolId: 'jm', classGroupId: 'c4a', schoolYear: '2026-2027', name: '1er trimestre', startsOn: '2000-01-01', endsOn: '2999-12-31', locked: false }] as T;
      if (path === '/api/grades/pupils/lea/marks?periodId=p1')
        return [
          { assessment: assessment('a1', 'Fractions', '2026-10-01'), value: 12, marker: null, display: null, outOf20: 12 },
          { assessment: assessment('a2', 'Équations', '2026-11-10'), value: 15, marker: null, display: null, outOf20: 15 },
        ] as T;
      if (path === '/api/grades/pupils/lea/periods/p1/averages') return averages(13.5) as T;
      if (path.startsWith('/api/grades/assessments/'))
        return { assessmentId: 'x', marks: { count: 25, mean: path.includes('a2') ? 11.25 : 10, min: 2, max: 19, median: 11, scale: 20, distribution: [] }, markers: {} } as T;
      if (path === '/api/grades/schools/jm/settings') return { markStep: 0.25 } as T;
      throw new Error(`unexpected GET ${path}`);
    },
    send: async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown): Promise<T> => {
      sent.push({ method, path, body });
      return averages(14.75, true) as T;
    },
  };
  return { api, gets, sent };
}

describe('the marks page', () => {
  it("shows a child's latest marks with the class average and how each average was computed", async () => {
    const { api, gets } = platform();
    render(<Marks api={api} me={sophie} childId="lea" />);
    await screen.findByRole('heading', { level: 1, name: 'Notes de Léa' });
    const latest = await screen.findByRole('region', { name: 'Dernières notes' });
    await within(latest).findByText('11,25/20');
    const rows = within(latest).getAllByRole('row').map((r) => r.textContent);
    expect(rows[1]).toContain('Équations');
    expect(rows[1]).toContain('15/20');
    expect(rows[2]).toContain('Fractions');
    expect(screen.getByText('13,5/20', { selector: '.general strong' })).toBeTruthy();
    expect(screen.getByText('Comment est-elle calculée ?')).toBeTruthy();
    expect(screen.getAllByText('comptée').length).toBe(2);
    expect(gets.filter((g) => g.startsWith('/api/grades/pupils/hugo'))).toEqual([]);
    expect(document.body.textContent).not.toMatch(/\b(lea|a1|a2|p1)\b/);
  });

  it('simulates a coming mark through the service and shows the difference', async () => {
    const { api, sent } = platform();
    render(<Marks api={api} me={sophie} childId="lea" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Simuler une note' }));
    fireEvent.change(screen.getByLabelText('Note imaginée'), { target: { value: '25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Calculer' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Hypothèse 1 : La note doit être entre 0 et 20.');
    expect(sent).toEqual([]);
    fireEvent.change(screen.getByLabelText('Note imaginée'), { target: { value: '17,5' } });
    fireEvent.change(screen.getByLabelText('Coefficient'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Calculer' }));
    await screen.findByText('Moyennes imaginées');
    expect(sent).toEqual([
      { method: 'POST', path: '/api/grades/pupils/lea/periods/p1/what-if', body: { hypotheses: [{ subject: 'MATHS', coefficient: 2, scale: 20, value: 17.5 }] } },
    ]);
    expect(screen.getAllByText('(+1,25)').length).toBeGreaterThan(0);
  });

  it('says a report card not yet published in French', async () => {
    const { api, gets } = platform();
    render(<Marks api={api} me={sophie} childId="lea" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Télécharger le bulletin (PDF)' }));
    await screen.findByText('Le bulletin de cette période n’est pas encore publié.');
    await waitFor(() => expect(gets).toContain('/api/grades/pupils/lea/periods/p1/report-card'));
  });
});
