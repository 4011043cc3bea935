import { addDays, dayLabel } from './dates';

/** `GET`/`PUT /api/messaging/me/away`: a person's absence and the auto-reply those who write meanwhile get. */
export interface AwayView {
  startsAt: string;
  endsAt: string;
  reply: string;
}

export interface AwayForm {
  from: string;
  to: string;
  reply: string;
}

export const REPLY_MAX = 1000;

/** Europe/Paris's offset on a date ("+01:00" in winter, "+02:00" in summer), at its midnight. */
export function parisOffset(isoDate: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${isoDate}T00:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-]\d{2}:\d{2})/.exec(part ?? '');
  return m ? m[1] : '+00:00';
}

/** A day's midnight in school time, as the API's date-times are written. */
export function parisMidnight(isoDate: string): string {
  return `${isoDate}T00:00:00${parisOffset(isoDate)}`;
}

/**
 * The body of `PUT /me/away` for whole days (the first day's midnight to the midnight after the last
 * one, school time), or the French error naming the field, checked as messaging-service checks it:
 * the end after the start, a year at most, a reply of 1 to 1,000 characters; and not already over.
 */
export function awayRequest(form: AwayForm, today: string): { body: AwayView } | { field: keyof AwayForm; error: string } {
  if (!form.from) return { field: 'from', error: 'Indiquez le premier jour de votre absence.' };
  const to = form.to || form.from;
  if (to < form.from) return { field: 'to', error: 'Le dernier jour doit suivre le premier.' };
  if (to < today) return { field: 'to', error: 'Cette absence est déjà terminée.' };
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${form.from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > 366) return { field: 'to', error: 'Une absence dure au plus un an.' };
  const reply = form.reply.trim();
  if (!reply) return { field: 'reply', error: 'Écrivez la réponse automatique que recevront ceux qui vous écrivent.' };
  if (reply.length > REPLY_MAX) return { field: 'reply', error: `La réponse automatique compte au plus ${REPLY_MAX} caractères.` };
  return { body: { startsAt: parisMidnight(form.from), endsAt: parisMidnight(addDays(to, 1)), reply } };
}

/** The form drawn again from what the API keeps (school time: the date is the first ten characters). */
export function awayForm(view: AwayView): AwayForm {
  const from = view.startsAt.substring(0, 10);
  const endDay = view.endsAt.substring(0, 10);
  const midnight = view.endsAt.substring(11, 16) === '00:00';
  return { from, to: midnight ? addDays(endDay, -1) : endDay, reply: view.reply };
}

/** « du jeudi 10 décembre au vendredi 18 décembre inclus » / « le jeudi 10 décembre » */
export function awayLabel(form: AwayForm): string {
  return form.from === form.to ? `le ${dayLabel(form.from)}` : `du ${dayLabel(form.from)} au ${dayLabel(form.to)} inclus`;
}

/** Whether the absence is going on, to come or over, on a school day. */
export function awayState(form: AwayForm, today: string): 'current' | 'coming' | 'over' {
  if (form.to < today) return 'over';
  return form.from <= today ? 'current' : 'coming';
}
