import type { Strings } from './en';

/** German UI strings. */
export const de: Strings = {
  survey: 'Feedback',
  close: 'Schließen',
  next: 'Weiter',
  send: 'Senden',
  skip: 'Überspringen',
  thanks: 'Vielen Dank für Ihr Feedback!',
  followUp: 'Was ist der wichtigste Grund für Ihre Bewertung?',
  npsLow: 'überhaupt nicht wahrscheinlich',
  npsHigh: 'äußerst wahrscheinlich',
  csatLow: 'sehr unzufrieden',
  csatHigh: 'sehr zufrieden',
  cesLow: 'stimme überhaupt nicht zu',
  cesHigh: 'stimme voll und ganz zu',
  ratingLow: 'niedrigste Bewertung',
  ratingHigh: 'höchste Bewertung',
};
