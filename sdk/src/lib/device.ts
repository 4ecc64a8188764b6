import type { DeviceClass } from '../protocol';

/** Classifies the device by viewport width and primary pointer: mobile below 640 px, tablet below 1024 px with a coarse pointer. */
export const device = (): DeviceClass => {
  const width = innerWidth;
  if (width < 640) return 'mobile';
  return width < 1024 && matchMedia('(pointer:coarse)').matches ? 'tablet' : 'desktop';
};
