import { useEffect, useRef } from 'react';
import { useReturnFocus } from './controls/useReturnFocus';
import { formatShortcut } from './actions/keys';
import { ACTIONS } from './actions/registry';
import type { Action } from './actions/types';
import './controls/controls.css';
import './HelpSheet.css';

const GROUPS: Action['group'][] = ['Edit', 'Navigate', 'Gradients', 'View', 'File', 'Help'];

/** The `?` sheet: every action with its shortcuts, read from the one registry of actions. */
export function HelpSheet({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useReturnFocus(open, ref);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="sheet" onClose={onClose} aria-labelledby="help-title" data-testid="help-sheet">
      <header className="sheet__head">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <button type="button" className="sheet__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="sheet__grid">
        {GROUPS.map((group) => {
          const actions = ACTIONS.filter((a) => a.group === group && a.keys?.length);
          if (actions.length === 0) return null;
          return (
            <section key={group} className="sheet__group">
              <h3>{group}</h3>
              <dl>
                {actions.map((a) => (
                  <div key={a.id} className="sheet__row">
                    <dt>{a.label}</dt>
                    <dd>
                      {a.keys!.map((k) => (
                        <kbd key={k}>{formatShortcut(k)}</kbd>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
        <section className="sheet__group">
          <h3>Canvas</h3>
          <dl>
            <div className="sheet__row"><dt>Pan</dt><dd><kbd>drag</kbd> empty canvas</dd></div>
            <div className="sheet__row"><dt>Zoom</dt><dd><kbd>wheel</kbd> or pinch</dd></div>
            <div className="sheet__row"><dt>Box select</dt><dd><kbd>Shift</kbd>+<kbd>drag</kbd></dd></div>
            <div className="sheet__row"><dt>Add to selection</dt><dd><kbd>Shift</kbd>+<kbd>click</kbd></dd></div>
            <div className="sheet__row"><dt>Change a number</dt><dd><kbd>drag</kbd> it sideways, or click and type</dd></div>
            <div className="sheet__row"><dt>Rename</dt><dd><kbd>double-click</kbd> a label, or <kbd>↵</kbd> on it</dd></div>
            <div className="sheet__row"><dt>Go to a card or a field on it</dt><dd><kbd>Tab</kbd></dd></div>
            <div className="sheet__row"><dt>Select the focused card</dt><dd><kbd>↵</kbd> or <kbd>Space</kbd></dd></div>
            <div className="sheet__row"><dt>Type a number</dt><dd><kbd>↵</kbd> on it, type, <kbd>↵</kbd></dd></div>
          </dl>
        </section>
      </div>
    </dialog>
  );
}
