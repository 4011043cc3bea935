/**
 * The mobile app's activation (OAuth 2.0 Device Authorization Grant, RFC 8628, realm client
 * `ent-mobile`): the code the app shows is confirmed on Keycloak's own verification page.
 */

/** « abcd efgh », « ABCD-EFGH » → « ABCD-EFGH » (Keycloak's user codes: 8 letters), or null. */
export function normaliseUserCode(typed: string): string | null {
  const letters = typed.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z]{8}$/.test(letters) ? `${letters.slice(0, 4)}-${letters.slice(4)}` : null;
}

/** The realm's device verification page with the code in it (`verification_uri_complete`). */
export function deviceVerificationUrl(authority: string, userCode: string): string {
  return `${authority.replace(/\/+$/, '')}/device?user_code=${encodeURIComponent(userCode)}`;
}
