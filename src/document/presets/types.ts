import type { GraphDoc } from '../types';

/** The numbers the lecture shows for a preset, so the UI can say "the lecture got 24.7041". */
export interface PresetExpectation {
  /** Label of the node whose data the lecture prints (the preset's output). */
  label: string;
  /** The number the lecture prints for that node's data. */
  value: number;
  /** Grads the lecture gives after backward, by node label; only where the lecture gives them. */
  grads?: Readonly<Record<string, number>>;
}

/** A ready-made graph from the lecture, offered in the "load example" menu. */
export interface Preset {
  /** Stable, URL-safe identifier (a shared link may name it). */
  id: string;
  /** Short menu title. */
  title: string;
  /** One sentence saying what the graph shows. */
  blurb: string;
  /**
   * Where the lecture is when it shows this graph: loading it switches to that mode, so the
   * lecture's next action (Backward, Train) is one press away.
   */
  mode: 'build' | 'backward' | 'train';
  /** What the canvas should show once it is evaluated. */
  expected: PresetExpectation;
  /** A fresh document with fresh ids each call, so loading a preset twice never collides. */
  build(): GraphDoc;
}
