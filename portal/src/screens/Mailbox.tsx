import { useState } from 'react';
import { Api } from '../lib/api';
import { instantLabel } from '../lib/dates';
import { BOXES, Box, Folder, MESSAGING, MailPage, Summary, UnreadCounts, messagingError } from '../lib/messaging';
import { navigate } from '../router';
import { ErrorMessage, Loading } from './common';
import { useLoad } from './useLoad';

const SIZE = 20;

function go(path: string) {
  return (e: { preventDefault(): void }) => {
    e.preventDefault();
    navigate(path);
  };
}

/**
 * The mailbox (`/messagerie`, `/messagerie/envoyes|brouillons|corbeille`, `/messagerie/dossiers/{id}`):
 * the boxes and personal folders with their unread counts, the messages newest first a page at a
 * time, a search over one's own messages, new folders; a message opens its conversation, a draft
 * the composer.
 */
export function Mailbox({ api, path }: { api: Api; path: string }) {
  const folderId = path.startsWith('/messagerie/dossiers/') ? path.split('/')[3] : null;
  const box: Box = BOXES.find((b) => b.path === path)?.box ?? 'INBOX';
  const [page, setPage] = useState(0);
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const [folderName, setFolderName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  const side = useLoad(
    () => Promise.all([api.get<UnreadCounts>(`${MESSAGING}/mailbox/unread`), api.get<Folder[]>(`${MESSAGING}/folders`)]),
    [api, round],
  );
  const list = useLoad(() => {
    if (searched) return api.get<MailPage>(`${MESSAGING}/search?q=${encodeURIComponent(searched)}&page=${page}&size=${SIZE}`);
    if (folderId) return api.get<MailPage>(`${MESSAGING}/folders/${folderId}/messages?page=${page}&size=${SIZE}`);
    return api.get<MailPage>(`${MESSAGING}/mailbox?box=${box}&page=${page}&size=${SIZE}`);
  }, [api, box, folderId, page, searched, round]);

  const [unread, folders] = side.data ?? [null, []];
  const folderTitle = folderId ? folders.find((f) => f.id === folderId)?.name ?? 'Dossier' : null;
  const title = searched ? `Recherche : « ${searched} »` : folderTitle ?? BOXES.find((b) => b.box === box)!.label;

  const act = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      setRound((r) => r + 1);
    } catch (e) {
      setError(messagingError(e));
    }
  };

  const open = (m: Summary) => (m.box === 'DRAFT' && !m.sentAt ? `/messagerie/brouillons/${m.id}` : `/messagerie/messages/${m.id}`);

  return (
    <div className="mailbox">
      <h1>Messagerie</h1>
      <p>
        <a className="button primary" href="/messagerie/nouveau" onClick={go('/messagerie/nouveau')}>
          Nouveau message
        </a>
      </p>
      <div className="mail-columns">
        <nav aria-label="Dossiers de la messagerie" className="boxes">
          <ul>
            {BOXES.map((b) => (
              <li key={b.box}>
                <a href={b.path} aria-current={!folderId && !searched && b.box === box ? 'page' : undefined} onClick={(e) => { setSearched(null); setPage(0); go(b.path)(e); }}>
                  {b.label}
                  {b.box === 'INBOX' && unread && unread.inbox > 0 && <span className="count"> ({unread.inbox} non lu{unread.inbox > 1 ? 's' : ''})</span>}
                </a>
              </li>
            ))}
            {folders.map((f) => (
              <li key={f.id}>
                <a href={`/messagerie/dossiers/${f.id}`} aria-current={folderId === f.id && !searched ? 'page' : undefined} onClick={(e) => { setSearched(null); setPage(0); go(`/messagerie/dossiers/${f.id}`)(e); }}>
                  {f.name}
                  {(unread?.folders[f.id] ?? 0) > 0 && <span className="count"> ({unread!.folders[f.id]} non lu{unread!.folders[f.id] > 1 ? 's' : ''})</span>}
                </a>
              </li>
            ))}
          </ul>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!folderName.trim()) return setError('Le champ « nom du dossier » est obligatoire.');
              void act(() => api.send('POST', `${MESSAGING}/folders`, { name: folderName.trim() })).then(() => setFolderName(''));
            }}
          >
            <label htmlFor="folder-name">Nouveau dossier</label>
            <input id="folder-name" value={folderName} maxLength={80} onChange={(e) => setFolderName(e.target.value)} />
            <button type="submit">Créer</button>
          </form>
        </nav>
        <section className="mail-list" aria-labelledby="mail-list-title">
          <form
            role="search"
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              setPage(0);
              setSearched(query.trim() || null);
            }}
          >
            <label htmlFor="mail-search">Rechercher dans mes messages</label>
            <input id="mail-search" type="search" value={query} maxLength={200} onChange={(e) => setQuery(e.target.value)} />
            <button type="submit">Rechercher</button>
          </form>
          <h2 id="mail-list-title">{title}</h2>
          {folderId && !searched && (
            <button type="button" onClick={() => void act(() => api.send('DELETE', `${MESSAGING}/folders/${folderId}`, undefined)).then(() => navigate('/messagerie'))}>
              Supprimer ce dossier (ses messages retournent dans leur boîte)
            </button>
          )}
          {error && <ErrorMessage message={error} />}
          {list.error && <ErrorMessage message={list.error} />}
          {!list.data && !list.error && <Loading what="vos messages" />}
          {list.data && list.data.items.length === 0 && <p className="empty">Aucun message.</p>}
          {list.data && list.data.items.length > 0 && (
            <ul className="messages">
              {list.data.items.map((m) => (
                <li key={m.id} className={m.read || m.box !== 'INBOX' ? 'message-line' : 'message-line unread-item'}>
                  <a href={open(m)} onClick={go(open(m))}>
                    <span className="from">{m.box === 'SENT' || m.box === 'DRAFT' ? (m.box === 'DRAFT' ? 'Brouillon' : 'Envoyé') : m.sender.name}</span>
                    <strong className="subject">{m.subject || '(sans objet)'}</strong>
                  </a>
                  {!m.read && m.box === 'INBOX' && <span className="tag">Non lu</span>}
                  {m.recalled && <span className="tag">Rappelé</span>}
                  <time dateTime={m.sentAt ?? m.updatedAt}>{instantLabel(m.sentAt ?? m.updatedAt)}</time>
                  {m.trashed && (
                    <button type="button" className="link" onClick={() => void act(() => api.send('POST', `${MESSAGING}/messages/${m.id}/restore`, undefined))} aria-label={`Restaurer : ${m.subject}`}>
                      Restaurer
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {list.data && (page > 0 || list.data.more) && (
            <div className="pager">
              <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
                Plus récents
              </button>
              <button type="button" disabled={!list.data.more} onClick={() => setPage(page + 1)}>
                Plus anciens
              </button>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

export default Mailbox;
