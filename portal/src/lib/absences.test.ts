import { describe, expect, it } from 'vitest';
import { absencePeriodLabel, absenceRequest, declaredPeriods, periodStatusLabel } from './absences';

// Monday 7 December 2026, 10:30 in Paris
const now = new Date('2026-12-07T09:30:00Z');

describe("a teacher's absence", () => {
  it('runs whole days from the first midnight to the midnight after the last day, with no reason', () => {
    const r = absenceRequest({ wholeDays: true, fromDate: '2026-12-08', fromTime: '', toDate: '2026-12-09', toTime: '' }, now);
    expect(r).toEqual({ body: { from: '2026-12-08T00:00', to: '2026-12-10T00:00' } });
  });

  it('takes the times when asked, the last day defaulting to the first', () => {
    const r = absenceRequest({ wholeDays: false, fromDate: '2026-12-07', fromTime: '14:00', toDate: '', toTime: '17:00' }, now);
    expect(r).toEqual({ body: { from: '2026-12-07T14:00', to: '2026-12-07T17:00' } });
  });

  it('refuses, in French and naming the field, what the service would refuse', () => {
    expect(absenceRequest({ wholeDays: false, fromDate: '2026-12-07', fromTime: '14:00', toDate: '2026-12-07', toTime: '13:00' }, now)).toEqual({
      field: 'toDate',
      error: 'La fin de l’absence doit suivre son début.',
    });
    expect(absenceRequest({ wholeDays: false, fromDate: '2026-12-07', fromTime: '08:00', toDate: '2026-12-07', toTime: '10:00' }, now)).toMatchObject({
      error: 'Cette absence est déjà terminée.',
    });
    expect(absenceRequest({ wholeDays: true, fromDate: '2026-12-08', fromTime: '', toDate: '2027-03-30', toTime: '' }, now)).toMatchObject({
      error: 'Une absence dure au plus 92 jours.',
    });
    expect(absenceRequest({ wholeDays: true, fromDate: '', fromTime: '', toDate: '', toTime: '' }, now)).toMatchObject({ field: 'fromDate' });
  });

  it('reads a period out in French', () => {
    expect(absencePeriodLabel('2026-12-08T00:00:00', '2026-12-09T00:00:00')).toBe('le mardi 8 décembre');
    expect(absencePeriodLabel('2026-12-08T00:00', '2026-12-10T00:00')).toBe('du mardi 8 décembre au mercredi 9 décembre inclus');
    expect(absencePeriodLabel('2026-12-07T14:00:00', '2026-12-07T17:30:00')).toBe('le lundi 7 décembre, de 14h à 17h30');
  });

  it('shows one line per period for a teacher of two schools, withdrawing only what is not confirmed', () => {
    const periods = declaredPeriods([
      { id: 'a1', from: '2026-12-08T00:00', to: '2026-12-09T00:00', status: 'CONFIRMED' },
      { id: 'a2', from: '2026-12-08T00:00', to: '2026-12-09T00:00', status: 'DECLARED' },
      { id: 'b1', from: '2026-12-10T00:00', to: '2026-12-11T00:00', status: 'DECLARED' },
    ]);
    expect(periods.map((p) => p.declaredIds)).toEqual([['b1'], ['a2']]);
    expect(periodStatusLabel(periods[1])).toBe('Confirmée dans 1 établissement sur 2');
    expect(periodStatusLabel(periods[0])).toBe('Déclarée, en attente de confirmation');
  });
});
