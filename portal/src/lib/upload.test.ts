import { describe, expect, it } from 'vitest';
import { Api } from './api';
import { fileProblem, putHeaders, sha256Hex, upload } from './upload';

describe('a justification file', () => {
  it('is checked as the service checks it before anything is sent', () => {
    expect(fileProblem({ size: 1000, type: 'application/pdf' })).toBeNull();
    expect(fileProblem({ size: 2 * 1024 * 1024, type: 'image/png' })).toBeNull();
    expect(fileProblem({ size: 2 * 1024 * 1024 + 1, type: 'image/png' })).toBe('Le fichier est trop volumineux (2 Mo au plus).');
    expect(fileProblem({ size: 10, type: 'text/plain' })).toMatch(/PDF, un JPEG ou un PNG/);
    expect(fileProblem({ size: 0, type: 'image/png' })).toBe('Le fichier est vide.');
  });

  it('declares its SHA-256 in hex', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc').buffer as ArrayBuffer)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('keeps the headers a browser may set', () => {
    expect(putHeaders({ 'Content-Type': 'image/png', 'Content-Length': '12', Host: 'x', 'x-amz-meta-a': ['1', '2'] })).toEqual({ 'Content-Type': 'image/png', 'x-amz-meta-a': '1, 2' });
  });

  it('asks for an upload, PUTs the bytes to the storage with its headers, and gives the file id', async () => {
    const sent: { method: string; path: string; body: unknown }[] = [];
    const api = {
      send: async (method: string, path: string, body: unknown) => {
        sent.push({ method, path, body });
        return { fileId: 'f1', method: 'PUT', url: 'http://127.0.0.1:9000/bucket/key?X-Amz-Signature=s', headers: { 'Content-Type': 'image/png', 'Content-Length': '3' }, expiresAt: '' };
      },
    } as unknown as Api;
    const puts: { url: string; init: RequestInit }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      puts.push({ url, init });
      return new Response(null, { status: 200 });
    }) as unknown as typeof fetch;
    const file = new File([new Uint8Array([1, 2, 3])], 'rdv.png', { type: 'image/png' });
    expect(await upload(api, '/api/attendance/entries/e1/justification-uploads', file, fakeFetch)).toBe('f1');
    expect(sent[0].path).toBe('/api/attendance/entries/e1/justification-uploads');
    expect(sent[0].body).toMatchObject({ fileName: 'rdv.png', size: 3, contentType: 'image/png' });
    expect((sent[0].body as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(puts[0].url).toBe('http://127.0.0.1:9000/bucket/key?X-Amz-Signature=s');
    expect(puts[0].init.method).toBe('PUT');
    expect(puts[0].init.headers).toEqual({ 'Content-Type': 'image/png' });
  });

  it('reports a storage that refuses the bytes', async () => {
    const api = { send: async () => ({ fileId: 'f1', method: 'PUT', url: 'http://s3/x', headers: {}, expiresAt: '' }) } as unknown as Api;
    const refusing = (async () => new Response('<Error/>', { status: 403 })) as unknown as typeof fetch;
    const file = new File([new Uint8Array([1])], 'a.pdf', { type: 'application/pdf' });
    await expect(upload(api, '/api/x', file, refusing)).rejects.toThrow('Le dépôt du fichier a été refusé');
  });
});
