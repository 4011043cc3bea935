/**
 * Turns an API answer that failed (RFC 9457 problem details, English details meant for API
 * clients) into a French sentence a family or a teacher can read, naming the field when the
 * problem names one. Never shows a stack trace, an English detail or a raw id.
 */
export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
}

const BY_SLUG: Record<string, string> = {
  'lesson-cancelled': 'Ce cours est annulé : il n’y a pas d’appel à faire.',
  'register-already-taken': 'L’appel de ce cours a déjà été fait.',
  'register-validated': 'L’appel de ce cours a été validé par la vie scolaire : il ne peut plus être modifié.',
  'incomplete-roll-call': 'L’appel est incomplet : chaque élève doit avoir un statut.',
  'pupil-not-in-class': 'Un élève de la liste n’est pas dans cette classe.',
  'unknown-pupil': 'Un élève de la liste est inconnu.',
  'already-justified': 'Cette absence est déjà justifiée.',
  'justification-pending': 'Un justificatif est déjà en attente pour cette absence.',
  'justification-decided': 'Ce justificatif a déjà été traité.',
  'entry-cancelled': 'Cette absence a été annulée.',
  'attachment-too-large': 'Le fichier est trop volumineux (2 Mo au plus).',
  'attachment-type': 'Ce type de fichier n’est pas accepté : envoyez un PDF, un JPEG ou un PNG.',
  'too-many-requests': 'Trop de demandes en peu de temps : réessayez dans quelques secondes.',
  'unauthorized': 'Votre session a expiré : reconnectez-vous.',
  'upstream-unavailable': 'Le service est momentanément indisponible. Réessayez dans un instant.',
  'service-unavailable': 'Le service est momentanément indisponible. Réessayez dans un instant.',
  'upstream-timeout': 'Le service met trop de temps à répondre. Réessayez dans un instant.',
  'payload-too-large': 'L’envoi est trop volumineux.',
  'absence-confirmed': 'Cette absence a déjà été confirmée par la vie scolaire : elle ne peut plus être retirée.',
  'teacher-conflict': 'Le remplaçant choisi a déjà cours à ce moment-là.',
  'overlapping-absence': 'Une absence couvre déjà cette période.',
  'occurrence-in-the-past': 'Ce cours a déjà commencé : il ne peut plus être modifié.',
  'register-not-taken': 'L’appel de ce cours n’a pas encore été fait.',
  // libs/files answers these for every service, each with its own limits: the screens say the limits first
  'file-too-large': 'Le fichier dépasse la taille acceptée.',
  'file-type': 'Ce type de fichier n’est pas accepté ici.',
  'checksum-mismatch': 'Le fichier est arrivé abîmé : envoyez-le de nouveau.',
  'upload-missing': 'Le fichier n’est pas arrivé : envoyez-le de nouveau.',
  'upload-refused': 'Le dépôt du fichier a été refusé : réessayez dans un instant.',
  'period-locked': 'Cette période est close : les notes ne peuvent plus changer.',
  'hand-ins-closed': 'Le professeur a clos la remise de ce travail.',
  'hand-in-final': 'L’heure de remise est passée : le travail déjà rendu ne peut plus être remplacé.',
  'assessment-published': 'Cette évaluation est déjà publiée : elle ne peut plus être supprimée.',
  'recipients-not-allowed': 'Message non envoyé : vous ne pouvez pas écrire à certains destinataires.',
  'recall-too-late': 'Trop tard pour rappeler ce message : c’est possible pendant 10 minutes après l’envoi.',
  'already-read': 'Ce message a déjà été lu : il ne peut plus être rappelé.',
  'already-recalled': 'Ce message a déjà été rappelé.',
  'already-reported': 'Vous avez déjà signalé ce message.',
  'already-sent': 'Ce brouillon a déjà été envoyé.',
  'folder-name-taken': 'Un dossier porte déjà ce nom.',
  'messaging-off': 'La messagerie de l’établissement est momentanément fermée.',
  'mass-sending-off': 'Les envois en nombre sont momentanément suspendus pour l’établissement.',
  'no-family': 'Aucune famille ne correspond à ce choix.',
};

const BY_STATUS: Record<number, string> = {
  400: 'La demande n’est pas valide.',
  401: 'Votre session a expiré : reconnectez-vous.',
  403: 'Vous n’avez pas accès à cette fonction.',
  404: 'Cette page n’existe pas, ou vous n’y avez pas accès.',
  409: 'L’opération n’est plus possible : la page a peut-être changé entre-temps. Rechargez-la.',
  413: 'L’envoi est trop volumineux.',
  415: 'Ce type de fichier n’est pas accepté.',
  429: 'Trop de demandes en peu de temps : réessayez dans quelques secondes.',
};

/** The French names of the request fields the portal sends. */
const FIELD_NAMES: Record<string, string> = {
  lateMinutes: 'minutes de retard',
  leftAt: 'heure de départ',
  status: 'statut',
  pupilId: 'élève',
  marks: 'appel',
  occurrenceId: 'cours',
  groupId: 'classe',
  subject: 'matière',
  date: 'date',
  startsAt: 'heure de début',
  endsAt: 'heure de fin',
  reasonId: 'motif',
  comment: 'commentaire',
  attachment: 'pièce jointe',
  fileName: 'nom du fichier',
  content: 'fichier',
  week: 'semaine',
  month: 'mois',
  from: 'début',
  to: 'fin',
  mode: 'mode d’envoi',
  substitutes: 'remplaçants',
  teacherId: 'enseignant',
  size: 'taille de page',
  page: 'page',
  value: 'note',
  marker: 'mention',
  title: 'titre',
  heldOn: 'date de l’évaluation',
  coefficient: 'coefficient',
  scale: 'barème',
  assessmentId: 'évaluation',
  hypotheses: 'hypothèse',
  classGroupId: 'classe',
  sha256: 'empreinte du fichier',
  contentType: 'type de fichier',
  attachmentId: 'pièce jointe',
  attachmentIds: 'documents',
  dueOn: 'pour le',
  dueTime: 'heure de remise',
  setOn: 'jour où le travail est donné',
  visibleFrom: 'visible à partir de',
  estimatedMinutes: 'temps estimé',
  instructions: 'consignes',
  kind: 'type de travail',
  logEntryId: 'séance',
  pupilIds: 'élèves',
  fileIds: 'fichiers',
  fileId: 'fichier',
  lessonOn: 'jour de la séance',
  done: 'fait',
};

/** "marks[2].lateMinutes" → "minutes de retard (ligne 3)". */
export function fieldLabel(field: string): string {
  const parts = field.split('.');
  const last = parts[parts.length - 1].replace(/\[\d+\]$/, '');
  const name = FIELD_NAMES[last] ?? 'un champ';
  const index = /\[(\d+)\]/.exec(field);
  return index ? `${name} (ligne ${Number(index[1]) + 1})` : name;
}

/** Bean Validation's English messages, in French; anything else becomes "n’est pas valide". */
export function constraintInFrench(message: string): string {
  let m: RegExpExecArray | null;
  if (/must not be (null|blank|empty)/.test(message)) return 'est obligatoire';
  if ((m = /greater than or equal to (\d+)/.exec(message))) return `doit valoir au moins ${m[1]}`;
  if ((m = /less than or equal to (\d+)/.exec(message))) return `doit valoir au plus ${m[1]}`;
  if ((m = /size must be between (\d+) and (\d+)/.exec(message))) return `doit compter entre ${m[1]} et ${m[2]} éléments`;
  // the services' own rules are written in French already (e.g. grades' "le coefficient ne peut pas être négatif")
  if (/[éèêàçù’]|\b(le|la|les|une|un|doit|pas|au plus)\b/.test(message) && !/[{}<>]/.test(message)) return `: ${message}`;
  return 'n’est pas valide';
}

export function slugOf(problem: Problem | null | undefined): string | undefined {
  const type = problem?.type;
  if (!type) return undefined;
  const slash = type.lastIndexOf('/');
  return slash >= 0 ? type.substring(slash + 1) : type;
}

/** The French message to show for a failed call. */
export function problemMessage(status: number, problem: Problem | null | undefined): string {
  const errors = problem?.errors ?? [];
  if (errors.length > 0) {
    const first = errors[0];
    const label = fieldLabel(first.field);
    const sentence = `Le champ « ${label} » ${constraintInFrench(first.message)}.`;
    return errors.length > 1 ? `${sentence} (${errors.length - 1} autre(s) champ(s) à corriger)` : sentence;
  }
  const slug = slugOf(problem);
  if (slug && BY_SLUG[slug]) return BY_SLUG[slug];
  if (BY_STATUS[status]) return BY_STATUS[status];
  if (status >= 500) return 'Le service est momentanément indisponible. Réessayez plus tard.';
  if (status === 0) return 'Pas de connexion au réseau. Vérifiez votre connexion et réessayez.';
  return 'Une erreur est survenue. Réessayez plus tard.';
}
