import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

/** /config.json, served by the gateway from its configuration (the realm it trusts). */
export interface PortalConfig {
  authority: string;
  clientId: string;
}

export async function loadConfig(): Promise<PortalConfig> {
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`config.json answered ${res.status}`);
  return (await res.json()) as PortalConfig;
}

export const CALLBACK_PATH = '/callback';

/**
 * Authorization code + PKCE (S256) against the realm's public client. Tokens are kept in the
 * tab's sessionStorage (gone when the tab closes) and renewed before they expire with the refresh
 * token, without leaving the page: what is being typed is not lost.
 */
export function createUserManager(config: PortalConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: origin + CALLBACK_PATH,
    post_logout_redirect_uri: origin + '/',
    response_type: 'code',
    scope: 'openid',
    automaticSilentRenew: true,
    monitorSession: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    extraQueryParams: { ui_locales: 'fr' },
  });
}
