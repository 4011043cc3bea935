import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditActor, dayCountLines, dayEntries, entryDescription, forgottenLine, queueLines } from './staff';
import { ForgottenRegister, Justification, SchoolDay, StaffEntry } from './types';

const entry = (over: Partial<StaffEntry>): StaffEntry => ({
  id: 'e',
  pupilId: 'lea',
  kind: 'ABSENCE',
  startsAt: '2026-12-07T08:00:00+01:00',
  endsAt: '2026-12-07T08:55:00+01:00',
  status: 'UNJUSTIFIED',
  ...over,
});

const day: SchoolDay = {
  schoolId: 's',
  date: '2026-12-07',
  counts: { absences: 3, pupilsAbsent: 2, latenesses: 1, earlyDepartures: 0, unjustified: 2, registersOpened: 5, registersTaken: 4, registersNotTaken: 1, pendingJustifications: 0, alertsThisMonth: 1 },
  entries: [
    entry({ id: 'e1', pupilId: 'tom', startsAt: '2026-12-07T10:00:00+01:00', endsAt: '2026-12-07T10:55:00+01:00' }),
    entry({ id: 'e2', pupilId: 'lea', kind: 'LATENESS', endsAt: null, lateMinutes: 10 }),
    entry({ id: 'e3', pupilId: 'emma', status: 'CANCELLED' }),
    entry({ id: 'e4', pupilId: 'emma', status: 'JUSTIFIED', reason: { id: 'r', code: 'MAL', label: 'Maladie', justifying: true } }),
  ],
};

describe("the CPE's school day", () => {
  it('reads out the counts in French, flagging what needs the CPE', () => {
    const lines = dayCountLines(day);
    expect(lines.find((l) => l.label === 'Élèves absents')?.value).toBe(2);
    expect(lines.filter((l) => l.attention).map((l) => l.label)).toEqual([
      'Absences non justifiées',
      'Appels ouverts non faits',
      'Alertes de seuil ce mois-ci',
    ]);
  });

  it('lists the entries by time then name, cancelled ones left out, unknown pupils never by id', () => {
    const rows = dayEntries(day, { lea: 'Léa Dubois', tom: 'Tom Petit' });
    expect(rows.map((r) => r.id)).toEqual(['e4', 'e2', 'e1']);
    expect(rows[0].name).toBe('Élève');
  });

  it('describes an entry in French, school time', () => {
    expect(entryDescription(day.entries[0])).toBe('Absence, 10h–10h55 : non justifiée');
    expect(entryDescription(day.entries[1])).toBe('Retard de 10 min, 8h : non justifié');
    expect(entryDescription(day.entries[3])).toBe('Absence, 8h–8h55 : justifiée (Maladie)');
    expect(entryDescription(entry({ justification: 'PENDING' }))).toBe('Absence, 8h–8h55 : non justifiée, justificatif à traiter');
  });

  it('names a forgotten register by its time, subject, missing classes and teachers', () => {
    const f = {
      occurrenceId: 'l_2026-12-07', lessonId: 'l', schoolId: 's', date: '2026-12-07', startsAt: '08:00:00', endsAt: '08:55:00',
      subject: 'mathématiques', classIds: ['c4a'], groupIds: ['glat'], teacherIds: ['claire'], cancelled: false, substitute: false,
      moved: false, needsRegister: true, registerTaken: false, registers: [], missingGroupIds: ['glat'],
    } as ForgottenRegister;
    expect(forgottenLine(f, { claire: 'Claire Martin' }, { c4a: '4A', glat: 'Latin 4e' })).toBe('8h–8h55 · Mathématiques · Latin 4e · Claire Martin');
    expect(forgottenLine(f, {}, {})).toBe('8h–8h55 · Mathématiques · classe · enseignant');
  });
});

describe('the justification queue', () => {
  const j = (id: string, submittedAt: string, over: Partial<Justification> = {}): Justification => ({
    id, entryId: 'e', pupilId: 'lea', schoolId: 's', submittedAt, reasonId: 'r1', comment: null, attachmentType: null, attachmentName: null, status: 'PENDING', ...over,
  });
  it('puts the oldest first, with the reason label and the file name', () => {
    const lines = queueLines(
      [j('b', '2026-12-07T09:00:00Z'), j('a', '2026-12-06T18:00:00Z', { attachmentName: 'certificat.pdf', reasonId: null }), j('c', '2026-12-05T09:00:00Z', { status: 'ACCEPTED' })],
      { lea: 'Léa Dubois' },
      { r1: { id: 'r1', code: 'MAL', label: 'Maladie', justifying: true } },
    );
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect(lines[0]).toMatchObject({ pupil: 'Léa Dubois', reason: 'Motif non précisé', file: 'certificat.pdf', sent: 'dimanche 6 décembre, 19h' });
    expect(lines[1].reason).toBe('Maladie');
  });
});

describe("a pupil's audit trail", () => {
  it('says what was done in French, for both services', () => {
    expect(auditActionLabel('attendance.record.read')).toBe('a consulté le relevé d’absences');
    expect(auditActionLabel('attendance.lateness.cancelled')).toBe('a annulé un retard');
    expect(auditActionLabel('timetable.week.read')).toBe('a consulté l’emploi du temps');
    expect(auditActionLabel('attendance.something.read')).toBe('a consulté des données');
    expect(auditActionLabel('attendance.something.new')).toBe('a modifié des données');
  });
  it('names who did it, or their role, never an id', () => {
    expect(auditActor(['staff'], 'Karim Benali', null)).toBe('Karim Benali');
    expect(auditActor(['parent'], undefined, null)).toBe('Un responsable');
    expect(auditActor(['service'], undefined, 'school-0750001a-integration')).toBe('Logiciel de l’établissement');
  });
});
