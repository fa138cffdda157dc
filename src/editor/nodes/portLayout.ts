/**
 * Where input and output handles sit on a card, in pixels from its top. Op cards leave room for
 * a name per port; neurons and layers can have dozens of ports, so they pack them tighter. The
 * SVG export reads the same numbers, so pictures match the canvas.
 */
export const OP_PORTS = { top: 44, pitch: 26 } as const;
export const NET_PORTS = { top: 46, pitch: 18 } as const;

/** The vertical centre of port i. */
export function portY(layout: { top: number; pitch: number }, i: number): number {
  return layout.top + i * layout.pitch;
}
