import type { Strings } from './en';

/** Japanese UI strings. */
export const ja: Strings = {
  survey: 'フィードバック',
  close: '閉じる',
  next: '次へ',
  send: '送信',
  skip: 'スキップ',
  thanks: 'フィードバックをありがとうございました！',
  followUp: 'この評価の一番の理由は何ですか？',
  npsLow: 'まったく可能性がない',
  npsHigh: '非常に可能性が高い',
  csatLow: '非常に不満',
  csatHigh: '非常に満足',
  cesLow: 'まったくそう思わない',
  cesHigh: '非常にそう思う',
  ratingLow: '最低',
  ratingHigh: '最高',
};
