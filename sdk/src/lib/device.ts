import type { DeviceClass } from '../protocol';

/**
 * Classifies the device by viewport width and primary pointer: mobile below 640 px, tablet below 1024 px with a
 * coarse pointer. Media queries, not `innerWidth`, which forces a layout when read while the page is loading.
 */
export const device = (): DeviceClass =>
  matchMedia('(max-width:639.98px)').matches
    ? 'mobile'
    : matchMedia('(max-width:1023.98px) and (pointer:coarse)').matches
      ? 'tablet'
      : 'desktop';
