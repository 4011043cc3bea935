import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { Api } from '../lib/api';
import { schoolDate } from '../lib/dates';
import { guardianHomePlan, homeCallCount } from '../lib/home';
import { StreamOptions } from '../lib/sse';
import { HomeView, Me, Notification, Week } from '../lib/types';
import { GuardianHome } from './GuardianHome';
import { testApiBase } from './testApi';

afterEach(cleanup);

const nadia: Me = {
  profile: { id: 'nadia', role: 'PARENT', firstName: 'Nadia', lastName: 'Haddad', schoolIds: [] },
  children: [
    { person: { id: 'yanis', role: 'PUPIL', firstName: 'Yanis', lastName: 'Haddad', schoolIds: ['jm'] }, currentEnrolments: [{ id: 'e1', pupilId: 'yanis', schoolId: 'jm', classId: 'c4a', groupIds: [] }] },
    { person: { id: 'ines', role: 'PUPIL', firstName: 'Inès', lastName: 'Haddad', schoolIds: ['vh'] }, currentEnrolments: [{ id: 'e2', pupilId: 'ines', schoolId: 'vh', classId: 'c6b', groupIds: [] }] },
  ],
  teaching: [],
  enrolments: [],
};

function weekOf(pupil: string, date: string): Week {
  return {
    week: 'W', from: date, to: date, teacherNames: { t: 'Claire Martin' }, roomNames: { r: 'B12' },
    classNames: pupil === 'yanis' ? { c4a: '4E A' } : { c6b: '6E B' },
    occurrences: [{
      id: `${pupil}_${date}`, lessonId: pupil, schoolId: 's', subject: pupil === 'yanis' ? 'mathématiques' : 'latin', date, slot: 'M1',
      startsAt: '08:00:00', endsAt: '08:55:00', roomId: 'r', teacherIds: ['t'], classIds: [], groupIds: [],
      state: pupil === 'yanis' ? 'CANCELLED' : 'PLANNED', changes: pupil === 'yanis' ? ['CANCELLED'] : [], planned: null, remoteLink: null,
    }],
  };
}

/** Answers like the platform would for Nadia, and records each path asked. */
function recordingApi() {
  const paths: string[] = [];
  const api: Api = {
    ...testApiBase(),
    get: async <T,>(path: string) => {
      paths.push(path);
      const week = /pupils\/(\w+)\/week\?date=(.+)$/.exec(path);
      if (week) return weekOf(week[1], week[2]) as T;
      if (path === '/api/notification/home') {
        const view: HomeView = {
          unreadNotifications: 0, unreadMessages: 2, broadcastsToAcknowledge: 1,
          children: [
            { id: 'ines', firstName: 'Inès', schoolId: 'vh', absencesToJustify: [],
              workDue: [{ workId: 'w1', subject: 'anglais', kind: 'READING', dueOn: '2026-12-08', done: false, text: 'Une lecture d’anglais pour demain.', link: '/travail/w1' }],
              latestMarks: [{ assessmentId: 'a1', subject: 'mathématiques', heldOn: '2026-12-03', changed: false, at: '2026-12-04T10:00:00Z', text: 'Nouvelle note en mathématiques (devoir du 3 décembre)', link: '/notes/ines' }] },
            { id: 'yanis', firstName: 'Yanis', schoolId: 'jm', workDue: [], latestMarks: [],
              absencesToJustify: [
                { id: 'a', kind: 'ABSENCE', startsAt: '2026-12-04T07:00:00Z', endsAt: '2026-12-04T08:00:00Z', date: null, lateMinutes: null },
                { id: 'l', kind: 'LATENESS', startsAt: null, endsAt: null, date: '2026-12-03', lateMinutes: 10 },
              ] },
          ],
        };
        return view as T;
      }
      if (path.startsWith('/api/notification/inbox')) return { items: [], unread: 0, page: 0, size: 5, total: 0 } as T;
      throw new Error(`unexpected ${path}`);
    },
    send: async () => undefined as never,
  };
  return { api, paths };
}

describe("a guardian's home", () => {
  it('draws one block per child from the planned calls, and a notification arrives live', async () => {
    const { api, paths } = recordingApi();
    let live: StreamOptions | undefined;
    const stream = (o: StreamOptions) => {
      live = o;
      o.onState?.(true);
      return () => undefined;
    };
    let unread = -1;
    render(<GuardianHome api={api} me={nadia} token={async () => 't'} onUnread={(n) => (unread = n)} stream={stream} />);

    await screen.findByText('en direct', { exact: false });
    await waitFor(() => expect(screen.queryAllByRole('status')).toHaveLength(0)); // nothing left loading
    const blocks = screen.getAllByRole('article').map((a) => a.querySelector('h2')!.textContent);
    expect(blocks).toEqual(['Inès · 6E B', 'Yanis · 4E A']);
    expect(screen.getAllByText('Annulé').length).toBeGreaterThan(0);
    expect(screen.getByText(/^Absence, vendredi 4 décembre, 8h/)).toBeTruthy();
    expect(screen.getByText(/^Retard de 10 min, jeudi 3 décembre/)).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Justifier' })).toHaveLength(2);
    expect(screen.getByText('Une lecture d’anglais pour demain.')).toBeTruthy();
    const mark = screen.getByRole('link', { name: 'Nouvelle note en mathématiques (devoir du 3 décembre)' });
    expect(mark.getAttribute('href')).toBe('/notes/ines');
    expect(screen.getByText('Rien à faire pour les prochains jours.')).toBeTruthy(); // Yanis
    expect(screen.getByText(/2 messages non lus\. 1 information de l’établissement à confirmer\./)).toBeTruthy();

    const plan = guardianHomePlan(nadia, schoolDate(new Date()));
    // every call the home makes is in its plan, once; /me was made by the page around it
    expect(paths.length + 1 /* /me */).toBe(homeCallCount(plan));
    expect(new Set(paths).size).toBe(paths.length);
    expect(live?.url).toBe('/api/notification/stream');
    expect(unread).toBe(0);

    const notice: Notification = { id: 'n1', seq: 9, type: 'absence', child: { id: 'yanis', firstName: 'Yanis' },
      title: 'Absence de Yanis', body: 'Absence de Yanis enregistrée.', occurredAt: '2026-12-07T07:00:00Z', createdAt: '2026-12-07T07:00:01Z', read: false };
    act(() => live!.onEvent({ event: 'notification', data: JSON.stringify(notice), id: '9' }));
    await screen.findByText('Absence de Yanis enregistrée.');
    expect(screen.getByText('1 notification non lue.')).toBeTruthy();
    expect(unread).toBe(1);
    // the same notice again (a replay after a reconnection) is not counted twice
    act(() => live!.onEvent({ event: 'notification', data: JSON.stringify(notice), id: '9' }));
    expect(screen.getByText('1 notification non lue.')).toBeTruthy();
    // a recalled message's notice is taken back: gone from the list and from the count
    act(() => live!.onEvent({ event: 'notification-removed', data: JSON.stringify({ ids: ['n1'] }) }));
    await waitFor(() => expect(screen.queryByText('Absence de Yanis enregistrée.')).toBeNull());
    expect(unread).toBe(0);
  });
});
