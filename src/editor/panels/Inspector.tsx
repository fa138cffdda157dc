import { findOp } from '../../engine';
import { errorText } from '../../document/evaluate';
import { unnamedOpNames } from '../../document/codegen/nodeNames';
import { accumulatedGrad, nodeProblem, nodeResult } from '../../state/derived';
import { formatExact } from '../formatNumber';
import { usePlayground } from '../store/StoreContext';
import '../controls/controls.css';
import '../nodes/NodeParts.css';
import './Inspector.css';

/** Details of the selected node at full precision (every digit, true minus), with its op's documentation. */
export function Inspector() {
  const id = usePlayground((s) => (s.selection.length === 1 ? s.selection[0]! : null));
  const node = usePlayground((s) => (id ? s.doc.nodes[id] : undefined));
  const result = usePlayground((s) => (id ? nodeResult(s, id) : undefined));
  const grad = usePlayground((s) => (id ? accumulatedGrad(s, id) : 0));
  const problem = usePlayground((s) => (id ? nodeProblem(s, id) : null));
  const codeName = usePlayground((s) => (id ? unnamedOpNames(s.doc).get(id) : undefined));
  if (!id || !node) {
    return (
      <section className="inspector is-empty" data-testid="inspector">
        <p className="muted">Select a node to see its numbers at full precision.</p>
      </section>
    );
  }
  const op = node.kind === 'op' ? findOp(node.op) : undefined;
  const name = 'label' in node && node.label ? node.label : (codeName ?? (node.kind === 'op' ? (op?.label ?? node.op) : node.kind));
  return (
    <section className="inspector" data-testid="inspector">
      <h3 className="inspector__title">
        {op && <span className="op-glyph">{op.glyph}</span>} {name}
      </h3>
      {op && <p className="muted">{op.doc}</p>}
      <dl className="inspector__numbers">
        <dt>data</dt>
        <dd className="num">{formatExact(result?.data ?? NaN)}</dd>
        <dt>grad</dt>
        <dd className="num">{formatExact(grad)}</dd>
      </dl>
      {problem && <p className="inspector__error">{errorText(problem)}</p>}
    </section>
  );
}
