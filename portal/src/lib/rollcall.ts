import { MarkStatus, Register } from './types';

/** One pupil's line of the roll call being taken: present unless the teacher says otherwise. */
export interface Line {
  pupilId: string;
  name: string;
  status: MarkStatus;
  lateMinutes?: number;
}

export function initialLines(register: Register): Line[] {
  return (register.pupils ?? [])
    .map((p) => ({
      pupilId: p.pupilId,
      name: [p.lastName?.toUpperCase(), p.firstName].filter(Boolean).join(" ") || "Élève",
      status: p.status ?? 'PRESENT',
      lateMinutes: p.lateMinutes,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** The body of PUT /api/attendance/registers/{id}/marks. */
export function marksBody(lines: Line[]): { marks: { pupilId: string; status: MarkStatus; lateMinutes?: number }[] } {
  return {
    marks: lines.map((l) =>
      l.status === 'LATE' ? { pupilId: l.pupilId, status: l.status, lateMinutes: l.lateMinutes } : { pupilId: l.pupilId, status: l.status },
    ),
  };
}

/** What the teacher is about to send, to read before confirming. */
export function summary(lines: Line[]): string {
  const absent = lines.filter((l) => l.status === 'ABSENT').length;
  const late = lines.filter((l) => l.status === 'LATE').length;
  const present = lines.length - absent - late;
  const s = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
  return `${s(present, 'présent', 'présents')}, ${s(absent, 'absent', 'absents')}, ${s(late, 'retard', 'retards')}`;
}

/** A fresh Idempotency-Key per roll call, so that a retried submission is counted once. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
