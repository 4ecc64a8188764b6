import { useCallback, useMemo, useState } from 'preact/hooks';
import { type Credentials, read } from './api';
import { ViewContext } from './context';
import { type Filters, filtersFromUrl, filtersToUrl, windowOf } from './filters';
import { useLoad } from './hooks';
import { ErrorsSection } from './sections/Errors';
import { FilterBar } from './sections/FilterBar';
import { FormsSection } from './sections/Forms';
import { FrictionSection } from './sections/Friction';
import { FunnelsSection } from './sections/Funnels';
import { ImpactSection } from './sections/Impact';
import { CesSection, CsatSection, NpsSection } from './sections/Scores';
import { SegmentsSection } from './sections/Segments';
import { SignIn } from './sections/SignIn';
import { SurveysSection } from './sections/Surveys';
import { VerbatimsSection } from './sections/Verbatims';
import { VitalsSection } from './sections/Vitals';
import { loadCredentials, saveCredentials } from './session';
import { TagSnippet } from './snippet';

const SECTIONS = [
  ['nps', 'NPS'],
  ['csat', 'CSAT'],
  ['ces', 'CES'],
  ['segments', 'Segments'],
  ['surveys', 'Surveys'],
  ['friction', 'Friction'],
  ['impact', 'Impact'],
  ['vitals', 'Vitals'],
  ['errors', 'Errors'],
  ['forms', 'Forms'],
  ['funnels', 'Funnels'],
  ['verbatims', 'Verbatims'],
] as const;

/** The signed-in dashboard: header, filters, and every section for the filters' window. */
const Dashboard = ({ credentials, onSignOut }: { credentials: Credentials; onSignOut: (message?: string) => void }) => {
  const [filters, setFilters] = useState<Filters>(() => filtersFromUrl());
  const [loadedAt, setLoadedAt] = useState(() => Date.now());
  const window = useMemo(() => windowOf(filters, loadedAt), [filters, loadedAt]);
  const key = JSON.stringify([credentials.site, window, filters.path, filters.device]);
  const refused = useCallback((message: string) => onSignOut(message), [onSignOut]);
  const view = useMemo(
    () => ({ credentials, filters, window, key, refused }),
    [credentials, filters, window, key, refused],
  );

  const change = (next: Filters) => {
    filtersToUrl(next, credentials.site);
    setLoadedAt(Date.now());
    setFilters(next);
  };
  // Every page seen in the range, to suggest in the page filter, and to tell a site with no data yet.
  const site = useLoad(JSON.stringify([credentials.site, window, filters.device]), (signal) =>
    read(
      credentials,
      'stats/friction',
      { from: window.from, to: window.to, device: filters.device || undefined },
      signal,
    ),
  );
  const paths = site.state === 'done' ? site.value.pages.map((page) => page.path).sort() : [];
  const noData = site.state === 'done' && site.value.pageviews === 0;

  return (
    <ViewContext.Provider value={view}>
      <a class="skip" href="#content">
        Skip to the figures
      </a>
      <header class="top">
        <div class="title">
          <span class="brand">Pulse</span>
          <span>
            site <strong>{credentials.site}</strong>
          </span>
        </div>
        <div class="actions">
          <button type="button" onClick={() => setLoadedAt(Date.now())}>
            Refresh
          </button>
          <button type="button" onClick={() => onSignOut()}>
            Sign out
          </button>
        </div>
      </header>
      <FilterBar filters={filters} paths={paths} onChange={change} />
      <nav class="toc" aria-label="Sections">
        {SECTIONS.map(([id, name]) => (
          <a key={id} href={`#${id}`}>
            {name}
          </a>
        ))}
      </nav>
      <main id="content" tabIndex={-1}>
        <h1 class="visually-hidden">Pulse dashboard for {credentials.site}</h1>
        <p class="window">
          {new Date(window.from).toISOString().slice(0, 16).replace('T', ' ')} to{' '}
          {new Date(window.to).toISOString().slice(0, 16).replace('T', ' ')} UTC
          {filters.path && (
            <>
              {' '}
              · page <code>{filters.path}</code>
            </>
          )}
          {filters.device && <> · {filters.device}</>}
        </p>
        {noData && !filters.path && (
          <section class="card onboarding" aria-labelledby="onboarding-title">
            <h2 id="onboarding-title">No data yet</h2>
            <ol>
              <li>
                Paste the tag into every page of the site, with its public write key (<code>pk_…</code>):
                <TagSnippet />
              </li>
              <li>Open a page of the site. Page views, friction and web vitals show here within a minute.</li>
              <li>
                Define surveys through the admin API to collect NPS, CSAT and CES answers (see the README's Surveys
                section).
              </li>
            </ol>
          </section>
        )}
        <div class="grid scores">
          <NpsSection />
          <CsatSection />
          <CesSection />
        </div>
        <SegmentsSection />
        <SurveysSection />
        <FrictionSection />
        <ImpactSection />
        <VitalsSection />
        <ErrorsSection />
        <FormsSection />
        <FunnelsSection />
        <VerbatimsSection />
      </main>
    </ViewContext.Provider>
  );
};

/** The dashboard app: sign-in until a read key works, then the dashboard. */
export const App = () => {
  const [credentials, setCredentials] = useState(loadCredentials);
  const [message, setMessage] = useState<string>();
  const signOut = useCallback((reason?: string) => {
    saveCredentials(undefined);
    setMessage(reason);
    setCredentials(undefined);
  }, []);
  if (!credentials)
    return (
      <SignIn
        message={message}
        onSignIn={(signedIn) => {
          saveCredentials(signedIn);
          filtersToUrl(filtersFromUrl(), signedIn.site);
          setMessage(undefined);
          setCredentials(signedIn);
        }}
      />
    );
  return <Dashboard credentials={credentials} onSignOut={signOut} />;
};
