import type { Strings } from './en';

/** Portuguese UI strings. */
export const pt: Strings = {
  survey: 'Feedback',
  close: 'Fechar',
  next: 'Próximo',
  send: 'Enviar',
  skip: 'Ignorar',
  thanks: 'Obrigado pelo seu feedback!',
  followUp: 'Qual é o principal motivo da sua nota?',
  npsLow: 'nada provável',
  npsHigh: 'extremamente provável',
  csatLow: 'muito insatisfeito',
  csatHigh: 'muito satisfeito',
  cesLow: 'discordo totalmente',
  cesHigh: 'concordo totalmente',
  ratingLow: 'a mais baixa',
  ratingHigh: 'a mais alta',
};
