import type { SiteConfig, Thresholds } from './protocol';

/** The published defaults of every friction threshold (README, "Thresholds"). */
export const DEFAULT_THRESHOLDS: Thresholds = {
  rageClick: { clicks: 3, radius: 30, interval: 1000 },
  deadClick: { wait: 2500 },
  errorClick: { wait: 1000 },
  jsError: { maxPerMessage: 5 },
  quickBack: { within: 5000 },
  excessiveScroll: { changes: 4, within: 2000 },
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
