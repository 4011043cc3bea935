/**
 * The last timetable (and to-do list) drawn, kept on this device so that it stays readable offline (the tokens
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
  storage.removeItem(TODO_KEY);
}

/** The last to-do list drawn (a pupil's, or each child's for a guardian), kept the same way. */
export interface OfflineTodo {
  savedAt: string;
  people: { name: string; days: { day: string; items: { subject: string; title: string; done: boolean }[] }[] }[];
}

const TODO_KEY = 'ent.offline.todo';

/** Keeps one person's list, beside the others already kept (a guardian's children). */
export function saveTodo(person: OfflineTodo['people'][number], savedAt: string, storage: Storage = localStorage): void {
  const kept = readTodo(storage);
  const people = [...(kept?.people ?? []).filter((p) => p.name !== person.name), person];
  try {
    storage.setItem(TODO_KEY, JSON.stringify({ savedAt, people }));
  } catch {
    // storage full or disabled: nothing to keep
  }
}

export function readTodo(storage: Storage = localStorage): OfflineTodo | null {
  try {
    const raw = storage.getItem(TODO_KEY);
    return raw ? (JSON.parse(raw) as OfflineTodo) : null;
  } catch {
    return null;
  }
}
