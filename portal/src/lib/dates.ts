/** Dates as the school sees them: Europe/Paris, ISO-8601 (YYYY-MM-DD). */
export const SCHOOL_TIME_ZONE = 'Europe/Paris';

export function schoolDate(now: Date): string {
  // en-CA formats as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone: SCHOOL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().substring(0, 10);
}

/** Monday of the ISO week of that day. */
export function mondayOf(isoDate: string): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7; // Monday 0
  return addDays(isoDate, -dow);
}

/** The week to show first: this one on a school day, the next one from Saturday on. */
export function weekToShow(isoDate: string): string {
  const dow = (new Date(`${isoDate}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return dow >= 5 ? addDays(mondayOf(isoDate), 7) : mondayOf(isoDate);
}

export function sameWeek(a: string, b: string): boolean {
  return mondayOf(a) === mondayOf(b);
}

/** "2026-12-07" → "lundi 7 décembre". */
export function dayLabel(isoDate: string): string {
  return new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
}

/** "08:00:00" or "08:00" → "8h", "10:30" → "10h30". */
export function timeLabel(time: string): string {
  const [h, m] = time.split(':');
  return `${Number(h)}h${m && m !== '00' ? m : ''}`;
}

/** An instant, as the school's clock shows it: "lundi 7 décembre, 8h". */
export function instantLabel(iso: string): string {
  const d = new Date(iso);
  const day = dayLabel(schoolDate(d));
  const hm = new Intl.DateTimeFormat('fr-FR', { timeZone: SCHOOL_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return `${day}, ${timeLabel(hm)}`;
}
