/// <reference lib="webworker" />
import { DOMAdapter, WebWorkerAdapter } from 'pixi.js';
import type { SceneControl } from '../offscreen/sceneProtocol';
import { GradientFlowScene } from './GradientFlowScene';
import type { ToScene } from './protocol';

/**
 * The gradient-flow overlay's worker: pixi draws into the OffscreenCanvas the page handed over,
 * so the pulses' frames never touch the main thread that React, React Flow and clicks share.
 */
DOMAdapter.set(WebWorkerAdapter);
const scope = self as unknown as DedicatedWorkerGlobalScope;
const scene = new GradientFlowScene((message) => scope.postMessage(message));
scope.onmessage = (event: MessageEvent<ToScene | SceneControl>) => scene.handle(event.data);
