import { addDays, sameWeek } from './dates';
import { Me } from './types';

/**
 * The calls a guardian's home makes, decided before making them, so that their number is known
 * (and tested): /me, then per child its week (two when tomorrow is in the next week, i.e. on a
 * Sunday) and its attendance record of the month, then the latest notifications with the unread count; plus the live stream.
 */
export interface ChildPlan {
  childId: string;
  firstName: string;
  weekPaths: string[];
  recordPath: string;
}

export function guardianHomePlan(me: Me, today: string): { children: ChildPlan[]; inboxPath: string; streamPath: string } {
  const tomorrow = addDays(today, 1);
  const month = today.substring(0, 7);
  const children = [...me.children]
    .sort((a, b) => a.person.firstName.localeCompare(b.person.firstName, 'fr'))
    .map(({ person }) => {
      const weekPaths = [`/api/timetable/pupils/${person.id}/week?date=${today}`];
      if (!sameWeek(today, tomorrow)) weekPaths.push(`/api/timetable/pupils/${person.id}/week?date=${tomorrow}`);
      return {
        childId: person.id,
        firstName: person.firstName,
        weekPaths,
        recordPath: `/api/attendance/pupils/${person.id}/record?month=${month}`,
      };
    });
  // the inbox's first page carries the unread count too: one call for both
  return { children, inboxPath: '/api/notification/inbox?size=5', streamPath: '/api/notification/stream' };
}

/** How many API calls drawing the home takes: /me + the plan's reads + the inbox + the stream. */
export function homeCallCount(plan: ReturnType<typeof guardianHomePlan>): number {
  return 1 + plan.children.reduce((n, c) => n + c.weekPaths.length + 1, 0) + 1 + 1;
}
