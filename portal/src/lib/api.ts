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
  /**
   * A file the API answers itself (a PDF, a ZIP) or hands out as a pre-signed URL (`{url}` in JSON): the
   * bytes with their name, or the URL to open.
   */
  file(path: string): Promise<{ blob: Blob; fileName: string | null } | { url: string }>;
  /** The number of API calls made since the counter was last reset (shown in the README's figures). */
  readonly calls: { count: number };
}

/**
 * Calls the platform's public APIs on this origin (/api/...), with the signed-in person's token.
 * A failure becomes an {@link ApiError} whose message is French; a network failure is status 0.
 */
export function createApi(token: TokenSource, fetchImpl: typeof fetch = (...a) => fetch(...a)): Api {
  const calls = { count: 0 };

  async function call(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
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
    return res;
  }

  async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const res = await call(method, path, body, headers);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  async function file(path: string): Promise<{ blob: Blob; fileName: string | null } | { url: string }> {
    const res = await call('GET', path, undefined, { Accept: 'application/pdf, application/zip, application/json' });
    if ((res.headers.get('Content-Type') ?? '').startsWith('application/json')) {
      const answer = (await res.json()) as { url: string };
      return { url: answer.url };
    }
    const disposition = res.headers.get('Content-Disposition') ?? '';
    const name = /filename="?([^";]+)"?/.exec(disposition);
    return { blob: await res.blob(), fileName: name ? name[1] : null };
  }

  return {
    get: (path) => request('GET', path),
    send: (method, path, body, headers) => request(method, path, body, headers),
    file,
    calls,
  };
}
