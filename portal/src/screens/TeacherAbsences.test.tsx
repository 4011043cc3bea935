import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Api, ApiError } from '../lib/api';
import { TeacherAbsence } from '../lib/types';
import { TeacherAbsences } from './TeacherAbsences';
import { testApiBase } from './testApi';

afterEach(cleanup);

// Monday 7 December 2026, 10:30 in Paris
const now = () => new Date('2026-12-07T09:30:00Z');

/** timetable-service as a teacher of two schools sees it: one absence per school. */
function timetable() {
  let absences: TeacherAbsence[] = [];
  const sent: { method: string; path: string; body: unknown }[] = [];
  const api: Api = {
    ...testApiBase(),
    get: async <T,>(path: string): Promise<T> => {
      expect(path).toBe('/api/timetable/absences/mine');
      return absences as T;
    },
    send: async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown): Promise<T> => {
      sent.push({ method, path, body });
      if (method === 'POST') {
        const { from, to } = body as { from: string; to: string };
        absences = ['jm', 'vh'].map((s) => ({ id: `${s}-1`, schoolId: s, teacherId: 't', from, to, status: 'DECLARED', declaredAt: '', confirmedAt: null }));
        return absences as T;
      }
      if (path.endsWith('/vh-1')) throw new ApiError(409, { type: 'https://ent.example/problems/absence-confirmed' });
      return undefined as T;
    },
  };
  return { api, sent };
}

describe("a teacher's absences", () => {
  it('declares tomorrow as a whole day without a reason, then withdraws it; a confirmed one is refused in French', async () => {
    const { api, sent } = timetable();
    render(<TeacherAbsences api={api} now={now} />);
    await screen.findByText('Aucune absence déclarée.');
    fireEvent.click(screen.getByRole('button', { name: 'Déclarer l’absence' }));
    await screen.findByText('Absence déclarée le mardi 8 décembre. La vie scolaire la confirmera.');
    expect(sent[0]).toEqual({ method: 'POST', path: '/api/timetable/absences', body: { from: '2026-12-08T00:00', to: '2026-12-09T00:00' } });

    // one line for the two schools
    const withdraw = await screen.findByRole('button', { name: 'Retirer l’absence le mardi 8 décembre' });
    fireEvent.click(withdraw);
    await screen.findByText('Cette absence a déjà été confirmée par la vie scolaire : elle ne peut plus être retirée.');
    expect(sent.slice(1).map((s) => `${s.method} ${s.path}`)).toEqual(['DELETE /api/timetable/absences/jm-1', 'DELETE /api/timetable/absences/vh-1']);
  });

  it('refuses an end before the start before calling the service', async () => {
    const { api, sent } = timetable();
    render(<TeacherAbsences api={api} now={now} />);
    await screen.findByText('Aucune absence déclarée.');
    fireEvent.click(screen.getByLabelText('Avec des heures'));
    fireEvent.change(screen.getAllByLabelText('à')[1], { target: { value: '07:00' } }); // the end time, before 8h
    fireEvent.click(screen.getByRole('button', { name: 'Déclarer l’absence' }));
    expect((await screen.findByRole('alert')).textContent).toBe('La fin de l’absence doit suivre son début.');
    expect(sent).toEqual([]);
  });
});
