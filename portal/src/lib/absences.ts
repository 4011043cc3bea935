import { addDays, dayLabel, schoolDate, timeLabel } from './dates';

/** What a teacher fills in to declare an absence. */
export interface AbsenceForm {
  wholeDays: boolean;
  fromDate: string;
  fromTime: string;
  toDate: string;
  toTime: string;
}

export const LONGEST_DAYS = 92;

/** The local date-time "now" in school time, "YYYY-MM-DDTHH:MM". */
export function schoolNow(now: Date): string {
  const hm = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  return `${schoolDate(now)}T${hm}`;
}

/**
 * The body of `POST /api/timetable/absences` ({from, to} in school time, no reason: the API refuses
 * one), or the French error naming the field, checked as the service checks it.
 * Whole days run from the first day's midnight to the midnight after the last day.
 */
export function absenceRequest(form: AbsenceForm, now: Date): { body: { from: string; to: string } } | { field: string; error: string } {
  if (!form.fromDate) return { field: 'fromDate', error: 'Indiquez le premier jour de l’absence.' };
  const toDate = form.toDate || form.fromDate;
  let from: string;
  let to: string;
  if (form.wholeDays) {
    from = `${form.fromDate}T00:00`;
    to = `${addDays(toDate, 1)}T00:00`;
  } else {
    if (!form.fromTime) return { field: 'fromTime', error: 'Indiquez l’heure de début.' };
    if (!form.toTime) return { field: 'toTime', error: 'Indiquez l’heure de fin.' };
    from = `${form.fromDate}T${form.fromTime}`;
    to = `${toDate}T${form.toTime}`;
  }
  if (to <= from) return { field: 'toDate', error: 'La fin de l’absence doit suivre son début.' };
  if (to <= schoolNow(now)) return { field: 'toDate', error: 'Cette absence est déjà terminée.' };
  const days = (Date.parse(`${to}:00Z`) - Date.parse(`${from}:00Z`)) / 86_400_000;
  if (days > LONGEST_DAYS) return { field: 'toDate', error: `Une absence dure au plus ${LONGEST_DAYS} jours.` };
  return { body: { from, to } };
}

/** "2026-12-07T00:00" → "2026-12-08T00:00": « le lundi 7 décembre »; with times: « lundi 7 décembre, 8h – 12h ». */
export function absencePeriodLabel(from: string, to: string): string {
  const [fd, ft] = from.substring(0, 16).split('T');
  const [td, tt] = to.substring(0, 16).split('T');
  if (ft === '00:00' && tt === '00:00') {
    const last = addDays(td, -1);
    return last === fd ? `le ${dayLabel(fd)}` : `du ${dayLabel(fd)} au ${dayLabel(last)} inclus`;
  }
  if (fd === td) return `le ${dayLabel(fd)}, de ${timeLabel(ft)} à ${timeLabel(tt)}`;
  return `du ${dayLabel(fd)} ${timeLabel(ft)} au ${dayLabel(td)} ${timeLabel(tt)}`;
}

export function absenceStatusLabel(status: string): string {
  return status === 'CONFIRMED' ? 'Confirmée par la vie scolaire' : 'Déclarée, en attente de confirmation';
}

/** One period a teacher declared: the service keeps one absence per school of theirs. */
export interface DeclaredPeriod {
  from: string;
  to: string;
  /** the absences still only declared (those a teacher may withdraw) */
  declaredIds: string[];
  confirmed: number;
  schools: number;
}

/** The teacher's absences, one line per period whatever the number of schools, latest first. */
export function declaredPeriods(list: { id: string; from: string; to: string; status: string }[]): DeclaredPeriod[] {
  const byPeriod = new Map<string, DeclaredPeriod>();
  for (const a of list) {
    const key = `${a.from}|${a.to}`;
    let p = byPeriod.get(key);
    if (!p) {
      p = { from: a.from, to: a.to, declaredIds: [], confirmed: 0, schools: 0 };
      byPeriod.set(key, p);
    }
    p.schools++;
    if (a.status === 'CONFIRMED') p.confirmed++;
    else p.declaredIds.push(a.id);
  }
  return [...byPeriod.values()].sort((a, b) => b.from.localeCompare(a.from));
}

export function periodStatusLabel(p: DeclaredPeriod): string {
  if (p.confirmed === 0) return absenceStatusLabel('DECLARED');
  if (p.confirmed === p.schools) return absenceStatusLabel('CONFIRMED');
  return `Confirmée dans ${p.confirmed} établissement${p.confirmed > 1 ? 's' : ''} sur ${p.schools}`;
}
