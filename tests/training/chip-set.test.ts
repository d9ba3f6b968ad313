// The chip-set file format (shared by the Node tools and the Lab view) and its conversion to network
// input, and the plots' SVG text.
import { describe, expect, it } from 'vitest';
import { TrainingDataError } from '../../src/engine/errors';
import { decodeChipSet, encodeChipSet, splitTensors, type ChipSet } from '../../src/engine/training/chip-set';
import { curvesSvg, scatterSvg } from '../../src/engine/training/plots';

const set: ChipSet = {
  size: 4,
  classes: ['A_Person', 'B_Person'],
  chips: [
    { label: 0, test: false, source: 'A/1.jpg' },
    { label: 1, test: true, source: 'B/1.jpg' },
    { label: 1, test: false, source: 'B/2.jpg' },
  ],
  provenance: 'test',
  pixels: Uint8Array.from({ length: 3 * 16 }, (_, i) => (i * 5) % 256),
};

describe('chip set', () => {
  it('round-trips through its binary form', () => {
    const decoded = decodeChipSet(encodeChipSet(set));
    expect(decoded).toEqual(set);
  });

  it('refuses a truncated file with a message', () => {
    const bytes = encodeChipSet(set);
    expect(() => decodeChipSet(bytes.subarray(0, bytes.length - 1))).toThrow(/pixel bytes/);
    expect(() => decodeChipSet(bytes.subarray(0, 2))).toThrow(/empty or truncated/);
  });

  it('refuses a file that is not a chip set with a TrainingDataError', () => {
    const notChips = new Uint8Array(64);
    new DataView(notChips.buffer).setUint32(0, 8, true);
    notChips.set(new TextEncoder().encode('<html>\n'), 4);
    expect(() => decodeChipSet(notChips)).toThrow(TrainingDataError);
    expect(() => decodeChipSet(notChips)).toThrow(/not JSON/);
    const header = new TextEncoder().encode('{"size":4}');
    const noChips = new Uint8Array(4 + header.length);
    new DataView(noChips.buffer).setUint32(0, header.length, true);
    noChips.set(header, 4);
    expect(() => decodeChipSet(noChips)).toThrow(/lacks size, classes or chips/);
    const truncated = encodeChipSet(set);
    expect(() => decodeChipSet(truncated.subarray(0, 10))).toThrow(
      expect.objectContaining({ code: 'invalid-training-data' }),
    );
  });

  it('splits by the test flag and box-averages to a smaller input, scaled to [-1, 1]', () => {
    const train = splitTensors(set, false, 2);
    expect(Array.from(train.labels)).toEqual([0, 1]);
    expect(train.images.length).toBe(2 * 4);
    // Chip 0, top-left 2×2 block: pixels 0, 1, 4, 5 -> values 0, 5, 20, 25, mean 12.5.
    expect(train.images[0]).toBeCloseTo(12.5 / 127.5 - 1, 6);
    const test = splitTensors(set, true);
    expect(Array.from(test.labels)).toEqual([1]);
    expect(test.images[0]).toBeCloseTo(80 / 127.5 - 1, 6);
    expect(() => splitTensors(set, false, 3)).toThrow(/cannot make/);
  });
});

describe('plots', () => {
  it('draw one circle per point and one line per series, with names escaped', () => {
    const scatter = scatterSvg('t<1>', Float32Array.of(0, 0, 1, 1, -1, 2), [0, 1, 1], ['A', 'B&C']);
    expect(scatter.match(/<circle/g)).toHaveLength(3 + 2);
    expect(scatter).toContain('t&lt;1&gt;');
    expect(scatter).toContain('B&amp;C');
    const curves = curvesSvg('loss', [
      {
        name: 'a',
        colour: '#000',
        points: [
          [1, 2],
          [2, 1],
        ],
      },
      { name: 'b', colour: '#f00', points: [] },
    ]);
    expect(curves.match(/<polyline/g)).toHaveLength(1);
  });
});
