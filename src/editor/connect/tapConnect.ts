import { incomingWires } from '../../document/graph';
import { inputPorts, OUT, outputPorts } from '../../document/ports';
import { canConnect, type Connection } from '../../document/validate';
import type { GraphDoc } from '../../document/types';

/** One end of a wire as a handle on the canvas: a node, a handle id, and which side it is. */
export interface HandleEnd {
  nodeId: string;
  /** 'out' (or a layer's output name) on a source; the input port on a target. */
  handleId: string;
  type: 'source' | 'target';
}

/** The wire two tapped handles make, whichever was tapped first; null if they are the same side. */
export function tapConnection(first: HandleEnd, second: HandleEnd): Connection | null {
  if (first.type === second.type) return null;
  const [src, dst] = first.type === 'source' ? [first, second] : [second, first];
  const connection: Connection = { source: src.nodeId, target: dst.nodeId, port: dst.handleId };
  if (src.handleId !== OUT) connection.from = src.handleId;
  return connection;
}

/**
 * Every handle a first tap on `start` could be completed with, as canConnect allows: for an
 * output, the inputs it may feed (free or occupied, a new wire replaces the old); for an input,
 * the outputs that may feed it. A cycle, a refused port or the wire already there is left out,
 * so a ring never promises a connection the second tap would refuse.
 */
export function tapCandidates(doc: GraphDoc, start: HandleEnd): HandleEnd[] {
  const out: HandleEnd[] = [];
  const incoming = incomingWires(doc);
  const same = (c: Connection) => {
    const wire = incoming.get(c.target)?.get(c.port);
    return !!wire && wire.source === c.source && (wire.from ?? OUT) === (c.from ?? OUT);
  };
  for (const node of Object.values(doc.nodes)) {
    const ends: HandleEnd[] =
      start.type === 'source'
        ? inputPorts(node).map((port) => ({ nodeId: node.id, handleId: port, type: 'target' }))
        : outputPorts(node).map((from) => ({ nodeId: node.id, handleId: from, type: 'source' }));
    for (const end of ends) {
      const connection = tapConnection(start, end);
      if (connection && canConnect(doc, connection).ok && !same(connection)) out.push(end);
    }
  }
  return out;
}
