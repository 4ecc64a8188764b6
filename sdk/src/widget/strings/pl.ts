import type { Strings } from './en';

/** Polish UI strings. */
export const pl: Strings = {
  survey: 'Opinia',
  close: 'Zamknij',
  next: 'Dalej',
  send: 'Wyślij',
  skip: 'Pomiń',
  thanks: 'Dziękujemy za opinię!',
  followUp: 'Jaki jest główny powód Twojej oceny?',
  npsLow: 'zupełnie nieprawdopodobne',
  npsHigh: 'bardzo prawdopodobne',
  csatLow: 'bardzo niezadowolony',
  csatHigh: 'bardzo zadowolony',
  cesLow: 'zdecydowanie się nie zgadzam',
  cesHigh: 'zdecydowanie się zgadzam',
  ratingLow: 'najniższa',
  ratingHigh: 'najwyższa',
};
