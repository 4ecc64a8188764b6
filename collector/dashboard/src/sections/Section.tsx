import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { ApiError } from '../api';
import { useView } from '../context';
import type { Loaded } from '../hooks';

/**
 * The first line of an empty state while a page or device filter is on: it names the filter, which may be what
 * emptied the section (`Filtered to the page /pricing, mobile devices: …`). Nothing while neither is on.
 */
export const Narrowed = () => {
  const { path, device } = useView().filters;
  const narrowed = [path && `the page ${path}`, device && `${device} devices`].filter(Boolean).join(', ');
  return narrowed ? (
    <p class="narrowed">
      Filtered to {narrowed}: the filter may be what emptied this section. Clear it to see every page and device.
    </p>
  ) : null;
};

/**
 * A dashboard section: its heading, then a loading state, an error state with a way to try again, an empty state
 * that says what to do next (and names the page or device filter first, which may be what emptied it), or its
 * content.
 */
export const Section = <T,>({
  id,
  title,
  loaded,
  isEmpty,
  empty,
  retry,
  toolbar,
  children,
}: {
  id: string;
  title: string;
  loaded: Loaded<T>;
  isEmpty: (value: T) => boolean;
  empty: ComponentChildren;
  retry: () => void;
  /** Controls that stay in place while the content loads again (a search field keeps its focus). */
  toolbar?: ComponentChildren;
  children: (value: T) => ComponentChildren;
}) => {
  const { refused } = useView();
  const error = loaded.state === 'failed' ? loaded.error : undefined;
  useEffect(() => {
    if (error instanceof ApiError && error.isAuth)
      refused(`The collector refused the read key: ${error.message} Sign in again with the site's current read key.`);
  }, [error, refused]);
  return (
    <section id={id} class="card" aria-labelledby={`${id}-title`} aria-busy={loaded.state === 'loading'}>
      <h2 id={`${id}-title`}>{title}</h2>
      {toolbar}
      {loaded.state === 'loading' && (
        <p class="loading" role="status">
          Loading {title.toLowerCase()}…
        </p>
      )}
      {loaded.state === 'failed' && (
        <div class="failed" role="alert">
          <p>
            Could not load {title.toLowerCase()}: {error instanceof Error ? error.message : 'unknown error'}
          </p>
          <button type="button" onClick={retry}>
            Try again
          </button>
        </div>
      )}
      {loaded.state === 'done' &&
        (isEmpty(loaded.value) ? (
          <div class="empty">
            <Narrowed />
            {empty}
          </div>
        ) : (
          children(loaded.value)
        ))}
    </section>
  );
};
