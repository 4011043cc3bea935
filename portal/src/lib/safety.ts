import { MessageView } from './messaging';

/** `GET /api/messaging/schools/{id}/reports`: a report with the message reported (to, cc; never bcc). */
export interface ReportView {
  id: string;
  schoolId: string;
  reporterId: string;
  reporterName: string;
  reason: 'INSULT' | 'HARASSMENT' | 'INAPPROPRIATE' | 'SPAM' | 'OTHER';
  reportedAt: string;
  status: 'OPEN' | 'HIDDEN' | 'BLOCKED' | string;
  message: MessageView;
}

const REASONS: Record<string, string> = {
  INSULT: 'Insulte',
  HARASSMENT: 'Harcèlement',
  INAPPROPRIATE: 'Contenu inapproprié',
  SPAM: 'Message indésirable',
  OTHER: 'Autre motif',
};

export function reasonLabel(reason: string): string {
  return REASONS[reason] ?? 'Autre motif';
}

export function reportStatusLabel(status: string): string {
  if (status === 'HIDDEN') return 'Message masqué';
  if (status === 'BLOCKED') return 'Expéditeur bloqué';
  return 'À traiter';
}

/** Days of a block, as the service takes them (1 to 365), or the French error. */
export function blockDays(text: string): { days: number } | { error: string } {
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > 365) return { error: 'Indiquez un nombre de jours entre 1 et 365.' };
  return { days: n };
}

// --- the rule table (`GET`/`PUT /api/messaging/schools/{id}/rules`)

export type Profile = 'STAFF' | 'TEACHER' | 'GUARDIAN' | 'PUPIL';
export type Reach = 'NONE' | 'RELATED' | 'ANY';

export interface RuleView {
  sender: Profile;
  recipient: Profile;
  reach: Reach;
}

export const PROFILES: Profile[] = ['STAFF', 'TEACHER', 'GUARDIAN', 'PUPIL'];

export const PROFILE_LABEL: Record<Profile, string> = {
  STAFF: 'Vie scolaire et direction',
  TEACHER: 'Enseignants',
  GUARDIAN: 'Parents',
  PUPIL: 'Élèves',
};

export const REACH_LABEL: Record<Reach, string> = {
  NONE: 'Jamais',
  RELATED: 'Seulement ceux qui leur sont liés',
  ANY: 'Tous ceux de l’établissement',
};

export function ruleKey(r: Pick<RuleView, 'sender' | 'recipient'>): string {
  return `${r.sender}>${r.recipient}`;
}

/** The rows changed against the table read: what `PUT` sends (the rows not sent keep their value). */
export function changedRules(read: RuleView[], edited: Record<string, Reach>): RuleView[] {
  return read.filter((r) => edited[ruleKey(r)] && edited[ruleKey(r)] !== r.reach).map((r) => ({ ...r, reach: edited[ruleKey(r)] }));
}

/** « Les parents peuvent écrire aux enseignants qui leur sont liés » — one sentence per changed row, for the confirmation. */
export function ruleSentence(r: RuleView): string {
  const who = PROFILE_LABEL[r.sender];
  const to = PROFILE_LABEL[r.recipient].toLowerCase();
  if (r.reach === 'NONE') return `${who} : ne peuvent plus écrire à « ${to} »`;
  if (r.reach === 'RELATED') return `${who} : peuvent écrire à « ${to} » qui leur sont liés`;
  return `${who} : peuvent écrire à tous « ${to} » de l’établissement`;
}
