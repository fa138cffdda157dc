/** The three things a person does in the playground, in the order the lecture does them. */
export type Mode = 'build' | 'backward' | 'train';

/** Label and one-line explanation of each mode, for the header and the canvas hint. */
export const MODES: ReadonlyArray<{ id: Mode; label: string; hint: string }> = [
  { id: 'build', label: 'Build', hint: 'Drag values and ops onto the canvas and wire them into an expression.' },
  { id: 'backward', label: 'Backward', hint: 'Run backpropagation and watch each gradient flow back to the leaves.' },
  { id: 'train', label: 'Train', hint: 'Fit a small network to a dataset and watch the loss fall.' },
];
