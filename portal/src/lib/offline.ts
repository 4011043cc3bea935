/**
 * The last timetable drawn, kept on this device so that it stays readable offline (the tokens
 * live only as long as the tab; this does not need one). Removed at sign-out.
 */
export interface OfflineDay {
  date: string;
  lessons: { time: string; subject: string; change: string | null }[];
}

export interface OfflineSnapshot {
  savedAt: string;
  people: { name: string; days: OfflineDay[] }[];
}

const KEY = 'ent.offline.timetable';

export function saveSnapshot(s: OfflineSnapshot, storage: Storage = localStorage): void {
  try {
    storage.setItem(KEY, JSON.stringify(s));
  } catch {
    // storage full or disabled: nothing to keep
  }
}

export function readSnapshot(storage: Storage = localStorage): OfflineSnapshot | null {
  try {
    const raw = storage.getItem(KEY);
    return raw ? (JSON.parse(raw) as OfflineSnapshot) : null;
  } catch {
    return null;
  }
}

export function forgetSnapshot(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}
