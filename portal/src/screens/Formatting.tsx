import { RefObject, useState } from 'react';
import { isFormatted, renderBody, safeHref, wrapSelection } from '../lib/richText';

/**
 * The composer's minimal toolbar: « Gras », « Italique », « Liste », « Lien » wrap the selected text
 * of the message in the tags messaging-service accepts (`<strong>`, `<em>`, `<ul><li>`, `<a href>`
 * to https: or mailto: only). The text stays readable as typed; the preview below shows it as the
 * reader will.
 */
export function FormattingBar({ field, text, onChange }: { field: RefObject<HTMLTextAreaElement | null>; text: string; onChange: (text: string) => void }) {
  const [linking, setLinking] = useState(false);
  const [href, setHref] = useState('https://');
  const [problem, setProblem] = useState<string | null>(null);

  const apply = (kind: Parameters<typeof wrapSelection>[3]) => {
    const el = field.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const next = wrapSelection(text, start, end, kind);
    onChange(next.text);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.start, next.end);
    });
  };

  return (
    <div className="formatting" role="group" aria-label="Mise en forme du message">
      <button type="button" onClick={() => apply('strong')}>
        <strong>Gras</strong>
      </button>
      <button type="button" onClick={() => apply('em')}>
        <em>Italique</em>
      </button>
      <button type="button" onClick={() => apply('ul')}>
        Liste
      </button>
      <button type="button" aria-expanded={linking} aria-controls={linking ? 'formatting-link' : undefined} onClick={() => setLinking(!linking)}>
        Lien
      </button>
      {linking && (
        <span id="formatting-link" className="inline-form">
          <label htmlFor="formatting-href">Adresse du lien (https:// ou mailto:)</label>
          <input id="formatting-href" type="url" value={href} onChange={(e) => setHref(e.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'formatting-href-problem' : undefined} />
          <button
            type="button"
            onClick={() => {
              const safe = safeHref(href);
              if (!safe) return setProblem('Seuls les liens https:// et mailto: sont permis.');
              setProblem(null);
              setLinking(false);
              apply({ href: safe });
            }}
          >
            Insérer le lien
          </button>
          {problem && (
            <span id="formatting-href-problem" role="alert" className="error">
              {problem}
            </span>
          )}
        </span>
      )}
    </div>
  );
}

/** How the reader will see a formatted message (nothing while it is plain text). */
export function Preview({ text }: { text: string }) {
  if (!isFormatted(text)) return null;
  return (
    <div className="preview">
      <p className="note">Aperçu</p>
      <div className="body">{renderBody(text)}</div>
    </div>
  );
}
