/** English UI strings; every other locale has the same keys. */
export const en = {
  survey: 'Feedback',
  close: 'Close',
  next: 'Next',
  send: 'Send',
  skip: 'Skip',
  thanks: 'Thank you for your feedback!',
  followUp: 'What is the main reason for your score?',
  npsLow: 'not at all likely',
  npsHigh: 'extremely likely',
  csatLow: 'very dissatisfied',
  csatHigh: 'very satisfied',
  cesLow: 'strongly disagree',
  cesHigh: 'strongly agree',
  ratingLow: 'lowest',
  ratingHigh: 'highest',
};

/** The UI strings of one locale. */
export type Strings = typeof en;
