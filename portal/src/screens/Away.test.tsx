import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Api, ApiError } from '../lib/api';
import { AwayView } from '../lib/away';
import { Away } from './Away';
import { testApiBase } from './testApi';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function awayApi(start: AwayView | undefined) {
  let kept = start;
  const sent: { method: string; path: string; body: unknown }[] = [];
  const api: Api = {
    ...testApiBase(),
    get: async <T,>(path: string): Promise<T> => {
      if (path === '/api/messaging/me/away') return kept as T;
      throw new Error(path);
    },
    send: async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown): Promise<T> => {
      sent.push({ method, path, body });
      if (method === 'PUT') {
        const b = body as AwayView;
        if (b.reply.includes('interdit')) throw new ApiError(400, { type: 'x/invalid-input', errors: [{ field: 'setAway.in.reply', message: 'must not be blank' }] });
        kept = { ...b, startsAt: b.startsAt.replace(':00+', '+') };
        return kept as T;
      }
      kept = undefined;
      return undefined as T;
    },
  };
  return { api, sent };
}

describe('one’s absence and auto-reply', () => {
  it('sets whole days in school time with the reply, after checking the form in French', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T09:00:00Z'));
    const { api, sent } = awayApi(undefined);
    render(<Away api={api} />);
    expect(await screen.findByText('Aucune absence enregistrée.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Premier jour'), { target: { value: '2026-12-21' } });
    fireEvent.change(screen.getByLabelText('Dernier jour (inclus)'), { target: { value: '2026-12-18' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(screen.getByRole('alert').textContent).toBe('Le dernier jour doit suivre le premier.');
    expect(screen.getByLabelText('Dernier jour (inclus)').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(screen.getByLabelText('Dernier jour (inclus)'), { target: { value: '2027-01-03' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(screen.getByRole('alert').textContent).toBe('Écrivez la réponse automatique que recevront ceux qui vous écrivent.');
    expect(sent).toEqual([]);

    fireEvent.change(screen.getByLabelText(/^Réponse automatique/), { target: { value: '  En congé jusqu’au 4 janvier.  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Réponse automatique enregistrée, du lundi 21 décembre au dimanche 3 janvier inclus.')).toBeTruthy();
    expect(sent).toEqual([
      { method: 'PUT', path: '/api/messaging/me/away', body: { startsAt: '2026-12-21T00:00:00+01:00', endsAt: '2027-01-04T00:00:00+01:00', reply: 'En congé jusqu’au 4 janvier.' } },
    ]);
    expect(screen.getByText('Absence prévue : du lundi 21 décembre au dimanche 3 janvier inclus.')).toBeTruthy();
  });

  it('shows the absence going on, and removes it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T09:00:00Z'));
    const { api, sent } = awayApi({ startsAt: '2026-12-07T00:00+01:00', endsAt: '2026-12-09T00:00+01:00', reply: 'Formation' });
    render(<Away api={api} />);
    expect(await screen.findByText('Absence en cours : du lundi 7 décembre au mardi 8 décembre inclus.')).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText(/^Réponse automatique/) as HTMLTextAreaElement).value).toBe('Formation'));
    expect((screen.getByLabelText('Dernier jour (inclus)') as HTMLInputElement).value).toBe('2026-12-08');
    fireEvent.click(screen.getByRole('button', { name: 'Supprimer la réponse automatique' }));
    expect(await screen.findByText('Réponse automatique supprimée.')).toBeTruthy();
    expect(sent).toEqual([{ method: 'DELETE', path: '/api/messaging/me/away', body: undefined }]);
    expect(screen.getByText('Aucune absence enregistrée.')).toBeTruthy();
  });

  it('shows a refusal of the service in French, the field named', async () => {
    const { api } = awayApi(undefined);
    render(<Away api={api} />);
    await screen.findByText('Aucune absence enregistrée.');
    fireEvent.change(screen.getByLabelText(/^Réponse automatique/), { target: { value: 'mot interdit' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Le champ « réponse automatique » est obligatoire.');
  });
});
