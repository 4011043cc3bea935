import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Api, ApiError } from '../lib/api';
import { BroadcastView, COMPOSE_KEY, MessageView } from '../lib/messaging';
import { Me, Week } from '../lib/types';
import { Broadcasts } from './Broadcasts';
import { Compose } from './Compose';
import { Thread } from './Thread';
import { testApiBase } from './testApi';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const sophie: Me = {
  profile: { id: 'sophie', role: 'PARENT', firstName: 'Sophie', lastName: 'Dubois', schoolIds: [] },
  children: [{ person: { id: 'lea', role: 'PUPIL', firstName: 'Léa', lastName: 'Dubois', schoolIds: ['jm'] }, currentEnrolments: [{ id: 'e', pupilId: 'lea', schoolId: 'jm', classId: '4a', groupIds: [] }] }],
  teaching: [],
  enrolments: [],
};

const leasWeek: Week = {
  week: '2026-W50',
  from: '2026-12-07',
  to: '2026-12-13',
  occurrences: [
    ['claire', 'mathématiques'],
    ['paul', 'histoire-géographie'],
  ].map(([t, subject], i) => ({
    id: `o${i}`, lessonId: 'l', schoolId: 'jm', subject, date: '2026-12-07', slot: 'M1', startsAt: '08:00', endsAt: '09:00', roomId: null,
    teacherIds: [t], classIds: ['4a'], groupIds: [], state: 'PLANNED' as const, changes: [], planned: null, remoteLink: null,
  })),
  teacherNames: { claire: 'Claire Martin', paul: 'Paul Leroy' },
  roomNames: {},
  classNames: { '4a': '4E A' },
};

const NOTICE = "Message remis. Par respect du droit à la déconnexion, ses destinataires n'en seront avertis qu'à partir de 7 h le prochain jour ouvré.";

/** What messaging-service answers; Paul Leroy is refused the first time (he no longer teaches Léa). */
function messaging() {
  const sent: { method: string; path: string; body: unknown }[] = [];
  let sends = 0;
  const api: Api = {
    ...testApiBase(),
    get: async <T,>(path: string): Promise<T> => {
      if (path.startsWith('/api/timetable/pupils/lea/week?date=')) return leasWeek as T;
      throw new Error(path);
    },
    send: async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown): Promise<T> => {
      sent.push({ method, path, body });
      if (method === 'POST' && path === '/api/messaging/drafts') return { id: 'd1' } as T;
      if (method === 'PUT') return { id: 'd1' } as T;
      if (path === '/api/messaging/drafts/d1/send') {
        if (sends++ === 0)
          throw new ApiError(422, {
            type: 'https://ent.example/problems/recipients-not-allowed',
            detail: 'Message non envoyé : vous ne pouvez pas écrire à Paul Leroy.',
            errors: [{ field: 'to[1]', message: 'Paul Leroy (enseignant) : vous ne pouvez pas lui écrire' }],
          });
        return { message: { id: 'm1', subject: 'Sortie au musée' }, notice: NOTICE, autoReplies: [{ personId: 'claire', name: 'Claire Martin', reply: 'Absente jusqu’à lundi.' }] } as T;
      }
      throw new Error(`${method} ${path}`);
    },
  };
  return { api, sent };
}

function pick(label: string) {
  fireEvent.change(screen.getByLabelText('Ajouter un destinataire'), { target: { value: screen.getByRole('option', { name: label }).getAttribute('value') } });
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter' }));
}

describe('writing a message', () => {
  it('shows a recipient the service refuses by name beside that name, creates the draft once, and sends once the recipient is removed', async () => {
    const { api, sent } = messaging();
    render(<Compose api={api} me={sophie} saveDelay={60_000} />);
    await screen.findByRole('option', { name: 'Claire Martin (Mathématiques)' });
    expect(screen.getByRole('option', { name: 'Vie scolaire et direction' })).toBeTruthy();
    pick('Claire Martin (Mathématiques)');
    pick('Paul Leroy (Histoire-géographie)');
    fireEvent.change(screen.getByLabelText('Objet'), { target: { value: 'Sortie au musée' } });
    fireEvent.change(screen.getByLabelText('Message'), { target: { value: 'Bonjour, Léa pourra-t-elle venir ?' } });
    // kept in the tab as it is typed: a session renewal that fails loses nothing
    expect(JSON.parse(sessionStorage.getItem(COMPOSE_KEY)!).input.body).toBe('Bonjour, Léa pourra-t-elle venir ?');
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Message non envoyé : Paul Leroy (enseignant) : vous ne pouvez pas lui écrire.');
    const chips = within(screen.getByRole('list', { name: 'Destinataires : À' })).getAllByRole('listitem');
    expect(chips[0].textContent).not.toContain('Refusé');
    expect(chips[1].textContent).toContain('Paul Leroy (Histoire-géographie)');
    expect(chips[1].textContent).toContain('Refusé : Paul Leroy (enseignant) : vous ne pouvez pas lui écrire');
    expect(sent.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/messaging/drafts', 'POST /api/messaging/drafts/d1/send']);
    expect(sent[0].body).toMatchObject({ schoolId: 'jm', subject: 'Sortie au musée', to: [{ personId: 'claire' }, { personId: 'paul' }] });

    fireEvent.click(screen.getByRole('button', { name: 'Retirer Paul Leroy (Histoire-géographie)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    await screen.findByText('Votre message « Sortie au musée » a été envoyé.');
    expect(screen.getByText('Réponse automatique de Claire Martin : Absente jusqu’à lundi.')).toBeTruthy();
    // the right to disconnect: the service's notice (a teacher writing in the evening) as it is written
    expect(screen.getByText(NOTICE)).toBeTruthy();
    expect(sent.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/messaging/drafts',
      'POST /api/messaging/drafts/d1/send',
      'PUT /api/messaging/drafts/d1',
      'POST /api/messaging/drafts/d1/send',
    ]);
    expect(sent[2].body).toMatchObject({ to: [{ personId: 'claire' }] });
    expect(sessionStorage.getItem(COMPOSE_KEY)).toBeNull();
  });

  it('comes back with its recipients and text when the page is drawn again (a sign-in after a failed renewal), for the same person only', async () => {
    const { api } = messaging();
    const first = render(<Compose api={api} me={sophie} saveDelay={60_000} />);
    await screen.findByRole('option', { name: 'Claire Martin (Mathématiques)' });
    pick('Claire Martin (Mathématiques)');
    fireEvent.change(screen.getByLabelText('Objet'), { target: { value: 'Cahier oublié' } });
    fireEvent.change(screen.getByLabelText('Message'), { target: { value: 'Léa a oublié son cahier.' } });
    first.unmount();

    const again = render(<Compose api={api} me={sophie} saveDelay={60_000} />);
    expect((screen.getByLabelText('Objet') as HTMLInputElement).value).toBe('Cahier oublié');
    expect((screen.getByLabelText('Message') as HTMLTextAreaElement).value).toBe('Léa a oublié son cahier.');
    expect(within(screen.getByRole('list', { name: 'Destinataires : À' })).getByText('Claire Martin (Mathématiques)')).toBeTruthy();
    again.unmount();

    const nadia: Me = { ...sophie, profile: { ...sophie.profile, id: 'nadia', firstName: 'Nadia' } };
    render(<Compose api={api} me={nadia} saveDelay={60_000} />);
    expect((screen.getByLabelText('Message') as HTMLTextAreaElement).value).toBe('');
  });

  it('reopens a draft from « Brouillons » with its recipients as saved, and keeps them when saved again', async () => {
    const { api, sent } = messaging();
    const draft = {
      id: 'd9', conversationId: 'c9', schoolId: 'jm', inReplyTo: null, sender: { id: 'sophie', name: 'Sophie Dubois' },
      to: [], cc: [], bcc: [], subject: 'Sortie', body: 'Bonjour', sentAt: null, recalledAt: null, readAt: null, receipts: null, attachments: [],
      draft: {
        to: [{ personId: 'claire', group: null, classGroupId: null, name: 'Claire Martin' }],
        cc: [{ personId: null, group: 'STAFF', classGroupId: null, name: null }],
        bcc: [{ personId: 'marc', group: null, classGroupId: null, name: 'Marc Petit' }],
      },
    } satisfies MessageView;
    const get = api.get;
    api.get = async <T,>(path: string): Promise<T> => (path === '/api/messaging/messages/d9' ? (draft as T) : get<T>(path));
    render(<Compose api={api} me={sophie} draftId="d9" saveDelay={0} />);
    // labelled as offered (Claire, the vie scolaire), or by the name the service gives (someone no longer offered)
    expect(await within(await screen.findByRole('list', { name: 'Destinataires : À' })).findByText('Claire Martin (Mathématiques)')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Destinataires : Copie' })).getByText('Vie scolaire et direction')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Destinataires : Copie cachée' })).getByText('Marc Petit')).toBeTruthy();
    expect((screen.getByLabelText('Message') as HTMLTextAreaElement).value).toBe('Bonjour');
    expect(sent).toEqual([]);

    fireEvent.change(screen.getByLabelText('Message'), { target: { value: 'Bonjour, Léa viendra.' } });
    await waitFor(() => expect(sent.map((c) => `${c.method} ${c.path}`)).toEqual(['PUT /api/messaging/drafts/d9']));
    expect(sent[0].body).toMatchObject({ body: 'Bonjour, Léa viendra.', to: [{ personId: 'claire' }], cc: [{ group: 'STAFF' }], bcc: [{ personId: 'marc' }] });
  });

  it('offers a toolbar whose formatting is previewed as the reader will see it', async () => {
    const { api } = messaging();
    render(<Compose api={api} me={sophie} saveDelay={60_000} />);
    await screen.findByRole('option', { name: 'Claire Martin (Mathématiques)' });
    const field = screen.getByLabelText('Message') as HTMLTextAreaElement;
    fireEvent.change(field, { target: { value: 'Venez demain' } });
    field.setSelectionRange(6, 12);
    fireEvent.click(screen.getByRole('button', { name: 'Gras' }));
    expect(field.value).toBe('Venez <strong>demain</strong>');
    expect(document.querySelector('.preview strong')?.textContent).toBe('demain');
    fireEvent.click(screen.getByRole('button', { name: 'Lien' }));
    fireEvent.change(screen.getByLabelText('Adresse du lien (https:// ou mailto:)'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Insérer le lien' }));
    expect(screen.getByRole('alert').textContent).toBe('Seuls les liens https:// et mailto: sont permis.');
    expect(field.value).toBe('Venez <strong>demain</strong>');
  });

  it('asks for the missing fields in French before sending anything', async () => {
    const { api, sent } = messaging();
    render(<Compose api={api} me={sophie} saveDelay={60_000} />);
    await screen.findByRole('option', { name: 'Claire Martin (Mathématiques)' });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Le champ « destinataires » est obligatoire.');
    pick('Claire Martin (Mathématiques)');
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Le champ « objet » est obligatoire.');
    expect(sent.filter((c) => c.path.endsWith('/send'))).toEqual([]);
  });
});

describe('broadcasts', () => {
  const school = 'jm';
  function staffPlatform() {
    let acknowledged = 1;
    const view = (): BroadcastView => ({
      id: 'b1', schoolId: school, subject: 'Photo de classe', sentAt: '2026-12-07T08:00:00Z', families: 3, acknowledged, notAcknowledged: 3 - acknowledged,
      acknowledgedBy: [{ guardianId: 'sophie', name: 'Sophie Dubois', acknowledgedAt: '2026-12-07T09:00:00Z', remindedAt: null }].slice(0, acknowledged),
      waitingFor: [
        { guardianId: 'thomas', name: 'Thomas Petit', acknowledgedAt: null, remindedAt: null },
        { guardianId: 'nadia', name: 'Nadia Haddad', acknowledgedAt: null, remindedAt: null },
      ].slice(0, 3 - acknowledged),
    });
    const sent: { method: string; path: string; body: unknown }[] = [];
    const api: Api = {
      ...testApiBase(),
      get: async <T,>(path: string): Promise<T> => {
        if (path === `/api/identity/schools/${school}/classes`)
          return [{ id: '4a', kind: 'CLASS', code: '4A', name: '4E A', level: '4e' }, { id: '6a', kind: 'CLASS', code: '6A', name: '6E A', level: '6e' }] as T;
        if (path === `/api/messaging/schools/${school}/broadcasts`) return [view()] as T;
        if (path === `/api/messaging/schools/${school}/broadcasts/b1`) return view() as T;
        throw new Error(path);
      },
      send: async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown): Promise<T> => {
        sent.push({ method, path, body });
        if (path.endsWith('/remind')) return { reminded: 3 - acknowledged } as T;
        if (path === `/api/messaging/schools/${school}/broadcasts`) return { ...view(), id: 'b2', families: 28 } as T;
        throw new Error(path);
      },
    };
    return { api, sent, acknowledge: () => acknowledged++ };
  }
  const cpe: Me = { profile: { id: 'cpe', role: 'STAFF', firstName: 'Karim', lastName: 'Benali', schoolIds: [school] }, children: [], teaching: [], enrolments: [] };

  it('shows each broadcast’s counts, who has and has not acknowledged, the count updating, and reminds those who have not', async () => {
    const p = staffPlatform();
    render(<Broadcasts api={p.api} me={cpe} />);
    expect((await screen.findByText(/famille sur 3/)).textContent).toBe('1 famille sur 3 a confirmé la lecture');
    expect(screen.getByText('2 en attente')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Qui a confirmé ?' }));
    expect(await screen.findByText('N’ont pas encore confirmé (2)')).toBeTruthy();
    expect(screen.getByText('Thomas Petit')).toBeTruthy();
    p.acknowledge();
    fireEvent.click(screen.getByRole('button', { name: 'Actualiser' }));
    expect(await screen.findByText('2 familles sur 3 ont confirmé la lecture')).toBeTruthy();
    expect(screen.getByText('N’ont pas encore confirmé (1)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Relancer la famille en attente' }));
    expect((await screen.findByRole('status')).textContent).toBe('1 famille relancée.');
    expect(p.sent).toEqual([{ method: 'POST', path: `/api/messaging/schools/${school}/broadcasts/b1/remind`, body: {} }]);
  });

  it('sends an information to the families of a level', async () => {
    const p = staffPlatform();
    render(<Broadcasts api={p.api} me={cpe} />);
    fireEvent.click(await screen.findByRole('checkbox', { name: '4e' }));
    fireEvent.change(screen.getByLabelText('Objet'), { target: { value: 'Sortie' } });
    fireEvent.change(screen.getByLabelText('Message'), { target: { value: 'Merci de confirmer.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer aux familles' }));
    expect(await screen.findByText('Information envoyée à 28 familles.')).toBeTruthy();
    expect(p.sent[0]).toEqual({
      method: 'POST',
      path: `/api/messaging/schools/${school}/broadcasts`,
      body: { subject: 'Sortie', body: 'Merci de confirmer.', wholeSchool: false, levels: ['4e'], classIds: [] },
    });
  });

  it('lets a family acknowledge an information it was sent', async () => {
    let acknowledged = false;
    const message = (): MessageView => ({
      id: 'b1', conversationId: 'c1', schoolId: school, inReplyTo: null, sender: { id: 'cpe', name: 'Karim Benali' }, to: [], cc: [], bcc: [{ id: 'sophie', name: 'Sophie Dubois' }],
      subject: 'Photo de classe', body: 'Mardi matin.', sentAt: '2026-12-07T08:00:00Z', recalledAt: null, readAt: null, receipts: null, attachments: [],
      acknowledgement: { acknowledged, acknowledgedAt: acknowledged ? '2026-12-07T09:00:00Z' : null },
    });
    const sent: string[] = [];
    const api: Api = {
      ...testApiBase(),
      get: async <T,>(path: string): Promise<T> => {
        if (path === '/api/messaging/messages/b1') return message() as T;
        if (path === '/api/messaging/conversations/c1') return { id: 'c1', subject: 'Photo de classe', messages: [message()] } as T;
        if (path === '/api/messaging/folders') return [] as T;
        throw new Error(path);
      },
      send: async <T,>(method: string, path: string): Promise<T> => {
        sent.push(`${method} ${path}`);
        if (path === '/api/messaging/broadcasts/b1/acknowledge') acknowledged = true;
        return undefined as T;
      },
    };
    render(<Thread api={api} me={sophie} messageId="b1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Confirmer la lecture' }));
    expect(await screen.findByText(/Vous avez confirmé la lecture de cette information le/)).toBeTruthy();
    await waitFor(() => expect(sent).toEqual(['POST /api/messaging/broadcasts/b1/acknowledge']));
  });
});
