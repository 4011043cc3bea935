import { useState } from 'react';
import { Api, ApiError } from '../lib/api';
import { Entry, Reason } from '../lib/types';
import { ACCEPTED_TYPES, fileProblem, upload } from '../lib/upload';
import { ErrorMessage, Loading } from './common';
import { useLoad } from './useLoad';

/**
 * A guardian justifies an absence or a lateness: a reason, a comment and, if they wish, a file
 * (PDF, JPEG or PNG, 2 MB at most) sent straight to the object storage first. Its own chunk: only
 * opened from the home's "Justifier".
 */
export default function Justify({ api, entry, schoolId, onDone }: { api: Api; entry: Entry; schoolId: string; onDone: () => void }) {
  const reasons = useLoad(() => api.get<Reason[]>(`/api/attendance/schools/${schoolId}/reasons`), [api, schoolId]);
  const [reasonId, setReasonId] = useState('');
  const [comment, setComment] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = `justif-${entry.id}`;

  const send = async () => {
    setError(null);
    if (!reasonId) return setError('Le champ « motif » est obligatoire.');
    if (file) {
      const problem = fileProblem(file);
      if (problem) return setError(problem);
    }
    setBusy(true);
    try {
      const attachmentId = file ? await upload(api, `/api/attendance/entries/${entry.id}/justification-uploads`, file) : undefined;
      await api.send('POST', `/api/attendance/entries/${entry.id}/justifications`, {
        reasonId,
        comment: comment.trim() === '' ? undefined : comment.trim(),
        attachmentId,
      });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'L’envoi a échoué. Réessayez.');
    } finally {
      setBusy(false);
    }
  };

  if (reasons.error) return <ErrorMessage message={reasons.error} />;
  if (!reasons.data) return <Loading what="les motifs" />;
  return (
    <form
      className="justify"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label htmlFor={`${field}-motif`}>Motif</label>
      <select id={`${field}-motif`} value={reasonId} onChange={(e) => setReasonId(e.target.value)} required>
        <option value="">Choisir…</option>
        {reasons.data
          .filter((r) => !r.confidential)
          .map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
      </select>
      <label htmlFor={`${field}-commentaire`}>Commentaire (facultatif)</label>
      <textarea id={`${field}-commentaire`} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} />
      <label htmlFor={`${field}-fichier`}>Justificatif (PDF, JPEG ou PNG, 2 Mo au plus ; facultatif)</label>
      <input id={`${field}-fichier`} type="file" accept={ACCEPTED_TYPES.join(',')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Envoi…' : 'Envoyer le justificatif'}
      </button>
      {error && <ErrorMessage message={error} />}
    </form>
  );
}
