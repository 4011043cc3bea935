/**
 * Server-Sent Events over fetch. The browser's EventSource cannot send an Authorization header,
 * and the platform takes tokens only in that header (never in a URL, where logs would keep it):
 * this reader sends the bearer token, resumes with Last-Event-ID after a cut, and reconnects
 * with a growing delay (or the server's `retry:`).
 */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/** The text/event-stream format (WHATWG HTML §9.2.6), fed chunk by chunk. */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private id: string | undefined;
  lastEventId: string | undefined;
  retry: number | undefined;

  constructor(private readonly onEvent: (e: SseEvent) => void) {}

  push(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.lineEnd()) >= 0) {
      const line = this.buffer.substring(0, end);
      const skip = this.buffer[end] === '\r' && this.buffer[end + 1] === '\n' ? 2 : 1;
      this.buffer = this.buffer.substring(end + skip);
      this.line(line);
    }
  }

  private lineEnd(): number {
    const cr = this.buffer.indexOf('\r');
    const lf = this.buffer.indexOf('\n');
    if (cr < 0) return lf;
    if (lf < 0) return cr === this.buffer.length - 1 ? -1 : cr; // a lone CR at the end may be half of CRLF
    return Math.min(cr, lf);
  }

  private line(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) return; // comment (heartbeat)
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.substring(0, colon);
    let value = colon < 0 ? '' : line.substring(colon + 1);
    if (value.startsWith(' ')) value = value.substring(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        break;
      case 'event':
        this.event = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
    }
  }

  private dispatch(): void {
    if (this.id !== undefined) this.lastEventId = this.id;
    if (this.data.length > 0) {
      this.onEvent({ event: this.event || 'message', data: this.data.join('\n'), id: this.lastEventId });
    }
    this.data = [];
    this.event = '';
    this.id = undefined;
  }
}

export interface StreamOptions {
  url: string;
  token: () => Promise<string | null>;
  onEvent: (e: SseEvent) => void;
  onState?: (connected: boolean) => void;
  fetchImpl?: typeof fetch;
  /** first reconnection delay in ms, doubled up to 30 s */
  retryMs?: number;
}

/** Opens the stream and keeps it open until the returned function is called. */
export function openStream(o: StreamOptions): () => void {
  const controller = new AbortController();
  const doFetch = o.fetchImpl ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  let lastEventId: string | undefined;
  let serverRetry: number | undefined;
  let delay = o.retryMs ?? 1000;

  async function once(): Promise<void> {
    const token = await o.token();
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    const res = await doFetch(o.url, { headers, signal: controller.signal, cache: 'no-store' });
    if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
    o.onState?.(true);
    delay = o.retryMs ?? 1000;
    const parser = new SseParser(o.onEvent);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
      lastEventId = parser.lastEventId ?? lastEventId;
      serverRetry = parser.retry ?? serverRetry;
    }
  }

  (async () => {
    while (!controller.signal.aborted) {
      try {
        await once();
      } catch {
        // cut, refused or offline: try again later
      }
      o.onState?.(false);
      if (controller.signal.aborted) break;
      const wait = serverRetry ?? delay;
      delay = Math.min(delay * 2, 30_000);
      await new Promise((r) => setTimeout(r, wait));
    }
  })();

  return () => controller.abort();
}
