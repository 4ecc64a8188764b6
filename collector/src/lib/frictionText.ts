/**
 * The friction met before an answer as one line of text, for CSV cells and the dashboard:
 * `rage_click #pay on /checkout; js_error on /cart`.
 */
export const frictionText = (friction: readonly { type: string; target: string | null; path: string }[]): string =>
  friction.map(({ type, target, path }) => `${type}${target ? ` ${target}` : ''} on ${path}`).join('; ');
