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
export { DEFAULT_THRESHOLDS } from './thresholds';
