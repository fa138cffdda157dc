import { useDeferredValue, useMemo, useState } from 'react';
import { toPython } from '../../document/codegen/python';
import { lineComment } from '../../document/codegen/text';
import { toTorch } from '../../document/codegen/torch';
import { toTypeScript } from '../../document/codegen/typescript';
import type { GraphDoc } from '../../document/types';
import { toNotebook } from '../../training/notebook';
import { toTorchTraining } from '../../training/torchTraining';
import { download } from '../files/fileOps';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';
import '../controls/controls.css';
import './CodePanel.css';

type Language = 'python' | 'typescript' | 'torch';

/** Each tab: its name, the file it downloads as, and the program. */
const LANGUAGES: Readonly<Record<Language, { tab: string; name: string; file: string; write: (doc: GraphDoc) => string }>> = {
  python: { tab: 'Python (micrograd)', name: 'Python', file: 'graph.py', write: toPython },
  typescript: { tab: 'TypeScript', name: 'TypeScript', file: 'graph.ts', write: toTypeScript },
  torch: { tab: 'PyTorch', name: 'PyTorch', file: 'graph_torch.py', write: torchProgram },
};

/** The PyTorch tab: the graph on tensors, then, when the drawing trains, its nn.Module and training loop. */
function torchProgram(doc: GraphDoc): string {
  const training = toTorchTraining(doc);
  return toTorch(doc) + (training.ok ? training.code : `\n${lineComment('python', `No training loop: ${training.reason}`)}\n`);
}

/** The drawn graph as micrograd Python, TypeScript on src/engine and PyTorch, same labels; copy, download, or a notebook. */
export function CodePanel() {
  // Written after the canvas has shown an edit, not before: on a 2,000-node graph writing the
  // program takes tens of milliseconds, and every keystroke in a card waited for it.
  const doc = useDeferredValue(usePlayground((s) => s.doc));
  const store = usePlaygroundStore();
  const [language, setLanguage] = useState<Language>('python');
  const chosen = LANGUAGES[language];
  const code = useMemo(() => chosen.write(doc), [doc, chosen]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      store.getState().notify('success', `${chosen.name} code copied.`);
    } catch {
      store.getState().notify('error', 'The browser refused clipboard access; select the code and copy it by hand.');
    }
  }
  return (
    <section className="code-panel" aria-label="Code" data-testid="code-panel">
      <div className="code-panel__bar">
        <div className="segmented" role="tablist" aria-label="Language">
          {(Object.keys(LANGUAGES) as Language[]).map((l) => (
            <button key={l} type="button" role="tab" aria-selected={language === l} onClick={() => setLanguage(l)}>
              {LANGUAGES[l].tab}
            </button>
          ))}
        </div>
        <div className="code-panel__actions">
          <button type="button" className="tool-button" onClick={copy} title="Copy the code">
            Copy
          </button>
          <button type="button" className="tool-button" onClick={() => download(new Blob([code], { type: 'text/plain;charset=utf-8' }), chosen.file)} title={`Download ${chosen.file}`}>
            Download
          </button>
          <button
            type="button"
            className="tool-button"
            onClick={() => download(new Blob([toNotebook(doc)], { type: 'application/x-ipynb+json' }), 'graph.ipynb')}
            title="Download a Jupyter notebook with the micrograd and PyTorch code"
          >
            Notebook
          </button>
        </div>
      </div>
      {/* Focusable so a keyboard can scroll long code (WCAG: a scrollable region must be reachable). */}
      <pre className="code-panel__code" data-testid="code-text" tabIndex={0} aria-label={`${chosen.file}, generated code`}>
        <code>{code}</code>
      </pre>
    </section>
  );
}
