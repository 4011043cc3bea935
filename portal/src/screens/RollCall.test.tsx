import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Api, ApiError } from '../lib/api';
import { LessonRollCall, Me, Register } from '../lib/types';
import { RollCall } from './RollCall';
import { testApiBase } from './testApi';

afterEach(cleanup);

const me: Me = {
  profile: { id: 'claire', role: 'TEACHER', firstName: 'Claire', lastName: 'Martin', schoolIds: ['s'] },
  children: [],
  teaching: [{ id: 'ta', schoolId: 's', classGroupId: 'c4a', classGroupName: '4A', subject: 'MATHS' }],
  enrolments: [],
};

const lesson: LessonRollCall = {
  occurrenceId: 'lesson1_2026-12-09', lessonId: 'lesson1', schoolId: 's', date: '2026-12-09', startsAt: '08:00:00', endsAt: '09:00:00',
  subject: 'mathématiques', classIds: ['c4a'], groupIds: [], cancelled: false, substitute: false, moved: false,
  needsRegister: true, registerTaken: false, registers: [],
};

const opened: Register = {
  id: 'reg1', groupId: 'c4a', subject: 'mathématiques', date: '2026-12-09', startsAt: '08:00:00', endsAt: '09:00:00', status: 'OPEN',
  pupils: [
    { pupilId: 'lea', firstName: 'Léa', lastName: 'Dubois' },
    { pupilId: 'tom', firstName: 'Tom', lastName: 'Petit' },
  ],
};

/** An Api that records what the screen sends and answers like attendance-service. */
function recordingApi(onMarks: (body: unknown) => Register | ApiError) {
  const sent: { method: string; path: string; body: unknown; headers?: Record<string, string> }[] = [];
  const api: Api = {
    ...testApiBase(),
    get: async <T,>(path: string) => {
      expect(path).toBe('/api/attendance/teachers/claire/lessons?date=2026-12-09');
      return [lesson] as T;
    },
    send: async <T,>(method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown, headers?: Record<string, string>) => {
      sent.push({ method, path, body, headers });
      if (method === 'POST') return opened as T;
      const answer = onMarks(body);
      if (answer instanceof ApiError) throw answer;
      return answer as T;
    },
  };
  return { api, sent };
}

describe('the roll call of a lesson', () => {
  it('sends everyone present but the pupil marked absent, in a few taps', async () => {
    const { api, sent } = recordingApi(() => ({ ...opened, status: 'SUBMITTED' }));
    render(<RollCall api={api} me={me} occurrenceId="lesson1_2026-12-09" groupId="c4a" />);
    const lea = await screen.findByRole('group', { name: 'DUBOIS Léa' });
    expect(screen.getByText('2 présents, 0 absent, 0 retard')).toBeTruthy();
    fireEvent.click(lea.querySelector('input[value="ABSENT"]')!);
    fireEvent.click(screen.getByRole('button', { name: 'Valider l’appel' }));
    await screen.findByText('Appel enregistré : 1 présent, 1 absent, 0 retard.');
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/api/attendance/registers', body: { groupId: 'c4a', occurrenceId: 'lesson1_2026-12-09', schoolId: 's' } });
    expect(sent[1].method).toBe('PUT');
    expect(sent[1].path).toBe('/api/attendance/registers/reg1/marks');
    expect(sent[1].body).toEqual({ marks: [{ pupilId: 'lea', status: 'ABSENT' }, { pupilId: 'tom', status: 'PRESENT' }] });
    expect(sent[1].headers?.['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('asks the minutes of a late pupil and shows a refusal in French, naming the field', async () => {
    const refusal = new ApiError(400, { status: 400, detail: 'marks[1].lateMinutes: must be less than or equal to 600', errors: [{ field: 'marks[1].lateMinutes', message: 'must be less than or equal to 600' }] });
    const { api } = recordingApi(() => refusal);
    render(<RollCall api={api} me={me} occurrenceId="lesson1_2026-12-09" groupId="c4a" />);
    const tom = await screen.findByRole('group', { name: 'PETIT Tom' });
    fireEvent.click(tom.querySelector('input[value="LATE"]')!);
    const minutes = screen.getByLabelText('Minutes de retard') as HTMLInputElement;
    expect(minutes.value).toBe('5');
    fireEvent.change(minutes, { target: { value: '700' } });
    fireEvent.submit(minutes.form!);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Le champ « minutes de retard (ligne 2) » doit valoir au plus 600.');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Valider l’appel' })).toBeTruthy());
  });

  it('refuses a lesson that is not the teacher’s, without showing its id', async () => {
    const { api } = recordingApi(() => opened);
    render(<RollCall api={api} me={me} occurrenceId="other_2026-12-09" groupId="c4a" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Ce cours n’est pas dans votre emploi du temps.');
  });
});
