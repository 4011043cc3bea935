/**
 * A file sent through libs/files' pre-signed uploads (libs/files/README.md): the service is asked
 * for an upload with the file's name, size, type and SHA-256, the browser PUTs the bytes straight
 * to the object storage's URL with the headers it names, then the service checks them when the
 * file is used. The gateway's Content-Security-Policy lets `connect-src` reach that storage.
 */
import { Api, ApiError } from './api';

export const MAX_BYTES = 2 * 1024 * 1024;
export const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

/** What the service answers to an upload request. */
export interface UploadOffer {
  fileId: string;
  method: string;
  url: string;
  headers: Record<string, string | string[]>;
  expiresAt: string;
}

/** The file's SHA-256 as 64 lowercase hex digits, as libs/files expects it. */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What a service accepts (the default: attendance's and homework's justifications and hand-ins). */
export interface FileRules {
  maxBytes: number;
  maxLabel: string;
  types: string[];
  typesLabel: string;
}

const DEFAULT_RULES: FileRules = { maxBytes: MAX_BYTES, maxLabel: '2 Mo', types: ACCEPTED_TYPES, typesLabel: 'un PDF, un JPEG ou un PNG' };

/** The checks the service makes on the declared file, made first: French, or null when it may go. */
export function fileProblem(file: { size: number; type: string }, rules: FileRules = DEFAULT_RULES): string | null {
  if (file.size === 0) return 'Le fichier est vide.';
  if (file.size > rules.maxBytes) return `Le fichier est trop volumineux (${rules.maxLabel} au plus).`;
  if (!rules.types.includes(file.type)) return `Ce type de fichier n’est pas accepté : envoyez ${rules.typesLabel}.`;
  return null;
}

/** The offer's headers a browser may set (it sets Content-Length and Host itself, from the body and the URL). */
export function putHeaders(headers: UploadOffer['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'content-length' || lower === 'host') continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Asks for an upload at `offerPath`, PUTs the bytes there; the file's id to give the service. */
export async function upload(api: Api, offerPath: string, file: File, fetchImpl: typeof fetch = (...a) => fetch(...a)): Promise<string> {
  const bytes = await file.arrayBuffer();
  const offer = await api.send<UploadOffer>('POST', offerPath, {
    fileName: file.name,
    size: bytes.byteLength,
    contentType: file.type,
    sha256: await sha256Hex(bytes),
  });
  let res: Response;
  try {
    res = await fetchImpl(offer.url, { method: offer.method || 'PUT', headers: putHeaders(offer.headers), body: bytes });
  } catch {
    throw new ApiError(0, null);
  }
  if (!res.ok) throw new ApiError(res.status >= 500 ? 503 : res.status, { type: 'upload-refused' });
  return offer.fileId;
}
