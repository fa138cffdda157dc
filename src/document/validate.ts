import { cycles, reaches } from './graph';
import { kindOf } from './kinds';
import { inputPorts, OUT, outputPorts } from './ports';
import type { GraphDoc } from './types';

/** A wire the user is about to draw. */
export interface Connection {
  source: string;
  /** The source's output port; absent means 'out'. */
  from?: string;
  target: string;
  port: string;
}

/** Whether a connection may be made, and if not, why, in words for a toast. */
type ConnectCheck = { ok: true } | { ok: false; reason: string };

/** A short name for a node in messages: its label, or its op. */
export function describeNode(doc: GraphDoc, id: string): string {
  const node = doc.nodes[id];
  if (!node) return 'a missing node';
  if ('label' in node && node.label) return `'${node.label}'`;
  return kindOf(node).describe?.(node) ?? `the ${node.kind} node`;
}

/**
 * Checked at the moment of connecting (and while hovering a port, so the editor can show a
 * refusal before the mouse is released). A wire into an occupied port is allowed: it replaces
 * the old wire, as in most node editors, so "one wire per input port" always holds.
 */
export function canConnect(doc: GraphDoc, c: Connection): ConnectCheck {
  const source = doc.nodes[c.source];
  const target = doc.nodes[c.target];
  if (!source || !target) return { ok: false, reason: 'That node no longer exists.' };
  if (!inputPorts(target).includes(c.port)) {
    return { ok: false, reason: `${describeNode(doc, c.target)} has no input '${c.port}'.` };
  }
  if (!outputPorts(source).includes(c.from ?? OUT)) {
    return { ok: false, reason: `${describeNode(doc, c.source)} has no output '${c.from ?? OUT}'.` };
  }
  // A node set up so it cannot compute (a softmax over 1 class) takes no wires, so the reason
  // shows while drawing rather than later, at training.
  const unusable = kindOf(target).refusesWires?.(target) ?? null;
  if (unusable !== null) return { ok: false, reason: unusable };
  if (c.source === c.target) {
    return { ok: false, reason: `A node cannot feed itself: that would be a cycle.` };
  }
  if (reaches(doc, c.target, c.source)) {
    return {
      ok: false,
      reason: `That wire would make a cycle: ${describeNode(doc, c.source)} already depends on ${describeNode(doc, c.target)}. A computation graph must flow one way.`,
    };
  }
  return { ok: true };
}

/** Something wrong with a whole document, found when loading it. */
interface DocProblem {
  message: string;
  nodeId?: string;
  wireId?: string;
}

/**
 * Structural problems a file can have even when its JSON has the right shape: unknown ops,
 * wires to nodes or ports that do not exist, two wires into one port, cycles, a missing output.
 * Unconnected inputs are not problems here: they are flagged on the node by `evaluate`.
 */
export function validateDoc(doc: GraphDoc): DocProblem[] {
  const problems: DocProblem[] = [];
  for (const [key, node] of Object.entries(doc.nodes)) {
    if (key !== node.id) problems.push({ message: `node '${key}' is stored under another id ('${node.id}')`, nodeId: key });
    const problem = kindOf(node).problem?.(node) ?? null;
    if (problem !== null) problems.push({ message: problem, nodeId: key });
  }
  const seenPorts = new Set<string>();
  for (const [key, w] of Object.entries(doc.wires)) {
    if (key !== w.id) problems.push({ message: `wire '${key}' is stored under another id`, wireId: key });
    const source = doc.nodes[w.source];
    const target = doc.nodes[w.target];
    if (!source) problems.push({ message: `a wire starts at a node that does not exist ('${w.source}')`, wireId: key });
    if (!target) {
      problems.push({ message: `a wire ends at a node that does not exist ('${w.target}')`, wireId: key });
      continue;
    }
    if (source && !outputPorts(source).includes(w.from ?? OUT)) {
      problems.push({ message: `a wire leaves from output '${w.from ?? OUT}', which ${describeNode(doc, w.source)} does not have`, wireId: key });
    }
    if (!inputPorts(target).includes(w.port)) {
      problems.push({ message: `a wire goes into input '${w.port}', which ${describeNode(doc, w.target)} does not have`, wireId: key });
    }
    const portKey = `${w.target}\u0000${w.port}`;
    if (seenPorts.has(portKey)) {
      problems.push({ message: `two wires go into input '${w.port}' of ${describeNode(doc, w.target)}`, wireId: key });
    }
    seenPorts.add(portKey);
  }
  for (const loop of cycles(doc)) {
    const [first] = loop as [string, ...string[]];
    const message = loop.length === 1 ? `${describeNode(doc, first)} is wired into itself` : `the graph has a cycle through ${loop.length} nodes`;
    problems.push({ message, nodeId: first });
  }
  if (doc.output !== null && !doc.nodes[doc.output]) {
    problems.push({ message: `the output node '${doc.output}' does not exist` });
  }
  return problems;
}
