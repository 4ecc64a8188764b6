/** Below this many answers (or showings) a figure is flagged: "not enough answers yet" rather than a noisy number. */
export const LOW_SAMPLE = 30;
