import { usePlayground } from '../store/StoreContext';
import './SaveStatus.css';

/** A lasting mark in the header while autosave fails (storage full, or refused), gone once a save works. */
export function SaveStatus() {
  const problem = usePlayground((s) => s.saveProblem);
  if (problem === null) return null;
  return (
    <span className="save-status" role="status" data-testid="save-status" title={`Not saved: ${problem}. Save the graph as a file, or remove old copies under File → Recent.`}>
      <span className="save-status__mark" aria-hidden="true" />
      Not saved
    </span>
  );
}
