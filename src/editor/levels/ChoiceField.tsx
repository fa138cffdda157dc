import type { Choice } from '../../levels';
import { usePlayground } from '../store/StoreContext';
import { LoopSlots } from './LoopSlots';

/** One choice of the level in the goal strip: buttons, a loop to place a step in, or a node to point at. */
export function ChoiceField({ choice, picked, onPick }: { choice: Choice; picked: string | undefined; onPick(option: string): void }) {
  return (
    <div className="goal-choice" data-testid={`choice-${choice.id}`} role="group" aria-label={choice.prompt}>
      {choice.style === 'options' && (
        <>
          <span className="goal-choice__prompt">{choice.prompt}</span>
          <span className="goal-choice__options">
            {choice.options.map((o) => (
              <button key={o.id} type="button" className="tool-button goal-choice__option" aria-pressed={picked === o.id} data-testid={`option-${o.id}`} onClick={() => onPick(o.id)}>
                <code>{o.label}</code>
              </button>
            ))}
          </span>
        </>
      )}
      {choice.style === 'slots' && <LoopSlots head={choice.prompt} sequence={choice.sequence} piece={choice.piece} placed={picked ?? 'none'} onPlace={onPick} />}
      {choice.style === 'node' && <NodePick prompt={choice.prompt} picked={picked} onPick={onPick} />}
    </div>
  );
}

/** What a node is called on its card: its label, else its op. */
function nameOf(node: { kind: string; label?: string; op?: string } | undefined): string {
  if (!node) return '';
  return node.label?.trim() || node.op || node.kind;
}

/** Point at a node: select it on the canvas, then blame it (a click on the canvas alone never answers). */
function NodePick({ prompt, picked, onPick }: { prompt: string; picked: string | undefined; onPick(id: string): void }) {
  const selection = usePlayground((s) => s.selection);
  const nodes = usePlayground((s) => s.doc.nodes);
  const selected = selection.length === 1 ? selection[0]! : null;
  const selectedNode = selected === null ? undefined : nodes[selected];
  return (
    <>
      <span className="goal-choice__prompt">{prompt}:</span>
      <span className="goal-choice__selected" data-testid="node-pick-selected">
        {selectedNode ? `selected ${nameOf(selectedNode)}` : 'select one node on the canvas'}
      </span>
      <button type="button" className="tool-button" disabled={selected === null} data-testid="node-pick-blame" onClick={() => selected !== null && onPick(selected)}>
        This one is faulty
      </button>
      {picked !== undefined && (
        <span className="goal-choice__picked" data-testid="node-pick-answer">
          You blamed {nameOf(nodes[picked]) || 'a node no longer there'}
        </span>
      )}
    </>
  );
}
