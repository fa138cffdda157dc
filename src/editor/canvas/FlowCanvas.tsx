import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type MouseEvent as ReactMouseEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  type Connection as FlowConnection,
  type EdgeChange,
  type EdgeTypes,
  type FinalConnectionState,
  type IsValidConnection,
  type Node,
  type NodeChange,
  type NodeTypes,
  type ReactFlowState,
  type Viewport,
} from '@xyflow/react';
import type { Position } from '../../document/types';
import { canConnect, type Connection } from '../../document/validate';
import { nodeResult } from '../../state/derived';
import { ValueEdge } from '../edges/ValueEdge';
import { signOf } from '../formatNumber';
import { KIND_VIEWS } from '../nodes/kindViews';
import { FIT_MIN_ZOOM } from '../nodes/compact/semanticZoom';
import { ZoomClasses } from '../nodes/compact/ZoomClasses';
import { isCompactZoom } from '../nodes/compact/semanticZoom';
import { AwakeCards, FAR_VIEW_FROM_NODES } from './far/awakeCards';
import { FarMiniMap } from './far/FarMiniMap';
import { FarView } from './far/FarView';
import { WakeTracker } from './far/WakeTracker';
import { OverlayHost } from '../OverlayHost';
import { TapConnect } from '../connect/TapConnect';
import { TouchTargets } from './TouchTargets';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';
import { FlowEdgeCache, FlowNodeCache, type Size } from './toFlow';
import { motionMs } from '../../renderers/reducedMotion';
import './FlowCanvas.css';

// Declared once at module level: a new object per render would remount every node.
const nodeTypes: NodeTypes = Object.fromEntries(Object.entries(KIND_VIEWS).map(([kind, view]) => [kind, view.View]));
const edgeTypes: EdgeTypes = { value: ValueEdge };
// React Flow asks to keep its attribution unless one subscribes to Pro; it sits small at the bottom.
const proOptions = { hideAttribution: false };
const multiSelectKeys = ['Shift', 'Meta', 'Control'];
// The Controls' fit button fits as the F key does: never below the zoom where compact cards read.
const controlsFit = { padding: 0.15, maxZoom: 1.5, minZoom: FIT_MIN_ZOOM };
const compactSelector = (s: ReactFlowState): boolean => isCompactZoom(s.transform[2]);

/** What was right-clicked, for the context menu. */
export type ContextTarget = { kind: 'node'; id: string; x: number; y: number } | { kind: 'pane'; x: number; y: number; flow: Position };

/** A wire as React Flow reports it, turned into the document's terms. */
function toConnection(c: { source: string | null; target: string | null; sourceHandle?: string | null; targetHandle?: string | null }): Connection | null {
  if (!c.source || !c.target || !c.targetHandle) return null;
  const connection: Connection = { source: c.source, target: c.target, port: c.targetHandle };
  if (c.sourceHandle && c.sourceHandle !== 'out') connection.from = c.sourceHandle;
  return connection;
}

/** The node editor: the document drawn by React Flow, every edit sent to the store as a command. */
export function FlowCanvas({
  onContextMenu,
  onPaneTap,
  colorMode,
}: {
  onContextMenu(target: ContextTarget | null): void;
  /** A click or tap on the empty canvas. */
  onPaneTap?(): void;
  colorMode: 'dark' | 'light';
}) {
  const store = usePlaygroundStore();
  const doc = usePlayground((s) => s.doc);
  const selection = usePlayground((s) => s.selection);
  const selectedWires = usePlayground((s) => s.selectedWires);
  const initialViewport = useRef(store.getState().viewport).current;
  const flow = useReactFlow();
  // A file opened with its saved view: move there. A big graph jumps rather than glides: in
  // the same render as the new graph, so the far view takes it at once, where a glide from the
  // old zoom mounted a DOM card for every node in sight and unmounted them 250 ms later
  // (a second and a half of main thread on the bench's 2,000-node file).
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.viewportRequest === prev.viewportRequest) return;
        const big = Object.keys(s.doc.nodes).length >= FAR_VIEW_FROM_NODES;
        void flow.setViewport(s.viewport, { duration: big ? 0 : motionMs(250) });
      }),
    [store, flow],
  );

  const cache = useRef(new FlowNodeCache()).current;
  const sizes = useRef(new Map<string, Size>()).current;
  const [sizeVersion, setSizeVersion] = useState(0);

  // A big graph zoomed out is painted by the far view; React Flow mounts only the cards a
  // person is at (awakeCards.ts), the others are hidden.
  const compact = useStore(compactSelector);
  const far = compact && Object.keys(doc.nodes).length >= FAR_VIEW_FROM_NODES;
  const awake = useRef(new AwakeCards()).current;
  const awakeKey = useSyncExternalStore(awake.subscribe, awake.key);
  const farHit = useRef<((x: number, y: number) => string | null) | null>(null);
  const hitTest = useCallback((x: number, y: number) => farHit.current?.(x, y) ?? null, []);
  const sizeOf = useCallback((id: string) => sizes.get(id), [sizes]);
  // Tab through the far view's cards in the order React Flow tabs through mounted ones.
  const farRef = useRef(far);
  farRef.current = far;
  const tabOrder = useCallback(() => (farRef.current ? Object.keys(store.getState().doc.nodes) : null), [store]);

  const nodes = useMemo(
    () => cache.nodes(doc, new Set(selection), sizes, far ? awake.ids() : null),
    // sizeVersion stands for the contents of `sizes`, which is mutated in place; awakeKey for awake's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc, selection, sizeVersion, cache, sizes, far, awakeKey],
  );
  const edgeCache = useRef(new FlowEdgeCache()).current;
  const edges = useMemo(() => edgeCache.edges(doc.wires, new Set(selectedWires)), [doc.wires, selectedWires, edgeCache]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const state = store.getState();
      const moved = new Map<string, Position>();
      let selected: Set<string> | null = null;
      let resized = false;
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) {
          const old = sizes.get(c.id);
          if (!old || old.width !== c.dimensions.width || old.height !== c.dimensions.height) {
            sizes.set(c.id, { width: c.dimensions.width, height: c.dimensions.height });
            resized = true;
          }
        } else if (c.type === 'position' && c.position) {
          moved.set(c.id, c.position);
        } else if (c.type === 'select') {
          selected ??= new Set(state.selection);
          if (c.selected) selected.add(c.id);
          else selected.delete(c.id);
        }
      }
      if (resized) setSizeVersion((v) => v + 1);
      if (moved.size > 0) state.moveNodes(moved);
      if (selected) state.select([...selected]);
    },
    [store, sizes],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const state = store.getState();
      let selected: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'select') {
          selected ??= new Set(state.selectedWires);
          if (c.selected) selected.add(c.id);
          else selected.delete(c.id);
        }
      }
      if (selected) state.selectWires([...selected]);
    },
    [store],
  );

  const onConnect = useCallback(
    (c: FlowConnection) => {
      const connection = toConnection(c);
      if (connection) store.getState().connect(connection);
    },
    [store],
  );

  const isValidConnection: IsValidConnection = useCallback(
    (c) => {
      const connection = toConnection(c);
      return connection !== null && canConnect(store.getState().doc, connection).ok;
    },
    [store],
  );

  // A release over a port that isValidConnection refused: say why, at the moment of connecting.
  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.toHandle || !state.fromHandle) return;
      const from = state.fromHandle;
      const to = state.toHandle;
      const [src, dst] = from.type === 'source' ? [from, to] : [to, from];
      const connection = toConnection({ source: src.nodeId, target: dst.nodeId, sourceHandle: src.id ?? null, targetHandle: dst.id ?? null });
      if (!connection) return;
      const check = canConnect(store.getState().doc, connection);
      if (!check.ok) store.getState().notify('error', check.reason);
    },
    [store],
  );

  const begin = useCallback(() => store.getState().beginGesture(), [store]);
  const end = useCallback(() => store.getState().endGesture(), [store]);
  const onMoveEnd = useCallback((_e: unknown, v: Viewport) => store.getState().setViewport(v), [store]);

  const onNodeContextMenu = useCallback(
    (e: ReactMouseEvent, node: Node) => {
      e.preventDefault();
      if (!store.getState().selection.includes(node.id)) store.getState().select([node.id]);
      onContextMenu({ kind: 'node', id: node.id, x: e.clientX, y: e.clientY });
    },
    [store, onContextMenu],
  );

  const minimapColor = useCallback(
    (node: Node) => `minimap-node sign-fill-${signOf(nodeResult(store.getState(), node.id)?.data ?? 0)}`,
    [store],
  );

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      onConnectEnd={onConnectEnd}
      isValidConnection={isValidConnection}
      // Click-to-connect is TapConnect's (rings, reasons), for mouse and finger alike.
      connectOnClick={false}
      onNodeDragStart={begin}
      onNodeDragStop={end}
      onSelectionDragStart={begin}
      onSelectionDragStop={end}
      onMoveEnd={onMoveEnd}
      onNodeContextMenu={onNodeContextMenu}
      onPaneClick={() => {
        onContextMenu(null);
        onPaneTap?.();
      }}
      defaultViewport={initialViewport}
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={multiSelectKeys}
      colorMode={colorMode}
      minZoom={0.1}
      maxZoom={3}
      proOptions={proOptions}
      attributionPosition="bottom-center"
      onlyRenderVisibleElements={nodes.length > 400}
    >
      <Background variant={BackgroundVariant.Dots} gap={22} size={1.6} />
      <OverlayHost />
      <TouchTargets />
      <TapConnect />
      <ZoomClasses />
      <WakeTracker awake={awake} hitTest={hitTest} tabOrder={tabOrder} />
      <FarView enabled={far} sizeOf={sizeOf} hitRef={farHit} />
      <Controls showInteractive={false} fitViewOptions={controlsFit} />
      {/* React Flow's minimap leaves hidden nodes out: the far view brings its own. */}
      {far ? <FarMiniMap sizeOf={sizeOf} /> : <MiniMap pannable zoomable ariaLabel="Overview of the graph" nodeClassName={minimapColor} nodeBorderRadius={6} />}
    </ReactFlow>
  );
}
