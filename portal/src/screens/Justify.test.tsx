import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Api, ApiError } from '../lib/api';
import { Entry } from '../lib/types';
import Justify from './Justify';
import { testApiBase } from './testApi';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const absence: Entry = { id: 'e1', pupilId: 'lea', kind: 'ABSENCE', startsAt: '2026-12-04T07:00:00Z', endsAt: '2026-12-04T08:00:00Z', status: 'UNJUSTIFIED' };

/** Answers like attendance-service, records what is sent; the object storage is a stubbed fetch. */
function platform(onJustify: () => unknown = () => ({ id: 'j1', status: 'PENDING' })) {
  const sent: { method: string; path: string; body: unknown }[] = [];
  const api: Api = {
    ...testApiBase(),
    get: async <T,>(path: string) => {
      expect(path).toBe('/api/attendance/schools/jm/reasons');
      return [
        { id: 'r1', code: 'MAL', label: 'Maladie', justifying: true },
        { id: 'r2', code: 'CONF', label: 'Motif confidentiel', justifying: true, confidential: true },
      ] as T;
    },
    send: async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown) => {
      sent.push({ method, path, body });
      if (path.endsWith('/justification-uploads'))
        return { fileId: 'f1', method: 'PUT', url: 'http://127.0.0.1:9000/ent-attendance-service/k?X-Amz-Signature=s', headers: { 'Content-Type': 'application/pdf' }, expiresAt: '' } as T;
      const answer = onJustify();
      if (answer instanceof ApiError) throw answer;
      return answer as T;
    },
  };
  const puts: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    puts.push({ url, init });
    return new Response(null, { status: 200 });
  });
  return { api, sent, puts };
}

describe('justifying an absence', () => {
  it('uploads the file to the storage, then sends the reason, the comment and the file', async () => {
    const { api, sent, puts } = platform();
    let done = false;
    render(<Justify api={api} entry={absence} schoolId="jm" onDone={() => (done = true)} />);
    const reason = await screen.findByLabelText('Motif');
    expect(screen.queryByRole('option', { name: 'Motif confidentiel' })).toBeNull();
    fireEvent.change(reason, { target: { value: 'r1' } });
    fireEvent.change(screen.getByLabelText('Commentaire (facultatif)'), { target: { value: 'Fièvre' } });
    const pdf = new File(['%PDF-1.4 certificat'], 'certificat.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByLabelText(/^Justificatif/), { target: { files: [pdf] } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer le justificatif' }));
    await waitFor(() => expect(done).toBe(true));
    expect(sent[0].path).toBe('/api/attendance/entries/e1/justification-uploads');
    expect(sent[0].body).toMatchObject({ fileName: 'certificat.pdf', size: 19, contentType: 'application/pdf' });
    expect(puts).toHaveLength(1);
    expect(puts[0].url).toMatch(/^http:\/\/127\.0\.0\.1:9000\//);
    expect(sent[1]).toEqual({ method: 'POST', path: '/api/attendance/entries/e1/justifications', body: { reasonId: 'r1', comment: 'Fièvre', attachmentId: 'f1' } });
  });

  it('refuses a file the service would refuse before sending anything, and shows a refusal in French', async () => {
    const { api, sent } = platform(() => new ApiError(409, { type: 'https://ent.example/problems/justification-pending', status: 409 }));
    render(<Justify api={api} entry={absence} schoolId="jm" onDone={() => undefined} />);
    fireEvent.change(await screen.findByLabelText('Motif'), { target: { value: 'r1' } });
    fireEvent.change(screen.getByLabelText(/^Justificatif/), { target: { files: [new File(['x'], 'notes.txt', { type: 'text/plain' })] } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer le justificatif' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Ce type de fichier n’est pas accepté : envoyez un PDF, un JPEG ou un PNG.');
    expect(sent).toEqual([]);
    fireEvent.change(screen.getByLabelText(/^Justificatif/), { target: { files: [] } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer le justificatif' }));
    await screen.findByText('Un justificatif est déjà en attente pour cette absence.');
    expect(sent).toEqual([{ method: 'POST', path: '/api/attendance/entries/e1/justifications', body: { reasonId: 'r1', comment: undefined, attachmentId: undefined } }]);
  });
});
