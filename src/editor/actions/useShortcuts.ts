import { useEffect } from 'react';
import { endKeyMove } from '../../state/keyMoves';
import { isTyping, matches } from './keys';
import { ACTIONS } from './registry';
import type { ActionContext } from './types';

const NONE: ReadonlySet<string> = new Set();
const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

/**
 * An arrow pressed on a card (on it, or on its label: anything in it but a field that takes
 * arrows itself, marked `data-arrow-keys`, like a number) or on React Flow's box around several
 * selected cards. React Flow would move the selection by itself, which is not one undo step
 * and clashes with travel between cards, so these are taken before it sees them.
 */
function onCard(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (!ARROWS.has(e.key) || !t?.closest || isTyping(e) || t.closest('[data-arrow-keys]')) return false;
  return !!t.closest('.react-flow__node, .react-flow__nodesselection-rect');
}

/**
 * Runs the action whose shortcut was pressed, unless the person is typing in a field or the
 * action is `blocked` (a level hiding Backward also takes away its keys).
 */
export function useShortcuts(ctx: ActionContext, blocked: ReadonlySet<string> = NONE): void {
  useEffect(() => {
    function run(e: KeyboardEvent) {
      for (const action of ACTIONS) {
        if (!action.keys?.some((k) => matches(k, e))) continue;
        if (blocked.has(action.id)) return;
        e.preventDefault();
        if (!action.enabled || action.enabled(ctx)) action.run(ctx, e);
        return;
      }
    }
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || isTyping(e)) return;
      run(e);
    }
    function onCardKey(e: KeyboardEvent) {
      if (!onCard(e)) return;
      e.stopPropagation();
      run(e);
    }
    // A held Shift+Arrow ends when its key comes up, or when the window loses the keyboard.
    const endMove = () => endKeyMove(ctx.store);
    window.addEventListener('keydown', onCardKey, true);
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', endMove);
    window.addEventListener('blur', endMove);
    return () => {
      window.removeEventListener('keydown', onCardKey, true);
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', endMove);
      window.removeEventListener('blur', endMove);
    };
  }, [ctx, blocked]);
}
