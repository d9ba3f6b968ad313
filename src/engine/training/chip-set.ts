// A labelled set of grayscale face chips in one binary blob, read the same way in Node and in the
// browser: a little-endian u32 header length, a UTF-8 JSON header, then size*size bytes per chip
// (row-major, top row first), in the header's order.
import { TrainingDataError } from '../errors';

export interface ChipSetHeader {
  /** Chip side in pixels. */
  size: number;
  /** Class names; a chip's label indexes this list. */
  classes: string[];
  /** Per chip: its class, whether it is in the test split, and where it came from. */
  chips: { label: number; test: boolean; source: string }[];
  /** Where the pictures come from and under which terms (shown with the data). */
  provenance: string;
}

export interface ChipSet extends ChipSetHeader {
  /** chips.length * size * size bytes. */
  pixels: Uint8Array;
}

export function encodeChipSet(set: ChipSet): Uint8Array {
  const { pixels, ...header } = set;
  if (pixels.length !== header.chips.length * header.size * header.size) {
    throw new Error(`chip set: ${pixels.length} bytes for ${header.chips.length} chips of ${header.size}²`);
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(4 + json.length + pixels.length);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 4);
  out.set(pixels, 4 + json.length);
  return out;
}

export function decodeChipSet(bytes: Uint8Array): ChipSet {
  if (bytes.length < 4) throw new TrainingDataError('chip set: the file is empty or truncated');
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (4 + length > bytes.length) throw new TrainingDataError('chip set: the header is truncated');
  let header: ChipSetHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as ChipSetHeader;
  } catch (cause) {
    throw new TrainingDataError('chip set: the header is not JSON (not a chip-set file, or damaged)', { cause });
  }
  if (
    !Number.isInteger(header.size) ||
    header.size < 1 ||
    !Array.isArray(header.chips) ||
    !Array.isArray(header.classes)
  ) {
    throw new TrainingDataError('chip set: the header lacks size, classes or chips');
  }
  const pixels = bytes.slice(4 + length);
  if (pixels.length !== header.chips.length * header.size * header.size) {
    throw new TrainingDataError(
      `chip set: ${pixels.length} pixel bytes, the header describes ${header.chips.length} chips of ${header.size}²`,
    );
  }
  return { ...header, pixels };
}

/**
 * The chips of one split as network input: [count, inputSize, inputSize, 1] floats in [-1, 1] (box
 * averages when inputSize divides the chip size), and their labels.
 */
export function splitTensors(
  set: ChipSet,
  test: boolean,
  inputSize = set.size,
): { images: Float32Array; labels: Uint32Array } {
  const factor = set.size / inputSize;
  if (!Number.isInteger(factor) || factor < 1)
    throw new Error(`chip set: cannot make ${inputSize}² inputs from ${set.size}² chips`);
  const indices = set.chips.flatMap((chip, i) => (chip.test === test ? [i] : []));
  const area = inputSize * inputSize;
  const images = new Float32Array(indices.length * area);
  const labels = new Uint32Array(indices.length);
  indices.forEach((chipIndex, row) => {
    labels[row] = set.chips[chipIndex]!.label;
    const chip = chipIndex * set.size * set.size;
    for (let y = 0; y < inputSize; y++) {
      for (let x = 0; x < inputSize; x++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++) {
          for (let dx = 0; dx < factor; dx++) sum += set.pixels[chip + (y * factor + dy) * set.size + x * factor + dx]!;
        }
        images[row * area + y * inputSize + x] = sum / (factor * factor) / 127.5 - 1;
      }
    }
  });
  return { images, labels };
}
