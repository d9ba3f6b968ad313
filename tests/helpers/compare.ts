import { expect } from 'vitest';

/** Largest |a-b| relative to max(1,|b|); fails with the first offending index. */
export function expectClose(actual: Float32Array, expected: Float32Array, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  let worstIndex = -1;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const error = Math.abs(actual[i]! - e) / Math.max(1, Math.abs(e));
    if (!(error <= worst)) {
      worst = error;
      worstIndex = i;
    }
  }
  if (!(worst <= tolerance)) {
    throw new Error(
      `max error ${worst} > ${tolerance} at index ${worstIndex}: got ${actual[worstIndex]}, want ${expected[worstIndex]}`,
    );
  }
}

export function expectExact(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (actual[i] !== expected[i] && !(Number.isNaN(actual[i]) && Number.isNaN(expected[i]))) {
      throw new Error(`index ${i}: got ${actual[i]}, want ${expected[i]} (exact match required)`);
    }
  }
}
