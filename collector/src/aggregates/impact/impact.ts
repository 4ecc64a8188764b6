import { type ElementRow, FRICTION_SIGNALS } from '../friction/signals';
import { LOW_SAMPLE } from '../lowSample';
import { type CesCounts, ces } from '../scores/ces';
import { type CsatCounts, csat } from '../scores/csat';
import { newcombe } from '../scores/newcombe';
import { nps, npsClass } from '../scores/nps';
import { npsDifference } from '../scores/npsDifference';
import { welch } from '../scores/welch';
import { type StatsWindow, stated } from '../window';

/** The question kinds whose scores the impact stats compare. */
export const SCORE_KINDS = ['nps', 'csat', 'ces'] as const;

/** One of them. */
export type ScoreKind = (typeof SCORE_KINDS)[number];

/** Answers of one kind and value, and how many there were. */
export interface ScoreRow {
  kind: ScoreKind;
  value: number;
  n: number;
}

/** Separates the items of a list that one SQL value carries: signal types, or elements. */
export const ITEM_SEPARATOR = '\u001f';

/** Separates an element's path from its selector in such a list. */
export const PATH_SEPARATOR = '\u001e';

/**
 * Answers of one kind and value whose sessions met the same friction before them: the signal types, and the
 * elements (path and selector) that met a rage, dead or error click, each list joined by `ITEM_SEPARATOR` and
 * possibly repeating itself; both null for answers that met no friction.
 */
export interface AnswerFriction extends ScoreRow {
  signals: string | null;
  elements: string | null;
}

/** The scores of each kind, lowest and highest. */
const SCALES: Record<ScoreKind, [number, number]> = { nps: [0, 10], csat: [1, 5], ces: [1, 7] };

/** Answers per score of each kind, lowest score first. */
type Tally = Record<ScoreKind, number[]>;

const emptyTally = (): Tally => ({ nps: Array(11).fill(0), csat: Array(5).fill(0), ces: Array(7).fill(0) });

/** Adds a row of answers of one kind and value to a tally. */
const add = (tally: Tally | undefined, { kind, value, n }: ScoreRow) => {
  const [low, high] = SCALES[kind];
  if (tally && Number.isInteger(value) && value >= low && value <= high) tally[kind][value - low]! += n;
};

/** Counts per score as the scores' functions take them: s1, s2, … from the lowest score up. */
const perScore = <Counts>(counts: number[]) =>
  Object.fromEntries(counts.map((count, index) => [`s${index + 1}`, count])) as Counts;

/** An NPS side: its classes, the score and its adjusted-Wald interval. */
const npsSide = (counts: number[]) => {
  const classes = { promoters: 0, passives: 0, detractors: 0 };
  counts.forEach((count, score) => {
    classes[npsClass(score)] += count;
  });
  return nps(classes);
};

/** A CSAT side: the score and its Wilson interval. */
const csatSide = (counts: number[]) => {
  const { distribution: _, ...side } = csat(perScore<CsatCounts>(counts));
  return side;
};

/** A CES side: the mean, its standard deviation and its Student's t interval. */
const cesSide = (counts: number[]) => {
  const { n, mean, sd, ci95 } = ces(perScore<CesCounts>(counts));
  return { n, mean, sd, ci95 };
};

/** Under 30 answers on either side, the comparison is flagged rather than read as a finding. */
const lowSample = (a: { n: number }, b: { n: number }) => a.n < LOW_SAMPLE || b.n < LOW_SAMPLE;

/**
 * NPS, CSAT and CES of respondents who met friction against those who met none, each difference (friction minus
 * none) with its 95 % interval: NPS by the adjusted-Wald difference, CSAT by Newcombe's hybrid score interval
 * (both in points), CES by Welch's interval. The difference is null when either side has no answers.
 */
export const compare = (friction: Tally, none: Tally) => {
  const nps = { friction: npsSide(friction.nps), none: npsSide(none.nps) };
  const csat = { friction: csatSide(friction.csat), none: csatSide(none.csat) };
  const ces = { friction: cesSide(friction.ces), none: cesSide(none.ces) };
  const both = <T>(a: T | null, b: T | null, minus: (a: T, b: T) => number) =>
    a === null || b === null ? null : minus(a, b);
  const points = newcombe(csat.friction.satisfied, csat.friction.n, csat.none.satisfied, csat.none.n);
  return {
    nps: {
      ...nps,
      difference: both(nps.friction.score, nps.none.score, (a, b) => a - b),
      ci95: npsDifference(nps.friction, nps.none),
      lowSample: lowSample(nps.friction, nps.none),
    },
    csat: {
      ...csat,
      difference: both(csat.friction.score, csat.none.score, (a, b) => a - b),
      ci95: points && ([100 * points[0], 100 * points[1]] as [number, number]),
      lowSample: lowSample(csat.friction, csat.none),
    },
    ces: {
      ...ces,
      difference: both(ces.friction.mean, ces.none.mean, (a, b) => a - b),
      ci95: welch(ces.friction, ces.none),
      lowSample: lowSample(ces.friction, ces.none),
    },
  };
};

/**
 * The impact stats: scores of respondents whose session met friction before their answer against those whose
 * session met none; then, against the same respondents without friction, those who met each signal, and those who
 * met a rage, dead or error click on each of the worst elements.
 */
export const impactStats = (window: StatsWindow, answers: AnswerFriction[], elements: ElementRow[]) => {
  const friction = emptyTally();
  const none = emptyTally();
  const bySignal = new Map<string, Tally>(FRICTION_SIGNALS.map((signal) => [signal, emptyTally()]));
  const byElement = new Map<string, Tally>(
    elements.map((element) => [`${element.path}${PATH_SEPARATOR}${element.target}`, emptyTally()]),
  );
  const met = (list: string | null) => new Set(list ? list.split(ITEM_SEPARATOR) : []);
  for (const row of answers) {
    const signals = met(row.signals);
    add(signals.size ? friction : none, row);
    for (const signal of signals) add(bySignal.get(signal), row);
    for (const element of met(row.elements)) add(byElement.get(element), row);
  }
  return {
    ...stated(window),
    ...compare(friction, none),
    signals: FRICTION_SIGNALS.map((signal) => ({ signal, ...compare(bySignal.get(signal)!, none) })),
    elements: elements.map((element) => ({
      ...element,
      ...compare(byElement.get(`${element.path}${PATH_SEPARATOR}${element.target}`)!, none),
    })),
  };
};
