import { memo, type ComponentType } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { CompactProps } from './CompactCard';
import { useCompactZoom } from './useCompactZoom';
import { usePlayground } from '../../store/StoreContext';
import { cardName, cardNameId } from '../cardName';

/**
 * The card's name for screen readers, "d, add: data 4.0, grad 1.0", which React Flow's node
 * wrapper is labelled by (toFlow.ts). Hidden: the card shows the same things to the eye, and a
 * hidden element still names what points at it. Updates with the numbers, where the label on
 * the wrapper itself would make React Flow walk every node on each edit.
 */
function CardName({ id }: { id: string }) {
  const name = usePlayground((s) => cardName(s, id));
  return (
    <span hidden id={cardNameId(id)}>
      {name}
    </span>
  );
}

/**
 * A node kind's card made readable at any zoom. The full card always stays in place: its size
 * is what React Flow measures and ELK lays out, its handles are where wires end, and its
 * controls are what keyboard and tests reach. Zoomed out (see isCompactZoom), a lightweight
 * compact card is drawn over it and the full card turns transparent; hovering the node, or
 * focusing it from the keyboard, hides the compact card and raises the full one, grown back to
 * a readable size (compact.css). Only the crossing of the threshold re-renders a card.
 */
export function withSemanticZoom(Full: ComponentType<NodeProps>, Compact: ComponentType<CompactProps>): ComponentType<NodeProps> {
  const SemanticNode = memo(function SemanticNode(props: NodeProps) {
    const compact = useCompactZoom();
    return (
      <>
        <CardName id={props.id} />
        <Full {...props} />
        {compact && <Compact id={props.id} selected={props.selected} />}
      </>
    );
  });
  SemanticNode.displayName = `Semantic(${Full.displayName ?? Full.name})`;
  return SemanticNode;
}
