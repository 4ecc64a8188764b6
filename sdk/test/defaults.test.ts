import { describe, expect, it } from 'vitest';
import { DEFAULT_GLOBAL_COOLDOWN_DAYS } from '../../collector/src/lib/surveyWarnings';
import { DEFAULT_THRESHOLDS } from '../src/thresholds';

describe('published defaults the collector states too', () => {
  it("the collector's survey warnings use the SDK's default global cool-down", () => {
    expect(DEFAULT_GLOBAL_COOLDOWN_DAYS).toBe(DEFAULT_THRESHOLDS.globalCooldownDays);
  });
});
