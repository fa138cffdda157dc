import type { ReactNode } from 'react';
import '../controls/controls.css';
import './SidePanel.css';

/** The right-hand panel; it folds to a thin strip so it never hides the graph for good. */
export function SidePanel({ title, folded, onToggleFold, children }: { title: string; folded: boolean; onToggleFold(): void; children: ReactNode }) {
  return (
    <aside className={`side-panel${folded ? ' is-folded' : ''}`} aria-label={title} data-testid="side-panel">
      <div className="side-panel__head">
        <button type="button" className="fold-button" onClick={onToggleFold} aria-label={folded ? `Show ${title}` : `Fold ${title}`} title={folded ? `Show ${title}` : `Fold ${title}`}>
          {folded ? '‹' : '›'}
        </button>
        {!folded && <h2 className="panel-title">{title}</h2>}
      </div>
      {!folded && <div className="side-panel__body">{children}</div>}
    </aside>
  );
}
