import { read } from '../api';
import { statsQuery } from '../filters';
import { count, counted } from '../format';
import { Rate } from './Rate';
import { Section } from './Section';
import { useStats } from './useStats';

/** The survey funnel: per survey, who was asked and who answered, and per question where visitors left. */
export const SurveysSection = () => {
  const [loaded, retry] = useStats((view, signal) =>
    read(view.credentials, 'stats/surveys', statsQuery(view.window, view.filters), signal),
  );
  return (
    <Section
      id="surveys"
      title="Survey funnel"
      loaded={loaded}
      retry={retry}
      isEmpty={(stats) => stats.surveys.length === 0}
      empty={
        <p>
          <strong>No survey was shown in this range.</strong> Showings, answers and dismissals appear here within a
          minute of happening.
        </p>
      }
    >
      {(stats) => (
        <div class="funnels">
          {stats.surveys.map((survey) => (
            <article key={survey.survey} class="funnel" aria-labelledby={`survey-${survey.survey}`}>
              <h3 id={`survey-${survey.survey}`}>{survey.name ?? survey.survey}</h3>
              <p class="summary">
                Shown {counted(survey.shown, 'time')}; {count(survey.started)} answered:{' '}
                <Rate rate={survey.responseRate} /> response rate. {count(survey.completed)} completed:{' '}
                <Rate rate={survey.completionRate} /> of those who answered. {count(survey.dismissed)} closed it before
                the end.
              </p>
              {survey.lowSample && (
                <p class="note">Not enough showings yet (fewer than 30) to read these rates: the intervals are wide.</p>
              )}
              <ol class="steps">
                {survey.questions.map((question) => (
                  <li key={question.question}>
                    <div class="step-label">
                      <code>{question.question}</code>
                      <span>
                        <strong>{count(question.answered)}</strong> answered of {count(question.reached)} who reached it
                      </span>
                    </div>
                    <div class="step-bar" aria-hidden="true">
                      <span
                        style={{ width: `${question.reached ? (100 * question.answered) / question.reached : 0}%` }}
                      />
                    </div>
                    {question.left > 0 && <p class="drop">{count(question.left)} closed the survey here</p>}
                  </li>
                ))}
              </ol>
            </article>
          ))}
        </div>
      )}
    </Section>
  );
};
