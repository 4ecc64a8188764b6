export type { Consent, Properties, Pulse, PulseListeners, PulseOptions } from './client';
export { init } from './client';
export type {
  DeviceClass,
  EventBatch,
  IngestResult,
  PulseEvent,
  Question,
  SiteConfig,
  SurveyDefinition,
  Thresholds,
  Trigger,
} from './protocol';
export { DeadClickThresholds } from './signals/onDeadClick';
export { ErrorClickThresholds } from './signals/onErrorClick';
export { ExcessiveScrollThresholds } from './signals/onExcessiveScroll';
export { JsErrorThresholds } from './signals/onJsError';
export { QuickBackThresholds } from './signals/onQuickBack';
export { RageClickThresholds } from './signals/onRageClick';
export { DEFAULT_THRESHOLDS } from './thresholds';
