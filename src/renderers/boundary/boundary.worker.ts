/// <reference lib="webworker" />
import { DOMAdapter, WebWorkerAdapter } from 'pixi.js';
import type { SceneControl } from '../offscreen/sceneProtocol';
import { BoundaryScene } from './BoundaryScene';
import type { ToPlot } from './protocol';

/**
 * The data plot's worker: the heatmap is redrawn about 10 times a second while training, and in
 * browsers that composite in software each frame is read back from WebGL; here that costs the
 * page's main thread nothing.
 */
DOMAdapter.set(WebWorkerAdapter);
const scope = self as unknown as DedicatedWorkerGlobalScope;
const scene = new BoundaryScene((message) => scope.postMessage(message));
scope.onmessage = (event: MessageEvent<ToPlot | SceneControl>) => scene.handle(event.data);
