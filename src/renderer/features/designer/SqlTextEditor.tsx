// The SQL of one model as editable text: monospace, no spell check, Ctrl+S (⌘S) saves, and the
// line and column of the caret shown below so an error's position is easy to find.
import { useState, type KeyboardEvent } from 'react';

export interface SqlTextEditorProps {
  label: string;
  value: string;
  /** While a save is on its way: the text can be read and selected, not changed. */
  busy: boolean;
  onChange(value: string): void;
  onSave(): void;
}

export function SqlTextEditor({ label, value, busy, onChange, onSave }: SqlTextEditorProps) {
  const [caret, setCaret] = useState({ line: 1, column: 1 });
  const track = (el: HTMLTextAreaElement): void => {
    const before = el.value.slice(0, el.selectionStart);
    const lines = before.split('\n');
    setCaret({ line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      onSave();
    }
  };
  return (
    <div className="sql-text-editor">
      <textarea
        className="sql-text-editor__input"
        aria-label={label}
        value={value}
        readOnly={busy}
        aria-busy={busy}
        spellCheck={false}
        wrap="off"
        autoCapitalize="off"
        autoComplete="off"
        rows={Math.min(24, Math.max(8, value.split('\n').length + 1))}
        onChange={(e) => {
          onChange(e.target.value);
          track(e.target);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(e) => track(e.currentTarget)}
        onClick={(e) => track(e.currentTarget)}
      />
      <div className="sql-text-editor__caret" aria-live="off">
        Line {caret.line}, column {caret.column}
      </div>
    </div>
  );
}
