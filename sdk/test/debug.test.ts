import { describe, expect, it, vi } from 'vitest';
import { explain } from '../src/debug/index';
import type { SurveyDefinition } from '../src/protocol';

const survey: SurveyDefinition = {
  id: 'csat-help',
  name: 'Support CSAT',
  questions: [{ id: 'q', type: 'csat', text: 'How did we do?' }],
  triggers: [
    { on: 'click', selector: '#help' },
    { on: 'delay', seconds: 20 },
  ],
};

/** What `explain` logged. */
const logged = (...args: Parameters<typeof explain>) => {
  const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
  explain(...args);
  const lines = info.mock.calls.map((call) => call.join(' '));
  info.mockRestore();
  return lines;
};

describe('explain (the debug chunk)', () => {
  it('names the survey, the page, its triggers and the global cool-down with the date it ends', () => {
    const until = new Date(2026, 11, 18, 14, 5).getTime();
    expect(logged(survey, { rule: 'cooldown', until }, undefined, true)).toEqual([
      `[Pulse debug] ${location.pathname} · "Support CSAT" (csat-help) at the page view (triggers: a click on #help, ` +
        "20 s on the page): not shown: the site's global cool-down between any two prompts runs until 2026-12-18 14:05",
    ]);
  });

  it('names the trigger that fired, the prompt already used on this page, and missing consent', () => {
    const [line] = logged(survey, { rule: 'page' }, { on: 'click', selector: '#help' }, false);
    expect(line).toContain('on a click on #help: not shown: another survey already used this page view');
    expect(line).toContain('consent for surveys not given');
  });

  it('says what each rule means', () => {
    for (const [decision, words] of [
      [{ rule: 'url' }, 'no URL rule'],
      [{ rule: 'trait', key: 'plan' }, 'trait "plan"'],
      [{ rule: 'sample', sample: 0.3 }, 'outside its 30 % sample'],
      [{ rule: 'dismissed', until: Date.now() }, 'dismissal cool-down runs until'],
      [{ rule: 'answered' }, 'has answered it'],
      [{ rule: 'waits' }, 'waits for one of its triggers'],
      [{ rule: 'shown' }, ': shown'],
    ] as const)
      expect(logged(survey, decision, undefined, true)[0]).toContain(words);
  });
});
