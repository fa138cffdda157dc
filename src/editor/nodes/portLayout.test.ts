import { describe, expect, it } from 'vitest';
import { NET_PORTS, NEURON_FAN, netCardHeight, neuronCardHeight, neuronFans, neuronInputPorts, portY } from './portLayout';

describe('neuron port geometry', () => {
  it('gives a few inputs a row each, as before', () => {
    for (const n of [1, 2, 3, 4]) {
      expect(neuronFans(n)).toBe(false);
      expect(neuronInputPorts(n)).toEqual(NET_PORTS);
      expect(neuronCardHeight(n)).toBe(netCardHeight(n));
    }
    expect(neuronCardHeight(4)).toBe(46 + 3 * 18 + 22);
  });

  it('fans many inputs into the left middle of a card of one fixed height', () => {
    for (const n of [5, 16, 64]) {
      expect(neuronFans(n)).toBe(true);
      expect(neuronCardHeight(n)).toBe(NEURON_FAN.height);
      const layout = neuronInputPorts(n);
      const first = portY(layout, 0);
      const last = portY(layout, n - 1);
      // Centred on the card's middle, where the output leaves, and spread over the fan's span.
      expect((first + last) / 2).toBeCloseTo(NEURON_FAN.height / 2);
      expect(last - first).toBeCloseTo(NEURON_FAN.span);
      // Ports stay in order, each below the last.
      expect(layout.pitch).toBeGreaterThan(0);
    }
  });

  it('keeps a 16-input neuron far shorter than a row per weight', () => {
    expect(netCardHeight(16)).toBe(338);
    expect(neuronCardHeight(16)).toBeLessThan(netCardHeight(16) / 2);
  });
});
