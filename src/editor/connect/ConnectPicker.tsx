import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { cardElement, focusCard } from '../canvas/focusCard';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';
import { cardName, connectTargets, matchesQuery } from './connectTargets';
import './ConnectPicker.css';

/** Width the picker takes, to keep it on screen beside a card near the right edge. */
const WIDTH = 260;

/**
 * "Connect output to…" from the keyboard (C): a filter box over the list of inputs the
 * selected card's output can feed. Type to narrow it, ↑/↓ to choose, Enter wires it (one undo
 * step), Esc leaves; either way focus goes back to the card.
 */
export function ConnectPicker({ source, onClose }: { source: string | null; onClose(): void }) {
  const store = usePlaygroundStore();
  const doc = usePlayground((s) => s.doc);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const targets = useMemo(() => (source ? connectTargets(doc, source) : []), [doc, source]);
  const shown = targets.filter((t) => matchesQuery(t, query));
  const current = Math.min(active, shown.length - 1);

  useEffect(() => {
    if (!source) return;
    setQuery('');
    setActive(0);
    inputRef.current?.focus();
  }, [source]);

  if (!source || !doc.nodes[source]) return null;
  const name = cardName(doc, source);

  function close(connected: boolean) {
    const id = source!;
    onClose();
    // Back to the card, so the arrows and C carry on from it.
    focusCard(id);
    if (connected) store.getState().select([id]);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((Math.max(current, 0) + step + shown.length) % Math.max(shown.length, 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const choice = shown[current];
      if (choice) close(store.getState().connect(choice.connection));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(false);
    }
  }

  const card = cardElement(source)?.getBoundingClientRect();
  const left = card ? Math.max(8, Math.min(card.right + 8, window.innerWidth - WIDTH - 8)) : window.innerWidth / 2 - WIDTH / 2;
  const top = card ? Math.max(8, Math.min(card.top, window.innerHeight - 320)) : 120;
  const optionId = (i: number) => `${listId}-${i}`;

  return (
    <div
      className="connect-picker"
      role="dialog"
      aria-label={`Connect ${name}'s output to…`}
      style={{ left, top, width: WIDTH }}
      data-testid="connect-picker"
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onClose();
      }}
    >
      <label className="connect-picker__title" htmlFor={`${listId}-filter`}>
        Connect <strong>{name}</strong> to…
      </label>
      <input
        ref={inputRef}
        id={`${listId}-filter`}
        className="connect-picker__filter"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        placeholder="Type a name, like d a"
        value={query}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-testid="connect-filter"
      />
      <ul id={listId} className="connect-picker__list" role="listbox" aria-label="Inputs">
        {shown.map((t, i) => (
          <li
            key={`${t.connection.target}:${t.connection.port}:${t.connection.from ?? ''}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className={`connect-picker__option${i === current ? ' is-active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => close(store.getState().connect(t.connection))}
          >
            <span className="connect-picker__name">{t.name}</span>
            <span className="connect-picker__detail">{t.detail}</span>
          </li>
        ))}
      </ul>
      {shown.length === 0 && (
        <p className="connect-picker__empty" role="status">
          {targets.length === 0 ? `No input can take ${name}'s output without making a cycle.` : 'No input matches.'}
        </p>
      )}
      <p className="connect-picker__hint">↑↓ choose · Enter connect · Esc cancel</p>
    </div>
  );
}
