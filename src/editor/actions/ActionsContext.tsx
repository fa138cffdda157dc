import { createContext, useContext, type ReactNode } from 'react';
import { Icon } from '../icons';
import { usePlayground } from '../store/StoreContext';
import { formatShortcut } from './keys';
import { getAction } from './registry';
import type { Action, ActionContext } from './types';
import '../controls/controls.css';

const Context = createContext<ActionContext | null>(null);

/** Gives every component below the context actions run in. */
export function ActionsProvider({ value, children }: { value: ActionContext; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The context actions run in. */
function useActionContext(): ActionContext {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useActionContext must be used inside <ActionsProvider>.');
  return ctx;
}

/** An action by id, whether it can run now, and its tooltip text ("Undo (Ctrl+Z)"). */
export function useAction(id: string): { action: Action; enabled: boolean; run(): void; tooltip: string } {
  const ctx = useActionContext();
  const action = getAction(id);
  // Re-evaluated whenever the store changes; enabled() reads only cheap fields.
  const enabled = usePlayground(() => (action.enabled ? action.enabled(ctx) : true));
  const key = action.keys?.[0];
  return {
    action,
    enabled,
    run: () => {
      if (!action.enabled || action.enabled(ctx)) action.run(ctx);
    },
    tooltip: key ? `${action.label} (${formatShortcut(key)})` : action.label,
  };
}

/** A toolbar button for an action, with its shortcut in the tooltip. */
export function ActionButton({ id, showLabel = false, className = '' }: { id: string; showLabel?: boolean; className?: string }) {
  const { action, enabled, run, tooltip } = useAction(id);
  return (
    <button
      type="button"
      className={`tool-button ${className}`}
      title={tooltip}
      aria-label={action.label}
      disabled={!enabled}
      onClick={run}
      data-action={id}
    >
      {action.icon && <Icon name={action.icon} />}
      {(showLabel || !action.icon) && <span className="tool-button__label">{action.label}</span>}
    </button>
  );
}
