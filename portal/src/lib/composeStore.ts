/**
 * The composer's text kept in the tab while writing (sessionStorage): a session renewal that fails
 * and asks to sign in again loses nothing. Apart from lib/messaging.ts so that sign-out (in the
 * first screen's chunk) can forget it without loading the messaging rules.
 */
import type { MessageInput } from './messaging';

export const COMPOSE_KEY = 'ent-compose';

export interface ComposeSnapshot {
  /** whose it is: another person signing in in this tab does not get it */
  personId: string;
  draftId: string | null;
  input: MessageInput;
  labels: Record<string, string>;
}

export function keepCompose(s: ComposeSnapshot | null): void {
  try {
    if (s) sessionStorage.setItem(COMPOSE_KEY, JSON.stringify(s));
    else sessionStorage.removeItem(COMPOSE_KEY);
  } catch {
    /* storage full or off: the draft on the server still holds it */
  }
}

export function keptCompose(personId: string): ComposeSnapshot | null {
  try {
    const raw = sessionStorage.getItem(COMPOSE_KEY);
    const kept = raw ? (JSON.parse(raw) as ComposeSnapshot) : null;
    return kept && kept.personId === personId ? kept : null;
  } catch {
    return null;
  }
}

/** Sign-out: the next person in this tab does not find it. */
export function forgetCompose(): void {
  keepCompose(null);
}
