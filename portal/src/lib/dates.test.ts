import { describe, expect, it } from 'vitest';
import { addDays, dayLabel, instantLabel, schoolDate, timeLabel, weekToShow } from './dates';

describe('dates as the school sees them', () => {
  it('takes the day in Paris, not in UTC', () => {
    expect(schoolDate(new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
    expect(schoolDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('shows next week from Saturday on', () => {
    expect(weekToShow('2026-12-09')).toBe('2026-12-07'); // Wednesday
    expect(weekToShow('2026-12-11')).toBe('2026-12-07'); // Friday
    expect(weekToShow('2026-12-12')).toBe('2026-12-14'); // Saturday
    expect(weekToShow('2026-12-13')).toBe('2026-12-14'); // Sunday
  });

  it('writes days and times in French', () => {
    expect(dayLabel('2026-12-07')).toBe('lundi 7 décembre');
    expect(timeLabel('08:00:00')).toBe('8h');
    expect(timeLabel('10:05')).toBe('10h05');
    expect(instantLabel('2026-12-06T06:10:00Z')).toBe('dimanche 6 décembre, 7h10');
  });
});
