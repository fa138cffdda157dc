import { useEffect, useRef, useState, type ReactNode } from 'react';
import '../controls/controls.css';
import './Menu.css';

/** A button that opens a small menu below it; closes on Escape, outside click, or a choice. */
export function Menu({ label, title, children, testId }: { label: ReactNode; title: string; children(close: () => void): ReactNode; testId?: string }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('pointerdown', onDown, true);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="menu" ref={ref}>
      <button type="button" className="tool-button menu__trigger" aria-haspopup="menu" aria-expanded={open} title={title} onClick={() => setOpen((o) => !o)} data-testid={testId}>
        {label} <span className="menu__caret" aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="menu__panel" role="menu">
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}
