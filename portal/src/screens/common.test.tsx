import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { Occurrence, Week } from '../lib/types';
import { DayLessons } from './common';

afterEach(cleanup);

function occ(id: string, over: Partial<Occurrence>): Occurrence {
  return {
    id, lessonId: id, schoolId: 's', subject: 'mathématiques', date: '2026-12-09', slot: 'M3', endSlot: null,
    startsAt: '10:05:00', endsAt: '11:00:00', roomId: 'r', teacherIds: ['t'], classIds: ['c'], groupIds: [],
    state: 'PLANNED', changes: [], planned: null, remoteLink: null, ...over,
  };
}

describe('a day of lessons', () => {
  it('shows a double lesson once, from its first slot’s start to its last slot’s end', () => {
    const week: Week = {
      week: '2026-W50', from: '2026-12-07', to: '2026-12-13',
      occurrences: [
        occ('maths', {}),
        occ('eps', { subject: 'EPS', slot: 'M1', endSlot: 'M2', startsAt: '08:00:00', endsAt: '09:55:00', roomId: null }),
      ],
      teacherNames: { t: 'Claire Martin' }, roomNames: { r: 'B12' }, classNames: { c: '4A' },
    };
    render(<DayLessons weeks={[week]} date="2026-12-09" title="Mercredi" />);
    const lessons = screen.getAllByRole('listitem');
    expect(lessons).toHaveLength(2);
    expect(lessons[0].textContent).toContain('8h–9h55');
    expect(lessons[0].textContent).toContain('EPS');
    expect(lessons[1].textContent).toContain('10h05–11h');
  });
});
