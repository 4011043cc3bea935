import { useState } from 'react';
import { loadConfig } from '../lib/auth';
import { deviceVerificationUrl, normaliseUserCode } from '../lib/device';
import { ErrorMessage } from './common';

/**
 * « Activer l'application mobile » (`/activer`): the person types the code the mobile app shows,
 * and is sent to Keycloak's device verification page with it (`/realms/ent/device?user_code=`),
 * which signs them in if needed and asks them to confirm; the app, polling, then gets their token.
 */
export function Activate({ go = (url: string) => window.location.assign(url) }: { go?: (url: string) => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setError(null);
    const userCode = normaliseUserCode(code);
    if (!userCode) return setError('Le champ « code d’activation » doit contenir les 8 lettres affichées par l’application (par exemple ABCD-EFGH).');
    setBusy(true);
    try {
      const config = await loadConfig();
      go(deviceVerificationUrl(config.authority, userCode));
    } catch {
      setError('La connexion n’a pas pu être établie. Réessayez.');
      setBusy(false);
    }
  };
  return (
    <section className="activate">
      <h1>Activer l’application mobile</h1>
      <ol>
        <li>Ouvrez l’application ENT sur votre téléphone : elle affiche un code d’activation.</li>
        <li>Saisissez ce code ci-dessous, puis confirmez sur la page suivante.</li>
        <li>L’application se connecte d’elle-même à votre compte.</li>
      </ol>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor="device-code">Code d’activation</label>
        <input id="device-code" autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} maxLength={12} value={code} onChange={(e) => setCode(e.target.value)} aria-describedby="device-code-help" />
        <p id="device-code-help" className="note">
          8 lettres, avec ou sans tiret. Ne saisissez jamais un code qu’une autre personne vous a transmis.
        </p>
        <button type="submit" className="primary" disabled={busy}>
          Continuer
        </button>
        {error && <ErrorMessage message={error} />}
      </form>
    </section>
  );
}

export default Activate;
