import { useMemo } from 'react';
import { countParameters } from '../document/network/parameters';
import { usePlayground } from './store/StoreContext';
import './ParameterCount.css';

/**
 * A chip in the canvas's top-left corner for any graph with parameters: micrograd's
 * `len(m.parameters())`, 41 for the lecture's MLP(3, [4, 4, 1]). Hidden when there are none, or
 * while a level asks the player to count them.
 */
export function ParameterCount({ hidden = false }: { hidden?: boolean }) {
  // Counted once per graph, not in the selector: that runs on every change to the store, and
  // walks all 2,000 nodes of a big graph each time.
  const doc = usePlayground((s) => s.doc);
  const count = useMemo(() => countParameters(doc), [doc]);
  if (count === 0 || hidden) return null;
  return (
    <p className="parameter-count" data-testid="parameter-count" title="len(m.parameters()): every weight, bias and param Value that training changes">
      <span className="num" data-testid="parameter-count-value">
        {count}
      </span>{' '}
      {count === 1 ? 'parameter' : 'parameters'}
      <code className="parameter-count__code">len(m.parameters())</code>
    </p>
  );
}
