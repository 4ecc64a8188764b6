import type { UrlRule } from '../protocol';

/** Tells whether a path matches a URL rule (`glob`: `*` is any run but `/`, `**` any run at all). */
export const matchUrl = (path: string, { match, value }: UrlRule): boolean => {
  if (match === 'exact') return path === value;
  if (match === 'prefix') return path.startsWith(value);
  if (match === 'contains') return path.includes(value);
  const pattern = value
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*|\*/g, (star) => (star === '*' ? '[^/]*' : '.*'));
  return new RegExp(`^${pattern}$`).test(path);
};
