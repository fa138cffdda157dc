import { useEffect } from 'react';
import { isTyping, matches } from './keys';
import { ACTIONS } from './registry';
import type { ActionContext } from './types';

const NONE: ReadonlySet<string> = new Set();

/**
 * Runs the action whose shortcut was pressed, unless the person is typing in a field or the
 * action is `blocked` (a level hiding Backward also takes away its keys).
 */
export function useShortcuts(ctx: ActionContext, blocked: ReadonlySet<string> = NONE): void {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || isTyping(e)) return;
      for (const action of ACTIONS) {
        if (!action.keys?.some((k) => matches(k, e))) continue;
        if (blocked.has(action.id)) return;
        e.preventDefault();
        if (!action.enabled || action.enabled(ctx)) action.run(ctx);
        return;
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [ctx, blocked]);
}
