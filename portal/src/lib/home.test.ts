import { describe, expect, it } from 'vitest';
import { guardianHomePlan, homeCallCount } from './home';
import { Me } from './types';

function guardianOf(...children: { id: string; firstName: string; schoolId: string }[]): Me {
  return {
    profile: { id: 'g', role: 'PARENT', firstName: 'Nadia', lastName: 'Haddad', schoolIds: [] },
    children: children.map((c) => ({
      person: { id: c.id, role: 'PUPIL', firstName: c.firstName, lastName: 'Haddad', schoolIds: [c.schoolId] },
      currentEnrolments: [{ id: `e-${c.id}`, pupilId: c.id, schoolId: c.schoolId, classId: `class-${c.id}`, groupIds: [] }],
    })),
    teaching: [],
    enrolments: [],
  };
}

describe("a guardian's home", () => {
  const nadia = guardianOf({ id: 'p2', firstName: 'Yanis', schoolId: 's2' }, { id: 'p1', firstName: 'Inès', schoolId: 's1' });

  it('has one block per child, whatever their school, in alphabetical order', () => {
    const plan = guardianHomePlan(nadia, '2026-12-09');
    expect(plan.children.map((c) => c.firstName)).toEqual(['Inès', 'Yanis']);
    expect(plan.children[0].weekPaths).toEqual(['/api/timetable/pupils/p1/week?date=2026-12-09']);
    expect(plan.homePath).toBe('/api/notification/home');
  });

  it('reads work due, marks, absences and messages of every child in one call: 5 calls for two children, 6 for three', () => {
    expect(homeCallCount(guardianHomePlan(nadia, '2026-12-09'))).toBe(5);
    expect(homeCallCount(guardianHomePlan(guardianOf({ id: 'p1', firstName: 'Léa', schoolId: 's1' }), '2026-12-09'))).toBe(4);
    const three = guardianOf({ id: 'p1', firstName: 'Léa', schoolId: 's1' }, { id: 'p2', firstName: 'Hugo', schoolId: 's1' },
      { id: 'p3', firstName: 'Tom', schoolId: 's2' });
    expect(homeCallCount(guardianHomePlan(three, '2026-12-09'))).toBeLessThanOrEqual(6);
  });

  it('reads only next week on a Sunday (no lessons on Sundays; tomorrow is Monday): still 5 calls', () => {
    const plan = guardianHomePlan(nadia, '2026-12-13');
    expect(plan.children[1].weekPaths).toEqual(['/api/timetable/pupils/p2/week?date=2026-12-14']);
    expect(homeCallCount(plan)).toBe(5);
  });

  it('reads this week on a Saturday (tomorrow, Sunday, is in it)', () => {
    const plan = guardianHomePlan(nadia, '2026-12-12');
    expect(plan.children[0].weekPaths).toEqual(['/api/timetable/pupils/p1/week?date=2026-12-12']);
  });
});
