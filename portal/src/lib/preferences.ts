import { Channel, Mode, Preference } from './types';

/** One type of notification and the mode chosen on each channel. */
export interface PreferenceRow {
  type: string;
  label: string;
  modes: Partial<Record<Channel, { mode: Mode; defaultMode: Mode }>>;
}

export const CHANNELS: { channel: Channel; label: string }[] = [
  { channel: 'IN_APP', label: 'Dans l’ENT' },
  { channel: 'EMAIL', label: 'Par e-mail' },
  { channel: 'PUSH', label: 'Sur cet appareil (push)' },
];

/** The modes a channel offers: the daily digest is for e-mail only (the API refuses it in the app and for push). */
export function modesFor(channel: Channel): Mode[] {
  return channel === 'EMAIL' ? ['IMMEDIATE', 'DIGEST', 'OFF'] : ['IMMEDIATE', 'OFF'];
}

export function modeLabel(mode: Mode, channel: Channel): string {
  if (mode === 'OFF') return 'Jamais';
  if (mode === 'DIGEST') return 'Résumé quotidien (18h)';
  return channel === 'EMAIL' ? 'Tout de suite' : 'Oui';
}

/** GET /api/notification/preferences (one line per type and channel) → one row per type, in the API's order. */
export function preferenceRows(prefs: Preference[]): PreferenceRow[] {
  const rows: PreferenceRow[] = [];
  const byType = new Map<string, PreferenceRow>();
  for (const p of prefs) {
    let row = byType.get(p.type);
    if (!row) {
      row = { type: p.type, label: p.label || p.type, modes: {} };
      byType.set(p.type, row);
      rows.push(row);
    }
    row.modes[p.channel] = { mode: p.mode, defaultMode: p.defaultMode };
  }
  return rows;
}

/** The path of the change: PUT /api/notification/preferences/{type}/{channel} with {mode}. */
export function preferencePath(type: string, channel: Channel): string {
  return `/api/notification/preferences/${encodeURIComponent(type)}/${channel}`;
}
