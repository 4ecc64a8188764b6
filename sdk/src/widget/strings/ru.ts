import type { Strings } from './en';

/** Russian UI strings. */
export const ru: Strings = {
  survey: 'Отзыв',
  close: 'Закрыть',
  next: 'Далее',
  send: 'Отправить',
  skip: 'Пропустить',
  thanks: 'Спасибо за ваш отзыв!',
  followUp: 'Какова главная причина вашей оценки?',
  npsLow: 'совсем маловероятно',
  npsHigh: 'очень вероятно',
  csatLow: 'совсем не доволен',
  csatHigh: 'очень доволен',
  cesLow: 'полностью не согласен',
  cesHigh: 'полностью согласен',
  ratingLow: 'самая низкая',
  ratingHigh: 'самая высокая',
};
