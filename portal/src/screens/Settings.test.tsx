import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Api, ApiError } from '../lib/api';
import { Preference } from '../lib/types';
import { Settings } from './Settings';
import { testApiBase } from './testApi';

afterEach(cleanup);

function platform() {
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
      throw new Error(path);
    },
    send: async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown): Promise<T> => {
      sent.push({ method, path, body });
      if (method === 'PUT' && (body as { mode: string }).mode === 'DIGEST' && path.endsWith('/IN_APP')) {
        throw new ApiError(400, { errors: [{ field: 'mode', message: 'x' }] });
      }
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
    render(<Settings api={api} />);
    const email = await screen.findByLabelText('Absences — Par e-mail');
    expect(screen.getByLabelText('Absences — Dans l’ENT').querySelectorAll('option')).toHaveLength(2); // no digest in the app
    fireEvent.change(email, { target: { value: 'DIGEST' } });
    await screen.findByText('Absences, par e-mail : résumé quotidien (18h). Enregistré.');
    expect(sent).toEqual([{ method: 'PUT', path: '/api/notification/preferences/absence/EMAIL', body: { mode: 'DIGEST' } }]);
    expect((email as HTMLSelectElement).value).toBe('DIGEST');
  });

  it('creates the private calendar link, shows it once to copy, and revokes it', async () => {
    const { api, sent } = platform();
    render(<Settings api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Créer mon lien' }));
    const link = (await screen.findByLabelText(/Votre lien/)) as HTMLInputElement;
    expect(link.value).toBe(`${window.location.origin}/api/timetable/feeds/secret.ics`);
    fireEvent.click(screen.getByRole('button', { name: 'Supprimer le lien' }));
    await screen.findByText('Aucun lien actif.');
    expect(screen.queryByLabelText(/Votre lien/)).toBeNull();
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual(['POST /api/timetable/me/feed', 'DELETE /api/timetable/me/feed']);
  });
});
