import { useState } from 'preact/hooks';
import type { Strings } from './strings/en';

/** Props of `TextAnswer`. */
export interface TextAnswerProps {
  labelId: string;
  placeholder?: string;
  strings: Strings;
  /** Empty text means the visitor skipped it. */
  onAnswer(text: string): void;
}

/** A free-text answer with Send and Skip. */
export const TextAnswer = ({ labelId, placeholder, strings, onAnswer }: TextAnswerProps) => {
  const [text, setText] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onAnswer(text.trim());
      }}
    >
      <textarea
        aria-labelledby={labelId}
        placeholder={placeholder}
        maxLength={2000}
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <div class="row">
        <button type="button" class="b s" onClick={() => onAnswer('')}>
          {strings.skip}
        </button>
        <button type="submit" class="b" disabled={!text.trim()}>
          {strings.send}
        </button>
      </div>
    </form>
  );
};
