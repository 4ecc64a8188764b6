import { useState } from 'preact/hooks';
import { ApiError, type Credentials, read } from '../api';
import { suggestedSite } from '../session';

/**
 * Sign-in with a site id and its secret read key. The key is checked against the collector before it is kept, and a
 * refused key shows an error that says what to check.
 */
export const SignIn = ({ message, onSignIn }: { message?: string; onSignIn: (credentials: Credentials) => void }) => {
  const [site, setSite] = useState(suggestedSite);
  const [key, setKey] = useState('');
  const [state, setState] = useState<{ checking: boolean; error?: string }>({ checking: false, error: message });

  const submit = async (event: Event) => {
    event.preventDefault();
    const credentials = { site: site.trim(), key: key.trim() };
    setState({ checking: true });
    try {
      // The smallest read there is: one hour of NPS.
      await read(credentials, 'stats/nps', { from: String(Date.now() - 3_600_000) });
      onSignIn(credentials);
    } catch (error) {
      setState({
        checking: false,
        error:
          error instanceof ApiError && error.isAuth
            ? `This read key cannot read the site “${credentials.site}”. Check the site id, and use the site's secret read key (sk_…), which was shown when the site was created or its keys were rotated; the public write key (pk_…) reads nothing.`
            : error instanceof Error
              ? error.message
              : 'Something went wrong.',
      });
    }
  };

  return (
    <main class="sign-in" id="content">
      <h1>Pulse dashboard</h1>
      <p>Sign in with your site's id and its secret read key. The key stays in this tab only, until you close it.</p>
      <form onSubmit={submit} aria-describedby={state.error ? 'sign-in-error' : undefined}>
        <label>
          Site id
          <input
            name="site"
            value={site}
            required
            autoComplete="username"
            spellcheck={false}
            onInput={(event) => setSite(event.currentTarget.value)}
          />
        </label>
        <label>
          Read key
          <input
            name="key"
            type="password"
            value={key}
            required
            placeholder="sk_…"
            autoComplete="current-password"
            spellcheck={false}
            onInput={(event) => setKey(event.currentTarget.value)}
          />
        </label>
        {state.error && (
          <p id="sign-in-error" class="failed" role="alert">
            {state.error}
          </p>
        )}
        <button type="submit" class="primary" disabled={state.checking}>
          {state.checking ? 'Checking the key…' : 'Sign in'}
        </button>
      </form>
      <p class="note">
        No key at hand? <code>npm start</code> prints the demo site's keys; the admin API rotates a site's read key (
        <code>POST /v1/admin/sites/:site/keys</code>).
      </p>
    </main>
  );
};
