import { z } from '../zod';
import { KIND_LIST, type DocNode } from '../kinds';
import type { NodeFileSchema } from '../kinds/KindDef';

/**
 * One node in the saved graph file (see `fileFormat.ts`): the discriminated union on `kind` of
 * every node kind's own schema (`document/kinds/<kind>.ts`), so a new kind needs no change here.
 */

const NODE_FILE_SCHEMAS = KIND_LIST.map((kind) => kind.fileSchema) as unknown as [NodeFileSchema<string>, ...NodeFileSchema<string>[]];

/** The node kinds a file may hold, for messages. */
const FILE_NODE_KINDS: readonly string[] = KIND_LIST.map((kind) => kind.kind);

const KIND_RULE = `one of ${FILE_NODE_KINDS.map((k) => `'${k}'`).join(', ')}`;

/**
 * One node in the file, told apart by its `kind`. Typed as the document's node: each kind's
 * schema describes exactly its node type's fields (the kind files keep the two side by side).
 */
export const nodeFileSchema = z.discriminatedUnion('kind', NODE_FILE_SCHEMAS, {
  // Called both when the node is not an object and when its kind matches no schema.
  error: (issue) => {
    if (issue.code === 'invalid_union') return issue.input === undefined ? 'is missing' : `must be ${KIND_RULE}`;
    return 'must be an object';
  },
}) as unknown as z.ZodType<DocNode>;

/**
 * One node as stored in a file: the same shape as in a document (each kind's `copy` turns one
 * into the other).
 */
export type NodeFile = DocNode;
