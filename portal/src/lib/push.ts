import { Api, ApiError } from './api';

/** Where push notifications stand on this device (this browser profile), for the person signed in. */
export type PushState = 'unsupported' | 'unconfigured' | 'denied' | 'off' | 'on' | 'error';

/** The parts of the browser's Push API the portal uses: the real one in {@link browserPush}, a fake in tests. */
export interface PushSubscriptionLike {
  endpoint: string;
  toJSON(): unknown;
  unsubscribe(): Promise<boolean>;
}
export interface PushManagerLike {
  getSubscription(): Promise<PushSubscriptionLike | null>;
  subscribe(options: { userVisibleOnly: boolean; applicationServerKey: Uint8Array }): Promise<PushSubscriptionLike>;
}
export interface PushBrowser {
  supported(): boolean;
  permission(): NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  /** The service worker's push manager (waits for sw.js to be active). */
  pushManager(): Promise<PushManagerLike>;
}

export function browserPush(): PushBrowser {
  return {
    supported: () =>
      typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window,
    permission: () => Notification.permission,
    requestPermission: () => Notification.requestPermission(),
    pushManager: async () => (await navigator.serviceWorker.ready).pushManager as unknown as PushManagerLike,
  };
}

export const PUSH_SUBSCRIPTIONS = '/api/notification/me/push-subscriptions';
export const PUSH_PUBLIC_KEY = '/api/notification/push/public-key';

export const PUSH_STATE_LABELS: Record<PushState, string> = {
  unsupported: 'Non pris en charge par ce navigateur.',
  unconfigured: 'Les notifications sur l’appareil ne sont pas disponibles sur cette plateforme.',
  denied: 'Refusé dans le navigateur : autorisez les notifications pour ce site dans les réglages du navigateur, puis revenez ici.',
  off: 'Désactivé sur cet appareil.',
  on: 'Activé sur cet appareil.',
  error: 'Erreur : les notifications sur cet appareil n’ont pas pu être changées. Réessayez plus tard.',
};

/** The VAPID public key (base64url) as the bytes `applicationServerKey` takes. */
export function base64UrlToBytes(value: string): Uint8Array {
  const b64 = value.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (value.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** On only when this browser holds a subscription that the platform knows as the person's own. */
export async function pushState(api: Api, browser: PushBrowser): Promise<PushState> {
  if (!browser.supported()) return 'unsupported';
  if (browser.permission() === 'denied') return 'denied';
  const sub = await (await browser.pushManager()).getSubscription();
  if (!sub) return 'off';
  const mine = await api.get<{ endpoint: string }[]>(PUSH_SUBSCRIPTIONS);
  return mine.some((d) => d.endpoint === sub.endpoint) ? 'on' : 'off';
}

/** Asks the browser's permission, subscribes with the platform's key and registers the device. */
export async function turnPushOn(api: Api, browser: PushBrowser): Promise<PushState> {
  if (!browser.supported()) return 'unsupported';
  let key: string;
  try {
    key = (await api.get<{ publicKey: string }>(PUSH_PUBLIC_KEY)).publicKey;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return 'unconfigured';
    throw e;
  }
  const permission = await browser.requestPermission();
  if (permission === 'denied') return 'denied';
  if (permission !== 'granted') return 'off'; // the question was dismissed: ask again next time
  const manager = await browser.pushManager();
  const sub =
    (await manager.getSubscription()) ??
    (await manager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(key) }));
  await api.send('PUT', PUSH_SUBSCRIPTIONS, sub.toJSON());
  return 'on';
}

/** Forgets the device on the platform, then in the browser. */
export async function turnPushOff(api: Api, browser: PushBrowser): Promise<PushState> {
  const sub = await (await browser.pushManager()).getSubscription();
  if (sub) {
    try {
      await api.send('DELETE', `${PUSH_SUBSCRIPTIONS}?endpoint=${encodeURIComponent(sub.endpoint)}`, undefined);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e; // already forgotten
    }
    await sub.unsubscribe();
  }
  return 'off';
}
