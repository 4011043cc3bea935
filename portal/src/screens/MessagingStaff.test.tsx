import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Api, ApiError } from '../lib/api';
import { MessageView } from '../lib/messaging';
import { ReportView, RuleView, PROFILES } from '../lib/safety';
import { Me } from '../lib/types';
import { Reports, RuleTable } from './MessagingStaff';
import { testApiBase } from './testApi';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const karim: Me = { profile: { id: 'karim', role: 'STAFF', firstName: 'Karim', lastName: 'Benali', schoolIds: ['jm'] }, children: [], teaching: [], enrolments: [] };

const reported = (id: string, body: string): MessageView => ({
  id, conversationId: `c-${id}`, schoolId: 'jm', inReplyTo: null, sender: { id: 'marc', name: 'Marc Petit' },
  to: [{ id: 'lea', name: 'Léa Dubois' }], cc: [], bcc: [], subject: 'Pour toi', body, sentAt: '2026-12-07T16:00:00Z',
  recalledAt: null, readAt: null, receipts: null, attachments: [],
});

function staffApi(reports: ReportView[], rules: RuleView[] = []) {
  const sent: { method: string; path: string; body: unknown }[] = [];
  const api: Api = {
    ...testApiBase(),
    get: async <T,>(path: string): Promise<T> => {
      if (path.startsWith('/api/identity/schools?')) return { items: [{ id: 'jm', name: 'Collège Jean Moulin' }], page: 0, size: 200, total: 1 } as T;
      if (path === '/api/messaging/schools/jm/reports') return reports as T;
      if (path === '/api/messaging/schools/jm/rules') return rules as T;
      throw new Error(path);
    },
    send: async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown): Promise<T> => {
      sent.push({ method, path, body });
      const r = reports.find((x) => path.includes(`/reports/${x.id}/`));
      if (r && path.endsWith('/hide')) return { ...r, status: 'HIDDEN' } as T;
      if (r && path.endsWith('/block')) return { ...r, status: 'BLOCKED' } as T;
      if (method === 'PUT' && path === '/api/messaging/schools/jm/rules') {
        const changed = body as RuleView[];
        if (changed.some((c) => c.sender === 'PUPIL' && c.recipient === 'STAFF'))
          throw new ApiError(400, { type: 'https://ent.example/problems/invalid-input', errors: [{ field: '[0]', message: 'ligne en double' }] });
        return rules.map((x) => changed.find((c) => c.sender === x.sender && c.recipient === x.recipient) ?? x) as T;
      }
      throw new Error(`${method} ${path}`);
    },
  };
  return { api, sent };
}

describe('the reports of the school', () => {
  const report: ReportView = {
    id: 'r1', schoolId: 'jm', reporterId: 'lea', reporterName: 'Léa Dubois', reason: 'INSULT', reportedAt: '2026-12-07T17:00:00Z', status: 'OPEN',
    message: reported('m1', '<p>Tu es <strong>nulle</strong></p><img src=x onerror="alert(1)">'),
  };

  it('shows each report with its message, hides it after a confirmation, and blocks its sender for the days asked', async () => {
    const { api, sent } = staffApi([report]);
    render(<Reports api={api} me={karim} />);
    expect(await screen.findByText('1 signalement, dont 1 à traiter.')).toBeTruthy();
    const item = screen.getByRole('listitem', { name: 'Pour toi' });
    expect(item.textContent).toContain('Insulte · signalé par Léa Dubois');
    expect(item.textContent).toContain('De : Marc Petit');
    expect(item.textContent).toContain('À : Léa Dubois');
    expect(item.querySelector('.body strong')?.textContent).toBe('nulle');
    expect(item.querySelector('img')).toBeNull();

    fireEvent.click(within(item).getByRole('button', { name: 'Masquer le message' }));
    expect(sent).toEqual([]);
    fireEvent.click(within(item).getByRole('button', { name: 'Annuler' }));
    fireEvent.click(within(item).getByRole('button', { name: 'Masquer le message' }));
    fireEvent.click(within(item).getByRole('button', { name: 'Oui, masquer le message' }));
    expect(await within(item).findByText('Le message est masqué pour tous ses destinataires.')).toBeTruthy();
    expect(sent).toEqual([{ method: 'POST', path: '/api/messaging/schools/jm/reports/r1/hide', body: {} }]);
    expect(item.textContent).toContain('Message masqué');
    expect(within(item).queryByRole('button', { name: 'Masquer le message' })).toBeNull();

    fireEvent.change(within(item).getByLabelText('Jours de blocage'), { target: { value: '400' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Bloquer l’expéditeur' }));
    expect(within(item).getByRole('alert').textContent).toBe('Indiquez un nombre de jours entre 1 et 365.');
    fireEvent.change(within(item).getByLabelText('Jours de blocage'), { target: { value: '15' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Bloquer l’expéditeur' }));
    expect(within(item).getByText(/Bloquer Marc Petit pendant 15 jours/)).toBeTruthy();
    expect(sent).toHaveLength(1);
    fireEvent.click(within(item).getByRole('button', { name: 'Oui, bloquer Marc Petit' }));
    expect(await within(item).findByText('Marc Petit ne peut plus envoyer de message pendant 15 jours.')).toBeTruthy();
    expect(sent[1]).toEqual({ method: 'POST', path: '/api/messaging/schools/jm/reports/r1/block', body: { personId: 'marc', days: 15 } });
    expect(item.textContent).toContain('Expéditeur bloqué');
  });

  it('says when there is nothing reported', async () => {
    const { api } = staffApi([]);
    render(<Reports api={api} me={karim} />);
    expect(await screen.findByText('Aucun message signalé.')).toBeTruthy();
  });
});

describe('the rule table', () => {
  const rules: RuleView[] = PROFILES.flatMap((sender) =>
    PROFILES.map((recipient) => ({ sender, recipient, reach: sender === 'PUPIL' && recipient === 'GUARDIAN' ? 'NONE' : 'RELATED' }) as RuleView),
  );

  it('reads the 16 rows and sends only the rows changed, after a confirmation listing them', async () => {
    const { api, sent } = staffApi([], rules);
    render(<RuleTable api={api} me={karim} />);
    const cell = (await screen.findByLabelText('Parents écrivent à : Vie scolaire et direction')) as HTMLSelectElement;
    expect(cell.value).toBe('RELATED');
    expect(screen.getAllByRole('combobox')).toHaveLength(16);
    expect((screen.getByLabelText('Élèves écrivent à : Parents') as HTMLSelectElement).value).toBe('NONE');

    fireEvent.change(cell, { target: { value: 'ANY' } });
    fireEvent.change(screen.getByLabelText('Enseignants écrivent à : Élèves'), { target: { value: 'RELATED' } }); // unchanged
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les changements (1)' }));
    expect(sent).toEqual([]);
    const confirm = screen.getByRole('group', { name: 'Confirmation' });
    expect(confirm.textContent).toContain('Parents : peuvent écrire à tous « vie scolaire et direction » de l’établissement');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Oui, appliquer' }));
    expect(await screen.findByText('1 règle modifiée.')).toBeTruthy();
    expect(sent).toEqual([{ method: 'PUT', path: '/api/messaging/schools/jm/rules', body: [{ sender: 'GUARDIAN', recipient: 'STAFF', reach: 'ANY' }] }]);
    expect((screen.getByLabelText('Parents écrivent à : Vie scolaire et direction') as HTMLSelectElement).value).toBe('ANY');
    expect(screen.queryByRole('button', { name: /Enregistrer les changements/ })).toBeNull();
  });

  it('shows a refusal in French and keeps the change', async () => {
    const { api } = staffApi([], rules);
    render(<RuleTable api={api} me={karim} />);
    fireEvent.change(await screen.findByLabelText('Élèves écrivent à : Vie scolaire et direction'), { target: { value: 'NONE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les changements (1)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Oui, appliquer' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^(?!.*\[0\]).+/));
    expect((screen.getByLabelText('Élèves écrivent à : Vie scolaire et direction') as HTMLSelectElement).value).toBe('NONE');
  });
});
