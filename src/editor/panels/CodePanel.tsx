import { useMemo, useState } from 'react';
import { toPython } from '../../document/codegen/python';
import { toTypeScript } from '../../document/codegen/typescript';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';
import '../controls/controls.css';
import './CodePanel.css';

type Language = 'python' | 'typescript';

/** The drawn graph as micrograd Python and as TypeScript on src/engine, same labels, copyable. */
export function CodePanel() {
  const doc = usePlayground((s) => s.doc);
  const store = usePlaygroundStore();
  const [language, setLanguage] = useState<Language>('python');
  const code = useMemo(() => (language === 'python' ? toPython(doc) : toTypeScript(doc)), [doc, language]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      store.getState().notify('success', `${language === 'python' ? 'Python' : 'TypeScript'} code copied.`);
    } catch {
      store.getState().notify('error', 'The browser refused clipboard access; select the code and copy it by hand.');
    }
  }
  return (
    <section className="code-panel" aria-label="Code" data-testid="code-panel">
      <div className="code-panel__bar">
        <div className="segmented" role="tablist" aria-label="Language">
          {(['python', 'typescript'] as const).map((l) => (
            <button key={l} type="button" role="tab" aria-selected={language === l} onClick={() => setLanguage(l)}>
              {l === 'python' ? 'Python (micrograd)' : 'TypeScript'}
            </button>
          ))}
        </div>
        <button type="button" className="tool-button" onClick={copy} title="Copy the code">
          Copy
        </button>
      </div>
      <pre className="code-panel__code" data-testid="code-text">
        <code>{code}</code>
      </pre>
    </section>
  );
}
