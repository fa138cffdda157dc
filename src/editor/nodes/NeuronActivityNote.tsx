import { INACTIVE_REASON, neuronActivity } from '../../document/network/neuronActivity';
import { evaluationOf, gradsAreStale } from '../../state/derived';
import { formatNumber } from '../formatNumber';
import { usePlayground } from '../store/StoreContext';
import './NeuronActivityNote.css';

/**
 * Under a neuron card's numbers, once a backward pass has run on this graph: how many of its
 * weights got grad 0 and, for a ReLU whose pre-activation is ≤ 0, that it is inactive and why
 * nothing reaches its weights (a data point's graph opens this way). Hidden before any pass, so
 * a freshly drawn network (inputs 0, biases 0, every z = 0) is not covered in notes.
 */
export function NeuronActivityNote({ id }: { id: string }) {
  const shown = usePlayground((s) => s.grads.passes > 0 && !gradsAreStale(s));
  // Primitive selections (NaN is equal to itself for zustand), so the card re-renders only on change.
  const inactiveZ = usePlayground((s) => {
    const a = neuronActivity(s.doc, evaluationOf(s.doc), id);
    return a?.inactive ? a.z : NaN;
  });
  const zeros = usePlayground((s) => neuronActivity(s.doc, evaluationOf(s.doc), id)?.zeroWeightGrads ?? -1);
  const count = usePlayground((s) => neuronActivity(s.doc, evaluationOf(s.doc), id)?.weightCount ?? 0);
  if (!shown || zeros < 0) return null;
  const inactive = !Number.isNaN(inactiveZ);
  return (
    <div className={`neuron-note${inactive ? ' is-inactive' : ''}`} data-testid="neuron-activity">
      {inactive && (
        <p className="neuron-note__why" title={`Inactive for this input: ${INACTIVE_REASON}.`} data-testid="neuron-inactive">
          <strong>inactive</strong>: z = {formatNumber(inactiveZ, 2).trim()} ≤ 0, so relu′(z) = 0: no grad reaches w or b, nor flows back
        </p>
      )}
      <p className="neuron-note__count" title="How many of this neuron's weights got a gradient of exactly 0 in the backward pass" data-testid="neuron-zero-grads">
        w.grad = 0: {zeros} of {count}
      </p>
    </div>
  );
}
