import { describe, expect, it } from 'vitest';
import { Api, ApiError } from './api';
import { deviceVerificationUrl, normaliseUserCode } from './device';
import {
  DraftAutosave,
  MessageInput,
  SaveState,
  acknowledgementLine,
  fieldPosition,
  levelsOf,
  mayRecall,
  messagingError,
  recipientOptions,
  refusalsOf,
  waitingLine,
} from './messaging';
import { Me, Week } from './types';

/** Timers run by hand: the debounce is checked without waiting. */
function manualTimers() {
  let next = 1;
  const pending = new Map<number, () => void>();
  return {
    set: (f: () => void) => {
      const id = next++;
      pending.set(id, f);
      return id;
    },
    clear: (id: unknown) => void pending.delete(id as number),
    fire: () => {
      const all = [...pending.values()];
      pending.clear();
      all.forEach((f) => f());
    },
    get count() {
      return pending.size;
    },
  };
}

/** messaging-service's drafts: POST answers a new id (after a delay we control), PUT answers the draft. */
function draftsApi() {
  const calls: { method: string; path: string; body: MessageInput }[] = [];
  const releases: (() => void)[] = [];
  let fail = false;
  const api: Api = {
    calls: { count: 0 },
    file: async () => {
      throw new Error('no file');
    },
    get: async () => {
      throw new Error('no get');
    },
    send: async <T,>(method: string, path: string, body: unknown) => {
      calls.push({ method, path, body: body as MessageInput });
      if (fail) throw new ApiError(503, null);
      if (method === 'POST') {
        await new Promise<void>((r) => releases.push(r));
        return { id: 'draft-1' } as T;
      }
      return { id: path.split('/').pop() } as T;
    },
  };
  return { api, calls, release: () => releases.shift()?.(), failNext: (f: boolean) => (fail = f) };
}

const input = (body: string): MessageInput => ({ schoolId: 's', subject: 'Sortie', body, to: [{ personId: 'claire' }], cc: [], bcc: [], attachmentIds: [] });
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the draft saved as one types', () => {
  it('waits for a pause in the typing, then saves only the last text', async () => {
    const { api, calls, release } = draftsApi();
    const timers = manualTimers();
    const saver = new DraftAutosave(api, undefined, null, 1000, timers);
    saver.change(input('B'));
    saver.change(input('Bo'));
    saver.change(input('Bonjour'));
    expect(calls).toHaveLength(0);
    expect(timers.count).toBe(1);
    timers.fire();
    await settle();
    release();
    await saver.flush();
    expect(calls).toEqual([{ method: 'POST', path: '/api/messaging/drafts', body: input('Bonjour') }]);
    expect(saver.id).toBe('draft-1');
  });

  it('creates the draft once, even when typing goes on while the creation is on its way, then updates it', async () => {
    const { api, calls, release } = draftsApi();
    const timers = manualTimers();
    const states: SaveState['kind'][] = [];
    const saver = new DraftAutosave(api, (s) => states.push(s.kind), null, 1000, timers);
    saver.change(input('Bonjour'));
    timers.fire();
    await settle();
    // the POST has not answered yet: more typing, and a flush (sending) meanwhile
    saver.change(input('Bonjour Madame'));
    timers.fire();
    const sending = saver.flush(input('Bonjour Madame Martin'));
    await settle();
    expect(calls.map((c) => c.method)).toEqual(['POST']);
    release();
    expect(await sending).toBe('draft-1');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/messaging/drafts', 'PUT /api/messaging/drafts/draft-1']);
    expect(calls[1].body.body).toBe('Bonjour Madame Martin');
    expect(states).toEqual(['saving', 'saved', 'saving', 'saved']);
  });

  it('keeps the text of a failed save and saves it with the next try', async () => {
    const { api, calls, failNext } = draftsApi();
    const states: SaveState[] = [];
    const saver = new DraftAutosave(api, (s) => states.push(s), 'draft-9', 1000, manualTimers());
    failNext(true);
    await expect(saver.flush(input('Texte important'))).rejects.toBeInstanceOf(ApiError);
    expect(states.at(-1)).toEqual({ kind: 'error', message: 'Le service est momentanément indisponible. Réessayez plus tard.' });
    failNext(false);
    expect(await saver.flush()).toBe('draft-9');
    expect(calls.map((c) => c.body.body)).toEqual(['Texte important', 'Texte important']);
    expect(calls.every((c) => c.method === 'PUT')).toBe(true);
  });

  it('saves nothing once stopped (sent or deleted)', async () => {
    const { api, calls } = draftsApi();
    const timers = manualTimers();
    const saver = new DraftAutosave(api, undefined, 'draft-2', 1000, timers);
    saver.change(input('x'));
    saver.stop();
    timers.fire();
    await saver.flush();
    expect(calls).toEqual([]);
  });
});

describe('refusals by name', () => {
  const refused = new ApiError(422, {
    type: 'https://ent.example/problems/recipients-not-allowed',
    status: 422,
    detail: 'Message non envoyé : vous ne pouvez pas écrire à Karim Benali, 0f8fad5b-d9cb-469f-a165-70867728950e.',
    errors: [
      { field: 'to[1]', message: 'Karim Benali (parent) : vous ne pouvez pas lui écrire' },
      { field: 'cc[0]', message: 'destinataire inconnu dans cet établissement : 0f8fad5b-d9cb-469f-a165-70867728950e' },
    ],
  });

  it('reads each refused recipient with its name and place, never an id', () => {
    expect(refusalsOf(refused)).toEqual([
      { field: 'to[1]', text: 'Karim Benali (parent) : vous ne pouvez pas lui écrire' },
      { field: 'cc[0]', text: 'destinataire inconnu dans cet établissement' },
    ]);
    expect(fieldPosition('to[1]')).toEqual({ list: 'to', index: 1 });
    expect(fieldPosition('bcc[12].personId')).toEqual({ list: 'bcc', index: 12 });
    const sentence = messagingError(refused);
    expect(sentence).toBe('Message non envoyé : Karim Benali (parent) : vous ne pouvez pas lui écrire ; destinataire inconnu dans cet établissement.');
    expect(sentence).not.toMatch(/[0-9a-f]{8}-/);
  });

  it('names a message’s fields in messaging’s words, and leaves other refusals to problems.ts', () => {
    expect(refusalsOf(new ApiError(404, null))).toEqual([]);
    expect(messagingError(new ApiError(400, { errors: [{ field: 'sendMessage.in.subject', message: 'must not be blank' }] }))).toBe('Le champ « objet » est obligatoire.');
    expect(messagingError(new ApiError(400, { errors: [{ field: 'body', message: 'le message est vide' }] }))).toBe('Le champ « message » : le message est vide.');
    expect(messagingError(new ApiError(409, { type: 'https://ent.example/problems/recall-too-late' }))).toBe(
      'Trop tard pour rappeler ce message : c’est possible pendant 10 minutes après l’envoi.',
    );
    expect(messagingError(new Error('boom'))).toBe('Une erreur est survenue. Réessayez plus tard.');
  });
});

describe('acknowledgement counts', () => {
  it('says how many families confirmed out of how many, and how many are waiting', () => {
    expect(acknowledgementLine({ families: 28, acknowledged: 0 })).toBe('0 famille sur 28 a confirmé la lecture');
    expect(acknowledgementLine({ families: 28, acknowledged: 1 })).toBe('1 famille sur 28 a confirmé la lecture');
    expect(acknowledgementLine({ families: 28, acknowledged: 13 })).toBe('13 familles sur 28 ont confirmé la lecture');
    expect(acknowledgementLine({ families: 28, acknowledged: 28 })).toBe('Les 28 familles ont confirmé la lecture.');
    expect(acknowledgementLine({ families: 1, acknowledged: 1 })).toBe('La famille a confirmé la lecture.');
    expect(waitingLine({ notAcknowledged: 15 })).toBe('15 en attente');
    expect(waitingLine({ notAcknowledged: 0 })).toBe('Personne en attente');
  });

  it('offers the levels of the school’s classes in school order', () => {
    const c = (name: string, level: string | null, kind: 'CLASS' | 'GROUP' = 'CLASS') => ({ id: name, kind, code: name, name, level });
    expect(levelsOf([c('3A', '3e'), c('6B', '6e'), c('4A', '4e'), c('6A', '6e'), c('LATIN', '4e', 'GROUP'), c('X', null)])).toEqual(['6e', '4e', '3e']);
  });
});

describe('the recipients offered', () => {
  const week = (teachers: Record<string, string>, subject = 'mathématiques'): Week => ({
    week: '2026-W50',
    from: '2026-12-07',
    to: '2026-12-13',
    occurrences: Object.keys(teachers).map((t, i) => ({
      id: `o${i}`, lessonId: 'l', schoolId: 'jm', subject, date: '2026-12-07', slot: 'M1', startsAt: '08:00', endsAt: '09:00', roomId: null,
      teacherIds: [t], classIds: ['4a'], groupIds: [], state: 'PLANNED', changes: [], planned: null, remoteLink: null,
    })),
    teacherNames: teachers,
    roomNames: {},
    classNames: { '4a': '4E A' },
  });
  const profile = { id: 'me', firstName: 'Sophie', lastName: 'Dubois', schoolIds: [] as string[] };

  it('gives a family the teachers of the child’s week and the vie scolaire, once each', () => {
    const me: Me = { profile: { ...profile, role: 'PARENT' }, children: [], teaching: [], enrolments: [] };
    const options = recipientOptions(me, { weeks: [{ schoolId: 'jm', week: week({ claire: 'Claire Martin', paul: 'Paul Leroy' }) }, { schoolId: 'jm', week: week({ claire: 'Claire Martin' }) }] });
    expect(options.map((o) => o.label)).toEqual(['Claire Martin (Mathématiques)', 'Paul Leroy (Mathématiques)', 'Vie scolaire et direction']);
    expect(options[0].addressee).toEqual({ personId: 'claire' });
    expect(options[2].addressee).toEqual({ group: 'STAFF' });
  });

  it('gives a teacher the parents, pupils and teachers of each class they teach', () => {
    const me: Me = { profile: { ...profile, role: 'TEACHER' }, children: [], teaching: [{ id: 't', schoolId: 'jm', classGroupId: '4a', classGroupName: '4E A', subject: 'MATHS' }], enrolments: [] };
    const options = recipientOptions(me, {});
    expect(options.map((o) => o.label)).toEqual(['Parents de 4E A', 'Élèves de 4E A', 'Enseignants de 4E A', 'Vie scolaire et direction']);
    expect(options[0].addressee).toEqual({ group: 'PARENTS', classGroupId: '4a' });
  });
});

describe('recall and activation', () => {
  const sent = { id: 'm', sender: { id: 'me', name: 'Moi' }, sentAt: '2026-12-07T10:00:00Z', recalledAt: null, receipts: [{ personId: 'c', name: 'Claire', readAt: null }] } as never;
  it('offers a recall for 10 minutes while nobody has read the message', () => {
    expect(mayRecall(sent, 'me', new Date('2026-12-07T10:09:00Z'))).toBe(true);
    expect(mayRecall(sent, 'me', new Date('2026-12-07T10:11:00Z'))).toBe(false);
    expect(mayRecall(sent, 'other', new Date('2026-12-07T10:01:00Z'))).toBe(false);
    expect(mayRecall({ ...(sent as object), receipts: [{ personId: 'c', name: 'Claire', readAt: '2026-12-07T10:01:00Z' }] } as never, 'me', new Date('2026-12-07T10:02:00Z'))).toBe(false);
  });

  it('reads the mobile app’s code as typed and sends it to the realm’s verification page', () => {
    expect(normaliseUserCode(' wdjb-mjht ')).toBe('WDJB-MJHT');
    expect(normaliseUserCode('WDJBMJHT')).toBe('WDJB-MJHT');
    expect(normaliseUserCode('WDJB-MJH')).toBeNull();
    expect(normaliseUserCode('1234-5678')).toBeNull();
    expect(deviceVerificationUrl('http://localhost:8180/realms/ent/', 'WDJB-MJHT')).toBe('http://localhost:8180/realms/ent/device?user_code=WDJB-MJHT');
  });
});
