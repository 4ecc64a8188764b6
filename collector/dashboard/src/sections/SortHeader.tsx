/** How a table is sorted: by which column, and which way. */
export interface Sort<K extends string> {
  key: K;
  descending: boolean;
}

/** A column header that sorts the table by its column, and says how it is sorted. */
export const SortHeader = <K extends string>({
  column,
  label,
  title,
  sort,
  onSort,
}: {
  column: K;
  label: string;
  /** What sorting by the column means, where its label does not say. */
  title?: string;
  sort: Sort<K>;
  onSort: (key: K) => void;
}) => {
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
      <button type="button" class="sort" title={title} onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true" class="arrow">
          {active ? (sort.descending ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
};
