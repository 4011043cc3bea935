import { describe, expect, it } from 'vitest';
import { openStream, SseEvent, SseParser } from './sse';

describe('the text/event-stream parser', () => {
  it('reads events cut anywhere, with CRLF, comments, ids and multi-line data', () => {
    const events: SseEvent[] = [];
    const p = new SseParser((e) => events.push(e));
    const text = ': ping\r\n\r\nevent: notification\r\nid: 41\r\ndata: {"a":\r\ndata: 1}\r\n\r\nid: 42\ndata: two\n\n';
    for (const ch of text) p.push(ch); // one character at a time
    expect(events).toEqual([
      { event: 'notification', data: '{"a":\n1}', id: '41' },
      { event: 'message', data: 'two', id: '42' },
    ]);
    expect(p.lastEventId).toBe('42');
  });

  it('does not dispatch an event without data, nor one not yet ended', () => {
    const events: SseEvent[] = [];
    const p = new SseParser((e) => events.push(e));
    p.push('event: x\n\ndata: half');
    expect(events).toEqual([]);
    p.push('\n\n');
    expect(events.map((e) => e.data)).toEqual(['half']);
  });
});

describe('the stream over fetch', () => {
  it('sends the token in a header and resumes from the last event id after a cut', async () => {
    const requests: Record<string, string>[] = [];
    const bodies = ['id: 7\nevent: notification\ndata: {"n":1}\n\n', 'id: 8\nevent: notification\ndata: {"n":2}\n\n'];
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      requests.push(init.headers as Record<string, string>);
      const body = bodies.shift();
      if (body === undefined) return new Promise<Response>(() => undefined); // stays open
      const bytes = new TextEncoder().encode(body);
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(bytes);
          c.close();
        },
      });
      return { ok: true, status: 200, body: stream } as unknown as Response;
    }) as unknown as typeof fetch;
    const received: string[] = [];
    let tokens = 0;
    const close = openStream({
      url: '/api/notification/stream',
      token: async () => `token-${++tokens}`,
      onEvent: (e) => received.push(e.data),
      fetchImpl: fakeFetch,
      retryMs: 5,
    });
    const deadline = Date.now() + 2000;
    while (requests.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    close();
    expect(received).toEqual(['{"n":1}', '{"n":2}']);
    expect(requests[0].Authorization).toBe('Bearer token-1');
    expect(requests[0]['Last-Event-ID']).toBeUndefined();
    expect(requests[1]['Last-Event-ID']).toBe('7');
    expect(requests[2]['Last-Event-ID']).toBe('8');
    expect(requests[2].Authorization).toBe('Bearer token-3'); // a fresh token at each reconnection
  });
});
