import { useState, type DragEvent } from 'react';

/** What a dragged piece carries, so a drop from anywhere else is ignored. */
const DRAG_TYPE = 'application/x-micrograd-loop-piece';

/**
 * A loop body with one step to place: drag the piece into a gap between the steps (or click the
 * gap), or back to the tray to take it out. The gaps' ids are those of the level's `slots`
 * choice: '0' before the first step … 'n' after the last; 'none' is the tray.
 */
export function LoopSlots({ head, sequence, piece, placed, onPlace }: { head: string; sequence: readonly string[]; piece: string; placed: string; onPlace(slot: string): void }) {
  const [over, setOver] = useState<string | null>(null);
  const drop = (slot: string) => ({
    onDragOver: (e: DragEvent) => {
      if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
      e.preventDefault();
      setOver(slot);
    },
    onDragLeave: () => setOver((o) => (o === slot ? null : o)),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setOver(null);
      if (e.dataTransfer.types.includes(DRAG_TYPE)) onPlace(slot);
    },
  });
  const chip = (
    <code
      className="loop-piece"
      draggable
      data-testid="loop-piece"
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, piece);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      {piece}
    </code>
  );
  const gap = (slot: string) => (
    <li key={`gap-${slot}`} className="loop-gap" data-over={over === slot || undefined} data-filled={placed === slot || undefined} {...drop(slot)}>
      {placed === slot ? (
        chip
      ) : (
        <button type="button" className="loop-gap__button" data-testid={`loop-gap-${slot}`} aria-label={`Put ${piece} here`} onClick={() => onPlace(slot)}>
          put it here
        </button>
      )}
    </li>
  );
  return (
    <div className="loop-slots">
      <code className="loop-slots__head">{head}</code>
      <ol className="loop-slots__body" data-testid="loop-body">
        {sequence.map((step, i) => [
          gap(String(i)),
          <li key={`step-${i}`} className="loop-step" data-testid="loop-step">
            <code>{step}</code>
          </li>,
        ])}
        {gap(String(sequence.length))}
      </ol>
      <div className="loop-slots__tray" data-testid="loop-tray" data-over={over === 'none' || undefined} {...drop('none')}>
        {placed === 'none' ? chip : <span className="muted">Drag it back here to take it out</span>}
      </div>
    </div>
  );
}
