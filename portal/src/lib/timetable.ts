import { dayLabel, timeLabel } from './dates';
import { Occurrence, Week } from './types';

/** The lessons of that day in time order, cancelled ones included (they are news). */
export function lessonsOn(weeks: Week[], isoDate: string): Occurrence[] {
  const seen = new Set<string>();
  return weeks
    .flatMap((w) => w.occurrences)
    .filter((o) => o.date === isoDate && !seen.has(o.id) && seen.add(o.id))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.subject.localeCompare(b.subject));
}

/** Lessons planned that day but moved to another day: families need to know the slot is free. */
export function movedAwayFrom(weeks: Week[], isoDate: string): Occurrence[] {
  return weeks
    .flatMap((w) => w.occurrences)
    .filter((o) => o.planned && o.planned.date === isoDate && o.date !== isoDate);
}

function names(ids: string[], map: Record<string, string>): string {
  return ids.map((id) => map[id]).filter(Boolean).join(', ');
}

/** What changed, in French, or null when the lesson takes place as planned. */
export function changeLabel(o: Occurrence, week: Pick<Week, 'teacherNames' | 'roomNames'>): string | null {
  const parts: string[] = [];
  if (o.state === 'CANCELLED') return 'Annulé';
  if (o.state === 'ADDED') parts.push('Cours ajouté');
  if (o.changes.includes('MOVED') && o.planned) {
    parts.push(`Déplacé (prévu ${dayLabel(o.planned.date)} à ${timeLabel(o.planned.startsAt)})`);
  }
  if (o.changes.includes('SUBSTITUTE')) {
    const who = names(o.teacherIds, week.teacherNames);
    parts.push(who ? `Remplacement : ${who}` : 'Assuré par un remplaçant');
  }
  if (o.changes.includes('ROOM_CHANGED')) {
    const room = o.roomId ? week.roomNames[o.roomId] : undefined;
    parts.push(room ? `Changement de salle : ${room}` : 'Changement de salle');
  }
  return parts.length ? parts.join(' · ') : null;
}

export function teacherLabel(o: Occurrence, week: Pick<Week, 'teacherNames'>): string {
  return names(o.teacherIds, week.teacherNames);
}

export function roomLabel(o: Occurrence, week: Pick<Week, 'roomNames'>): string {
  return o.roomId ? week.roomNames[o.roomId] ?? '' : '';
}

/** "mathematiques" / "MATHS" etc. are shown as the service gives them, first letter upper-case. */
export function subjectLabel(subject: string): string {
  return subject ? subject.charAt(0).toUpperCase() + subject.substring(1) : subject;
}
