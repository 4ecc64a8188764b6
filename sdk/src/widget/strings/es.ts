import type { Strings } from './en';

/** Spanish UI strings. */
export const es: Strings = {
  survey: 'Tu opinión',
  close: 'Cerrar',
  next: 'Siguiente',
  send: 'Enviar',
  skip: 'Omitir',
  thanks: '¡Gracias por tu opinión!',
  followUp: '¿Cuál es el motivo principal de tu puntuación?',
  npsLow: 'nada probable',
  npsHigh: 'extremadamente probable',
  csatLow: 'muy insatisfecho',
  csatHigh: 'muy satisfecho',
  cesLow: 'totalmente en desacuerdo',
  cesHigh: 'totalmente de acuerdo',
  ratingLow: 'la más baja',
  ratingHigh: 'la más alta',
};
