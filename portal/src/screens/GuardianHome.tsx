import { ReactNode, Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { Api, ApiError } from '../lib/api';
import { addDays, dayLabel, instantLabel, schoolDate, timeLabel } from '../lib/dates';
import { ChildPlan, guardianHomePlan } from '../lib/home';
import { saveSnapshot } from '../lib/offline';
import { openStream } from '../lib/sse';
import { changeLabel, lessonsOn, subjectLabel } from '../lib/timetable';
import { Entry, HomeView, Me, Notification, PupilHome, Week } from '../lib/types';
import { navigate } from '../router';
import { DayLessons, ErrorMessage, Loading } from './common';

// the justification form (and its upload) is fetched when a guardian opens it
const Justify = lazy(() => import('./Justify'));

interface ChildData {
  weeks?: Week[];
  weekError?: string;
}

/** What the home's read model says (one call for every child), or why it could not be read. */
interface HomeState {
  view?: HomeView;
  error?: string;
}

interface Inbox {
  items: Notification[];
  unread: number;
}

/**
 * A guardian's home: one block per child (whatever their school), today and tomorrow with the
 * changes, the work due, the latest marks, the absences still to justify (the home's read model,
 * one call for every child), the unread messages, and the notifications as they arrive.
 */
export function GuardianHome({
  api,
  me,
  token,
  onUnread,
  stream = openStream,
}: {
  api: Api;
  me: Me;
  token: () => Promise<string | null>;
  onUnread: (n: number) => void;
  /** the live stream's reader (lib/sse's, over fetch) */
  stream?: typeof openStream;
}) {
  const today = useMemo(() => schoolDate(new Date()), []);
  const tomorrow = addDays(today, 1);
  const plan = useMemo(() => guardianHomePlan(me, today), [me, today]);
  const [data, setData] = useState<Record<string, ChildData>>({});
  const [home, setHome] = useState<HomeState>({});
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [inboxError, setInboxError] = useState<string | null>(null);
  const [live, setLive] = useState(false);
  const [announce, setAnnounce] = useState('');

  useEffect(() => {
    let stale = false;
    const update = (childId: string, change: ChildData) => {
      if (!stale) setData((d) => ({ ...d, [childId]: { ...d[childId], ...change } }));
    };
    for (const child of plan.children) {
      Promise.all(child.weekPaths.map((p) => api.get<Week>(p))).then(
        (weeks) => update(child.childId, { weeks }),
        (e: ApiError) => update(child.childId, { weekError: e.message }),
      );
    }
    api.get<HomeView>(plan.homePath).then(
      (view) => !stale && setHome({ view }),
      (e: ApiError) => !stale && setHome({ error: e.message }),
    );
    return () => {
      stale = true;
    };
  }, [api, plan]);

  // the latest notifications, then the live stream from the newest one on
  useEffect(() => {
    let close: (() => void) | undefined;
    let stopped = false;
    api.get<{ items: Notification[]; unread: number }>(plan.inboxPath).then(
      (page) => {
        if (stopped) return;
        setInbox({ items: page.items, unread: page.unread });
        const known = new Set(page.items.map((n) => n.id));
        close = stream({
          url: plan.streamPath,
          token,
          onState: setLive,
          onEvent: (e) => {
            if (e.event === 'notification-removed') {
              // notices taken back (a recalled message): dropped from the list and the unread count
              const gone = new Set((JSON.parse(e.data) as { ids: string[] }).ids);
              setInbox((i) => i && {
                items: i.items.filter((n) => !gone.has(n.id)),
                unread: Math.max(0, i.unread - i.items.filter((n) => gone.has(n.id) && !n.read).length),
              });
              return;
            }
            if (e.event !== 'notification') return;
            const n = JSON.parse(e.data) as Notification;
            if (known.has(n.id)) return;
            known.add(n.id);
            setInbox((i) => ({ items: [n, ...(i?.items ?? [])].slice(0, 10), unread: (i?.unread ?? 0) + (n.read ? 0 : 1) }));
            setAnnounce(`Nouvelle notification : ${n.title}`);
          },
        });
      },
      (e: ApiError) => setInboxError(e.message),
    );
    return () => {
      stopped = true;
      close?.();
    };
  }, [api, plan, token, stream]);

  useEffect(() => {
    if (inbox) onUnread(inbox.unread);
  }, [inbox, onUnread]);

  // keeps today and tomorrow readable offline
  useEffect(() => {
    const ready = plan.children.every((c) => data[c.childId]?.weeks);
    if (!ready || plan.children.length === 0) return;
    saveSnapshot({
      savedAt: new Date().toISOString(),
      people: plan.children.map((c) => {
        const weeks = data[c.childId].weeks!;
        const names = { teacherNames: Object.assign({}, ...weeks.map((w) => w.teacherNames)), roomNames: Object.assign({}, ...weeks.map((w) => w.roomNames)) };
        return {
          name: c.firstName,
          days: [today, tomorrow].map((date) => ({
            date,
            lessons: lessonsOn(weeks, date).map((o) => ({ time: timeLabel(o.startsAt), subject: subjectLabel(o.subject), change: changeLabel(o, names) })),
          })),
        };
      }),
    });
  }, [data, plan, today, tomorrow]);

  const markAllRead = async () => {
    try {
      await api.send('POST', '/api/notification/inbox/read-all', undefined);
      setInbox((i) => (i ? { items: i.items.map((n) => ({ ...n, read: true })), unread: 0 } : i));
    } catch (e) {
      setInboxError((e as ApiError).message);
    }
  };

  return (
    <div className="home">
      <h1>Bonjour {me.profile.firstName}</h1>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      <div className="columns">
        <div className="children">
          {plan.children.map((c) => (
            <ChildBlock key={c.childId} api={api} me={me} child={c} data={data[c.childId] ?? {}} home={home}
              pupil={home.view?.children.find((p) => p.id === c.childId)} today={today} tomorrow={tomorrow} />
          ))}
        </div>
        <section className="card notifications" aria-labelledby="notifs">
          <h2 id="notifs">
            Notifications{' '}
            <span className={`live ${live ? 'on' : 'off'}`}>{live ? '· en direct' : '· reconnexion…'}</span>
          </h2>
          {home.view && (
            <p className="messages-summary">
              {messagesLabel(home.view.unreadMessages)}
              {home.view.broadcastsToAcknowledge > 0 &&
                ` ${home.view.broadcastsToAcknowledge} information${home.view.broadcastsToAcknowledge > 1 ? 's' : ''} de l’établissement à confirmer.`}
            </p>
          )}
          {inboxError && <ErrorMessage message={inboxError} />}
          {!inbox && !inboxError && <Loading what="vos notifications" />}
          {inbox && (
            <>
              <p>
                {inbox.unread === 0 ? 'Tout est lu.' : `${inbox.unread} notification${inbox.unread > 1 ? 's' : ''} non lue${inbox.unread > 1 ? 's' : ''}.`}
                {inbox.unread > 0 && (
                  <button type="button" className="link" onClick={markAllRead}>
                    Tout marquer comme lu
                  </button>
                )}
              </p>
              {inbox.items.length === 0 ? (
                <p className="empty">Aucune notification.</p>
              ) : (
                <ul className="notification-list">
                  {inbox.items.map((n) => (
                    <li key={n.id} className={n.read ? 'read' : 'unread-item'}>
                      <strong>{n.title}</strong>
                      {n.child && <span className="tag">{n.child.firstName}</span>}
                      <p>{n.body}</p>
                      <time dateTime={n.occurredAt}>{instantLabel(n.occurredAt)}</time>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </section>
      </div>
    </div>
  );
}

function ChildBlock({ api, me, child, data, home, pupil, today, tomorrow }: {
  api: Api; me: Me; child: ChildPlan; data: ChildData; home: HomeState; pupil: PupilHome | undefined; today: string; tomorrow: string;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const [sent, setSent] = useState<Set<string>>(new Set());
  const enrolment = me.children.find((c) => c.person.id === child.childId)?.currentEnrolments[0];
  const className = enrolment && data.weeks ? data.weeks.map((w) => w.classNames[enrolment.classId]).find(Boolean) : undefined;
  const toJustify = (pupil?.absencesToJustify ?? []).map(asEntry(child.childId));
  const headingId = `enfant-${child.childId}`;
  const loading = !home.view && !home.error;
  return (
    <article className="card child" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {child.firstName}
        {className && <span className="class"> · {className}</span>}
      </h2>
      {data.weekError && <ErrorMessage message={data.weekError} />}
      {!data.weeks && !data.weekError && <Loading what="l’emploi du temps" />}
      {data.weeks && (
        <>
          <DayLessons weeks={data.weeks} date={today} title="Aujourd’hui" />
          <DayLessons weeks={data.weeks} date={tomorrow} title="Demain" />
        </>
      )}
      {home.error && <ErrorMessage message={home.error} />}
      {loading && <Loading what="le travail, les notes et les absences" />}
      {home.view && (
        <>
          <section className="work-due" aria-label={`Travail à faire de ${child.firstName}`}>
            <h3>Travail à faire</h3>
            {(pupil?.workDue ?? []).length === 0 ? (
              <p className="empty">Rien à faire pour les prochains jours.</p>
            ) : (
              <ul className="entries">
                {pupil!.workDue.map((w) => (
                  <li key={w.workId}>
                    {w.text}
                    {w.done && <span className="tag"> fait</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="latest-marks" aria-label={`Dernières notes de ${child.firstName}`}>
            <h3>Dernières notes</h3>
            {(pupil?.latestMarks ?? []).length === 0 ? (
              <p className="empty">Pas de nouvelle note.</p>
            ) : (
              <ul className="entries">
                {pupil!.latestMarks.map((m) => (
                  <li key={m.assessmentId}>
                    <PageLink to={`/notes/${child.childId}`}>{m.text}</PageLink>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="attendance" aria-label={`Absences et retards de ${child.firstName} à justifier`}>
            <h3>Absences à justifier</h3>
            {toJustify.length === 0 ? (
              <p className="empty">Rien à justifier.</p>
            ) : (
              <ul className="entries">
                {toJustify.map((e) => {
                  const pending = sent.has(e.id);
                  return (
                    <li key={e.id}>
                      {entryLabel(pending ? { ...e, justification: 'PENDING' } : e)}{' '}
                      {!pending && pupil && (
                        <button type="button" aria-expanded={open === e.id} onClick={() => setOpen(open === e.id ? null : e.id)}>
                          Justifier
                        </button>
                      )}
                      {open === e.id && pupil && !pending && (
                        <Suspense fallback={<Loading what="le formulaire" />}>
                          <Justify
                            api={api}
                            entry={e}
                            schoolId={pupil.schoolId}
                            onDone={() => {
                              setSent(new Set([...sent, e.id]));
                              setOpen(null);
                            }}
                          />
                        </Suspense>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </>
      )}
      <p>
        <PageLink to={`/notes/${child.childId}`}>Notes de {child.firstName}</PageLink>
      </p>
    </article>
  );
}

/** A link to one of the app's pages, opened without reloading. */
function PageLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <a
      href={to}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/** The home's absence or lateness as the justification form takes it (the attendance entry's id). */
function asEntry(pupilId: string) {
  return (a: PupilHome['absencesToJustify'][number]): Entry => ({
    id: a.id,
    pupilId,
    kind: a.kind,
    startsAt: a.startsAt ?? `${a.date}T12:00:00Z`,
    endsAt: a.endsAt,
    lateMinutes: a.lateMinutes ?? undefined,
    status: 'UNJUSTIFIED',
  });
}

function messagesLabel(n: number): string {
  if (n === 0) return 'Aucun message non lu.';
  return `${n} message${n > 1 ? 's' : ''} non lu${n > 1 ? 's' : ''}.`;
}

function entryLabel(e: Entry): string {
  const when = instantLabel(e.startsAt);
  if (e.kind === 'LATENESS') return `Retard${e.lateMinutes ? ` de ${e.lateMinutes} min` : ''}, ${dayLabel(e.startsAt.substring(0, 10))}`;
  return `Absence, ${when}${e.justification === 'PENDING' ? ' (justificatif envoyé)' : ''}`;
}
