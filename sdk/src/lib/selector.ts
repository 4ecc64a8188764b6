/** Ids kept in selectors: CSS identifiers that need no escaping (framework ids such as `:r1:` are left out). */
const PLAIN_ID = /^[a-z][\w-]*$/i;
/** Classes kept in selectors: words without digits, since generated class names (`css-1k3n5m`) change between builds. */
const STABLE_CLASS = /^[a-z_-]+$/i;

/**
 * A short, stable CSS selector of an element: its own or the nearest ancestor's id or `data-testid`,
 * else a `tag.class` path of at most five levels below `<body>`, with at most two classes a level.
 */
export const selector = (element: Element): string => {
  let path = '';
  for (
    let node: Element | null = element, depth = 5;
    node && node !== document.body && depth--;
    node = node.parentElement
  ) {
    const testId = node.getAttribute('data-testid');
    const id = PLAIN_ID.test(node.id) ? `#${node.id}` : testId && `[data-testid="${testId}"]`;
    path =
      (id ||
        node.localName +
          [...node.classList]
            .filter((name) => STABLE_CLASS.test(name))
            .slice(0, 2)
            .map((name) => `.${name}`)
            .join('')) + (path && `>${path}`);
    if (id) break;
  }
  return path || element.localName;
};
