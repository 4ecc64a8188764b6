import { read } from '../api';
import { statsQuery } from '../filters';
import { count, duration } from '../format';
import { Rate } from './Rate';
import { ScrollRegion } from './ScrollRegion';
import { Section } from './Section';
import { useStats } from './useStats';

/** Forms per page, most abandoned first: who started them, who finished, and where and when the others gave up. */
export const FormsSection = () => {
  const [loaded, retry] = useStats((view, signal) =>
    read(view.credentials, 'stats/forms', statsQuery(view.window, view.filters), signal),
  );
  return (
    <Section
      id="forms"
      title="Forms"
      loaded={loaded}
      retry={retry}
      isEmpty={(stats) => stats.forms.length === 0}
      empty={
        <p>
          <strong>No form touched in this range.</strong> A form shows here once a visitor changes one of its fields:
          how many then submitted it, and where the others left.
        </p>
      }
    >
      {(stats) => (
        <ScrollRegion label="Forms">
          <table>
            <caption>
              Sessions that changed a field of each form, most abandoned first. Last fields are names, never values.
            </caption>
            <thead>
              <tr>
                <th scope="col">Form</th>
                <th scope="col">Started</th>
                <th scope="col">Submitted</th>
                <th scope="col">Abandoned</th>
                <th scope="col">Abandonment rate</th>
                <th scope="col">Left at</th>
                <th scope="col">Median time before leaving</th>
              </tr>
            </thead>
            <tbody>
              {stats.forms.map((form) => (
                <tr key={`${form.path} ${form.form}`}>
                  <th scope="row" class="verbatim">
                    {form.form}
                    <span class="count">{form.path}</span>
                  </th>
                  <td>{count(form.touched)}</td>
                  <td>{count(form.submitted)}</td>
                  <td>{count(form.abandoned)}</td>
                  <td>
                    <Rate rate={form.abandonmentRate} />
                    {form.lowSample && <span class="count">Not enough sessions yet (fewer than 30).</span>}
                  </td>
                  <td>
                    {form.lastFields.length === 0
                      ? '—'
                      : form.lastFields
                          .map((field) => `${field.field ?? '(unnamed field)'} (${count(field.sessions)})`)
                          .join(', ')}
                  </td>
                  <td>{duration(form.medianDuration)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Section>
  );
};
