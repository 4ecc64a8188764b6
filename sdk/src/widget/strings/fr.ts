import type { Strings } from './en';

/** French UI strings. */
export const fr: Strings = {
  survey: 'Votre avis',
  close: 'Fermer',
  next: 'Suivant',
  send: 'Envoyer',
  skip: 'Passer',
  thanks: 'Merci pour votre avis !',
  followUp: 'Quelle est la principale raison de votre note ?',
  npsLow: 'pas du tout probable',
  npsHigh: 'extrêmement probable',
  csatLow: 'très insatisfait',
  csatHigh: 'très satisfait',
  cesLow: 'pas du tout d’accord',
  cesHigh: 'tout à fait d’accord',
  ratingLow: 'note la plus basse',
  ratingHigh: 'note la plus haute',
};
