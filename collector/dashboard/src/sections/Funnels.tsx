import { read } from '../api';
import { statsQuery } from '../filters';
import { count, counted, percent } from '../format';
import { Section } from './Section';
import { useStats } from './useStats';

/** Funnels: per step, the sessions that reached it and those that left there. */
export const FunnelsSection = () => {
  const [loaded, retry] = useStats((view, signal) =>
    read(view.credentials, 'stats/funnels', statsQuery(view.window, view.filters), signal),
  );
  return (
    <Section
      id="funnels"
      title="Funnels"
      loaded={loaded}
      retry={retry}
      isEmpty={(stats) => stats.funnels.length === 0}
      empty={
        <>
          <p>
            <strong>No funnels defined.</strong>
          </p>
          <p>
            Define one through the admin API (<code>PUT /v1/admin/sites/:site/funnels/:id</code>) with 2–10 ordered
            steps, each a page's URL rule or a <code>track</code> event; it counts the raw events still kept at once.
          </p>
        </>
      }
    >
      {(stats) => (
        <div class="funnels">
          {stats.funnels.map((funnel) => (
            <article key={funnel.id} class="funnel" aria-labelledby={`funnel-${funnel.id}`}>
              <h3 id={`funnel-${funnel.id}`}>{funnel.name ?? funnel.id}</h3>
              {funnel.n === 0 ? (
                <p class="empty">No session entered this funnel in this range.</p>
              ) : (
                <>
                  <p class="summary">
                    {counted(funnel.n, 'session')} entered, {count(funnel.completed)} completed:{' '}
                    <strong>{percent(funnel.conversion)}</strong> conversion.
                  </p>
                  <ol class="steps">
                    {funnel.steps.map((step) => (
                      <li key={step.step}>
                        <div class="step-label">
                          <span>
                            {step.step}. {step.name ?? `Step ${step.step}`}
                          </span>
                          <span>
                            <strong>{count(step.reached)}</strong> {step.reached === 1 ? 'session' : 'sessions'} (
                            {percent(step.reached / funnel.n)})
                          </span>
                        </div>
                        <div class="step-bar" aria-hidden="true">
                          <span style={{ width: `${(100 * step.reached) / funnel.n}%` }} />
                        </div>
                        {step.left > 0 && (
                          <p class="drop">
                            {count(step.left)} left here ({percent(step.left / step.reached)} of those who reached it)
                          </p>
                        )}
                      </li>
                    ))}
                  </ol>
                </>
              )}
            </article>
          ))}
        </div>
      )}
    </Section>
  );
};
