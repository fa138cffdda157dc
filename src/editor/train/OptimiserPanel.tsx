import { useEffect } from 'react';
import { compiledOf } from '../../state/derived';
import type { OptimiserRow, OptimiserSnapshot } from '../../training/worker/optimiserSnapshot';
import type { Program } from '../../training/compiled/program';
import type { GraphDoc } from '../../document/types';
import { formatSignificant } from '../formatNumber';
import { usePlayground } from '../store/StoreContext';
import { useTrainingController } from './TrainingContext';
import './OptimiserPanel.css';

/**
 * What the optimiser holds, live while training: for the selected card's parameters (or the 10
 * with the largest |grad|), each one's data and grad and the optimiser's state: the velocity for
 * momentum; m, √v and the step −lr·m̂/(√v̂ + ε) for Adam. The worker sends just these rows.
 */
export function OptimiserPanel() {
  const controller = useTrainingController();
  const snapshot = usePlayground((s) => s.training.optimiser);
  const doc = usePlayground((s) => s.doc);
  const selected = usePlayground((s) => (s.selection.length === 1 ? s.selection[0]! : null));
  const compiled = compiledOf(doc);
  const program = compiled.ok ? compiled.program : null;
  const watched = program && selected ? program.paramRefs.flatMap((r, i) => (r.nodeId === selected ? [i] : [])).slice(0, 16) : [];
  const key = watched.join(',');
  useEffect(() => {
    controller?.watch(key === '' ? null : key.split(',').map(Number));
  }, [controller, key]);

  return (
    <details className="fold-section optimiser-panel" open data-testid="optimiser-panel">
      <summary>Optimiser state</summary>
      {!snapshot || !program ? (
        <p className="muted tr-note">Press Train or Step: each parameter’s data, grad and what the optimiser keeps for it appear here.</p>
      ) : (
        <OptimiserTable snapshot={snapshot} program={program} doc={doc} />
      )}
    </details>
  );
}

function OptimiserTable({ snapshot, program, doc }: { snapshot: OptimiserSnapshot; program: Program; doc: GraphDoc }) {
  const adam = snapshot.kind === 'adam' || snapshot.kind === 'adamw';
  const momentum = snapshot.kind === 'momentum';
  const stepTitle = adam ? '−lr·m̂/(√v̂ + ε)' : momentum ? '−lr·v' : '−lr·grad';
  return (
    <>
      <p className="muted tr-note" data-testid="optimiser-caption">
        {snapshot.top ? 'The 10 parameters with the largest |grad|' : 'The selected card’s parameters'} · {NAMES[snapshot.kind]} · t ={' '}
        <span className="num">{snapshot.t}</span>
      </p>
      <div className="optimiser-table__scroll">
      <table className="optimiser-table" data-testid="optimiser-table">
        <thead>
          <tr>
            <th scope="col">param</th>
            <th scope="col">data</th>
            <th scope="col">grad</th>
            {momentum && <th scope="col" title="velocity: v = μ·v + g">v</th>}
            {adam && (
              <>
                <th scope="col" title="m = β1·m + (1 − β1)·g">m</th>
                <th scope="col" title="√v, v = β2·v + (1 − β2)·g²">√v</th>
              </>
            )}
            <th scope="col" title={`the next update, ${stepTitle}`}>step</th>
          </tr>
        </thead>
        <tbody>
          {snapshot.rows.map((row) => (
            <Row key={row.index} row={row} name={paramName(program, doc, row.index)} adam={adam} momentum={momentum} />
          ))}
        </tbody>
      </table>
      </div>
    </>
  );
}

const NAMES = { sgd: 'SGD', momentum: 'SGD + momentum', adam: 'Adam', adamw: 'AdamW' } as const;

function Row({ row, name, adam, momentum }: { row: OptimiserRow; name: string; adam: boolean; momentum: boolean }) {
  const n = (x: number) => formatSignificant(x, 3);
  return (
    <tr data-testid="optimiser-row">
      <th scope="row">{name}</th>
      <td className="num">{n(row.data)}</td>
      <td className="num">{n(row.grad)}</td>
      {(momentum || adam) && (
        <td className="num" data-testid="optimiser-m">
          {n(row.m)}
        </td>
      )}
      {adam && (
        <td className="num" data-testid="optimiser-sqrtv">
          {n(row.sqrtV)}
        </td>
      )}
      <td className="num">{n(row.step)}</td>
    </tr>
  );
}

/** A parameter as the cards name it: the card's label and which weight or bias. */
function paramName(program: Program, doc: GraphDoc, index: number): string {
  const ref = program.paramRefs[index];
  if (!ref) return `#${index}`;
  const node = doc.nodes[ref.nodeId];
  const label = (node && 'label' in node ? node.label : '') || ref.nodeId;
  if (ref.field === 'value') return label;
  const unit = node?.kind === 'layer' ? `[${ref.unit}]` : '';
  return ref.field === 'bias' ? `${label} b${unit}` : `${label} w${unit}[${ref.input}]`;
}
