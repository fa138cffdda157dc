import { countParameters } from '../document/network/parameters';
import { usePlayground } from './store/StoreContext';
import './ParameterCount.css';

/**
 * A chip in the canvas's top-left corner for any graph with parameters: micrograd's
 * `len(m.parameters())`, 41 for the lecture's MLP(3, [4, 4, 1]). Hidden when there are none, or
 * while a level asks the player to count them.
 */
export function ParameterCount({ hidden = false }: { hidden?: boolean }) {
  const count = usePlayground((s) => countParameters(s.doc));
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
