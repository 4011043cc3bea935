import { useState } from 'react';
import { Api, ApiError } from '../lib/api';
import { instantLabel } from '../lib/dates';
import { Notification } from '../lib/types';
import { ErrorMessage, Loading } from './common';
import { useLoad } from './useLoad';

const SIZE = 20;

/** Every notification, newest first, a page at a time; each can be marked read, or all at once. */
export function Inbox({ api, onUnread }: { api: Api; onUnread: (n: number) => void }) {
  const [page, setPage] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const inbox = useLoad(async () => {
    const p = await api.get<{ items: Notification[]; total: number; unread: number }>(`/api/notification/inbox?page=${page}&size=${SIZE}`);
    onUnread(p.unread);
    return p;
  }, [api, page]);

  const markRead = async (n: Notification) => {
    setError(null);
    try {
      await api.send('POST', `/api/notification/inbox/${n.id}/read`, undefined);
      if (inbox.data) {
        const unread = Math.max(0, inbox.data.unread - (n.read ? 0 : 1));
        inbox.set({ ...inbox.data, unread, items: inbox.data.items.map((x) => (x.id === n.id ? { ...x, read: true } : x)) });
        onUnread(unread);
      }
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  const markAll = async () => {
    setError(null);
    try {
      await api.send('POST', '/api/notification/inbox/read-all', undefined);
      if (inbox.data) inbox.set({ ...inbox.data, unread: 0, items: inbox.data.items.map((x) => ({ ...x, read: true })) });
      onUnread(0);
    } catch (e) {
      setError((e as ApiError).message);
    }
  };

  const pages = inbox.data ? Math.max(1, Math.ceil(inbox.data.total / SIZE)) : 1;
  return (
    <div className="inbox">
      <h1>Mes notifications</h1>
      {error && <ErrorMessage message={error} />}
      {inbox.error && <ErrorMessage message={inbox.error} />}
      {!inbox.data && !inbox.error && <Loading what="vos notifications" />}
      {inbox.data && (
        <>
          <p>
            {inbox.data.unread === 0 ? 'Tout est lu.' : `${inbox.data.unread} non lue${inbox.data.unread > 1 ? 's' : ''}.`}{' '}
            {inbox.data.unread > 0 && (
              <button type="button" className="link" onClick={markAll}>
                Tout marquer comme lu
              </button>
            )}
          </p>
          {inbox.data.items.length === 0 ? (
            <p className="empty">Aucune notification.</p>
          ) : (
            <ul className="notification-list">
              {inbox.data.items.map((n) => (
                <li key={n.id} className={n.read ? 'read' : 'unread-item'}>
                  <strong>{n.title}</strong>
                  {n.child && <span className="tag">{n.child.firstName}</span>}
                  {!n.read && <span className="tag">Non lue</span>}
                  <p>{n.body}</p>
                  <time dateTime={n.occurredAt}>{instantLabel(n.occurredAt)}</time>
                  {!n.read && (
                    <button type="button" className="link" onClick={() => markRead(n)} aria-label={`Marquer comme lue : ${n.title}`}>
                      Marquer comme lue
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {pages > 1 && (
            <nav className="week-nav" aria-label="Pages de notifications">
              <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
                Plus récentes
              </button>
              <span>
                Page {page + 1} sur {pages}
              </span>
              <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                Plus anciennes
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
