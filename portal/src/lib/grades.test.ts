import { describe, expect, it } from 'vitest';
import { cellText, currentPeriod, difference, frNumber, latestMarks, marksBody, moveInGrid, parseCell, Period, PupilMark, resultLabel, whatIfBody } from './grades';

describe('a cell of the marks grid', () => {
  it('reads marks with a comma or a dot, on the scale and in steps', () => {
    expect(parseCell('15', 20, 0.25)).toEqual({ kind: 'value', value: 15 });
    expect(parseCell(' 15,5 ', 20, 0.25)).toEqual({ kind: 'value', value: 15.5 });
    expect(parseCell('12.75', 20, 0.25)).toEqual({ kind: 'value', value: 12.75 });
    expect(parseCell('0', 20, 0.25)).toEqual({ kind: 'value', value: 0 });
    expect(parseCell('20', 20, 0.5)).toEqual({ kind: 'value', value: 20 });
    expect(parseCell('', 20, 0.25)).toEqual({ kind: 'empty' });
  });

  it('refuses, in French, a mark above the scale, off the step, or not a mark', () => {
    expect(parseCell('21', 20, 0.25)).toEqual({ kind: 'error', message: 'La note doit être entre 0 et 20.' });
    expect(parseCell('8', 5, 0.25)).toEqual({ kind: 'error', message: 'La note doit être entre 0 et 5.' });
    expect(parseCell('12,3', 20, 0.25)).toEqual({ kind: 'error', message: 'La note se saisit par pas de 0,25 point.' });
    expect(parseCell('12,25', 20, 0.5)).toEqual({ kind: 'error', message: 'La note se saisit par pas de 0,5 point.' });
    for (const bad of ['-2', 'douze', '12/20', '1e1', '15,', 'abc']) {
      expect(parseCell(bad, 20, 0.25).kind, bad).toBe('error');
    }
  });

  it('reads the markers typed as text, whatever the case, dots and accents', () => {
    expect(parseCell('Abs', 20, 0.25)).toEqual({ kind: 'marker', marker: 'ABSENT' });
    expect(parseCell('abs', 20, 0.25)).toEqual({ kind: 'marker', marker: 'ABSENT' });
    expect(parseCell('Abs.j', 20, 0.25)).toEqual({ kind: 'marker', marker: 'ABSENT_JUSTIFIED' });
    expect(parseCell('ABSJ', 20, 0.25)).toEqual({ kind: 'marker', marker: 'ABSENT_JUSTIFIED' });
    expect(parseCell('Disp', 20, 0.25)).toEqual({ kind: 'marker', marker: 'EXEMPT' });
    expect(parseCell('dispensé', 20, 0.25)).toEqual({ kind: 'marker', marker: 'EXEMPT' });
    expect(parseCell('NN', 20, 0.25)).toEqual({ kind: 'marker', marker: 'NOT_GRADED' });
    expect(parseCell('N.N.', 20, 0.25)).toEqual({ kind: 'marker', marker: 'NOT_GRADED' });
    expect(parseCell('nr', 20, 0.25)).toEqual({ kind: 'marker', marker: 'NOT_HANDED_IN' });
    expect(parseCell('Non rendu', 20, 0.25)).toEqual({ kind: 'marker', marker: 'NOT_HANDED_IN' });
  });

  it('shows a stored result as it is typed back', () => {
    for (const [r, text] of [
      [{ value: 15.5, marker: null }, '15,5'],
      [{ value: null, marker: 'ABSENT_JUSTIFIED' }, 'Abs.j'],
      [{ value: null, marker: 'NOT_HANDED_IN' }, 'NR'],
      [{ value: null, marker: 'EXEMPT' }, 'Disp'],
    ] as const) {
      expect(cellText(r)).toBe(text);
      const back = parseCell(text, 20, 0.25);
      expect(back.kind === 'value' ? back.value : back.kind === 'marker' ? back.marker : null).toBe(r.value ?? r.marker);
    }
  });
});

describe('moving in the grid from the keyboard', () => {
  it('goes down with the down arrow and Enter, up with the up arrow and Shift+Enter', () => {
    expect(moveInGrid('ArrowDown', false, 2, 10)).toBe(3);
    expect(moveInGrid('Enter', false, 2, 10)).toBe(3);
    expect(moveInGrid('ArrowUp', false, 2, 10)).toBe(1);
    expect(moveInGrid('Enter', true, 2, 10)).toBe(1);
  });
  it('stays in the grid at either end, and leaves other keys to the field', () => {
    expect(moveInGrid('ArrowDown', false, 9, 10)).toBe(9);
    expect(moveInGrid('ArrowUp', false, 0, 10)).toBe(0);
    for (const key of ['Tab', 'a', '1', ',', 'ArrowLeft', 'Backspace']) expect(moveInGrid(key, false, 4, 10)).toBeNull();
  });
});

describe('the marks sent', () => {
  it('lists each pupil with a mark or a marker, none for an empty cell', () => {
    expect(
      marksBody([
        { pupilId: 'lea', cell: { kind: 'value', value: 14 } },
        { pupilId: 'tom', cell: { kind: 'empty' } },
        { pupilId: 'ines', cell: { kind: 'marker', marker: 'ABSENT' } },
      ]),
    ).toEqual({ marks: [{ pupilId: 'lea', value: 14 }, { pupilId: 'ines', marker: 'ABSENT' }] });
  });
  it('sends nothing while a cell is wrong', () => {
    expect(marksBody([{ pupilId: 'lea', cell: { kind: 'value', value: 14 } }, { pupilId: 'tom', cell: { kind: 'error', message: 'x' } }])).toBeNull();
  });
});

describe('what if', () => {
  it('sends another result for a mark received and a coming assessment', () => {
    expect(
      whatIfBody(
        [
          { assessmentId: 'a1', text: '18', scale: 20 },
          { assessmentId: 'a2', text: '', scale: 20 },
          { subject: 'MATHS', coefficient: '2', scale: 20, text: '12,5' },
          { subject: 'FRANCAIS', coefficient: '1,5', scale: 20, text: 'Disp' },
        ],
        0.25,
      ),
    ).toEqual({
      body: {
        hypotheses: [
          { assessmentId: 'a1', value: 18 },
          { subject: 'MATHS', coefficient: 2, scale: 20, value: 12.5 },
          { subject: 'FRANCAIS', coefficient: 1.5, scale: 20, marker: 'EXEMPT' },
        ],
      },
    });
  });
  it('names the hypothesis that cannot be sent, in French', () => {
    expect(whatIfBody([{ assessmentId: 'a1', text: '25', scale: 20 }], 0.25)).toEqual({ error: 'Hypothèse 1 : La note doit être entre 0 et 20.' });
    expect(whatIfBody([{ assessmentId: 'a1', text: '8', scale: 10 }, { subject: 'M', coefficient: '-1', scale: 20, text: '10' }], 0.25)).toEqual({
      error: 'Hypothèse 2 : le coefficient doit être un nombre entre 0 et 100.',
    });
    expect(whatIfBody([{ assessmentId: 'a1', text: ' ', scale: 20 }], 0.25)).toEqual({ error: 'Saisissez au moins une note imaginée.' });
  });
  it('tells how an imagined average differs from the real one', () => {
    expect(difference(12.5, 13.75)).toBe('+1,25');
    expect(difference(12.5, 12)).toBe('−0,5');
    expect(difference(12.5, 12.5)).toBe('=');
    expect(difference(null, 12)).toBe('');
  });
});

describe('marks shown', () => {
  const period = (id: string, startsOn: string, endsOn: string): Period => ({ id, schoolId: 's', classGroupId: null, schoolYear: '2026-2027', name: id, startsOn, endsOn, locked: false });
  const periods = [period('T2', '2026-12-01', '2027-03-15'), period('T1', '2026-09-01', '2026-11-30'), period('T3', '2027-03-16', '2027-07-04')];
  it('opens on the period covering today, else the latest begun, else the first', () => {
    expect(currentPeriod(periods, '2026-11-17')?.id).toBe('T1');
    expect(currentPeriod(periods, '2027-01-10')?.id).toBe('T2');
    expect(currentPeriod([periods[1]], '2027-01-10')?.id).toBe('T1');
    expect(currentPeriod(periods, '2026-08-20')?.id).toBe('T1');
    expect(currentPeriod([], '2026-08-20')).toBeNull();
  });
  it('lists the latest marks first', () => {
    const mark = (id: string, heldOn: string): PupilMark => ({
      assessment: { id, schoolId: 's', classGroupId: 'c', subject: 'M', teacherId: 't', periodId: 'p', title: id, heldOn, coefficient: 1, scale: 20, optional: false, publishedAt: null },
      value: 10,
      marker: null,
      display: null,
      outOf20: 10,
    });
    expect(latestMarks([mark('a', '2026-10-01'), mark('b', '2026-11-10'), mark('c', '2026-09-12')], 2).map((m) => m.assessment.id)).toEqual(['b', 'a']);
  });
  it('writes numbers and results the French way', () => {
    expect(frNumber(15.5)).toBe('15,5');
    expect(frNumber(12)).toBe('12');
    expect(frNumber(13.333333)).toBe('13,33');
    expect(frNumber(null)).toBe('–');
    expect(resultLabel({ value: 7.5, marker: null, scale: 10 })).toBe('7,5/10');
    expect(resultLabel({ value: null, marker: 'NOT_GRADED', scale: 20 })).toBe('NN');
  });
});
