/**
 * Where input and output handles sit on a card, in pixels from its top. Op cards leave room for
 * a name per port; neurons and layers can have dozens of ports, so they pack them tighter. The
 * SVG export reads the same numbers, so pictures match the canvas.
 */
export const OP_PORTS = { top: 44, pitch: 26 } as const;
export const NET_PORTS = { top: 46, pitch: 18 } as const;

/** Where the ports of one edge sit: port 0 at `top`, each next one `pitch` lower. */
export interface PortLayout {
  readonly top: number;
  readonly pitch: number;
}

/**
 * A neuron with more inputs than `after` does not get a row per weight (a 16-input neuron would
 * be 338 px tall and a 2-16-16-1 network a strip no screen fits): its card has one fixed height
 * and its inputs converge in a short fan at the card's left middle, across from its output, the
 * way TensorFlow Playground draws wires meeting in a unit. Its weights are listed in its b row
 * instead of beside the ports (122 px: the head and three rows, as a 4-input neuron).
 */
export const NEURON_FAN = { after: 4, height: 122, span: 28 } as const;

/** The vertical centre of port i. */
export function portY(layout: PortLayout, i: number): number {
  return layout.top + i * layout.pitch;
}

/** True when a neuron with this many inputs draws them as a fan (no row, name or weight per port). */
export function neuronFans(inputs: number): boolean {
  return inputs > NEURON_FAN.after;
}

/** Where a neuron's input handles sit: a row each (NET_PORTS) up to NEURON_FAN.after, a fan beyond. */
export function neuronInputPorts(inputs: number): PortLayout {
  if (!neuronFans(inputs)) return NET_PORTS;
  return { top: NEURON_FAN.height / 2 - NEURON_FAN.span / 2, pitch: NEURON_FAN.span / (inputs - 1) };
}

/** The height a neuron or layer card needs for n ports down one side, a row each. */
export function netCardHeight(ports: number): number {
  return portY(NET_PORTS, Math.max(ports, 2) - 1) + 22;
}

/** The height of a neuron card with this many inputs: fixed once its inputs fan. */
export function neuronCardHeight(inputs: number): number {
  return neuronFans(inputs) ? NEURON_FAN.height : netCardHeight(inputs);
}
