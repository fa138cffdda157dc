import type { ElkNode, ElkPort, ElkExtendedEdge, LayoutOptions } from 'elkjs/lib/elk-api';
import { inputPorts } from '../../document/ports';
import type { GraphDoc, Position } from '../../document/types';

/**
 * The pure half of auto-layout: turns the drawn graph into an ELK graph and ELK's answer back
 * into node positions. No DOM and no elkjs code here (types only), so it runs in Node tests and
 * benches with the bundled ELK and in the browser with ELK in a worker (see elkLayout.ts).
 *
 * The layout reads like micrograd's `draw_dot` (graphviz rankdir=LR): data flows left to right,
 * leaves on the left, the output on the right. Each node has one output port on its east side
 * and one input port per op input on its west side, top to bottom in input order (`a` above
 * `b`), so wires into a binary op do not cross at its handles.
 */

/** One node to place: its id, its rendered size (0 or missing = default) and input port names in order. */
export interface LayoutInputNode {
  id: string;
  width: number;
  height: number;
  inputs: readonly string[];
}

/** One wire: from `source`'s output to `target`'s input `port`. */
export interface LayoutInputEdge {
  id: string;
  source: string;
  target: string;
  port: string;
}

/** What auto-layout needs to know about the graph. */
export interface LayoutInput {
  nodes: readonly LayoutInputNode[];
  edges: readonly LayoutInputEdge[];
}

/** Size used for nodes that have not been measured yet (roughly a value card). */
export const DEFAULT_NODE_WIDTH = 150;
export const DEFAULT_NODE_HEIGHT = 72;

/** Id of the ELK root node (never a node of ours, so never in the result map). */
const ELK_ROOT_ID = '__layout_root__';

/**
 * Above this many nodes, node placement switches from NETWORK_SIMPLEX to BRANDES_KOEPF.
 * NETWORK_SIMPLEX gives the tidiest pictures (compact, chains on one row) but its cost grows
 * quickly: ~100 ms at 100 nodes, ~1.8 s at 500 (warm, Node, one core); BRANDES_KOEPF stays
 * near 0.4 s at 500 nodes, with more straight wires but taller layouts and long vertical
 * runs. Figures: test/bench/layout.bench.ts.
 */
export const NETWORK_SIMPLEX_MAX_NODES = 150;

/**
 * Options on the root graph. Chosen by looking at the results on the lecture graphs, expanded
 * MLPs and random DAGs (see elkGraph.test.ts and test/bench/layout.bench.ts):
 * - layered + RIGHT: rank by data flow, left to right, like rankdir=LR.
 * - node-node 28, between layers 70: the cards stay readable and wires have room to bend.
 * - considerModelOrder NODES_AND_EDGES: ties in crossing minimisation are broken by the order
 *   nodes and edges are given in (the document's), so the picture follows the order the user
 *   built the graph in and a small edit moves little. (ELK is deterministic anyway: the same
 *   input always gives the same positions.)
 * - thoroughness 4 (ELK's default is 7): as few crossings on every graph tried, ~15% faster at
 *   500 nodes; 1 is faster still but crosses ~10% more wires on an expanded MLP.
 * - node placement: see NETWORK_SIMPLEX_MAX_NODES.
 */
function rootLayoutOptions(nodeCount: number): LayoutOptions {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.spacing.nodeNode': '28',
    'elk.layered.spacing.nodeNodeBetweenLayers': '70',
    'elk.spacing.edgeNode': '14',
    'elk.spacing.edgeEdge': '8',
    'elk.layered.spacing.edgeNodeBetweenLayers': '14',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '8',
    'elk.spacing.componentComponent': '56',
    'elk.separateConnectedComponents': 'true',
    'elk.layered.nodePlacement.strategy': nodeCount <= NETWORK_SIMPLEX_MAX_NODES ? 'NETWORK_SIMPLEX' : 'BRANDES_KOEPF',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.thoroughness': '4',
    'elk.padding': '[top=0,left=0,bottom=0,right=0]',
  };
}

/** Options on every node: ports keep the order we give them. */
const NODE_LAYOUT_OPTIONS: LayoutOptions = {
  'elk.portConstraints': 'FIXED_ORDER',
  // Spread ports evenly down the side, as the value card spreads its input handles.
  'elk.portAlignment.default': 'DISTRIBUTED',
};

/** The id of a node's output port. */
export function outputPortId(nodeId: string): string {
  return `${nodeId}\u0000out`;
}

/** The id of a node's input port `name`. */
export function inputPortId(nodeId: string, name: string): string {
  return `${nodeId}\u0000in\u0000${name}`;
}

function size(n: number, fallback: number): number {
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * The ELK graph for `input`. Wires whose ends are not among the nodes are left out; a wire into
 * a port the node does not list gets its own port below the listed ones, so nothing is lost.
 */
export function toElkGraph(input: LayoutInput): ElkNode {
  const byId = new Map<string, LayoutInputNode>();
  for (const n of input.nodes) byId.set(n.id, n);

  const edges: ElkExtendedEdge[] = [];
  // Input ports per node, in order: the listed inputs, then any extra port a wire names.
  const extraPorts = new Map<string, string[]>();
  for (const e of input.edges) {
    const target = byId.get(e.target);
    if (!byId.has(e.source) || !target) continue;
    if (!target.inputs.includes(e.port)) {
      const extra = extraPorts.get(e.target) ?? [];
      if (!extra.includes(e.port)) extra.push(e.port);
      extraPorts.set(e.target, extra);
    }
    edges.push({ id: e.id, sources: [outputPortId(e.source)], targets: [inputPortId(e.target, e.port)] });
  }

  const children: ElkNode[] = [];
  for (const n of byId.values()) {
    const names = [...n.inputs, ...(extraPorts.get(n.id) ?? [])];
    const unique = [...new Set(names)];
    // ELK numbers ports clockwise from the top-left corner: north left to right, east top to
    // bottom, south right to left, west BOTTOM TO TOP. The output (east) comes first; the
    // inputs follow bottom-up, so the first input ends up at the top of the west side.
    const ports: ElkPort[] = [
      { id: outputPortId(n.id), width: 0, height: 0, layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': '0' } },
    ];
    for (let i = unique.length - 1, k = 1; i >= 0; i--, k++) {
      ports.push({
        id: inputPortId(n.id, unique[i]!),
        width: 0,
        height: 0,
        layoutOptions: { 'elk.port.side': 'WEST', 'elk.port.index': String(k) },
      });
    }
    children.push({
      id: n.id,
      width: size(n.width, DEFAULT_NODE_WIDTH),
      height: size(n.height, DEFAULT_NODE_HEIGHT),
      layoutOptions: NODE_LAYOUT_OPTIONS,
      ports,
    });
  }

  return { id: ELK_ROOT_ID, layoutOptions: rootLayoutOptions(children.length), children, edges };
}

/**
 * The layout input for a document: every node in document order with its measured size
 * (`sizeOf` may return undefined for nodes not measured yet: they get the default size), its
 * input ports from the op registry, and every wire in document order.
 */
export function layoutInputFromDoc(
  doc: GraphDoc,
  sizeOf: (id: string) => { width: number; height: number } | undefined = () => undefined,
): LayoutInput {
  return {
    nodes: Object.values(doc.nodes).map((node) => {
      const measured = sizeOf(node.id);
      return {
        id: node.id,
        width: measured?.width ?? DEFAULT_NODE_WIDTH,
        height: measured?.height ?? DEFAULT_NODE_HEIGHT,
        inputs: inputPorts(node),
      };
    }),
    edges: Object.values(doc.wires).map(({ id, source, target, port }) => ({ id, source, target, port })),
  };
}

/** Top-left positions of every laid-out node, by id, from ELK's answer to `toElkGraph`. */
export function fromElkGraph(result: ElkNode): Map<string, Position> {
  const out = new Map<string, Position>();
  const visit = (node: ElkNode, dx: number, dy: number) => {
    for (const child of node.children ?? []) {
      const x = dx + (child.x ?? 0);
      const y = dy + (child.y ?? 0);
      out.set(child.id, { x, y });
      if (child.children && child.children.length > 0) visit(child, x, y);
    }
  };
  visit(result, 0, 0);
  return out;
}
