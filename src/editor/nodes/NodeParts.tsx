import type { ReactNode } from 'react';
import { backwardRank } from '../../state/derived';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';
import { errorText, isSecondhand, type NodeError } from '../../document/evaluate';
import { formatNumber, signOf } from '../formatNumber';
import '../controls/controls.css';
import './NodeParts.css';

/**
 * One `name | number` line of a draw_dot-style record. A number the graph cannot compute says
 * why (`why`, the node's problem) instead of a bare NaN: "missing input x0", "no value: …".
 */
export function NumberRow({ name, value, stale, testId, why }: { name: string; value: number; stale?: boolean; testId?: string; why?: NodeError | null }) {
  if (why && Number.isNaN(value)) {
    return (
      <div className="node-row">
        <span className="node-row__key">{name}</span>
        <span className="node-row__why" title={errorText(why)} data-testid={testId} data-value={value}>
          {noValueText(why)}
        </span>
      </div>
    );
  }
  return (
    <div className={`node-row${stale ? ' is-stale' : ''}`}>
      <span className="node-row__key">{name}</span>
      <span
        className={`node-row__num num sign-${signOf(value)}`}
        title={stale ? `${value} (stale: the graph changed since the last backward pass)` : String(value)}
        data-testid={testId}
        data-value={value}
      >
        {formatNumber(value)}
      </span>
    </div>
  );
}

/** Why a card has no number, short enough for the card: its own missing inputs, or the first one upstream. */
export function noValueText(error: NodeError): string {
  if (error.kind === 'missing-input') return `missing input ${error.ports.join(', ')}`;
  const missing = /needs inputs? (.+) wired/.exec(error.message);
  if (error.kind === 'upstream' && missing) return `no value: an input upstream is missing ${missing[1]!.replaceAll("'", '')}`;
  return `no value: ${error.message}`;
}

/** A row whose number is an interactive control (a leaf's data, pow's exponent). */
export function ControlRow({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="node-row">
      <span className="node-row__key">{name}</span>
      {children}
    </div>
  );
}

/**
 * The red mark of a node that cannot be computed, or whose grad is not a number, with the reason
 * on hover and for screen readers.
 */
export function ErrorMark({ error }: { error: NodeError }) {
  const text = errorText(error);
  return (
    <span className="node-error" role="img" aria-label={`Error: ${text}`} data-message={text} data-testid="node-error">
      !
    </span>
  );
}

/** The chip that says which node backward starts from. */
export function OutputChip() {
  return (
    <span className="output-chip" title="Backward starts here">
      output
    </span>
  );
}

/** Class names shared by every node card. */
export function cardClass(kind: string, selected: boolean, error: NodeError | null): string {
  return [
    'node-card',
    `node-card--${kind}`,
    selected ? 'is-selected' : '',
    error ? (isSecondhand(error) ? 'has-upstream-error' : 'has-error') : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export { signOf };

/**
 * The node's place in the backward order (1 = the output), shown while a pass is watched or
 * stepped: the order the lecture computes grads by hand. The node receiving gradient now is
 * lit by the overlay, not here, so a landing contribution re-renders as few cards as it can.
 */
export function BackwardBadge({ id }: { id: string }) {
  const rank = usePlayground((s) => backwardRank(s, id));
  const done = usePlayground((s) => {
    const run = s.backwardRun;
    const step = run?.schedule.stepOf.get(id);
    return !!run && !!step && run.delivered >= step.first + step.count;
  });
  if (rank === null) return null;
  return (
    <span
      className={`backward-badge${done ? ' is-done' : ''}`}
      title={`Step ${rank} of the backward pass`}
      data-testid="backward-badge"
      data-rank={rank}
    >
      {rank}
    </span>
  );
}

/** On a scalar node that came from expanding a neuron or layer: its name, and a click collapses it back. */
export function GroupChip({ id }: { id: string }) {
  const store = usePlaygroundStore();
  const group = usePlayground((s) => s.doc.nodes[id]?.group);
  if (!group) return null;
  return (
    <button
      type="button"
      className="group-chip nodrag"
      title={`Part of the expanded ${group.kind} '${group.label}'. Click to collapse it back into one node.`}
      data-testid="collapse-group"
      onClick={() => store.getState().collapseGroup(group.id)}
    >
      ⤡ {group.label}
    </button>
  );
}
