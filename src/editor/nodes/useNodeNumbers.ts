import { accumulatedGrad, evaluationOf, gradsAreStale, nodeProblem, nodeResult } from '../../state/derived';
import type { NodeError } from '../../document/evaluate';
import { usePlayground } from '../store/StoreContext';

/** What a node card shows besides its own fields: derived numbers, never stored ones. */
export interface NodeNumbers {
  data: number;
  grad: number;
  error: NodeError | null;
  gradStale: boolean;
  isOutput: boolean;
}

/** Subscribes a node card to its derived numbers; it re-renders only when one of them changes. */
export function useNodeNumbers(id: string): NodeNumbers {
  const data = usePlayground((s) => nodeResult(s, id)?.data ?? NaN);
  const error = usePlayground((s) => nodeProblem(s, id));
  const grad = usePlayground((s) => accumulatedGrad(s, id));
  const gradStale = usePlayground(gradsAreStale);
  const isOutput = usePlayground((s) => evaluationOf(s.doc).output === id);
  return { data, grad, error, gradStale, isOutput };
}

/**
 * One field of a node in the document. Cards select fields rather than the node object, so
 * moving a node (a new object with a new position) does not re-render its card.
 */
export function useNodeField(id: string, key: string): unknown {
  return usePlayground((s) => {
    const node = s.doc.nodes[id] as unknown as Record<string, unknown> | undefined;
    return node?.[key];
  });
}
