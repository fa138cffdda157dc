import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Position } from '../../document/types';
import { inputPorts } from '../../document/ports';
import { focusCard } from '../canvas/focusCard';
import { onPhone } from '../onPhone';
import { usePlaygroundStore } from '../store/StoreContext';
import { NEW_CARD, placeNext } from './placeNext';
import { PALETTE_ITEMS, type PaletteItem } from './paletteItems';
import '../controls/controls.css';
import './Palette.css';

/** Pointer travel that turns a press on a palette item into a drag. */
const DRAG_THRESHOLD = 4;
const GROUPS = ['Leaves', 'Arithmetic', 'Activations', 'Functions', 'Network'] as const;

interface Drag {
  item: PaletteItem;
  pointer: number;
  startX: number;
  startY: number;
  x: number;
  y: number;
  dragging: boolean;
  /** The phone drawer was folded by this drag (once: `folded` is stale until React renders). */
  foldedDrawer?: boolean;
}

/**
 * The shelf of node kinds. Drag one onto the canvas (mouse, pen or touch: pointer events, not
 * HTML drag-and-drop, which touch screens lack), or click it / press Enter to add it in the
 * middle of the view.
 */
export function Palette({ folded, onToggleFold, allowed }: { folded: boolean; onToggleFold(): void; allowed?: readonly string[] }) {
  const items = allowed ? PALETTE_ITEMS.filter((i) => allowed.includes(i.id)) : PALETTE_ITEMS;
  const store = usePlaygroundStore();
  const flow = useReactFlow();
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);
  const shelf = useRef<HTMLElement>(null);

  /**
   * Adds a card: at `screen` (a drop), else next to the one selected card (see placeNext), else
   * at the centre of the view. From the keyboard (`focus`), the new card takes focus, so Tab
   * goes on into its label and number.
   */
  function add(item: PaletteItem, screen: Position | null, focus = false) {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!pane) return;
    const doc = store.getState().doc;
    const [selectedId, ...more] = store.getState().selection;
    const selected = !screen && selectedId && more.length === 0 ? flow.getNode(selectedId) : undefined;
    let position: Position;
    if (selected) {
      const box = (n: { position: Position; measured?: { width?: number; height?: number } }) => ({
        ...n.position,
        width: n.measured?.width ?? NEW_CARD.width,
        height: n.measured?.height ?? NEW_CARD.height,
      });
      const hasInputs = inputPorts(item.create({ x: 0, y: 0 }, doc)).length > 0;
      position = placeNext(box(selected), hasInputs, flow.getNodes().map(box));
    } else {
      const at = screen ?? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 };
      const flowAt = flow.screenToFlowPosition(at);
      // Centre the new card on the drop point (cards are about 180 x 90).
      position = { x: Math.round(flowAt.x - 90), y: Math.round(flowAt.y - 40) };
    }
    const node = item.create(position, doc);
    store.getState().addNodes([node]);
    if (focus) focusCard(node.id, flow);
  }

  function overCanvas(x: number, y: number): boolean {
    const el = document.elementFromPoint(x, y);
    return !!el?.closest('.react-flow') && !el.closest('.react-flow__panel');
  }

  function onPointerDown(e: PointerEvent<HTMLButtonElement>, item: PaletteItem) {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const d = { item, pointer: e.pointerId, startX: e.clientX, startY: e.clientY, x: e.clientX, y: e.clientY, dragging: false };
    dragRef.current = d;
  }

  function onPointerMove(e: PointerEvent<HTMLButtonElement>) {
    const d = dragRef.current;
    if (!d || d.pointer !== e.pointerId) return;
    const moved = Math.hypot(e.clientX - d.startX, e.clientY - d.startY) > DRAG_THRESHOLD;
    const next = { ...d, x: e.clientX, y: e.clientY, dragging: d.dragging || moved };
    dragRef.current = next;
    if (!next.dragging) return;
    setDrag(next);
    // A phone's open drawer covers most of the canvas: once the finger carries a card out of
    // it, it folds, so the card can be put down anywhere.
    const box = shelf.current?.getBoundingClientRect();
    if (!folded && !next.foldedDrawer && box && onPhone() && e.clientX > box.right) {
      next.foldedDrawer = true;
      onToggleFold();
    }
  }

  function onPointerUp(e: PointerEvent<HTMLButtonElement>) {
    const d = dragRef.current;
    if (!d || d.pointer !== e.pointerId) return;
    dragRef.current = null;
    setDrag(null);
    if (!d.dragging) add(d.item, null);
    else if (overCanvas(e.clientX, e.clientY)) add(d.item, { x: e.clientX, y: e.clientY });
  }

  // Enter adds; ↑/↓ step through the items (Tab still does too), Home/End jump to the ends.
  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>, item: PaletteItem) {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      add(item, null, true);
      return;
    }
    const buttons = [...(e.currentTarget.closest('.palette__list')?.querySelectorAll<HTMLButtonElement>('.palette-item') ?? [])];
    const here = buttons.indexOf(e.currentTarget);
    const next = { ArrowDown: here + 1, ArrowUp: here - 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
  }

  return (
    <aside ref={shelf} className={`palette${folded ? ' is-folded' : ''}`} aria-label="Node palette" data-testid="palette">
      <div className="palette__head">
        {!folded && <h2 className="panel-title">Add</h2>}
        <button type="button" className="fold-button" onClick={onToggleFold} aria-label={folded ? 'Show the palette' : 'Fold the palette'} title={folded ? 'Show the palette' : 'Fold the palette'}>
          {folded ? '›' : '‹'}
        </button>
      </div>
      <div className="palette__list">
        {allowed?.length === 0 && !folded && <p className="palette__empty">This level is played on the graph as it is.</p>}
        {GROUPS.filter((group) => items.some((i) => i.group === group)).map((group) => (
          <section key={group} className="palette__group">
            {!folded && <h3 className="palette__group-title">{group}</h3>}
            {items.filter((i) => i.group === group).map((item) => (
              <button
                key={item.id}
                type="button"
                className="palette-item"
                title={`${item.label}: ${item.doc} Drag onto the canvas, or click to add.`}
                aria-label={`Add ${item.label}`}
                data-testid={`palette-${item.id}`}
                onPointerDown={(e) => onPointerDown(e, item)}
                onPointerMove={onPointerMove}
                onPointerUp={onPointerUp}
                onPointerCancel={() => {
                  dragRef.current = null;
                  setDrag(null);
                }}
                onKeyDown={(e) => onKeyDown(e, item)}
              >
                <span className="palette-item__glyph">{item.glyph}</span>
                {!folded && <span className="palette-item__label">{item.label}</span>}
              </button>
            ))}
          </section>
        ))}
      </div>
      {drag && (
        <div className="palette-ghost" style={{ left: drag.x, top: drag.y }} aria-hidden="true">
          <span className="palette-item__glyph">{drag.item.glyph}</span> {drag.item.label}
        </div>
      )}
    </aside>
  );
}
