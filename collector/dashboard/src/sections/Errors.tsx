import { read } from '../api';
import { statsQuery } from '../filters';
import { count, dateTime } from '../format';
import { ScrollRegion } from './ScrollRegion';
import { Section } from './Section';
import { useStats } from './useStats';

/** JavaScript errors by group, most sessions first: how far each reached, and when it was first and last seen. */
export const ErrorsSection = () => {
  const [loaded, retry] = useStats((view, signal) =>
    read(view.credentials, 'stats/errors', statsQuery(view.window, view.filters), signal),
  );
  return (
    <Section
      id="errors"
      title="JavaScript errors"
      loaded={loaded}
      retry={retry}
      isEmpty={(stats) => stats.groups.length === 0}
      empty={
        <p>
          <strong>No JavaScript error in this range.</strong> Uncaught errors and unhandled rejections on pages with the
          tag show here, grouped by message and script.
        </p>
      }
    >
      {(stats) => (
        <ScrollRegion label="JavaScript errors">
          <table>
            <caption>Grouped by message (numbers, ids and URLs taken out) and script, most sessions first.</caption>
            <thead>
              <tr>
                <th scope="col">Error</th>
                <th scope="col">Sessions</th>
                <th scope="col">Events</th>
                <th scope="col">Pages</th>
                <th scope="col">After a click</th>
                <th scope="col">First seen</th>
                <th scope="col">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {stats.groups.map((group) => (
                <tr key={group.fingerprint}>
                  <th scope="row" class="verbatim">
                    {group.message}
                    {group.file && <span class="count">{group.file}</span>}
                  </th>
                  <td>{count(group.sessions)}</td>
                  <td>{count(group.events)}</td>
                  <td>{count(group.pages)}</td>
                  <td>{count(group.afterClick)}</td>
                  <td>{dateTime(group.firstSeen)}</td>
                  <td>{dateTime(group.lastSeen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Section>
  );
};
