import { useEffect, useRef } from 'react';
import type { ContextTarget } from './canvas/FlowCanvas';
import { focusCard } from './canvas/focusCard';
import { PALETTE_ITEMS } from './palette/paletteItems';
import { usePlaygroundStore } from './store/StoreContext';
import './palette/Palette.css';
import './ContextMenu.css';

/** Right-click menu: on a node (delete, duplicate, make output), on the canvas (add here). */
export function ContextMenu({ target, onClose }: { target: ContextTarget | null; onClose(): void }) {
  const store = usePlaygroundStore();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!target) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (e instanceof PointerEvent && ref.current?.contains(e.target as Node)) return;
      onClose();
    };
    window.addEventListener('pointerdown', close, true);
    window.addEventListener('keydown', close);
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const menu = ref.current;
    menu?.querySelector<HTMLButtonElement>('button')?.focus();
    return () => {
      window.removeEventListener('pointerdown', close, true);
      window.removeEventListener('keydown', close);
      // Closed with Esc or by choosing an item: focus goes back to the card the menu was for
      // (or whatever had it), not to the page. A click elsewhere keeps focus where it went.
      requestAnimationFrame(() => {
        const now = document.activeElement;
        if (now && now !== document.body && !menu?.contains(now)) return;
        if (target.kind === 'node' && store.getState().doc.nodes[target.id]) focusCard(target.id);
        else if (opener?.isConnected && opener !== document.body) opener.focus({ preventScroll: true });
      });
    };
  }, [target, onClose, store]);

  if (!target) return null;
  const s = store.getState();
  const run = (fn: () => void) => () => {
    fn();
    onClose();
  };
  return (
    <div ref={ref} className="context-menu" role="menu" style={{ left: target.x, top: target.y }} data-testid="context-menu">
      {target.kind === 'node' ? (
        <>
          <button type="button" role="menuitem" onClick={run(() => s.setOutput(target.id))}>
            Make output
          </button>
          <button type="button" role="menuitem" onClick={run(() => s.duplicate())}>
            Duplicate
          </button>
          <button type="button" role="menuitem" onClick={run(() => s.copy())}>
            Copy
          </button>
          <button type="button" role="menuitem" className="is-danger" onClick={run(() => s.deleteSelection())}>
            Delete
          </button>
        </>
      ) : (
        <>
          <div className="context-menu__title">Add here</div>
          <div className="context-menu__grid">
            {PALETTE_ITEMS.map((item) => (
              <button
                key={item.id}
                type="button"
                role="menuitem"
                title={item.doc}
                onClick={run(() => s.addNodes([item.create({ x: target.flow.x - 20, y: target.flow.y - 20 }, s.doc)]))}
              >
                <span className="palette-item__glyph">{item.glyph}</span> {item.label}
              </button>
            ))}
          </div>
          {s.clipboard && (
            <button type="button" role="menuitem" onClick={run(() => s.paste(target.flow))}>
              Paste here
            </button>
          )}
        </>
      )}
    </div>
  );
}
