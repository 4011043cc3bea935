import { DependencyList, useCallback, useEffect, useState } from 'react';
import { ApiError } from '../lib/api';

/** Loads something when its inputs change: the data, or the French error, and a way to load it again. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): { data: T | null; error: string | null; reload: () => void; set: (t: T) => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let stale = false;
    setData(null);
    setError(null);
    load().then(
      (d) => !stale && setData(d),
      (e: unknown) => !stale && setError(e instanceof ApiError ? e.message : 'Une erreur est survenue. Réessayez plus tard.'),
    );
    return () => {
      stale = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, reload, set: setData };
}
