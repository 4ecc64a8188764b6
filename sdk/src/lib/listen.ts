/** Removes a listener added by `listen`. */
export type Unlisten = () => void;

/** Adds a passive, capturing event listener and returns the function that removes it. */
export const listen = <K extends string>(target: EventTarget, type: K, handler: (event: Event) => void): Unlisten => {
  const options = { capture: true, passive: true };
  target.addEventListener(type, handler, options);
  return () => target.removeEventListener(type, handler, options);
};
