/// <reference lib="webworker" />
import { DOMAdapter, WebWorkerAdapter } from 'pixi.js';
import { GradientFlowScene } from './GradientFlowScene';
import type { FromScene, ToScene } from './protocol';

/**
 * The gradient-flow overlay's worker: pixi draws into the OffscreenCanvas the page handed over,
 * so the pulses' frames (and, in software-composited browsers, reading each frame back) never
 * touch the main thread that React, React Flow and the person's clicks share.
 */
DOMAdapter.set(WebWorkerAdapter);
const scope = self as unknown as DedicatedWorkerGlobalScope;
const scene = new GradientFlowScene((message: FromScene) => scope.postMessage(message));
scope.onmessage = (event: MessageEvent<ToScene>) => scene.handle(event.data);
