import { addDays } from './dates';
import { Me } from './types';

/**
 * The calls a guardian's home makes, decided before making them, so that their number is known
 * (and tested): /me, then per child one week (the one holding today and tomorrow: on a Sunday,
 * next week's, since no school has lessons on a Sunday) and its attendance record of the month,
 * then the latest notifications with the unread count; plus the live stream, which stays open.
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
      // a week runs Monday to Sunday: today and tomorrow are in one week except on a Sunday, and
      // Sundays never have lessons (timetable-service), so tomorrow's week is all that day needs
      const weekPaths = [`/api/timetable/pupils/${person.id}/week?date=${isSunday(today) ? tomorrow : today}`];
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

function isSunday(isoDate: string): boolean {
  return new Date(`${isoDate}T12:00:00Z`).getUTCDay() === 0;
}

/** How many API calls drawing the home takes: /me + the plan's reads + the inbox (the live stream, opened after, is not counted). */
export function homeCallCount(plan: ReturnType<typeof guardianHomePlan>): number {
  return 1 + plan.children.reduce((n, c) => n + c.weekPaths.length + 1, 0) + 1;
}
