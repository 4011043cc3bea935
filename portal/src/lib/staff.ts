import { instantLabel, timeLabel } from './dates';
import { subjectLabel } from './timetable';
import { ForgottenRegister, Justification, Me, Reason, SchoolDay, StaffEntry } from './types';

/** The schools a member of staff works for, in the order identity gives them. */
export function staffSchoolIds(me: Me): string[] {
  return me.profile.schoolIds ?? [];
}

/** The school day's counts, in French, in the order the CPE reads them. */
export function dayCountLines(day: SchoolDay): { label: string; value: number; attention: boolean }[] {
  const c = day.counts;
  return [
    { label: 'Élèves absents', value: c.pupilsAbsent, attention: false },
    { label: 'Absences non justifiées', value: c.unjustified, attention: c.unjustified > 0 },
    { label: 'Retards', value: c.latenesses, attention: false },
    { label: 'Départs anticipés', value: c.earlyDepartures, attention: false },
    { label: 'Appels faits', value: c.registersTaken, attention: false },
    { label: 'Appels ouverts non faits', value: c.registersNotTaken, attention: c.registersNotTaken > 0 },
    { label: 'Justificatifs à traiter', value: c.pendingJustifications, attention: c.pendingJustifications > 0 },
    { label: 'Alertes de seuil ce mois-ci', value: c.alertsThisMonth, attention: c.alertsThisMonth > 0 },
  ];
}

const KIND: Record<StaffEntry['kind'], string> = {
  ABSENCE: 'Absence',
  LATENESS: 'Retard',
  EARLY_DEPARTURE: 'Départ anticipé',
};

const STATUS: Record<StaffEntry['status'], string> = {
  UNJUSTIFIED: 'non justifiée',
  JUSTIFIED: 'justifiée',
  CANCELLED: 'annulée',
};

function hm(iso: string): string {
  const d = new Date(iso);
  return timeLabel(new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d));
}

/** One line of the school's day: what, when, and where it stands. */
export function entryDescription(e: StaffEntry): string {
  const what = e.kind === 'LATENESS' && e.lateMinutes ? `${KIND[e.kind]} de ${e.lateMinutes} min` : KIND[e.kind];
  const when = e.endsAt && e.kind === 'ABSENCE' ? `${hm(e.startsAt)}–${hm(e.endsAt)}` : hm(e.startsAt);
  let status = STATUS[e.status];
  if (e.kind !== 'ABSENCE') status = status.replace(/e$/, ''); // « retard non justifié »
  const pending = e.justification === 'PENDING' ? ', justificatif à traiter' : '';
  const reason = e.reason ? ` (${e.reason.label})` : '';
  return `${what}, ${when} : ${status}${reason}${pending}`;
}

/** The day's entries, cancelled ones left out, by time then by pupil's name. */
export function dayEntries(day: SchoolDay, names: Record<string, string>): (StaffEntry & { name: string })[] {
  return day.entries
    .filter((e) => e.status !== 'CANCELLED')
    .map((e) => ({ ...e, name: names[e.pupilId] ?? 'Élève' }))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.name.localeCompare(b.name, 'fr'));
}

/** A lesson that took place without its roll call: "8h–8h55 · Mathématiques · 4A · Claire Martin". */
export function forgottenLine(f: ForgottenRegister, teacherNames: Record<string, string>, classNames: Record<string, string>): string {
  const groups = (f.missingGroupIds?.length ? f.missingGroupIds : [...f.classIds, ...f.groupIds]).map((id) => classNames[id]).filter(Boolean);
  const teachers = (f.teacherIds ?? []).map((id) => teacherNames[id]).filter(Boolean);
  return [`${timeLabel(f.startsAt)}–${timeLabel(f.endsAt)}`, subjectLabel(f.subject), groups.join(', ') || 'classe', teachers.join(', ') || 'enseignant'].join(' · ');
}

/** The justification queue, oldest first (first sent, first decided). */
export function queueLines(
  queue: Justification[],
  names: Record<string, string>,
  reasons: Record<string, Reason>,
): { id: string; pupil: string; sent: string; reason: string; comment: string | null; file: string | null }[] {
  return [...queue]
    .filter((j) => j.status === 'PENDING')
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
    .map((j) => ({
      id: j.id,
      pupil: names[j.pupilId] ?? 'Élève',
      sent: instantLabel(j.submittedAt),
      reason: (j.reasonId && reasons[j.reasonId]?.label) || 'Motif non précisé',
      comment: j.comment,
      file: j.attachmentName ? j.attachmentName : null,
    }));
}

const AUDIT: Record<string, string> = {
  'record.read': 'a consulté le relevé d’absences',
  'justifications.read': 'a consulté la file des justificatifs',
  'justification.submitted': 'a envoyé un justificatif',
  'justification.accepted': 'a accepté un justificatif',
  'justification.refused': 'a refusé un justificatif',
  'justification.attachment.read': 'a ouvert la pièce jointe d’un justificatif',
  export: 'a exporté les absences',
  'absence.recorded': 'a enregistré une absence',
  'absence.cancelled': 'a annulé une absence',
  'absence.reason-set': 'a saisi le motif d’une absence',
  'lateness.recorded': 'a enregistré un retard',
  'lateness.cancelled': 'a annulé un retard',
  'lateness.reason-set': 'a saisi le motif d’un retard',
  'early-departure.recorded': 'a enregistré un départ anticipé',
  'early-departure.cancelled': 'a annulé un départ anticipé',
  'early-departure.reason-set': 'a saisi le motif d’un départ anticipé',
  'week.read': 'a consulté l’emploi du temps',
  feed: 'a lu le calendrier privé (iCalendar)',
};

/** "attendance.record.read" → « a consulté le relevé d’absences »; unknown → a neutral sentence. */
export function auditActionLabel(action: string): string {
  const rest = action.replace(/^(attendance|timetable)\./, '');
  return AUDIT[rest] ?? (/(read|export)/.test(rest) ? 'a consulté des données' : 'a modifié des données');
}

const ROLE: Record<string, string> = {
  staff: 'vie scolaire',
  teacher: 'enseignant',
  parent: 'responsable',
  pupil: 'élève',
  admin: 'administrateur',
  service: 'logiciel de l’établissement',
};

/** Who acted, as the school reads it: the name when known, else the role. */
export function auditActor(roles: string[], personName: string | undefined, client: string | null): string {
  if (personName) return personName;
  if (client) return 'Logiciel de l’établissement';
  const role = roles.map((r) => ROLE[r]).find(Boolean);
  return role ? `Un ${role}` : 'Une personne';
}
