import { editActions } from './editActions';
import { gradActions } from './gradActions';
import { navActions } from './navActions';
import type { Action } from './types';
import { viewActions } from './viewActions';

/** Every action, in help-sheet order. Toolbars, menus, tooltips and shortcuts all read this list. */
export const ACTIONS: readonly Action[] = [...editActions, ...navActions, ...gradActions, ...viewActions];

const byId = new Map(ACTIONS.map((a) => [a.id, a]));

/** The action with this id; throws for a typo, which is a programming error. */
export function getAction(id: string): Action {
  const a = byId.get(id);
  if (!a) throw new Error(`unknown action '${id}'`);
  return a;
}
