import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Panel } from '@xyflow/react';
import { OUT } from '../../document/ports';
import { canConnect } from '../../document/validate';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';
import { cardName } from './connectTargets';
import { tapCandidates, tapConnection, type HandleEnd } from './tapConnect';
import './TapConnect.css';

/** A press that travels less than this (CSS px) and lifts within TAP_MS is a tap, not a drag. */
const TAP_SLOP = 8;
const TAP_MS = 800;
/** A ring a few screen pixels wide at any zoom (TouchTargets keeps --handle-zoom). */
const RING = '0 0 0 calc(3px / var(--handle-zoom, 1))';

/** The handle an event landed on, as a wire end, read from the attributes React Flow gives it. */
function handleAt(target: EventTarget | null): HandleEnd | null {
  const el = target instanceof Element ? target.closest('.react-flow__handle') : null;
  const nodeId = el?.getAttribute('data-nodeid');
  const handleId = el?.getAttribute('data-handleid');
  if (!el || !nodeId || !handleId) return null;
  return { nodeId, handleId, type: el.classList.contains('source') ? 'source' : 'target' };
}

/** A CSS selector for one handle; ids go through CSS.escape, so a label never breaks out of it. */
function selectorOf(end: HandleEnd): string {
  return `.react-flow__handle[data-nodeid="${CSS.escape(end.nodeId)}"][data-handleid="${CSS.escape(end.handleId)}"]`;
}

const portName = (doc: Parameters<typeof cardName>[0], end: HandleEnd) =>
  end.type === 'target' || end.handleId !== OUT ? `${cardName(doc, end.nodeId)} · ${end.handleId}` : cardName(doc, end.nodeId);

/**
 * Tap an output, then an input (or the other way round) to connect them: the way to wire on a
 * touch screen, where dragging a 9 px dot is fiddly, and one that works with a mouse too. After
 * the first tap every handle the second may be is ringed (as canConnect allows, so a ring never
 * lies), a hint says what to do, and Esc, Cancel or a tap on the canvas gives up.
 *
 * It reads pointer events itself rather than using React Flow's click-to-connect (switched off in
 * FlowCanvas, so the two never both fire): the rings, the reason in the hint and both tap orders
 * then work the same for a mouse and a finger. React Flow's own drag-to-connect stays as it is.
 */
export function TapConnect() {
  const store = usePlaygroundStore();
  const doc = usePlayground((s) => s.doc);
  const [start, setStartState] = useState<HandleEnd | null>(null);
  // Why the last second tap made no wire, shown in the hint, where the finger's eye is.
  const [refusal, setRefusal] = useState<string | null>(null);
  const startRef = useRef(start);
  startRef.current = start;
  const setStart = useCallback((end: HandleEnd | null) => {
    setStartState(end);
    setRefusal(null);
  }, []);

  // A first end whose node was deleted (or undone away) is dropped.
  const live = start && doc.nodes[start.nodeId] ? start : null;
  const candidates = useMemo(() => (live ? tapCandidates(doc, live) : []), [doc, live]);

  useEffect(() => {
    let down: { id: number; x: number; y: number; t: number; handle: HandleEnd | null; onPane: boolean } | null = null;

    function tapped(end: HandleEnd) {
      const first = startRef.current;
      const state = store.getState();
      const connection = first && state.doc.nodes[first.nodeId] ? tapConnection(first, end) : null;
      if (!connection) {
        // Nothing started, or the same side again: start (again) from here.
        setStart(first && first.nodeId === end.nodeId && first.handleId === end.handleId ? null : end);
        return;
      }
      const check = canConnect(state.doc, connection);
      if (!check.ok) {
        setRefusal(check.reason);
        return;
      }
      state.connect(connection);
      setStart(null);
    }

    const onDown = (e: PointerEvent) => {
      if (!e.isPrimary || (e.pointerType === 'mouse' && e.button !== 0)) return;
      const target = e.target instanceof Element ? e.target : null;
      down = { id: e.pointerId, x: e.clientX, y: e.clientY, t: e.timeStamp, handle: handleAt(target), onPane: !!target?.closest('.react-flow__pane') };
    };
    const onUp = (e: PointerEvent) => {
      const d = down;
      down = null;
      if (!d || d.id !== e.pointerId) return;
      if (Math.hypot(e.clientX - d.x, e.clientY - d.y) > TAP_SLOP || e.timeStamp - d.t > TAP_MS) return;
      if (d.handle) tapped(d.handle);
      else if (d.onPane) setStart(null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && startRef.current) setStart(null);
    };
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('pointerup', onUp, true);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('pointerup', onUp, true);
      window.removeEventListener('keydown', onKey);
    };
  }, [store, setStart]);

  if (!live) return null;
  const wanted = live.type === 'source' ? 'input' : 'output';
  const rings = candidates.map(selectorOf).join(',\n');
  return (
    <>
      <style>
        {`${selectorOf(live)} { box-shadow: ${RING} var(--accent); }`}
        {rings && `\n${rings} { box-shadow: ${RING} var(--ok); }`}
      </style>
      <Panel position="top-center" className="tap-connect" data-testid="tap-connect">
        <span role="status" className={refusal ? 'tap-connect__refusal' : undefined}>
          {refusal ??
            (candidates.length > 0
              ? `${portName(doc, live)}: tap a ringed ${wanted} (${candidates.length})`
              : `${portName(doc, live)}: no ${wanted} here can take this wire`)}
        </span>
        <button type="button" className="tap-connect__cancel" onClick={() => setStart(null)}>
          Cancel
        </button>
      </Panel>
    </>
  );
}
