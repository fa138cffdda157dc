import { useEffect } from 'react';
import { isTyping, matches } from './keys';
import { ACTIONS } from './registry';
import type { ActionContext } from './types';

/** Runs the action whose shortcut was pressed, unless the person is typing in a field. */
export function useShortcuts(ctx: ActionContext): void {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || isTyping(e)) return;
      for (const action of ACTIONS) {
        if (!action.keys?.some((k) => matches(k, e))) continue;
        e.preventDefault();
        if (!action.enabled || action.enabled(ctx)) action.run(ctx);
        return;
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [ctx]);
}
