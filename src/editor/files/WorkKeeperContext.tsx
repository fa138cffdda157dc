import { createContext, useContext, type ReactNode } from 'react';
import type { WorkKeeper } from '../../state/workKeeper';

const WorkKeeperContext = createContext<WorkKeeper | null>(null);

/** Makes the tab's keeper of saved work (Recent, banners, tab conflicts) available below. */
export function WorkKeeperProvider({ keeper, children }: { keeper: WorkKeeper; children: ReactNode }) {
  return <WorkKeeperContext.Provider value={keeper}>{children}</WorkKeeperContext.Provider>;
}

/** The keeper, for restoring, removing and downloading kept copies. */
export function useWorkKeeper(): WorkKeeper {
  const keeper = useContext(WorkKeeperContext);
  if (!keeper) throw new Error('useWorkKeeper must be used inside <WorkKeeperProvider>.');
  return keeper;
}
