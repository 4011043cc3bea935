import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Api, ApiError } from '../lib/api';
import { MailPage, MessageView, Summary } from '../lib/messaging';
import { Me } from '../lib/types';
import { Activate } from './Activate';
import { Mailbox } from './Mailbox';
import { Thread } from './Thread';
import { testApiBase } from './testApi';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const line = (id: string, subject: string, over: Partial<Summary> = {}): Summary => ({
  id, conversationId: `c-${id}`, schoolId: 'jm', box: 'INBOX', sender: { id: 'claire', name: 'Claire Martin' }, subject,
  sentAt: '2026-12-07T08:00:00Z', updatedAt: '2026-12-07T08:00:00Z', read: false, trashed: false, folderId: null, recalled: false, ...over,
});

function mailboxApi() {
  const gets: string[] = [];
  const sent: { method: string; path: string; body: unknown }[] = [];
  const api: Api = {
    ...testApiBase(),
    get: async <T,>(path: string): Promise<T> => {
      gets.push(path);
      if (path === '/api/messaging/mailbox/unread') return { inbox: 2, folders: { f1: 1 } } as T;
      if (path === '/api/messaging/folders') return [{ id: 'f1', name: 'Sorties' }] as T;
      if (path.startsWith('/api/messaging/mailbox?box=INBOX'))
        return { items: [line('m1', 'Sortie au musée'), line('m2', 'Réunion', { read: true })], page: 0, size: 20, more: true } satisfies MailPage as T;
      if (path.startsWith('/api/messaging/mailbox?box=TRASH'))
        return { items: [line('m3', 'Ancien message', { trashed: true, read: true })], page: 0, size: 20, more: false } as T;
      if (path.startsWith('/api/messaging/search?q=mus%C3%A9e')) return { items: [line('m1', 'Sortie au musée')], page: 0, size: 20, more: false } as T;
      throw new Error(path);
    },
    send: async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown): Promise<T> => {
      sent.push({ method, path, body });
      if (path === '/api/messaging/folders' && (body as { name: string }).name === 'Sorties')
        throw new ApiError(409, { type: 'https://ent.example/problems/folder-name-taken' });
      return undefined as T;
    },
  };
  return { api, gets, sent };
}

describe('the mailbox', () => {
  it('shows the boxes and folders with their unread counts, the inbox newest first, a search, and a folder refused in French', async () => {
    const { api, gets, sent } = mailboxApi();
    render(<Mailbox api={api} path="/messagerie" />);
    expect((await screen.findByRole('link', { name: /Reçus/ })).textContent).toBe('Reçus (2 non lus)');
    expect(screen.getByRole('link', { name: /Sorties/ }).textContent).toBe('Sorties (1 non lu)');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Reçus');
    const links = screen.getAllByRole('link').filter((a) => a.getAttribute('href')?.startsWith('/messagerie/messages/'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/messagerie/messages/m1', '/messagerie/messages/m2']);
    expect(screen.getAllByText('Non lu')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Plus anciens' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Rechercher dans mes messages'), { target: { value: 'musée' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    expect((await screen.findByRole('heading', { name: 'Recherche : « musée »' })).textContent).toBe('Recherche : « musée »');
    expect(gets).toContain('/api/messaging/search?q=mus%C3%A9e&page=0&size=20');

    fireEvent.change(screen.getByLabelText('Nouveau dossier'), { target: { value: 'Sorties' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Un dossier porte déjà ce nom.');
    expect(sent).toEqual([{ method: 'POST', path: '/api/messaging/folders', body: { name: 'Sorties' } }]);
  });

  it('restores a message from the trash', async () => {
    const { api, sent } = mailboxApi();
    render(<Mailbox api={api} path="/messagerie/corbeille" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Restaurer : Ancien message' }));
    await waitFor(() => expect(sent).toEqual([{ method: 'POST', path: '/api/messaging/messages/m3/restore', body: undefined }]));
  });
});

describe('a conversation', () => {
  const claire: Me = { profile: { id: 'claire', role: 'TEACHER', firstName: 'Claire', lastName: 'Martin', schoolIds: ['jm'] }, children: [], teaching: [], enrolments: [] };
  const fromSophie: MessageView = {
    id: 'm1', conversationId: 'c1', schoolId: 'jm', inReplyTo: null, sender: { id: 'sophie', name: 'Sophie Dubois' }, to: [{ id: 'claire', name: 'Claire Martin' }], cc: [], bcc: [],
    subject: 'Sortie au musée', body: 'Bonjour <script>alert(1)</script>', sentAt: '2026-12-07T08:00:00Z', recalledAt: null, readAt: null, receipts: null,
    attachments: [{ fileId: 'f1', fileName: 'autorisation.pdf' }], acknowledgement: null,
  };

  it('marks what was received read, shows the text as text, replies, and tells the teacher of the right to disconnect', async () => {
    const sent: { method: string; path: string; body: unknown }[] = [];
    const notice = "Message remis. Par respect du droit à la déconnexion, ses destinataires n'en seront avertis qu'à partir de 7 h le prochain jour ouvré.";
    const api: Api = {
      ...testApiBase(),
      get: async <T,>(path: string): Promise<T> => {
        if (path === '/api/messaging/messages/m1') return fromSophie as T;
        if (path === '/api/messaging/conversations/c1') return { id: 'c1', subject: 'Sortie au musée', messages: [fromSophie] } as T;
        if (path === '/api/messaging/folders') return [] as T;
        throw new Error(path);
      },
      send: async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown): Promise<T> => {
        sent.push({ method, path, body });
        if (path.endsWith('/reply')) return { message: { id: 'm2' }, notice, autoReplies: [] } as T;
        return undefined as T;
      },
    };
    render(<Thread api={api} me={claire} messageId="m1" />);
    expect((await screen.findByText(/^Bonjour/)).textContent).toBe('Bonjour <script>alert(1)</script>');
    expect(document.querySelector('main script, article script')).toBeNull();
    expect(screen.getByRole('button', { name: 'Télécharger autorisation.pdf' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Signaler' })).toBeNull();
    await waitFor(() => expect(sent).toContainEqual({ method: 'POST', path: '/api/messaging/messages/m1/read', body: undefined }));

    fireEvent.click(screen.getByRole('button', { name: 'Répondre' }));
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer la réponse' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Le champ « message » est obligatoire.');
    fireEvent.change(screen.getByLabelText('Votre réponse'), { target: { value: 'Oui, à 9 h.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer la réponse' }));
    expect(await screen.findByText(notice)).toBeTruthy();
    expect(sent).toContainEqual({ method: 'POST', path: '/api/messaging/messages/m1/reply', body: { body: 'Oui, à 9 h.', all: false } });
  });
});

describe('a formatted message in a conversation', () => {
  it('shows its formatting and keeps nothing hostile: no script, handler, image or javascript: link', async () => {
    const sophie: Me = { profile: { id: 'sophie', role: 'PARENT', firstName: 'Sophie', lastName: 'Dubois', schoolIds: [] }, children: [], teaching: [], enrolments: [] };
    const m: MessageView = {
      id: 'm5', conversationId: 'c5', schoolId: 'jm', inReplyTo: null, sender: { id: 'claire', name: 'Claire Martin' }, to: [{ id: 'sophie', name: 'Sophie Dubois' }], cc: [], bcc: [],
      subject: 'Sortie', sentAt: '2026-12-07T08:00:00Z', recalledAt: null, readAt: '2026-12-07T09:00:00Z', receipts: null, attachments: [], acknowledgement: null,
      body: '<p>Apportez <strong>un pique-nique</strong> :</p><ul><li>eau</li><li>gourde</li></ul><a href="https://college.example/sortie">le programme</a> ' +
        '<a href="javascript:alert(1)" onclick="alert(2)">ici</a><img src="x" onerror="alert(3)"><script>alert(4)</script>',
    };
    const api: Api = {
      ...testApiBase(),
      get: async <T,>(path: string): Promise<T> => {
        if (path === '/api/messaging/messages/m5') return m as T;
        if (path === '/api/messaging/conversations/c5') return { id: 'c5', subject: 'Sortie', messages: [m] } as T;
        if (path === '/api/messaging/folders') return [] as T;
        throw new Error(path);
      },
      send: async <T,>(): Promise<T> => undefined as T,
    };
    render(<Thread api={api} me={sophie} messageId="m5" />);
    const strong = await screen.findByText('un pique-nique');
    expect(strong.tagName).toBe('STRONG');
    const body = strong.closest('.body')!;
    expect([...body.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['eau', 'gourde']);
    const link = screen.getByRole('link', { name: 'le programme' });
    expect(link.getAttribute('href')).toBe('https://college.example/sortie');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.queryByRole('link', { name: 'ici' })).toBeNull();
    expect(body.querySelectorAll('script, img, [onclick], [onerror]')).toHaveLength(0);
    expect(body.textContent).toContain('ici');
  });
});

describe('the mobile app’s activation', () => {
  it('sends the person to the realm’s device page with the code typed, and refuses a code of the wrong shape', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ authority: 'http://localhost:8180/realms/ent', clientId: 'ent-portal' }), { status: 200 }));
    const went: string[] = [];
    render(<Activate go={(url) => went.push(url)} />);
    fireEvent.change(screen.getByLabelText('Code d’activation'), { target: { value: 'wdjb mjh' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Le champ « code d’activation » doit contenir les 8 lettres/);
    fireEvent.change(screen.getByLabelText('Code d’activation'), { target: { value: 'wdjb mjht' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    await waitFor(() => expect(went).toEqual(['http://localhost:8180/realms/ent/device?user_code=WDJB-MJHT']));
  });
});
