import { describe, expect, it } from 'vitest';
import { awayForm, awayRequest, parisMidnight } from './away';

describe('an absence with an auto-reply', () => {
  it('runs from the first day’s midnight to the midnight after the last, with Paris’s offset of each date', () => {
    expect(parisMidnight('2026-12-07')).toBe('2026-12-07T00:00:00+01:00');
    expect(parisMidnight('2027-07-01')).toBe('2027-07-01T00:00:00+02:00');
    expect(awayRequest({ from: '2027-03-26', to: '2027-03-28', reply: 'Absent' }, '2026-12-07')).toEqual({
      body: { startsAt: '2027-03-26T00:00:00+01:00', endsAt: '2027-03-29T00:00:00+02:00', reply: 'Absent' },
    });
  });

  it('is refused first as the service refuses it: end before start, over, longer than a year, no reply or too long', () => {
    const today = '2026-12-07';
    expect(awayRequest({ from: '', to: '', reply: 'x' }, today)).toMatchObject({ field: 'from' });
    expect(awayRequest({ from: '2026-12-10', to: '2026-12-09', reply: 'x' }, today)).toMatchObject({ field: 'to' });
    expect(awayRequest({ from: '2026-12-01', to: '2026-12-06', reply: 'x' }, today)).toMatchObject({ field: 'to', error: 'Cette absence est déjà terminée.' });
    // the service refuses more than 366 days between the start and the end (the midnight after the last day)
    expect(awayRequest({ from: '2026-12-08', to: '2027-12-09', reply: 'x' }, today)).toMatchObject({ field: 'to', error: 'Une absence dure au plus un an.' });
    expect(awayRequest({ from: '2026-12-08', to: '2027-12-08', reply: 'x' }, today)).toHaveProperty('body');
    expect(awayRequest({ from: '2026-12-08', to: '', reply: '   ' }, today)).toMatchObject({ field: 'reply' });
    expect(awayRequest({ from: '2026-12-08', to: '', reply: 'x'.repeat(1001) }, today)).toMatchObject({ field: 'reply' });
    expect(awayRequest({ from: '2026-12-08', to: '', reply: 'Absente' }, today)).toMatchObject({ body: { endsAt: '2026-12-09T00:00:00+01:00' } });
  });

  it('is drawn again from what the API keeps', () => {
    expect(awayForm({ startsAt: '2026-12-21T00:00:00+01:00', endsAt: '2027-01-04T00:00:00+01:00', reply: 'r' })).toEqual({ from: '2026-12-21', to: '2027-01-03', reply: 'r' });
    expect(awayForm({ startsAt: '2026-12-21T08:00:00+01:00', endsAt: '2026-12-21T12:00:00+01:00', reply: 'r' })).toEqual({ from: '2026-12-21', to: '2026-12-21', reply: 'r' });
  });
});
