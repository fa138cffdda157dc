import { unnamedOpNames } from '../../document/codegen/nodeNames';
import { findOp } from '../../engine';
import { incomingWires } from '../../document/graph';
import { inputPorts, OUT, outputPorts } from '../../document/ports';
import { canConnect, type Connection } from '../../document/validate';
import type { GraphDoc } from '../../document/types';

/** One input the selected output could feed, as the connect picker lists it. */
export interface ConnectTarget {
  connection: Connection;
  /** "d · a": the node (its label, or the name the code gives it) and the input port. */
  name: string;
  /** "add, free" or "multiply, now from c": what it is and what a connection would replace. */
  detail: string;
}

/** A node's name as its card shows it: its label, an unlabelled op's code name (n1), else its kind. */
export function cardName(doc: GraphDoc, id: string, codeNames = unnamedOpNames(doc)): string {
  const node = doc.nodes[id];
  if (!node) return id;
  if ('label' in node && node.label) return node.label;
  return codeNames.get(id) ?? (node.kind === 'op' ? (findOp(node.op)?.label ?? node.op) : node.kind);
}

/**
 * Every input port `source`'s output(s) may be wired into: free ones and occupied ones (a new
 * wire replaces the old), each checked by canConnect, so a cycle or a refused port is never
 * offered. Ordered by name, so the list reads the same each time.
 */
export function connectTargets(doc: GraphDoc, source: string): ConnectTarget[] {
  const node = doc.nodes[source];
  if (!node) return [];
  const codeNames = unnamedOpNames(doc);
  const incoming = incomingWires(doc);
  const outs = outputPorts(node);
  const targets: ConnectTarget[] = [];
  for (const from of outs) {
    for (const target of Object.values(doc.nodes)) {
      for (const port of inputPorts(target)) {
        const connection: Connection = { source, target: target.id, port, ...(from === OUT ? {} : { from }) };
        if (!canConnect(doc, connection).ok) continue;
        const current = incoming.get(target.id)?.get(port);
        if (current && current.source === source && (current.from ?? OUT) === from) continue;
        const kind = target.kind === 'op' ? (findOp(target.op)?.label ?? target.op) : target.kind;
        const now = current ? `now from ${cardName(doc, current.source, codeNames)}` : 'free';
        targets.push({
          connection,
          name: `${outs.length > 1 ? `${from} → ` : ''}${cardName(doc, target.id, codeNames)} · ${port}`,
          detail: `${kind}, ${now}`,
        });
      }
    }
  }
  return targets.sort((p, q) => p.name.localeCompare(q.name));
}

/**
 * Type-ahead: every word typed must begin a word of the target's name or kind, so "d a" finds
 * "d · a" and "mul" every multiply's inputs.
 */
export function matchesQuery(t: ConnectTarget, query: string): boolean {
  const words = `${t.name} ${t.detail.split(',')[0]}`.toLowerCase().split(/[\s·→]+/).filter(Boolean);
  return query
    .toLowerCase()
    .split(/[\s·]+/)
    .filter(Boolean)
    .every((q) => words.some((w) => w.startsWith(q)));
}
