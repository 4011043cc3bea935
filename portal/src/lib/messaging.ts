/**
 * The messaging screens' rules, apart from React: the shapes messaging-service answers
 * (messaging-service/README.md), the recipients a person is offered, the service's refusals read
 * by name, the draft saved as one types (POST /drafts once, then PUT /drafts/{id}, debounced), and
 * a broadcast's acknowledgement counts in French.
 */
import { Api, ApiError } from './api';
import { Problem, problemMessage, slugOf } from './problems';
import { subjectLabel } from './timetable';
export { COMPOSE_KEY, keepCompose, keptCompose } from './composeStore';
export type { ComposeSnapshot } from './composeStore';
import { ClassView, Me, Week } from './types';

export const MESSAGING = '/api/messaging';

export type GroupKind = 'PARENTS' | 'TEACHERS' | 'PUPILS' | 'STAFF';

/** A person (`personId`) or a group of the school (`group`, with its class for all but STAFF). */
export interface Addressee {
  personId?: string;
  group?: GroupKind;
  classGroupId?: string;
}

/** POST /messages, POST /drafts, PUT /drafts/{id} */
export interface MessageInput {
  schoolId: string;
  subject: string;
  body: string;
  to: Addressee[];
  cc: Addressee[];
  bcc: Addressee[];
  attachmentIds: string[];
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface Attachment {
  fileId: string;
  fileName: string;
  size?: number;
  contentType?: string;
}

export interface MessageView {
  id: string;
  conversationId: string;
  schoolId: string;
  inReplyTo: string | null;
  sender: PersonRef;
  to: PersonRef[];
  cc: PersonRef[];
  bcc: PersonRef[];
  subject: string;
  body: string;
  sentAt: string | null;
  recalledAt: string | null;
  readAt: string | null;
  receipts: { personId: string; name: string; readAt: string | null }[] | null;
  attachments: Attachment[] | null;
  /** a broadcast, for a family it went to only */
  acknowledgement?: { acknowledged: boolean; acknowledgedAt: string | null } | null;
  /** the author's own unsent draft only: its recipients as saved (people with their name, groups) */
  draft?: DraftRecipients | null;
}

export interface DraftAddressee {
  personId: string | null;
  group: GroupKind | null;
  classGroupId: string | null;
  name: string | null;
}

export interface DraftRecipients {
  to: DraftAddressee[];
  cc: DraftAddressee[];
  bcc: DraftAddressee[];
}

/** A saved draft addressee as the composer holds it: the option offered when there is one, else its name. */
export function chosenFromDraft(a: DraftAddressee, options: RecipientOption[]): { addressee: Addressee; label: string } {
  const addressee: Addressee = a.personId ? { personId: a.personId } : { group: a.group ?? undefined, ...(a.classGroupId ? { classGroupId: a.classGroupId } : {}) };
  const offered = options.find((o) => o.key === addresseeKey(addressee));
  if (offered) return { addressee, label: offered.label };
  if (a.personId) return { addressee, label: a.name ?? 'Destinataire' };
  return { addressee, label: a.group ? groupLabelOf(a.group) : 'Destinataire' };
}

export type Box = 'INBOX' | 'SENT' | 'DRAFT' | 'TRASH';

export interface Summary {
  id: string;
  conversationId: string;
  schoolId: string;
  box: Box;
  sender: PersonRef;
  subject: string;
  sentAt: string | null;
  updatedAt: string;
  read: boolean;
  trashed: boolean;
  folderId: string | null;
  recalled: boolean;
}

export interface MailPage {
  items: Summary[];
  page: number;
  size: number;
  more: boolean;
}

export interface Folder {
  id: string;
  name: string;
}

export interface UnreadCounts {
  inbox: number;
  folders: Record<string, number>;
}

export interface Sent {
  message: MessageView;
  notice: string | null;
  autoReplies: { personId: string; name: string; reply: string }[];
}

export interface BroadcastFamily {
  guardianId: string;
  name: string;
  acknowledgedAt: string | null;
  remindedAt: string | null;
}

/** GET /schools/{id}/broadcasts[/{id}] (staff) */
export interface BroadcastView {
  id: string;
  schoolId: string;
  subject: string;
  sentAt: string;
  families: number;
  acknowledged: number;
  notAcknowledged: number;
  acknowledgedBy: BroadcastFamily[];
  waitingFor: BroadcastFamily[];
}

export const BOXES: { box: Box; label: string; path: string }[] = [
  { box: 'INBOX', label: 'Reçus', path: '/messagerie' },
  { box: 'SENT', label: 'Envoyés', path: '/messagerie/envoyes' },
  { box: 'DRAFT', label: 'Brouillons', path: '/messagerie/brouillons' },
  { box: 'TRASH', label: 'Corbeille', path: '/messagerie/corbeille' },
];

export const REPORT_REASONS: { value: string; label: string }[] = [
  { value: 'INSULT', label: 'Insulte' },
  { value: 'HARASSMENT', label: 'Harcèlement' },
  { value: 'INAPPROPRIATE', label: 'Contenu inapproprié' },
  { value: 'SPAM', label: 'Message indésirable' },
  { value: 'OTHER', label: 'Autre' },
];

/** Attachments as messaging-service takes them (5 Mio; PDF, PNG, JPEG, DOCX, ODT). */
export const ATTACHMENT_RULES = {
  maxBytes: 5 * 1024 * 1024,
  maxLabel: '5 Mo',
  types: [
    'application/pdf',
    'image/png',
    'image/jpeg',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.oasis.opendocument.text',
  ],
  typesLabel: 'un PDF, une image PNG ou JPEG, un document Word (DOCX) ou OpenDocument (ODT)',
};

// --- recipients offered

/** One choice of the recipient picker: a person or a group, in one school. */
export interface RecipientOption {
  key: string;
  label: string;
  schoolId: string;
  addressee: Addressee;
}

export function addresseeKey(a: Addressee): string {
  return a.personId ? `p:${a.personId}` : `g:${a.group}:${a.classGroupId ?? ''}`;
}

const GROUP_LABEL: Record<GroupKind, string> = {
  PARENTS: 'Parents de',
  TEACHERS: 'Enseignants de',
  PUPILS: 'Élèves de',
  STAFF: 'Vie scolaire et direction',
};

/** A group's name when its class is not among those offered (a draft saved before a change of class). */
function groupLabelOf(kind: GroupKind): string {
  return kind === 'STAFF' ? GROUP_LABEL.STAFF : `${GROUP_LABEL[kind]} une classe`;
}

function group(schoolId: string, kind: GroupKind, classGroupId?: string, className?: string): RecipientOption {
  const addressee: Addressee = classGroupId ? { group: kind, classGroupId } : { group: kind };
  return { key: addresseeKey(addressee), label: className ? `${GROUP_LABEL[kind]} ${className}` : GROUP_LABEL[kind], schoolId, addressee };
}

function person(schoolId: string, id: string, name: string, what: string): RecipientOption {
  return { key: `p:${id}`, label: `${name} (${what})`, schoolId, addressee: { personId: id } };
}

/**
 * What the messaging API lets this person write to, from what the other public APIs tell them:
 * a family or a pupil, the teachers of the child's week (timetable) and the school's vie scolaire;
 * a teacher, the parents, pupils and teachers of each class they teach, and the vie scolaire;
 * staff, the same for every class of their school. The service checks each one again when sent.
 */
export function recipientOptions(
  me: Me,
  sources: { weeks?: { schoolId: string; week: Week }[]; classes?: { schoolId: string; classes: ClassView[] }[] },
): RecipientOption[] {
  const out = new Map<string, RecipientOption>();
  const add = (o: RecipientOption) => {
    const k = `${o.schoolId}|${o.key}`;
    if (!out.has(k)) out.set(k, o);
  };
  const role = me.profile.role;
  const schools = new Set<string>();
  for (const w of sources.weeks ?? []) {
    schools.add(w.schoolId);
    for (const o of w.week.occurrences) {
      for (const t of o.planned?.teacherIds ?? o.teacherIds) {
        const name = w.week.teacherNames[t];
        if (name) add(person(w.schoolId, t, name, o.subject ? subjectLabel(o.subject) : 'enseignant'));
      }
    }
  }
  for (const t of me.teaching) {
    schools.add(t.schoolId);
    for (const kind of ['PARENTS', 'PUPILS', 'TEACHERS'] as const) add(group(t.schoolId, kind, t.classGroupId, t.classGroupName));
  }
  if (role === 'STAFF') {
    for (const c of sources.classes ?? []) {
      schools.add(c.schoolId);
      for (const cls of [...c.classes].sort((a, b) => a.name.localeCompare(b.name, 'fr')))
        for (const kind of ['PARENTS', 'PUPILS', 'TEACHERS'] as const) add(group(c.schoolId, kind, cls.id, cls.name));
    }
  }
  for (const s of schools) add(group(s, 'STAFF'));
  return [...out.values()];
}

// --- refusals

/** One recipient the service refused, by name, and the field it came from (`to[1]`, `cc[0]`...). */
export interface Refusal {
  field: string;
  text: string;
}

/** The refusals of a 422 `recipients-not-allowed`, each naming the person (the service's French words). */
export function refusalsOf(error: unknown): Refusal[] {
  if (!(error instanceof ApiError) || slugOf(error.problem) !== 'recipients-not-allowed') return [];
  return (error.problem?.errors ?? []).map((e) => ({ field: e.field, text: e.message.replace(/ : [0-9a-f-]{36}$/i, '') }));
}

/** `to[2]` → `{list: 'to', index: 2}` */
export function fieldPosition(field: string): { list: 'to' | 'cc' | 'bcc'; index: number } | null {
  const m = /^(to|cc|bcc)\[(\d+)\]/.exec(field);
  return m ? { list: m[1] as 'to' | 'cc' | 'bcc', index: Number(m[2]) } : null;
}

const MESSAGING_FIELDS: Record<string, string> = {
  subject: 'objet',
  body: 'message',
  to: 'destinataires',
  cc: 'copie',
  bcc: 'copie cachée',
  levels: 'niveaux',
  classIds: 'classes',
  name: 'nom du dossier',
  q: 'recherche',
  attachmentIds: 'pièces jointes',
  reply: 'réponse automatique',
  startsAt: 'premier jour',
  endsAt: 'dernier jour',
  days: 'jours de blocage',
  personId: 'expéditeur',
};

/**
 * A messaging call that failed, in French: the refusals by name, the field named in messaging's
 * words (a message's `subject` is its « objet »), or problems.ts' sentence.
 */
export function messagingError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Une erreur est survenue. Réessayez plus tard.';
  const problem: Problem | null = error.problem;
  const refusals = refusalsOf(error);
  if (refusals.length > 0) return `Message non envoyé : ${refusals.map((r) => r.text).join(' ; ')}.`;
  const first = problem?.errors?.[0];
  if (first) {
    const base = first.field.replace(/\[\d+\].*$/, '').split('.').pop() ?? '';
    const label = MESSAGING_FIELDS[base];
    if (label) {
      const said = first.message;
      const french = /[éèàç]|\b(le|la|les|un|une|doit|pas)\b/.test(said) && !/[{}<>]/.test(said);
      return `Le champ « ${label} » ${french ? `: ${said}` : /must not be (null|blank|empty)/.test(said) ? 'est obligatoire' : 'n’est pas valide'}.`;
    }
  }
  return problemMessage(error.status, problem);
}

// --- the draft saved as one types

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string };

interface Timers {
  set: (f: () => void, ms: number) => unknown;
  clear: (t: unknown) => void;
}

const realTimers: Timers = {
  set: (f, ms) => setTimeout(f, ms),
  clear: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
};

/**
 * Saves a message being written: `change` after each keystroke, and the draft is saved `delay`
 * ms after the last one; the first save creates it (`POST /drafts`, the service chooses its id),
 * every later one updates it (`PUT /drafts/{id}`). Saves run one after the other, so a second
 * draft is never created while the first POST is on its way; a failed save is tried again with
 * the next change or `flush`.
 */
export class DraftAutosave {
  private pending: MessageInput | null = null;
  private timer: unknown = null;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly api: Api,
    private readonly onState: (s: SaveState) => void = () => undefined,
    public id: string | null = null,
    private readonly delay = 1200,
    private readonly timers: Timers = realTimers,
  ) {}

  change(input: MessageInput): void {
    this.pending = input;
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.flush().catch(() => undefined);
    }, this.delay);
  }

  /** Saves what is pending now (and waits for any save on its way); the draft's id. */
  flush(input?: MessageInput): Promise<string | null> {
    if (input) this.pending = input;
    if (this.timer !== null) {
      this.timers.clear(this.timer);
      this.timer = null;
    }
    const run = this.chain.then(() => this.saveNow());
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Forgets pending changes (the draft was sent or deleted). */
  stop(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    this.pending = null;
  }

  private async saveNow(): Promise<string | null> {
    const body = this.pending;
    if (!body) return this.id;
    this.pending = null;
    this.onState({ kind: 'saving' });
    try {
      if (this.id) await this.api.send('PUT', `${MESSAGING}/drafts/${this.id}`, body);
      else this.id = (await this.api.send<MessageView>('POST', `${MESSAGING}/drafts`, body)).id;
      this.onState({ kind: 'saved', at: new Date() });
      return this.id;
    } catch (e) {
      if (!this.pending) this.pending = body;
      this.onState({ kind: 'error', message: messagingError(e) });
      throw e;
    }
  }
}

// --- broadcasts

/** « 3 familles sur 10 ont confirmé la lecture » */
export function acknowledgementLine(b: Pick<BroadcastView, 'families' | 'acknowledged'>): string {
  const f = b.families;
  const a = b.acknowledged;
  if (f === 0) return 'Aucune famille destinataire.';
  if (a === f) return f === 1 ? 'La famille a confirmé la lecture.' : `Les ${f} familles ont confirmé la lecture.`;
  return `${a} famille${a > 1 ? 's' : ''} sur ${f} ${a > 1 ? 'ont' : 'a'} confirmé la lecture`;
}

/** « 7 en attente » */
export function waitingLine(b: Pick<BroadcastView, 'notAcknowledged'>): string {
  return b.notAcknowledged === 0 ? 'Personne en attente' : `${b.notAcknowledged} en attente`;
}

/** The levels of a school's classes (« 6e », « 4e »…), in school order. */
export function levelsOf(classes: (ClassView & { level?: string | null })[]): string[] {
  const order = ['6e', '5e', '4e', '3e', '2nde', '1re', 'Tle'];
  const found = new Set(classes.filter((c) => c.kind === 'CLASS' && c.level).map((c) => c.level as string));
  return [...found].sort((a, b) => (order.indexOf(a) + 100) % 100 - (order.indexOf(b) + 100) % 100 || a.localeCompare(b, 'fr'));
}

/** A recall is offered for 10 minutes after sending, while nobody has read it (the service decides). */
export function mayRecall(m: MessageView, meId: string, now: Date): boolean {
  if (m.sender.id !== meId || !m.sentAt || m.recalledAt) return false;
  if ((m.receipts ?? []).some((r) => r.readAt)) return false;
  return now.getTime() - new Date(m.sentAt).getTime() < 10 * 60 * 1000;
}
