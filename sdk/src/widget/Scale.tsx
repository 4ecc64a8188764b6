import { useRef, useState } from 'preact/hooks';
import type { Strings } from './strings/en';

/** A score question's range and the names of its two ends. */
export interface ScaleSpec {
  min: number;
  max: number;
  low: string;
  high: string;
}

/** Props of `Scale`. */
export interface ScaleProps extends ScaleSpec {
  name: string;
  labelId: string;
  strings: Strings;
  onAnswer(value: number): void;
}

/**
 * A score scale as a native radio group: arrow keys move the choice, Enter or Next confirms it,
 * and a tap or click answers at once. The two ends carry their names ("0, not at all likely").
 */
export const Scale = ({ name, labelId, min, max, low, high, strings, onAnswer }: ScaleProps) => {
  const [value, setValue] = useState<number>();
  // Set by pointerdown so that the change it causes answers at once; arrow keys only move the choice.
  const pointer = useRef(false);
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <fieldset
      aria-labelledby={labelId}
      onKeyDown={(event) => event.key === 'Enter' && value !== undefined && onAnswer(value)}
    >
      <div class={`scale n${values.length}`}>
        {values.map((n) => (
          <label class="opt" key={n} onPointerDown={() => (pointer.current = true)}>
            <input
              type="radio"
              name={name}
              value={n}
              checked={value === n}
              aria-label={n === min ? `${n}, ${low}` : n === max ? `${n}, ${high}` : String(n)}
              onChange={() => {
                setValue(n);
                if (pointer.current) onAnswer(n);
                pointer.current = false;
              }}
            />
            <span aria-hidden="true">{n}</span>
          </label>
        ))}
      </div>
      <div class="ends" aria-hidden="true">
        <span>{low}</span>
        <span>{high}</span>
      </div>
      <div class="row">
        <button
          type="button"
          class="b"
          disabled={value === undefined}
          onClick={() => value !== undefined && onAnswer(value)}
        >
          {strings.next}
        </button>
      </div>
    </fieldset>
  );
};
