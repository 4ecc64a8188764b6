const memory: Record<string, string> = {};

/**
 * Reads (one argument) or writes (two arguments) a JSON value in localStorage under `pulse:`.
 * Falls back to memory, and never throws, where storage is blocked or full.
 */
export const storage = <T>(key: string, value?: T): T | undefined => {
  const name = `pulse:${key}`;
  let raw: string | null | undefined;
  if (value === undefined) {
    try {
      raw = localStorage.getItem(name);
    } catch {
      raw = memory[name];
    }
    try {
      return raw == null ? undefined : (JSON.parse(raw) as T);
    } catch {
      return undefined;
    }
  }
  raw = memory[name] = JSON.stringify(value);
  try {
    localStorage.setItem(name, raw);
  } catch {
    // Blocked or full: the memory copy above serves this page.
  }
  return value;
};
