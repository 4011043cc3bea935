import { describe, expect, it } from 'vitest';
import { changeLabel, lessonsOn, movedAwayFrom } from './timetable';
import { Occurrence, Week } from './types';

function occ(id: string, over: Partial<Occurrence>): Occurrence {
  return {
    id, lessonId: id, schoolId: 's', subject: 'mathématiques', date: '2026-12-09', slot: 'M1', startsAt: '08:00:00', endsAt: '09:00:00',
    roomId: 'room1', teacherIds: ['t1'], classIds: ['c'], groupIds: [], state: 'PLANNED', changes: [], planned: null, remoteLink: null, ...over,
  };
}

const week: Week = {
  week: '2026-W50', from: '2026-12-07', to: '2026-12-13',
  occurrences: [
    occ('late', { startsAt: '10:00:00', endsAt: '11:00:00', state: 'SUBSTITUTE', changes: ['SUBSTITUTE'], teacherIds: ['t2'],
      planned: { date: '2026-12-09', slot: 'M3', startsAt: '10:00:00', endsAt: '11:00:00', roomId: 'room1', teacherIds: ['t1'] } }),
    occ('early', { state: 'CANCELLED', changes: ['CANCELLED'],
      planned: { date: '2026-12-09', slot: 'M1', startsAt: '08:00:00', endsAt: '09:00:00', roomId: 'room1', teacherIds: ['t1'] } }),
    occ('moved', { subject: 'latin', date: '2026-12-11', startsAt: '14:00:00', state: 'MOVED', changes: ['MOVED'],
      planned: { date: '2026-12-09', slot: 'M2', startsAt: '09:00:00', endsAt: '10:00:00', roomId: 'room1', teacherIds: ['t1'] } }),
  ],
  teacherNames: { t1: 'Claire Martin', t2: 'Paul Remplaçant' },
  roomNames: { room1: 'B12' },
  classNames: { c: '4A' },
};

describe('a day of the timetable', () => {
  it('lists the day in time order, cancelled lessons included', () => {
    expect(lessonsOn([week], '2026-12-09').map((o) => o.id)).toEqual(['early', 'late']);
    expect(lessonsOn([week, week], '2026-12-09')).toHaveLength(2);
  });

  it('says in French what changed', () => {
    const [early, late, moved] = [week.occurrences[1], week.occurrences[0], week.occurrences[2]];
    expect(changeLabel(early, week)).toBe('Annulé');
    expect(changeLabel(late, week)).toBe('Remplacement : Paul Remplaçant');
    expect(changeLabel(moved, week)).toBe('Déplacé (prévu mercredi 9 décembre à 9h)');
    expect(changeLabel(occ('x', {}), week)).toBeNull();
  });

  it('shows the lessons moved away from that day', () => {
    expect(movedAwayFrom([week], '2026-12-09').map((o) => o.id)).toEqual(['moved']);
    expect(movedAwayFrom([week], '2026-12-11')).toEqual([]);
  });
});
