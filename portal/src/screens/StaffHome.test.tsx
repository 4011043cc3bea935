import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Api } from '../lib/api';
import { addDays, schoolDate } from '../lib/dates';
import { Me } from '../lib/types';
import { StaffHome } from './StaffHome';
import { testApiBase } from './testApi';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const karim: Me = {
  profile: { id: 'karim', role: 'STAFF', firstName: 'Karim', lastName: 'Benali', schoolIds: ['jm', 'vh'] },
  children: [],
  teaching: [],
  enrolments: [],
};

const people: Record<string, { firstName: string; lastName: string }> = {
  lea: { firstName: 'Léa', lastName: 'Dubois' },
  claire: { firstName: 'Claire', lastName: 'Martin' },
};

/** Answers like the platform for two schools; Victor Hugo's day is empty. Records what is sent. */
function platform() {
  const gets: string[] = [];
  const sent: { method: string; path: string; body: unknown }[] = [];
  const today = schoolDate(new Date());
  const api: Api = {
    ...testApiBase(),
    get: async <T,>(path: string): Promise<T> => {
      gets.push(path);
      const p = path.split('?')[0];
      const jm = p.includes('/jm/');
      if (p === '/api/identity/schools') return { items: [{ id: 'jm', name: 'Collège Jean Moulin' }, { id: 'vh', name: 'Collège Victor Hugo' }], page: 0, size: 200, total: 2 } as T;
      if (p.startsWith('/api/identity/people/')) {
        const who = people[p.substring('/api/identity/people/'.length)];
        if (!who) throw new Error('unknown');
        return { id: 'x', role: 'PUPIL', schoolIds: [], ...who } as T;
      }
      if (p.endsWith('/classes')) return [{ id: 'c4a', kind: 'CLASS', code: '4A', name: '4A' }] as T;
      if (p.endsWith('/day'))
        return {
          schoolId: 'jm', date: today,
          counts: { absences: jm ? 1 : 0, pupilsAbsent: jm ? 1 : 0, latenesses: 0, earlyDepartures: 0, unjustified: jm ? 1 : 0, registersOpened: 1, registersTaken: 1, registersNotTaken: 0, pendingJustifications: jm ? 1 : 0, alertsThisMonth: 0 },
          entries: jm ? [{ id: 'e1', pupilId: 'lea', kind: 'ABSENCE', startsAt: `${today}T08:00:00+01:00`, endsAt: `${today}T08:55:00+01:00`, status: 'UNJUSTIFIED', justification: 'PENDING' }] : [],
        } as T;
      if (p.endsWith('/forgotten-registers'))
        return (jm
          ? [{ occurrenceId: 'o1', lessonId: 'l', schoolId: 'jm', date: today, startsAt: '10:00:00', endsAt: '10:55:00', subject: 'mathématiques', classIds: ['c4a'], groupIds: [], teacherIds: ['claire'], missingGroupIds: ['c4a'], registers: [] }]
          : []) as T;
      if (p.endsWith('/justifications'))
        return (jm ? [{ id: 'j1', entryId: 'e1', pupilId: 'lea', schoolId: 'jm', submittedAt: `${today}T07:00:00Z`, reasonId: 'r1', comment: 'Fièvre', attachmentType: null, attachmentName: null, status: 'PENDING' }] : []) as T;
      if (p.endsWith('/changes'))
        return {
          schoolId: 'jm', from: today, to: today, teacherNames: { claire: 'Claire Martin' }, roomNames: {}, classNames: { c4a: '4A' },
          occurrences: jm
            ? [{ id: 'l2_x', lessonId: 'l2', schoolId: 'jm', subject: 'Physique', date: today, slot: 'M2', startsAt: '09:00:00', endsAt: '09:55:00', roomId: null, teacherIds: ['claire'], classIds: ['c4a'], groupIds: [], state: 'CANCELLED', changes: ['CANCELLED'], planned: null, remoteLink: null }]
            : [],
        } as T;
      if (p.endsWith('/reasons')) return [{ id: 'r1', code: 'MAL', label: 'Maladie', justifying: true }] as T;
      if (p.endsWith('/absences'))
        return (jm ? [{ id: 'a1', schoolId: 'jm', teacherId: 'claire', from: '2030-01-07T00:00', to: '2030-01-08T00:00', status: 'DECLARED', declaredAt: '2029-12-01T10:00:00Z', confirmedAt: null }] : []) as T;
      throw new Error(`unexpected GET ${path}`);
    },
    send: async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown): Promise<T> => {
      sent.push({ method, path, body });
      if (path.endsWith('/confirm'))
        return { absence: { id: 'a1', schoolId: 'jm', teacherId: 'claire', from: '2030-01-07T00:00', to: '2030-01-08T00:00', status: 'CONFIRMED' }, occurrences: [{}, {}] } as T;
      return {} as T;
    },
  };
  return { api, gets, sent };
}

describe('the vie scolaire screen', () => {
  it("shows the school's day with names, never ids, and decides a justification", async () => {
    const { api, sent, gets } = platform();
    const today = schoolDate(new Date());
    render(<StaffHome api={api} me={karim} />);
    await screen.findByRole('heading', { level: 1, name: 'Vie scolaire — Collège Jean Moulin' });
    const day = await screen.findByRole('region', { name: /La journée/ });
    await within(day).findByText('Léa Dubois');
    expect(within(day).getByText(/Absence, 8h–8h55 : non justifiée, justificatif à traiter/)).toBeTruthy();
    const forgotten = screen.getByRole('region', { name: 'Appels non faits' });
    await within(forgotten).findByText('10h–10h55 · Mathématiques · 4A · Claire Martin');

    const changes = screen.getByRole('region', { name: 'Changements d’emploi du temps' });
    await within(changes).findByText('Annulé');
    expect(within(changes).getByText(/4A/)).toBeTruthy();
    fireEvent.click(within(changes).getByLabelText('7 jours à partir de ce jour'));
    await waitFor(() => expect(gets).toContain(`/api/timetable/schools/jm/changes?from=${today}&to=${addDays(today, 6)}`));

    fireEvent.click(await screen.findByRole('button', { name: 'Accepter le justificatif de Léa Dubois' }));
    await screen.findByText('Justificatif de Léa Dubois accepté : l’absence est justifiée.');
    expect(sent).toContainEqual({ method: 'POST', path: '/api/attendance/justifications/j1/accept', body: undefined });
    expect(screen.getByText('Aucun justificatif en attente.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /Confirmer l’absence de Claire Martin/ }));
    await screen.findByText('Absence de Claire Martin confirmée : 2 cours annulés, les familles sont prévenues.');
    expect(sent).toContainEqual({ method: 'POST', path: '/api/timetable/absences/a1/confirm', body: {} });
    expect(document.body.textContent).not.toMatch(/lea|claire|j1|a1\b/);
  });

  it('lets a member of staff of two schools pick the school, and remembers it', async () => {
    const { api, gets } = platform();
    render(<StaffHome api={api} me={karim} />);
    const select = await screen.findByLabelText('Établissement');
    await screen.findByRole('option', { name: 'Collège Victor Hugo' });
    fireEvent.change(select, { target: { value: 'vh' } });
    await screen.findByRole('heading', { level: 1, name: 'Vie scolaire — Collège Victor Hugo' });
    await waitFor(() => expect(screen.getByText('Aucun justificatif en attente.')).toBeTruthy());
    expect(gets).toContain('/api/attendance/schools/vh/justifications?status=PENDING');
    expect(gets.some((g) => g.startsWith('/api/attendance/schools/vh/day?date='))).toBe(true);
    expect(localStorage.getItem('ent.staff.school')).toBe('vh');
  });
});
