import { addDays } from './dates';
import { Me } from './types';

/**
 * The calls a guardian's home makes, decided before making them, so that their number is known
 * (and tested): /me, then the home's read model (notification-service answers every child's work
 * due, latest marks and absences to justify, and the unread messages, in one call), per child one
 * week (the one holding today and tomorrow: on a Sunday, next week's, since no school has lessons
 * on a Sunday), then the latest notifications with the unread count; plus the live stream, which
 * stays open.
 */
export interface ChildPlan {
  childId: string;
  firstName: string;
  weekPaths: string[];
}

export interface HomePlan {
  children: ChildPlan[];
  homePath: string;
  inboxPath: string;
  streamPath: string;
}

export function guardianHomePlan(me: Me, today: string): HomePlan {
  const tomorrow = addDays(today, 1);
  const children = [...me.children]
    .sort((a, b) => a.person.firstName.localeCompare(b.person.firstName, 'fr'))
    .map(({ person }) => {
      // a week runs Monday to Sunday: today and tomorrow are in one week except on a Sunday, and
      // Sundays never have lessons (timetable-service), so tomorrow's week is all that day needs
      const weekPaths = [`/api/timetable/pupils/${person.id}/week?date=${isSunday(today) ? tomorrow : today}`];
      return { childId: person.id, firstName: person.firstName, weekPaths };
    });
  // the inbox's first page carries the unread count too: one call for both
  return {
    children,
    homePath: '/api/notification/home',
    inboxPath: '/api/notification/inbox?size=5',
    streamPath: '/api/notification/stream',
  };
}

function isSunday(isoDate: string): boolean {
  return new Date(`${isoDate}T12:00:00Z`).getUTCDay() === 0;
}

/** How many API calls drawing the home takes: /me + the home + the weeks + the inbox (the live stream, opened after, is not counted). */
export function homeCallCount(plan: HomePlan): number {
  return 1 + 1 + plan.children.reduce((n, c) => n + c.weekPaths.length, 0) + 1;
}
