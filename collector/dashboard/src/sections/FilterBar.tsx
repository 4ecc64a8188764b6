import { useEffect, useState } from 'preact/hooks';
import { DEVICES, type Filters, RANGES, type Range } from '../filters';

const RANGE_NAMES: Record<Range, string> = {
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  custom: 'Custom dates (UTC)',
};

/** The filters every section follows: a date range, a page path and a device class. */
export const FilterBar = ({
  filters,
  paths,
  onChange,
}: {
  filters: Filters;
  /** Paths to suggest for the page filter. */
  paths: string[];
  onChange: (filters: Filters) => void;
}) => {
  const [path, setPath] = useState(filters.path);
  useEffect(() => setPath(filters.path), [filters.path]);
  return (
    <form
      class="filters"
      aria-label="Filters"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ ...filters, path: path.trim() });
      }}
    >
      <label>
        Date range
        <select
          value={filters.range}
          onChange={(event) => onChange({ ...filters, range: event.currentTarget.value as Range })}
        >
          {(Object.keys(RANGES) as Range[]).concat('custom').map((range) => (
            <option key={range} value={range}>
              {RANGE_NAMES[range]}
            </option>
          ))}
        </select>
      </label>
      {filters.range === 'custom' && (
        <>
          <label>
            From
            <input
              type="date"
              value={filters.from}
              max={filters.to}
              onChange={(event) =>
                event.currentTarget.value && onChange({ ...filters, from: event.currentTarget.value })
              }
            />
          </label>
          <label>
            To
            <input
              type="date"
              value={filters.to}
              min={filters.from}
              onChange={(event) => event.currentTarget.value && onChange({ ...filters, to: event.currentTarget.value })}
            />
          </label>
        </>
      )}
      <label>
        Device
        <select
          value={filters.device}
          onChange={(event) => onChange({ ...filters, device: event.currentTarget.value as Filters['device'] })}
        >
          <option value="">Every device</option>
          {DEVICES.map((device) => (
            <option key={device} value={device}>
              {device[0]!.toUpperCase() + device.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Page
        <span class="with-button">
          <input
            type="search"
            value={path}
            list="known-paths"
            placeholder="Every page, or /checkout"
            spellcheck={false}
            onInput={(event) => setPath(event.currentTarget.value)}
            onChange={(event) => onChange({ ...filters, path: event.currentTarget.value.trim() })}
          />
          <datalist id="known-paths">
            {paths.map((known) => (
              <option key={known} value={known} />
            ))}
          </datalist>
        </span>
      </label>
    </form>
  );
};
