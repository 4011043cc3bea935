import { useEffect, useState } from 'react';
import { renderBody } from '../lib/richText';
import { Api } from '../lib/api';
import { instantLabel } from '../lib/dates';
import {
  Folder,
  MESSAGING,
  MessageView,
  REPORT_REASONS,
  Refusal,
  Sent,
  messagingError,
  mayRecall,
  refusalsOf,
} from '../lib/messaging';
import { Me } from '../lib/types';
import { navigate } from '../router';
import { Chosen, RecipientPicker, useRecipientOptions } from './Compose';
import { ErrorMessage, Loading } from './common';
import { useLoad } from './useLoad';

type Mode = null | 'reply' | 'reply-all' | 'forward' | 'report';

function names(refs: { name: string }[]): string {
  return refs.map((r) => r.name).join(', ');
}

/** One message of the thread: who, when, the text as text (never HTML), attachments, read receipts. */
function MessageCard({ api, m, meId, onError }: { api: Api; m: MessageView; meId: string; onError: (s: string) => void }) {
  const download = async (fileId: string) => {
    try {
      const f = await api.file(`${MESSAGING}/messages/${m.id}/attachments/${fileId}`);
      if ('url' in f) window.location.assign(f.url);
    } catch (e) {
      onError(messagingError(e));
    }
  };
  return (
    <article className="card message" aria-label={`Message de ${m.sender.name}`}>
      <p className="meta">
        <strong>{m.sender.id === meId ? 'Vous' : m.sender.name}</strong>
        {m.sentAt && (
          <>
            {' · '}
            <time dateTime={m.sentAt}>{instantLabel(m.sentAt)}</time>
          </>
        )}
      </p>
      {m.to.length > 0 && <p className="meta">À : {names(m.to)}</p>}
      {m.cc.length > 0 && <p className="meta">Copie : {names(m.cc)}</p>}
      {m.bcc.length > 0 && <p className="meta">Copie cachée : {names(m.bcc)}</p>}
      {m.recalledAt ? <p className="note">Message rappelé par son auteur.</p> : <div className="body">{renderBody(m.body)}</div>}
      {(m.attachments ?? []).length > 0 && (
        <ul className="attachments" aria-label="Pièces jointes">
          {m.attachments!.map((a) => (
            <li key={a.fileId}>
              <button type="button" className="link" onClick={() => void download(a.fileId)}>
                Télécharger {a.fileName}
              </button>
            </li>
          ))}
        </ul>
      )}
      {m.receipts && m.receipts.length > 0 && (
        <details>
          <summary>
            Lu par {m.receipts.filter((r) => r.readAt).length} sur {m.receipts.length}
          </summary>
          <ul>
            {m.receipts.map((r) => (
              <li key={r.personId}>
                {r.name} : {r.readAt ? `lu le ${instantLabel(r.readAt)}` : 'non lu'}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}

/**
 * A conversation (`/messagerie/messages/{id}`): the messages the person holds, oldest first, marked
 * read when shown; on the one opened: reply, reply to all, forward, recall (10 minutes, unread),
 * trash and restore, file in a folder, report (pupils and families), and acknowledge a broadcast.
 */
export function Thread({ api, me, messageId }: { api: Api; me: Me; messageId: string }) {
  const [round, setRound] = useState(0);
  const thread = useLoad(async () => {
    const m = await api.get<MessageView>(`${MESSAGING}/messages/${messageId}`);
    const c = await api.get<{ id: string; subject: string; messages: MessageView[] }>(`${MESSAGING}/conversations/${m.conversationId}`);
    return { m, messages: c.messages.some((x) => x.id === m.id) ? c.messages.map((x) => (x.id === m.id ? m : x)) : [...c.messages, m] };
  }, [api, messageId, round]);
  const folders = useLoad(() => api.get<Folder[]>(`${MESSAGING}/folders`), [api]);
  const [mode, setMode] = useState<Mode>(null);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [lists, setLists] = useState<Record<'to' | 'cc' | 'bcc', Chosen[]>>({ to: [], cc: [], bcc: [] });
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [trashed, setTrashed] = useState(false);
  const [busy, setBusy] = useState(false);

  // what the person received and had not read is read now that it is shown
  useEffect(() => {
    for (const x of thread.data?.messages ?? []) {
      if (x.sender.id !== me.profile.id && !x.readAt && x.sentAt && !x.recalledAt && !x.acknowledgement)
        void api.send('POST', `${MESSAGING}/messages/${x.id}/read`, undefined).catch(() => undefined);
    }
  }, [api, me.profile.id, thread.data]);

  const run = async (what: () => Promise<unknown>, ok: string, after?: () => void) => {
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      const answer = await what();
      const sent = answer as Sent | undefined;
      setNotice(sent && typeof sent === 'object' && 'notice' in sent ? sent.notice : null);
      setDone(ok);
      setMode(null);
      setText('');
      after?.();
    } catch (e) {
      setRefusals(refusalsOf(e));
      setError(messagingError(e));
    } finally {
      setBusy(false);
    }
  };

  if (thread.error) return <ErrorMessage message={thread.error} />;
  if (!thread.data) return <Loading what="la conversation" />;
  const { m, messages } = thread.data;
  const received = m.sender.id !== me.profile.id;
  const mayReport = received && (me.profile.role === 'PUPIL' || me.children.length > 0 || me.profile.role === 'PARENT');
  const reload = () => setRound((r) => r + 1);

  return (
    <section className="thread">
      <p>
        <a href="/messagerie" onClick={(e) => { e.preventDefault(); navigate('/messagerie'); }}>
          ← Messagerie
        </a>
      </p>
      <h1>{m.subject || '(sans objet)'}</h1>
      {m.acknowledgement && (
        <div className={m.acknowledgement.acknowledged ? 'success' : 'card to-acknowledge'}>
          {m.acknowledgement.acknowledged ? (
            <p>Vous avez confirmé la lecture de cette information{m.acknowledgement.acknowledgedAt ? ` le ${instantLabel(m.acknowledgement.acknowledgedAt)}` : ''}.</p>
          ) : (
            <>
              <p>L’établissement vous demande de confirmer la lecture de cette information.</p>
              <button type="button" className="primary" disabled={busy} onClick={() => void run(() => api.send('POST', `${MESSAGING}/broadcasts/${m.id}/acknowledge`, undefined), 'Lecture confirmée.', reload)}>
                Confirmer la lecture
              </button>
            </>
          )}
        </div>
      )}
      {messages.map((x) => (
        <MessageCard key={x.id} api={api} m={x} meId={me.profile.id} onError={setError} />
      ))}
      {done && (
        <p role="status" className="success">
          {done}
        </p>
      )}
      {notice && <p className="notice">{notice}</p>}
      {error && <ErrorMessage message={error} />}
      {!m.recalledAt && (
        <div className="actions">
          {received && (
            <>
              <button type="button" onClick={() => setMode('reply')}>
                Répondre
              </button>
              <button type="button" onClick={() => setMode('reply-all')}>
                Répondre à tous
              </button>
            </>
          )}
          <button type="button" onClick={() => setMode('forward')}>
            Transférer
          </button>
          {mayRecall(m, me.profile.id, new Date()) && (
            <button type="button" disabled={busy} onClick={() => void run(() => api.send('POST', `${MESSAGING}/messages/${m.id}/recall`, undefined), 'Message rappelé : ses destinataires ne le voient plus.', reload)}>
              Rappeler le message
            </button>
          )}
          {trashed ? (
            <button type="button" disabled={busy} onClick={() => void run(() => api.send('POST', `${MESSAGING}/messages/${m.id}/restore`, undefined), 'Message restauré.', () => setTrashed(false))}>
              Restaurer
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => void run(() => api.send('POST', `${MESSAGING}/messages/${m.id}/trash`, undefined), 'Message mis à la corbeille.', () => setTrashed(true))}>
              Mettre à la corbeille
            </button>
          )}
          {mayReport && (
            <button type="button" onClick={() => setMode('report')}>
              Signaler
            </button>
          )}
        </div>
      )}
      {folders.data && folders.data.length > 0 && (
        <div className="inline-form">
          <label htmlFor="thread-folder">Classer dans</label>
          <select
            id="thread-folder"
            defaultValue=""
            onChange={(e) => {
              const folderId = e.target.value || null;
              void run(() => api.send('PUT', `${MESSAGING}/messages/${m.id}/folder`, { folderId }), folderId ? 'Message classé.' : 'Message remis dans sa boîte.');
            }}
          >
            <option value="">Sa boîte</option>
            {folders.data.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {(mode === 'reply' || mode === 'reply-all') && (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return setError('Le champ « message » est obligatoire.');
            void run(() => api.send<Sent>('POST', `${MESSAGING}/messages/${m.id}/reply`, { body: text, all: mode === 'reply-all' }), 'Réponse envoyée.', reload);
          }}
        >
          <h2>{mode === 'reply' ? `Répondre à ${m.sender.name}` : 'Répondre à tous'}</h2>
          <label htmlFor="reply-body">Votre réponse</label>
          <textarea id="reply-body" rows={6} maxLength={20000} value={text} onChange={(e) => setText(e.target.value)} />
          <SendOrCancel label="Envoyer la réponse" busy={busy} onCancel={() => setMode(null)} />
        </form>
      )}
      {mode === 'forward' && <Forward api={api} me={me} m={m} text={text} setText={setText} lists={lists} setLists={setLists} refusals={refusals} busy={busy} onCancel={() => setMode(null)}
        onSend={() => {
          if (lists.to.length === 0) return setError('Le champ « destinataires » est obligatoire.');
          void run(
            () => api.send<Sent>('POST', `${MESSAGING}/messages/${m.id}/forward`, {
              body: text,
              to: lists.to.map((c) => c.addressee),
              cc: lists.cc.map((c) => c.addressee),
              bcc: lists.bcc.map((c) => c.addressee),
            }),
            'Message transféré.',
            () => setLists({ to: [], cc: [], bcc: [] }),
          );
        }} />}
      {mode === 'report' && (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason) return setError('Le champ « motif » est obligatoire.');
            void run(() => api.send('POST', `${MESSAGING}/messages/${m.id}/report`, { reason }), 'Message signalé à la vie scolaire.');
          }}
        >
          <h2>Signaler ce message</h2>
          <label htmlFor="report-reason">Motif</label>
          <select id="report-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
            <option value="">Choisir…</option>
            {REPORT_REASONS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
          <SendOrCancel label="Signaler" busy={busy} onCancel={() => setMode(null)} />
        </form>
      )}
    </section>
  );
}

function SendOrCancel({ label, busy, onCancel }: { label: string; busy: boolean; onCancel: () => void }) {
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={busy}>
        {label}
      </button>
      <button type="button" onClick={onCancel}>
        Annuler
      </button>
    </div>
  );
}

function Forward(props: {
  api: Api;
  me: Me;
  m: MessageView;
  text: string;
  setText: (s: string) => void;
  lists: Record<'to' | 'cc' | 'bcc', Chosen[]>;
  setLists: (l: Record<'to' | 'cc' | 'bcc', Chosen[]>) => void;
  refusals: Refusal[];
  busy: boolean;
  onCancel: () => void;
  onSend: () => void;
}) {
  const opts = useRecipientOptions(props.api, props.me);
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSend();
      }}
    >
      <h2>Transférer</h2>
      {opts.error && <ErrorMessage message={opts.error} />}
      {!opts.data && !opts.error && <Loading what="vos destinataires" />}
      {opts.data && (
        <RecipientPicker idPrefix="forward" options={opts.data.options.filter((o) => o.schoolId === props.m.schoolId)} lists={props.lists} onChange={props.setLists} refusals={props.refusals} />
      )}
      <label htmlFor="forward-body">Quelques mots (facultatif)</label>
      <textarea id="forward-body" rows={4} maxLength={20000} value={props.text} onChange={(e) => props.setText(e.target.value)} />
      <SendOrCancel label="Transférer" busy={props.busy} onCancel={props.onCancel} />
    </form>
  );
}

export default Thread;
