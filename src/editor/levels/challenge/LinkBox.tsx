import { useState } from 'react';
import '../../controls/controls.css';
import './Challenge.css';

/**
 * A made link, shown in full so it can be copied by hand too: the clipboard needs a permission
 * some browsers refuse, and the link must not be lost when it does.
 */
export function LinkBox({ url, testId, label }: { url: string; testId: string; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  return (
    <div className="link-box">
      <label className="link-box__label">
        {label}
        <input className="link-box__input" readOnly value={url} data-testid={testId} onFocus={(e) => e.target.select()} />
      </label>
      <button
        type="button"
        className="tool-button"
        onClick={() =>
          navigator.clipboard.writeText(url).then(
            () => setCopied('yes'),
            () => setCopied('no'),
          )
        }
      >
        {copied === 'yes' ? 'Copied' : 'Copy'}
      </button>
      {copied === 'no' && <span className="link-box__hint">The clipboard is not allowed here: select the link and copy it.</span>}
    </div>
  );
}
