/** The shapes of the public APIs the portal reads (see each service's README). */
export type Role = 'PUPIL' | 'PARENT' | 'TEACHER' | 'STAFF' | 'ADMIN';

export interface Person {
  id: string;
  role: Role;
  firstName: string;
  lastName: string;
  schoolIds: string[];
}

export interface Enrolment {
  id: string;
  pupilId: string;
  schoolId: string;
  classId: string;
  groupIds: string[];
}

export interface Assignment {
  id: string;
  schoolId: string;
  classGroupId: string;
  classGroupName: string;
  subject: string;
}

/** GET /api/identity/me */
export interface Me {
  profile: Person;
  children: { person: Person; currentEnrolments: Enrolment[] }[];
  teaching: Assignment[];
  enrolments: Enrolment[];
}

export type OccurrenceState = 'PLANNED' | 'CANCELLED' | 'ADDED' | 'MOVED' | 'SUBSTITUTE' | 'ROOM_CHANGED';

export interface Occurrence {
  id: string;
  lessonId: string;
  schoolId: string;
  subject: string;
  date: string;
  slot: string;
  /** the last slot of a lesson over several (a double lesson M1–M2: M2); startsAt–endsAt span them all */
  endSlot?: string | null;
  startsAt: string;
  endsAt: string;
  roomId: string | null;
  teacherIds: string[];
  classIds: string[];
  groupIds: string[];
  state: OccurrenceState;
  changes: OccurrenceState[];
  planned: { date: string; slot: string; endSlot?: string | null; startsAt: string; endsAt: string; roomId: string | null; teacherIds: string[] } | null;
  remoteLink: string | null;
}

/** GET /api/timetable/pupils/{id}/week?date= */
export interface Week {
  week: string;
  from: string;
  to: string;
  occurrences: Occurrence[];
  teacherNames: Record<string, string>;
  roomNames: Record<string, string>;
  classNames: Record<string, string>;
}

/** GET /api/timetable/schools/{id}/changes?from=&to= (staff): the occurrences with a change, named as in a week */
export interface SchoolChanges extends Omit<Week, 'week'> {
  schoolId: string;
}

export interface Entry {
  id: string;
  pupilId: string;
  kind: 'ABSENCE' | 'LATENESS' | 'EARLY_DEPARTURE';
  startsAt: string;
  endsAt: string | null;
  lateMinutes?: number;
  status: 'UNJUSTIFIED' | 'JUSTIFIED' | 'CANCELLED';
  justification?: string;
}

/** GET /api/attendance/pupils/{id}/record?month= */
export interface PupilRecord {
  pupilId: string;
  unjustifiedHalfDays: number;
  justifiedHalfDays: number;
  latenesses: number;
  entries: Entry[];
}

/** GET /api/attendance/teachers/{id}/lessons?date= */
export interface LessonRollCall {
  occurrenceId: string;
  lessonId: string;
  schoolId: string;
  date: string;
  startsAt: string;
  endsAt: string;
  subject: string;
  classIds: string[];
  groupIds: string[];
  cancelled: boolean;
  substitute: boolean;
  moved: boolean;
  needsRegister: boolean;
  registerTaken: boolean;
  registers: { groupId: string; registerId: string | null; status: string | null }[];
}

export type MarkStatus = 'PRESENT' | 'ABSENT' | 'LATE' | 'LEFT_EARLY';

/** POST /api/attendance/registers, PUT /api/attendance/registers/{id}/marks */
export interface Register {
  id: string;
  groupId: string;
  subject: string;
  date: string;
  startsAt: string;
  endsAt: string;
  status: string;
  pupils?: { pupilId: string; firstName?: string; lastName?: string; status?: MarkStatus; lateMinutes?: number }[];
  counts?: { pupils: number; present: number; absent: number; late: number; leftEarly: number };
}

/** An entry of the inbox, also what the live stream sends. */
export interface Notification {
  id: string;
  seq: number;
  type: string;
  child: { id: string; firstName: string } | null;
  title: string;
  body: string;
  occurredAt: string;
  createdAt: string;
  read: boolean;
}

export interface UnreadCount {
  unread: number;
  children: { childId: string; firstName: string; unread: number }[];
}

/** GET /api/attendance/schools/{id}/day?date= (entries as staff see them: reason, origin) */
export interface StaffEntry extends Entry {
  origin?: string;
  registerId?: string;
  reason?: { id: string; code: string; label: string; justifying: boolean; confidential?: boolean };
  comment?: string;
}

export interface SchoolDay {
  schoolId: string;
  date: string;
  counts: {
    absences: number;
    pupilsAbsent: number;
    latenesses: number;
    earlyDepartures: number;
    unjustified: number;
    registersOpened: number;
    registersTaken: number;
    registersNotTaken: number;
    pendingJustifications: number;
    alertsThisMonth: number;
  };
  entries: StaffEntry[];
}

/** GET /api/attendance/schools/{id}/forgotten-registers?date= */
export interface ForgottenRegister extends LessonRollCall {
  teacherIds: string[];
  missingGroupIds: string[];
}

/** GET /api/attendance/schools/{id}/justifications?status=PENDING */
export interface Justification {
  id: string;
  entryId: string;
  pupilId: string;
  schoolId: string;
  submittedAt: string;
  reasonId: string | null;
  comment: string | null;
  attachmentType: string | null;
  attachmentName: string | null;
  status: 'PENDING' | 'ACCEPTED' | 'REFUSED';
}

/** GET /api/attendance/schools/{id}/reasons */
export interface Reason {
  id: string;
  code: string;
  label: string;
  justifying: boolean;
  confidential?: boolean;
}

/** timetable-service: a teacher's absence (no reason, ever) */
export interface TeacherAbsence {
  id: string;
  schoolId: string;
  teacherId: string;
  from: string;
  to: string;
  status: 'DECLARED' | 'CONFIRMED';
  declaredAt: string;
  confirmedAt: string | null;
}

/** GET /api/notification/preferences */
export type Channel = 'IN_APP' | 'EMAIL' | 'PUSH';
export type Mode = 'OFF' | 'IMMEDIATE' | 'DIGEST';
export interface Preference {
  type: string;
  label: string;
  channel: Channel;
  mode: Mode;
  defaultMode: Mode;
}

/** GET /api/timetable/me/feed, POST /api/timetable/me/feed */
export interface FeedStatus {
  active: boolean;
  createdAt: string | null;
}
export interface FeedLink {
  url: string;
  createdAt: string;
}

/** GET /api/<service>/schools/{id}/audit?pupilId= (libs/audit) */
export interface AuditEntry {
  id: string;
  schoolId: string;
  pupilId: string;
  actorPersonId: string | null;
  actorClient: string | null;
  actorRoles: string[];
  action: string;
  targetId: string | null;
  requestId: string | null;
  occurredAt: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

/** GET /api/identity/people/{id}, /people?schoolId=&role=&q= */
export interface PersonView {
  id: string;
  role: Role;
  firstName: string;
  lastName: string;
  schoolIds: string[];
}

/** GET /api/identity/schools/{id}/classes */
export interface ClassView {
  id: string;
  kind: 'CLASS' | 'GROUP';
  code: string;
  name: string;
}

/** GET /api/identity/schools/{id} */
export interface School {
  id: string;
  name: string;
}

/** GET /api/notification/home: the home's read model, one call for every child (or for the pupil). */
export interface HomeView {
  unreadNotifications: number;
  unreadMessages: number;
  broadcastsToAcknowledge: number;
  children: PupilHome[];
}

export interface PupilHome {
  id: string;
  firstName: string;
  /** the school the pupil is enrolled in today */
  schoolId: string;
  workDue: { workId: string; subject: string; kind: string; dueOn: string; done: boolean; text: string; link: string }[];
  latestMarks: { assessmentId: string; subject: string; heldOn: string | null; changed: boolean; at: string; text: string; link: string }[];
  /** an absence (startsAt–endsAt) or a lateness (on date, lateMinutes) not justified yet */
  absencesToJustify: { id: string; kind: 'ABSENCE' | 'LATENESS'; startsAt: string | null; endsAt: string | null; date: string | null; lateMinutes: number | null }[];
}
