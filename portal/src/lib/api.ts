import { Problem, problemMessage } from './problems';

/** A call that failed: the French message to show, and what the API said. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | null) {
    super(problemMessage(status, problem));
    this.name = 'ApiError';
  }
}

export type TokenSource = () => Promise<string | null>;

export interface Api {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  /** The number of API calls made since the counter was last reset (shown in the README's figures). */
  readonly calls: { count: number };
}

/**
 * Calls the platform's public APIs on this origin (/api/...), with the signed-in person's token.
 * A failure becomes an {@link ApiError} whose message is French; a network failure is status 0.
 */
export function createApi(token: TokenSource, fetchImpl: typeof fetch = (...a) => fetch(...a)): Api {
  const calls = { count: 0 };

  async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    if (!path.startsWith('/api/')) throw new Error(`not an API path: ${path}`);
    const t = await token();
    const h: Record<string, string> = { Accept: 'application/json', ...headers };
    if (t) h.Authorization = `Bearer ${t}`;
    if (body !== undefined) h['Content-Type'] = 'application/json';
    calls.count++;
    let res: Response;
    try {
      res = await fetchImpl(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, null);
    }
    if (!res.ok) {
      let problem: Problem | null = null;
      try {
        problem = (await res.json()) as Problem;
      } catch {
        problem = null;
      }
      throw new ApiError(res.status, problem);
    }
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  return {
    get: (path) => request('GET', path),
    send: (method, path, body, headers) => request(method, path, body, headers),
    calls,
  };
}
