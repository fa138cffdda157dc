import { toPython } from '../document/codegen/python';
import { toTorch } from '../document/codegen/torch';
import type { GraphDoc } from '../document/types';
import { toTorchTraining } from './torchTraining';

/**
 * The drawn graph as a Jupyter notebook (nbformat 4 JSON, written by hand: the format is a few
 * fixed keys, not worth a dependency): a heading, the micrograd program, the PyTorch program,
 * and, when the drawing trains, the PyTorch training loop, each under a short markdown heading,
 * so it runs top to bottom in one kernel. Headings are generated from counts, never from labels:
 * labels reach the notebook only inside the code, escaped as the code export escapes them.
 */
export function toNotebook(doc: GraphDoc): string {
  const nodes = Object.keys(doc.nodes).length;
  const training = toTorchTraining(doc);
  const cells = [
    markdown(`# Micrograd Playground export\n\nThe graph drawn on the canvas (${nodes} node${nodes === 1 ? '' : 's'}), as micrograd and as PyTorch code. Both print each value's label, data and grad after backward().`),
    markdown('## micrograd\n\nNeeds micrograd (`pip install micrograd`).'),
    code(toPython(doc)),
    markdown('## PyTorch\n\nThe same graph on float64 tensors (`pip install torch`): the numbers agree with the micrograd cell.'),
    code(toTorch(doc)),
  ];
  if (training.ok) {
    cells.push(markdown('## Training in PyTorch\n\nThe network as an `nn.Module`, trained with the Train panel\'s loss, optimiser and schedule; it prints the loss of each step.'), code(training.code.trimStart()));
  }
  const notebook = {
    cells,
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 4,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

/** A cell's source as nbformat stores it: lines, each keeping its newline. */
function sourceLines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

function markdown(text: string) {
  return { cell_type: 'markdown', metadata: {}, source: sourceLines(text) };
}

function code(text: string) {
  return { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: sourceLines(text.trimEnd()) };
}
