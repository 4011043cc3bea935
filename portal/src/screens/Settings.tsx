import { useEffect, useState } from 'react';
import { Api, ApiError } from '../lib/api';
import { instantLabel } from '../lib/dates';
import { CHANNELS, modeLabel, modesFor, preferencePath, preferenceRows } from '../lib/preferences';
import { PUSH_STATE_LABELS, PushBrowser, PushState, browserPush, pushState, turnPushOff, turnPushOn } from '../lib/push';
import { Channel, FeedLink, FeedStatus, Mode, Preference } from '../lib/types';
import { ErrorMessage, Loading } from './common';
import { useLoad } from './useLoad';

/** One object for every render: the push section reads the device's state once per page, not per render. */
const BROWSER_PUSH = browserPush();

/** Notification preferences per type and channel (digest by e-mail), push on this device, and the private iCalendar link. */
export function Settings({ api, push = BROWSER_PUSH }: { api: Api; push?: PushBrowser }) {
  return (
    <div className="settings">
      <h1>Mes réglages</h1>
      <Preferences api={api} />
      <DevicePush api={api} browser={push} />
      <CalendarLink api={api} />
    </div>
  );
}

function Preferences({ api }: { api: Api }) {
  const prefs = useLoad(() => api.get<Preference[]>('/api/notification/preferences'), [api]);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = async (type: string, label: string, channel: Channel, mode: Mode) => {
    setSaved(null);
    setError(null);
    try {
      const p = await api.send<Preference>('PUT', preferencePath(type, channel), { mode });
      if (prefs.data) prefs.set(prefs.data.map((x) => (x.type === type && x.channel === channel ? { ...x, mode: p?.mode ?? mode } : x)));
      setSaved(`${label}, ${CHANNELS.find((c) => c.channel === channel)!.label.toLowerCase()} : ${modeLabel(mode, channel).toLowerCase()}. Enregistré.`);
    } catch (e) {
      setError((e as ApiError).message);
    }
  };

  return (
    <section className="card" aria-labelledby="prefs">
      <h2 id="prefs">Notifications</h2>
      <p>Choisissez, pour chaque sorte de nouvelle, comment être prévenu. Les e-mails ne partent pas la nuit ni le week-end : ils attendent le matin.</p>
      {saved && (
        <p role="status" className="success">
          {saved}
        </p>
      )}
      {error && <ErrorMessage message={error} />}
      {prefs.error && <ErrorMessage message={prefs.error} />}
      {!prefs.data && !prefs.error && <Loading what="vos préférences" />}
      {prefs.data && (
        <table className="prefs">
          <caption className="sr-only">Préférences de notification par sorte de nouvelle et par moyen</caption>
          <thead>
            <tr>
              <th scope="col">Nouvelle</th>
              {CHANNELS.map((c) => (
                <th scope="col" key={c.channel}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preferenceRows(prefs.data).map((row) => (
              <tr key={row.type}>
                <th scope="row">{row.label}</th>
                {CHANNELS.map(({ channel, label }) => {
                  const m = row.modes[channel];
                  const id = `pref-${row.type}-${channel}`;
                  return (
                    <td key={channel}>
                      {m && (
                        <>
                          <label htmlFor={id} className="sr-only">
                            {row.label} — {label}
                          </label>
                          <select id={id} value={m.mode} onChange={(e) => choose(row.type, row.label, channel, e.target.value as Mode)}>
                            {modesFor(channel).map((mode) => (
                              <option key={mode} value={mode}>
                                {modeLabel(mode, channel)}
                                {mode === m.defaultMode ? ' (par défaut)' : ''}
                              </option>
                            ))}
                          </select>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** « Notifications sur cet appareil »: one switch that asks the browser, subscribes and registers (or forgets) this device. */
function DevicePush({ api, browser }: { api: Api; browser: PushBrowser }) {
  const [state, setState] = useState<PushState | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    pushState(api, browser)
      .catch((): PushState => 'error')
      .then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [api, browser]);

  const toggle = async (on: boolean) => {
    setBusy(true);
    try {
      setState(await (on ? turnPushOn(api, browser) : turnPushOff(api, browser)));
    } catch {
      setState('error');
    } finally {
      setBusy(false);
    }
  };

  const usable = state !== null && state !== 'unsupported' && state !== 'denied' && state !== 'unconfigured';
  return (
    <section className="card" aria-labelledby="device-push">
      <h2 id="device-push">Notifications sur cet appareil</h2>
      <p>
        Recevez sur ce téléphone ou cet ordinateur, même ENT fermé, les nouvelles que vous avez choisies dans la colonne « Sur cet appareil
        (push) ». Comme les e-mails, elles attendent le matin la nuit et le week-end.
      </p>
      {state === null && <Loading what="l’état des notifications" />}
      {state !== null && (
        <>
          <div className="switch">
            <input
              id="push-toggle"
              type="checkbox"
              role="switch"
              checked={state === 'on'}
              disabled={!usable || busy}
              aria-describedby="push-state"
              onChange={(e) => toggle(e.target.checked)}
            />
            <label htmlFor="push-toggle">Recevoir les notifications sur cet appareil</label>
          </div>
          <p id="push-state" role="status" className={state === 'error' ? 'error' : undefined}>
            {PUSH_STATE_LABELS[state]}
          </p>
        </>
      )}
    </section>
  );
}

function CalendarLink({ api }: { api: Api }) {
  const status = useLoad(() => api.get<FeedStatus>('/api/timetable/me/feed'), [api]);
  const [link, setLink] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    setError(null);
    setMessage(null);
    try {
      const l = await api.send<FeedLink>('POST', '/api/timetable/me/feed', undefined);
      setLink(new URL(l.url, window.location.origin).href);
      status.set({ active: true, createdAt: l.createdAt });
      setMessage(status.data?.active ? 'Nouveau lien créé : l’ancien ne fonctionne plus.' : 'Lien créé.');
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  const revoke = async () => {
    setError(null);
    setMessage(null);
    try {
      await api.send('DELETE', '/api/timetable/me/feed', undefined);
      setLink(null);
      status.set({ active: false, createdAt: null });
      setMessage('Lien supprimé : les agendas qui l’utilisaient ne sont plus mis à jour.');
    } catch (e) {
      setError((e as ApiError).message);
    }
  };
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setMessage('Lien copié.');
    } catch {
      setMessage('Copie impossible : sélectionnez le lien et copiez-le.');
    }
  };

  return (
    <section className="card" aria-labelledby="agenda">
      <h2 id="agenda">Emploi du temps dans votre agenda</h2>
      <p>
        Un lien privé (iCalendar) permet d’afficher l’emploi du temps dans l’agenda de votre téléphone, mis à jour avec les changements. Ne le
        partagez pas : qui le connaît voit l’emploi du temps.
      </p>
      {message && (
        <p role="status" className="success">
          {message}
        </p>
      )}
      {error && <ErrorMessage message={error} />}
      {status.error && <ErrorMessage message={status.error} />}
      {!status.data && !status.error && <Loading what="votre lien" />}
      {status.data && (
        <>
          <p>
            {status.data.active
              ? `Un lien est actif${status.data.createdAt ? ` depuis le ${instantLabel(status.data.createdAt)}` : ''}.`
              : 'Aucun lien actif.'}
          </p>
          {link && (
            <div className="feed-link">
              <label htmlFor="feed-url">Votre lien (affiché une seule fois : copiez-le maintenant)</label>
              <input id="feed-url" type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
              <button type="button" onClick={copy}>
                Copier le lien
              </button>
            </div>
          )}
          <div className="actions">
            <button type="button" className="primary" onClick={create}>
              {status.data.active ? 'Créer un nouveau lien (l’ancien cessera de fonctionner)' : 'Créer mon lien'}
            </button>
            {status.data.active && (
              <button type="button" onClick={revoke}>
                Supprimer le lien
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
