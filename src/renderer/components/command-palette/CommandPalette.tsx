// The command palette (Ctrl/Cmd+K): a filter box over every action, arrow keys to move, Enter to
// run, Escape to close. Focus returns to where it was when the palette closes.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useUiStore } from '../../stores/ui/store.js';
import { selectPalette } from '../../stores/ui/selectors.js';
import { filterCommands } from './commands.js';
import { useAppCommands } from './use-app-commands.js';

export function CommandPalette() {
  const palette = useUiStore(useShallow(selectPalette));
  if (!palette.open) return null;
  return <PaletteDialog close={() => palette.setOpen(false)} />;
}

function PaletteDialog({ close }: { close: () => void }) {
  const commands = useAppCommands();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => filterCommands(commands, query), [commands, query]);
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1));

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    inputRef.current?.focus();
    return () => previous?.focus();
  }, []);

  const runAt = (index: number): void => {
    const command = shown[index];
    if (!command) return;
    close();
    command.run();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + shown.length) % Math.max(1, shown.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      runAt(activeIndex);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Command palette">
        <input
          ref={inputRef}
          className="palette__input"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={shown[activeIndex] ? `${listId}-${shown[activeIndex].id}` : undefined}
          aria-label="Type a command"
          placeholder="Type a command or a screen…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul className="palette__list" id={listId} role="listbox" aria-label="Commands">
          {shown.map((command, index) => (
            <li
              key={command.id}
              id={`${listId}-${command.id}`}
              role="option"
              aria-selected={index === activeIndex}
              aria-label={command.title}
              className="palette__item"
              onMouseMove={() => setActive(index)}
              onClick={() => runAt(index)}
            >
              <span className="palette__group">{command.group}</span>
              <span className="palette__title">{command.title}</span>
              {command.shortcut ? <kbd className="palette__shortcut">{command.shortcut}</kbd> : null}
            </li>
          ))}
          {shown.length === 0 ? <li className="palette__empty">No command matches “{query}”.</li> : null}
        </ul>
      </div>
    </div>
  );
}
