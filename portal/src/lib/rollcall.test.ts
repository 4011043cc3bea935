import { describe, expect, it } from 'vitest';
import { initialLines, marksBody, summary } from './rollcall';
import { Register } from './types';

const register: Register = {
  id: 'r', groupId: 'g', subject: 'maths', date: '2026-12-09', startsAt: '08:00:00', endsAt: '09:00:00', status: 'OPEN',
  pupils: [
    { pupilId: 'b', firstName: 'Hugo', lastName: 'Petit' },
    { pupilId: 'a', firstName: 'Léa', lastName: 'Dubois' },
    { pupilId: 'c' },
  ],
};

describe('a roll call', () => {
  it('starts with everyone present, sorted by last name, never showing an id', () => {
    const lines = initialLines(register);
    expect(lines.map((l) => l.name)).toEqual(['DUBOIS Léa', 'Élève', 'PETIT Hugo']);
    expect(lines.every((l) => l.status === 'PRESENT')).toBe(true);
    expect(summary(lines)).toBe('3 présents, 0 absent, 0 retard');
  });

  it('sends the minutes of a late pupil only', () => {
    const lines = initialLines(register).map((l) =>
      l.pupilId === 'a' ? { ...l, status: 'ABSENT' as const } : l.pupilId === 'b' ? { ...l, status: 'LATE' as const, lateMinutes: 12 } : { ...l, lateMinutes: 3 },
    );
    expect(marksBody(lines)).toEqual({
      marks: [
        { pupilId: 'a', status: 'ABSENT' },
        { pupilId: 'c', status: 'PRESENT' },
        { pupilId: 'b', status: 'LATE', lateMinutes: 12 },
      ],
    });
    expect(summary(lines)).toBe('1 présent, 1 absent, 1 retard');
  });
});
