import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Api, ApiError } from '../lib/api';
import { Preference } from '../lib/types';
import { PushBrowser, PushSubscriptionLike } from '../lib/push';
import { Settings } from './Settings';
import { testApiBase } from './testApi';

afterEach(cleanup);

/** A browser whose Push API answers as told; records what the page asked of it. */
function fakeBrowser(opts: { supported?: boolean; permission?: NotificationPermission; answer?: NotificationPermission; subscribed?: boolean }) {
  const asked: string[] = [];
  let permission = opts.permission ?? 'default';
  let current: PushSubscriptionLike | null = null;
  const subscription = (endpoint: string): PushSubscriptionLike => ({
    endpoint,
    toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh: 'BKEY', auth: 'AUTH' } }),
    unsubscribe: async () => {
      asked.push('unsubscribe');
      current = null;
      return true;
    },
  });
  if (opts.subscribed) current = subscription('https://push.example/device-1');
  const browser: PushBrowser = {
    supported: () => opts.supported ?? true,
    permission: () => permission,
    requestPermission: async () => {
      asked.push('permission');
      permission = opts.answer ?? 'granted';
      return permission;
    },
    pushManager: async () => ({
      getSubscription: async () => current,
      subscribe: async (o) => {
        asked.push(`subscribe userVisibleOnly=${o.userVisibleOnly} key=${o.applicationServerKey.length}`);
        current = subscription('https://push.example/device-1');
        return current;
      },
    }),
  };
  return { browser, asked };
}

const KEY = 'BMG1eWtR6G0k6L7oPK-2FF_y6guAfqvOc2q3FY98F4P8ySEXGNSTxY1nF1jzAnsXa9oqgJhDzDhC9wGjVlIaIi4';

function platform(push: { devices?: { endpoint: string }[]; keyStatus?: number; putStatus?: number } = {}) {
  const sent: { method: string; path: string; body: unknown }[] = [];
  const prefs: Preference[] = [
    { type: 'absence', label: 'Absences', channel: 'IN_APP', mode: 'IMMEDIATE', defaultMode: 'IMMEDIATE' },
    { type: 'absence', label: 'Absences', channel: 'EMAIL', mode: 'IMMEDIATE', defaultMode: 'IMMEDIATE' },
  ];
  const api: Api = {
    ...testApiBase(),
    get: async <T,>(path: string): Promise<T> => {
      if (path === '/api/notification/preferences') return prefs as T;
      if (path === '/api/timetable/me/feed') return { active: false, createdAt: null } as T;
      if (path === '/api/notification/me/push-subscriptions') return (push.devices ?? []) as T;
      if (path === '/api/notification/push/public-key') {
        if (push.keyStatus) throw new ApiError(push.keyStatus, null);
        return { publicKey: KEY } as T;
      }
      throw new Error(path);
    },
    send: async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown): Promise<T> => {
      sent.push({ method, path, body });
      if (path.startsWith('/api/notification/me/push-subscriptions') && push.putStatus) throw new ApiError(push.putStatus, null);
      if (method === 'PUT' && (body as { mode: string }).mode === 'DIGEST' && path.endsWith('/IN_APP')) {
        throw new ApiError(400, { errors: [{ field: 'mode', message: 'x' }] });
      }
      if (method === 'PUT' && path.startsWith('/api/notification/me/')) return body as T;
      if (method === 'PUT') return { ...prefs[1], mode: (body as { mode: string }).mode } as T;
      if (method === 'POST') return { url: '/api/timetable/feeds/secret.ics', createdAt: '2026-12-07T09:00:00Z' } as T;
      return undefined as T;
    },
  };
  return { api, sent };
}

describe('the settings page', () => {
  it('changes one preference on one channel: e-mails of absences as a daily digest', async () => {
    const { api, sent } = platform();
    render(<Settings api={api} push={fakeBrowser({ supported: false }).browser} />);
    const email = await screen.findByLabelText('Absences — Par e-mail');
    expect(screen.getByLabelText('Absences — Dans l’ENT').querySelectorAll('option')).toHaveLength(2); // no digest in the app
    fireEvent.change(email, { target: { value: 'DIGEST' } });
    await screen.findByText('Absences, par e-mail : résumé quotidien (18h). Enregistré.');
    expect(sent).toEqual([{ method: 'PUT', path: '/api/notification/preferences/absence/EMAIL', body: { mode: 'DIGEST' } }]);
    expect((email as HTMLSelectElement).value).toBe('DIGEST');
  });

  it('creates the private calendar link, shows it once to copy, and revokes it', async () => {
    const { api, sent } = platform();
    render(<Settings api={api} push={fakeBrowser({ supported: false }).browser} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Créer mon lien' }));
    const link = (await screen.findByLabelText(/Votre lien/)) as HTMLInputElement;
    expect(link.value).toBe(`${window.location.origin}/api/timetable/feeds/secret.ics`);
    fireEvent.click(screen.getByRole('button', { name: 'Supprimer le lien' }));
    await screen.findByText('Aucun lien actif.');
    expect(screen.queryByLabelText(/Votre lien/)).toBeNull();
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual(['POST /api/timetable/me/feed', 'DELETE /api/timetable/me/feed']);
  });

  it('turns push on: asks the browser, subscribes with the platform key, registers the device', async () => {
    const { api, sent } = platform();
    const { browser, asked } = fakeBrowser({});
    render(<Settings api={api} push={browser} />);
    const toggle = (await screen.findByRole('switch', { name: 'Recevoir les notifications sur cet appareil' })) as HTMLInputElement;
    await screen.findByText('Désactivé sur cet appareil.');
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    await screen.findByText('Activé sur cet appareil.');
    expect(toggle.checked).toBe(true);
    expect(asked).toEqual(['permission', 'subscribe userVisibleOnly=true key=65']);
    expect(sent).toEqual([
      {
        method: 'PUT',
        path: '/api/notification/me/push-subscriptions',
        body: { endpoint: 'https://push.example/device-1', expirationTime: null, keys: { p256dh: 'BKEY', auth: 'AUTH' } },
      },
    ]);
  });

  it('turns push off: forgets the device on the platform, then unsubscribes', async () => {
    const { api, sent } = platform({ devices: [{ endpoint: 'https://push.example/device-1' }] });
    const { browser, asked } = fakeBrowser({ permission: 'granted', subscribed: true });
    render(<Settings api={api} push={browser} />);
    await screen.findByText('Activé sur cet appareil.');
    fireEvent.click(screen.getByRole('switch', { name: 'Recevoir les notifications sur cet appareil' }));
    await screen.findByText('Désactivé sur cet appareil.');
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      'DELETE /api/notification/me/push-subscriptions?endpoint=https%3A%2F%2Fpush.example%2Fdevice-1',
    ]);
    expect(asked).toEqual(['unsubscribe']);
  });

  it('says when the browser cannot, or the person refused, and keeps the switch off and disabled', async () => {
    const unsupported = platform();
    render(<Settings api={unsupported.api} push={fakeBrowser({ supported: false }).browser} />);
    await screen.findByText('Non pris en charge par ce navigateur.');
    expect((screen.getByRole('switch') as HTMLInputElement).disabled).toBe(true);
    cleanup();

    const refused = platform();
    const { browser } = fakeBrowser({ answer: 'denied' });
    render(<Settings api={refused.api} push={browser} />);
    await screen.findByText('Désactivé sur cet appareil.');
    fireEvent.click(screen.getByRole('switch'));
    await screen.findByText(/^Refusé dans le navigateur/);
    expect((screen.getByRole('switch') as HTMLInputElement).disabled).toBe(true);
    expect(refused.sent).toEqual([]);
  });

  it('shows an error when the platform refuses the device, and what a platform without push says', async () => {
    const failing = platform({ putStatus: 500 });
    render(<Settings api={failing.api} push={fakeBrowser({}).browser} />);
    await screen.findByText('Désactivé sur cet appareil.');
    fireEvent.click(screen.getByRole('switch'));
    await screen.findByText(/^Erreur :/);
    expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(false);
    cleanup();

    const noPush = platform({ keyStatus: 404 });
    render(<Settings api={noPush.api} push={fakeBrowser({}).browser} />);
    await screen.findByText('Désactivé sur cet appareil.');
    fireEvent.click(screen.getByRole('switch'));
    await screen.findByText('Les notifications sur l’appareil ne sont pas disponibles sur cette plateforme.');
  });
});
