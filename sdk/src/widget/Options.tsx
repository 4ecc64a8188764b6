import type { ComponentChild } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { Strings } from './strings/en';
import type { AnswerValue } from './types';

/** One choice: the value it records, its accessible name, and what it shows. */
export interface Option {
  value: number | string;
  name: string;
  content: ComponentChild;
}

/** Props of `Options`. */
export interface OptionsProps {
  labelId: string;
  /** Layout class: `scale`, `scale faces`, `scale stars` or `list`. */
  look: string;
  items: Option[];
  /** Checkboxes instead of radios; the answer is the list of chosen values. */
  multi?: boolean;
  /** Names of the two ends of a scale, shown under it. */
  ends?: [string, string];
  strings: Strings;
  onAnswer(value: AnswerValue): void;
}

/**
 * A native radio group (or checkboxes for `multi`) in a fieldset named by the question. Arrow keys move the
 * choice and Enter or Next confirms it; a tap or click on a radio answers at once. Scales, faces, stars and
 * single or multiple choices all use it.
 */
export const Options = ({ labelId, look, items, multi, ends, strings, onAnswer }: OptionsProps) => {
  const [chosen, setChosen] = useState<(number | string)[]>([]);
  // Set by pointerdown so that the change it causes answers at once; arrow keys only move the choice.
  const pointer = useRef(false);
  const confirm = () => chosen.length && onAnswer(multi ? (chosen as string[]) : chosen[0]!);
  const two = !!ends && items.length > 7;
  return (
    <fieldset
      aria-labelledby={labelId}
      onKeyDown={(event) => event.key === 'Enter' && (event.target as Element).tagName === 'INPUT' && confirm()}
    >
      {/*
        A scale of more than 7 is one row where it has room for 44 px targets (the card widens for it on a screen
        of 640 px or more), else two balanced rows with the low end named under the first.
      */}
      <div class={two ? `${look} two` : look} style={{ '--c': two ? Math.ceil(items.length / 2) : items.length }}>
        {items.map(({ value, name, content }, i) => [
          two && i === Math.ceil(items.length / 2) && (
            <span class="mid" aria-hidden="true">
              {ends![0]}
            </span>
          ),
          <label class="opt" key={value} onPointerDown={() => (pointer.current = !multi)}>
            <input
              type={multi ? 'checkbox' : 'radio'}
              name="o"
              checked={chosen.includes(value)}
              aria-label={name}
              onChange={() => {
                if (multi)
                  setChosen(chosen.includes(value) ? chosen.filter((other) => other !== value) : [...chosen, value]);
                else {
                  setChosen([value]);
                  if (pointer.current) onAnswer(value);
                }
                pointer.current = false;
              }}
            />
            <span aria-hidden="true">{content}</span>
          </label>,
        ])}
      </div>
      {ends && (
        <div class="ends" aria-hidden="true">
          <span>{ends[0]}</span>
          <span>{ends[1]}</span>
        </div>
      )}
      <div class="row">
        <button type="button" class="b" disabled={!chosen.length} onClick={confirm}>
          {strings.next}
        </button>
      </div>
    </fieldset>
  );
};
