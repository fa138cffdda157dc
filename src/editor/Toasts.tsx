import { useEffect } from 'react';
import { usePlayground, usePlaygroundStore } from './store/StoreContext';
import './Toasts.css';

/** How long a notice stays, by tone: errors stay longer, they carry a reason to read. */
const DURATION = { error: 9000, info: 5000, success: 3500 } as const;

/** The latest notice (a refused wire, a refused file, a saved file) at the bottom of the canvas. */
export function Toasts() {
  const notice = usePlayground((s) => s.notice);
  const store = usePlaygroundStore();
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => store.getState().dismissNotice(notice.id), DURATION[notice.tone]);
    return () => clearTimeout(t);
  }, [notice, store]);
  if (!notice) return null;
  return (
    <div className={`toast toast--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="toast" key={notice.id}>
      <span className="toast__text">{notice.text}</span>
      <button type="button" className="toast__close" aria-label="Dismiss" onClick={() => store.getState().dismissNotice(notice.id)}>
        ×
      </button>
    </div>
  );
}
