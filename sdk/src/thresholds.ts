import type { SiteConfig, Thresholds } from './protocol';
import { DeadClickThresholds } from './signals/onDeadClick';
import { ErrorClickThresholds } from './signals/onErrorClick';
import { ExcessiveScrollThresholds } from './signals/onExcessiveScroll';
import { JsErrorThresholds } from './signals/onJsError';
import { QuickBackThresholds } from './signals/onQuickBack';
import { RageClickThresholds } from './signals/onRageClick';

/** The published defaults of every friction threshold (README, "Thresholds"); each signal module exports its own. */
export const DEFAULT_THRESHOLDS: Thresholds = {
  rageClick: RageClickThresholds,
  deadClick: DeadClickThresholds,
  errorClick: ErrorClickThresholds,
  jsError: JsErrorThresholds,
  quickBack: QuickBackThresholds,
  excessiveScroll: ExcessiveScrollThresholds,
  session: { idleMinutes: 30 },
  globalCooldownDays: 14,
};

/** Applies a site's overrides onto the defaults, in place, so that running detectors see them at once. */
export const applyThresholds = (target: Thresholds, overrides: SiteConfig['thresholds'] = {}): Thresholds => {
  for (const key of Object.keys(overrides) as (keyof Thresholds)[]) {
    const value = overrides[key];
    if (typeof value === 'object') Object.assign(target[key], value);
    else if (typeof value === 'number') (target as unknown as Record<string, number>)[key] = value;
  }
  return target;
};
