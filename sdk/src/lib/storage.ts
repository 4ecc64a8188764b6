const memory: Record<string, string | null> = {};

/**
 * Reads (one argument) or writes (two arguments) a JSON value in localStorage under `pulse:`; a missing or unreadable
 * value reads as null or undefined. Falls back to memory, and never throws, where storage is blocked or full.
 */
export const storage = <T>(key: string, value?: T): T | null | undefined => {
  const name = `pulse:${key}`;
  let raw = memory[name] ?? null;
  try {
    if (value === undefined) raw = localStorage.getItem(name);
    else localStorage.setItem(name, (raw = memory[name] = JSON.stringify(value)));
  } catch {
    // Blocked or full: the memory copy serves this page.
  }
  try {
    return JSON.parse(raw!);
  } catch {
    return undefined;
  }
};
