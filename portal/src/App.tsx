import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { User, UserManager } from 'oidc-client-ts';
import { CALLBACK_PATH, createUserManager, loadConfig } from './lib/auth';
import { Api, ApiError, createApi } from './lib/api';
import { Me } from './lib/types';
import { forgetSnapshot, readSnapshot, readTodo } from './lib/offline';
import { forgetCompose } from './lib/composeStore';
import { navigate, usePath } from './router';
import { ErrorMessage, Loading } from './screens/common';
import { GuardianHome } from './screens/GuardianHome';
import { PupilWeek, TeacherWeek } from './screens/PupilWeek';
import { isAdult, menuFor } from './lib/menu';
import { MainMenu } from './screens/MainMenu';
import { TeacherToday } from './screens/TeacherToday';
import { RollCall } from './screens/RollCall';
import { OfflineTimetable, OfflineTodoList } from './screens/OfflineTimetable';

// pages not on a family's first screen: chunks of their own, fetched when opened
const StaffHome = lazy(() => import('./screens/StaffHome').then((m) => ({ default: m.StaffHome })));
const Settings = lazy(() => import('./screens/Settings').then((m) => ({ default: m.Settings })));
const Inbox = lazy(() => import('./screens/Inbox').then((m) => ({ default: m.Inbox })));
const Marks = lazy(() => import('./screens/Marks').then((m) => ({ default: m.Marks })));
const TeacherAssessments = lazy(() => import('./screens/TeacherMarks').then((m) => ({ default: m.TeacherAssessments })));
const MarksGrid = lazy(() => import('./screens/TeacherMarks').then((m) => ({ default: m.MarksGrid })));
const TodoList = lazy(() => import('./screens/Homework').then((m) => ({ default: m.TodoList })));
const WorkDetail = lazy(() => import('./screens/Homework').then((m) => ({ default: m.WorkDetail })));
const TeacherHomework = lazy(() => import('./screens/TeacherHomework').then((m) => ({ default: m.TeacherHomework })));
const HandIns = lazy(() => import('./screens/TeacherHomework').then((m) => ({ default: m.HandIns })));
const TeacherAbsences = lazy(() => import('./screens/TeacherAbsences').then((m) => ({ default: m.TeacherAbsences })));
const Mailbox = lazy(() => import('./screens/Mailbox').then((m) => ({ default: m.Mailbox })));
const Thread = lazy(() => import('./screens/Thread').then((m) => ({ default: m.Thread })));
const Compose = lazy(() => import('./screens/Compose').then((m) => ({ default: m.Compose })));
const Broadcasts = lazy(() => import('./screens/Broadcasts').then((m) => ({ default: m.Broadcasts })));
const Reports = lazy(() => import('./screens/MessagingStaff').then((m) => ({ default: m.Reports })));
const RuleTable = lazy(() => import('./screens/MessagingStaff').then((m) => ({ default: m.RuleTable })));
const Away = lazy(() => import('./screens/Away').then((m) => ({ default: m.Away })));
const Activate = lazy(() => import('./screens/Activate').then((m) => ({ default: m.Activate })));

type State =
  | { kind: 'starting' }
  | { kind: 'signed-out'; error?: string }
  | { kind: 'signed-in'; user: User };

export function App() {
  const [manager, setManager] = useState<UserManager | null>(null);
  const [state, setState] = useState<State>({ kind: 'starting' });
  const userRef = useRef<User | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const um = createUserManager(await loadConfig());
        if (cancelled) return;
        setManager(um);
        um.events.addUserLoaded((u) => {
          userRef.current = u;
        });
        um.events.addSilentRenewError(() => setState({ kind: 'signed-out', error: 'Votre session a expiré : reconnectez-vous.' }));
        if (window.location.pathname === CALLBACK_PATH) {
          const user = await um.signinRedirectCallback();
          const back = typeof user.state === 'string' && user.state.startsWith('/') ? user.state : '/';
          window.history.replaceState(null, '', back);
          userRef.current = user;
          setState({ kind: 'signed-in', user });
          return;
        }
        const user = await um.getUser();
        if (user && !user.expired) {
          userRef.current = user;
          setState({ kind: 'signed-in', user });
        } else if (user) {
          // expired while the tab slept: renew with the refresh token, or sign in again
          try {
            const renewed = await um.signinSilent();
            userRef.current = renewed;
            setState(renewed ? { kind: 'signed-in', user: renewed } : { kind: 'signed-out' });
          } catch {
            setState({ kind: 'signed-out' });
          }
        } else {
          setState({ kind: 'signed-out' });
        }
      } catch {
        setState({ kind: 'signed-out', error: navigator.onLine ? 'La connexion n’a pas pu être établie. Réessayez.' : undefined });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const token = useCallback(async () => userRef.current?.access_token ?? null, []);
  const api = useMemo(() => createApi(token), [token]);

  const signIn = () => manager?.signinRedirect({ state: window.location.pathname === CALLBACK_PATH ? '/' : window.location.pathname });
  const signOut = async () => {
    forgetSnapshot();
    forgetCompose();
    if ('caches' in window) {
      await caches.delete('ent-api').catch(() => false);
    }
    await manager?.signoutRedirect();
  };

  if (state.kind === 'starting') return <Loading what="l’ENT" />;
  if (state.kind === 'signed-out') return <Welcome onSignIn={manager ? signIn : undefined} error={state.error} />;
  return <SignedIn api={api} token={token} onSignOut={signOut} />;
}

function Welcome({ onSignIn, error }: { onSignIn?: () => void; error?: string }) {
  const snapshot = readSnapshot();
  const todo = readTodo();
  return (
    <main id="contenu" className="welcome">
      <h1>Espace numérique de travail</h1>
      <p>Emploi du temps, absences et notifications de votre établissement.</p>
      {error && <ErrorMessage message={error} />}
      {onSignIn ? (
        <button type="button" className="primary" onClick={onSignIn}>
          Se connecter
        </button>
      ) : (
        <p role="status">Connexion impossible pour le moment : vous êtes peut-être hors ligne.</p>
      )}
      {snapshot && <OfflineTimetable snapshot={snapshot} />}
      {todo && <OfflineTodoList todo={todo} />}
    </main>
  );
}

function SignedIn({ api, token, onSignOut }: { api: Api; token: () => Promise<string | null>; onSignOut: () => void }) {
  const path = usePath();
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unread, setUnread] = useState<number | null>(null);
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    let stale = false;
    api.get<Me>('/api/identity/me').then(
      (m) => !stale && setMe(m),
      (e: ApiError) => !stale && setError(e.message),
    );
    return () => {
      stale = true;
    };
  }, [api]);

  // moves the focus to the new page's content, as a screen reader user expects after navigation
  useEffect(() => {
    mainRef.current?.focus();
  }, [path]);

  const name = me ? `${me.profile.firstName} ${me.profile.lastName}` : '';
  let page;
  if (error) page = <ErrorMessage message={error} />;
  else if (!me) page = <Loading what="votre espace" />;
  else if (path.startsWith('/appel/')) {
    const [, , occurrenceId, groupId] = path.split('/');
    page = <RollCall api={api} me={me} occurrenceId={decodeURIComponent(occurrenceId ?? '')} groupId={groupId ?? ''} />;
  } else if (path === '/notifications') page = <Inbox api={api} onUnread={setUnread} />;
  else if (path === '/reglages') page = <Settings api={api} />;
  else if (path === '/messagerie/nouveau') page = <Compose key={path} api={api} me={me} />;
  else if (/^\/messagerie\/brouillons\/[^/]+$/.test(path)) page = <Compose key={path} api={api} me={me} draftId={path.split('/')[3]} />;
  else if (/^\/messagerie\/messages\/[^/]+$/.test(path)) page = <Thread key={path} api={api} me={me} messageId={path.split('/')[3]} />;
  else if (path === '/messagerie' || /^\/messagerie\/(envoyes|brouillons|corbeille|dossiers\/[^/]+)$/.test(path)) page = <Mailbox api={api} path={path} />;
  else if (me.profile.role === 'STAFF' && path === '/diffusions') page = <Broadcasts api={api} me={me} />;
  else if (me.profile.role === 'STAFF' && path === '/signalements') page = <Reports api={api} me={me} />;
  else if (me.profile.role === 'STAFF' && path === '/regles-messagerie') page = <RuleTable api={api} me={me} />;
  else if (isAdult(me) && path === '/reponse-automatique') page = <Away api={api} />;
  else if (path === '/activer') page = <Activate />;
  else if ((me.children.length > 0 || me.profile.role === 'PUPIL') && (path === '/notes' || path.startsWith('/notes/')))
    page = <Marks api={api} me={me} childId={path.split('/')[2]} />;
  else if ((me.children.length > 0 || me.profile.role === 'PUPIL') && (path === '/travail' || path.startsWith('/travail/')))
    page = <TodoList api={api} me={me} childId={path.split('/')[2]} />;
  else if ((me.children.length > 0 || me.profile.role === 'PUPIL') && path.startsWith('/devoir/'))
    page = <WorkDetail api={api} me={me} workId={path.split('/')[2] ?? ''} childId={path.split('/')[3]} />;
  else if (me.teaching.length > 0 && path === '/cahier-de-textes') page = <TeacherHomework api={api} me={me} />;
  else if (me.teaching.length > 0 && path.startsWith('/cahier-de-textes/remises/')) page = <HandIns api={api} workId={path.split('/')[3] ?? ''} />;
  else if (me.teaching.length > 0 && path === '/evaluations') page = <TeacherAssessments api={api} me={me} />;
  else if (me.teaching.length > 0 && path.startsWith('/evaluations/')) page = <MarksGrid api={api} assessmentId={path.split('/')[2] ?? ''} />;
  else if (me.children.length > 0 && path === '/') page = <GuardianHome api={api} me={me} token={token} onUnread={setUnread} />;
  else if (me.teaching.length > 0 && path === '/') page = <TeacherToday api={api} me={me} />;
  else if (me.teaching.length > 0 && path === '/semaine') page = <TeacherWeek api={api} me={me} />;
  else if (me.profile.role === 'TEACHER' && path === '/absences') page = <TeacherAbsences api={api} />;
  else if ((me.profile.role === 'STAFF' || me.profile.role === 'ADMIN') && path === '/') page = <StaffHome api={api} me={me} />;
  else if (me.profile.role === 'PUPIL' && (path === '/' || path === '/semaine')) page = <PupilWeek api={api} me={me} />;
  else if (path !== '/') page = <NotFound />;
  else page = <p>Aucun contenu n’est encore disponible pour votre profil.</p>;

  return (
    <>
      <a className="skip" href="#contenu">
        Aller au contenu
      </a>
      <header className="bar">
        <a
          href="/"
          className="brand"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          ENT
        </a>
        {unread !== null && (
          <span className="unread" aria-live="polite">
            {unread === 0 ? 'Aucune notification non lue' : `${unread} non lue${unread > 1 ? 's' : ''}`}
          </span>
        )}
        {me && <MainMenu items={menuFor(me)} path={path} />}
        <span className="who">{name}</span>
        <button type="button" onClick={onSignOut}>
          Se déconnecter
        </button>
      </header>
      <main id="contenu" tabIndex={-1} ref={mainRef}>
        <Suspense fallback={<Loading what="la page" />}>{page}</Suspense>
      </main>
    </>
  );
}

function NotFound() {
  return (
    <section>
      <h1>Page introuvable</h1>
      <p>
        <a href="/" onClick={(e) => { e.preventDefault(); navigate('/'); }}>
          Revenir à l’accueil
        </a>
      </p>
    </section>
  );
}
