import type { GraphDoc } from '../types';
import { planProgram } from './plan';

const cache = new WeakMap<GraphDoc, ReadonlyMap<string, string>>();

/**
 * The names unlabelled op nodes go by: the variable the exported code gives them (n1, n2, ...
 * in program order). The card, the chain rule and the inspector show the same name, so a learner
 * can find a node of the picture in the code. Computed once per document object.
 */
export function unnamedOpNames(doc: GraphDoc): ReadonlyMap<string, string> {
  let names = cache.get(doc);
  if (!names) {
    const found = new Map<string, string>();
    for (const step of planProgram(doc).steps) {
      if (step.kind !== 'op') continue;
      const node = doc.nodes[step.id];
      if (node?.kind === 'op' && node.label.trim() === '') found.set(step.id, step.name);
    }
    names = found;
    cache.set(doc, names);
  }
  return names;
}
