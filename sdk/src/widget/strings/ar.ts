import type { Strings } from './en';

/** Arabic UI strings. */
export const ar: Strings = {
  survey: 'ملاحظات',
  close: 'إغلاق',
  next: 'التالي',
  send: 'إرسال',
  skip: 'تخطٍّ',
  thanks: 'شكرًا على ملاحظاتك!',
  followUp: 'ما السبب الرئيسي لتقييمك؟',
  npsLow: 'غير مرجّح على الإطلاق',
  npsHigh: 'مرجّح جدًا',
  csatLow: 'غير راضٍ جدًا',
  csatHigh: 'راضٍ جدًا',
  cesLow: 'لا أوافق بشدة',
  cesHigh: 'أوافق بشدة',
  ratingLow: 'الأدنى',
  ratingHigh: 'الأعلى',
};
