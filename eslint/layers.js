// A local ESLint rule that keeps src/ layers importing one way (see ../DESIGN notes in README).
//
// Each folder directly under src/ is a layer with a rank; a file may import only layers of a
// lower rank (or its own). `engine` and `data` share rank 0 and so import nothing of ours, and
// nothing may import `editor` except the entry point `src/main.tsx`. Written by hand rather
// than pulled from a plugin because the whole policy is this one table, and a table a
// newcomer can read beats a plugin's configuration language.
import path from 'node:path';

/** Lower rank = more basic. A layer may import layers strictly below it, and itself. */
export const LAYER_RANK = {
  engine: 0,
  data: 0,
  nn: 1,
  document: 2,
  training: 3,
  levels: 4,
  state: 5,
  renderers: 6,
  editor: 7,
};

function layerOf(file, srcRoot) {
  const rel = path.relative(srcRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const first = rel.split(path.sep)[0];
  return first in LAYER_RANK ? first : null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'keep src/ layers importing one way' },
    schema: [],
    messages: {
      upward: "'{{from}}' may not import from '{{to}}': layers import one way ({{order}}).",
    },
  },
  create(context) {
    const file = context.filename;
    const srcRoot = path.resolve(context.cwd, 'src');
    const from = layerOf(file, srcRoot);
    if (!from) return {};
    function check(node, source) {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source.value);
      const to = layerOf(target, srcRoot);
      const targetIsSrcRoot = path.relative(srcRoot, target).split(path.sep).length === 1 && !to;
      if (to === from) return;
      if (to === null && !targetIsSrcRoot) return;
      if (to !== null && LAYER_RANK[to] < LAYER_RANK[from]) return;
      context.report({
        node: source,
        messageId: 'upward',
        data: {
          from,
          to: to ?? path.relative(srcRoot, target),
          order: 'engine, data < nn < document < training < levels < state < renderers < editor',
        },
      });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};
