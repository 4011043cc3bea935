import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Api, ApiError } from '../lib/api';
import { MarksGrid } from './TeacherMarks';
import { testApiBase } from './testApi';

afterEach(cleanup);

const assessment = {
  id: 'a1', schoolId: 's', classGroupId: 'c4a', subject: 'MATHS', teacherId: 'claire', periodId: 'p1', title: 'Fractions',
  heldOn: '2026-11-16', coefficient: 2, scale: 20, optional: false, publishedAt: null as string | null,
};

/** An Api answering like grades-service and identity-service, recording what the grid sends. */
function recordingApi(onMarks: (body: unknown) => unknown) {
  const sent: { method: string; path: string; body: unknown }[] = [];
  const api: Api = {
    ...testApiBase(),
    get: async <T,>(path: string) => {
      if (path === '/api/grades/assessments/a1') return assessment as T;
      if (path === '/api/identity/classes/c4a/pupils?on=2026-11-16')
        return [
          { id: 'tom', role: 'PUPIL', firstName: 'Tom', lastName: 'Petit', schoolIds: ['s'] },
          { id: 'lea', role: 'PUPIL', firstName: 'Léa', lastName: 'Dubois', schoolIds: ['s'] },
          { id: 'ines', role: 'PUPIL', firstName: 'Inès', lastName: 'Benali', schoolIds: ['s'] },
        ] as T;
      if (path === '/api/grades/assessments/a1/marks') return [{ pupilId: 'lea', firstName: 'Léa', lastName: 'Dubois', value: 12.5, marker: null }] as T;
      if (path === '/api/grades/schools/s/settings') return { markStep: 0.5 } as T;
      throw new Error(`unexpected ${path}`);
    },
    send: async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown) => {
      sent.push({ method, path, body });
      const answer = onMarks(body);
      if (answer instanceof ApiError) throw answer;
      return answer as T;
    },
  };
  return { api, sent };
}

describe('the marks grid', () => {
  it('lists the class by name with the marks entered, and moves from the keyboard', async () => {
    const { api } = recordingApi(() => []);
    render(<MarksGrid api={api} assessmentId="a1" />);
    const ines = (await screen.findByLabelText('Benali Inès')) as HTMLInputElement;
    const lea = screen.getByLabelText('Dubois Léa') as HTMLInputElement;
    const tom = screen.getByLabelText('Petit Tom') as HTMLInputElement;
    expect(lea.value).toBe('12,5');
    ines.focus();
    fireEvent.keyDown(ines, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(lea);
    fireEvent.keyDown(lea, { key: 'Enter' });
    expect(document.activeElement).toBe(tom);
    fireEvent.keyDown(tom, { key: 'Enter' });
    expect(document.activeElement).toBe(tom);
    fireEvent.keyDown(tom, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(lea);
  });

  it('shows each wrong cell in French, sends nothing until it is right, then the marks and markers', async () => {
    const { api, sent } = recordingApi(() => []);
    render(<MarksGrid api={api} assessmentId="a1" />);
    const ines = (await screen.findByLabelText('Benali Inès')) as HTMLInputElement;
    const tom = screen.getByLabelText('Petit Tom') as HTMLInputElement;
    fireEvent.change(ines, { target: { value: '22' } });
    fireEvent.change(tom, { target: { value: '13,25' } });
    expect(ines.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('La note doit être entre 0 et 20.')).toBeTruthy();
    expect(screen.getByText('La note se saisit par pas de 0,5 point.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les notes' }));
    expect((await screen.findByRole('alert')).textContent).toBe('2 notes à corriger avant d’enregistrer.');
    expect(document.activeElement).toBe(ines);
    expect(sent).toEqual([]);

    fireEvent.change(ines, { target: { value: 'abs' } });
    fireEvent.change(tom, { target: { value: 'Disp' } });
    expect(ines.getAttribute('aria-invalid')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les notes' }));
    await screen.findByText('Notes enregistrées (3 élèves).');
    expect(sent[0]).toEqual({
      method: 'PUT',
      path: '/api/grades/assessments/a1/marks',
      body: { marks: [{ pupilId: 'ines', marker: 'ABSENT' }, { pupilId: 'lea', value: 12.5 }, { pupilId: 'tom', marker: 'EXEMPT' }] },
    });
  });

  it('shows the service’s refusal in French, naming the pupil’s line', async () => {
    const refusal = new ApiError(409, { type: 'https://ent.example/problems/period-locked', status: 409, detail: 'period locked' });
    const { api } = recordingApi(() => refusal);
    render(<MarksGrid api={api} assessmentId="a1" />);
    const tom = (await screen.findByLabelText('Petit Tom')) as HTMLInputElement;
    fireEvent.change(tom, { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publier' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Cette période est close : les notes ne peuvent plus changer.');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Publier' })).toBeTruthy());
  });
});
