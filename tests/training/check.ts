// Shared by the backward-kernel tests: float64 central finite differences of a scalar L = sum(r * f(x)),
// and an error measure that reports its worst case (the numbers quoted in the README come from here).
import { seededRandom } from '../helpers/random';

/** Relative error |a - b| / max(1, |b|), worst over all indices. */
export function maxError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length}, want ${expected.length}`);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i]! - expected[i]!) / Math.max(1, Math.abs(expected[i]!));
    if (!(error <= worst)) worst = error;
  }
  return worst;
}

/** Throws when the worst relative error exceeds `tolerance`; logs it either way, with `what`. */
export function expectWithin(
  what: string,
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: number,
): void {
  const error = maxError(actual, expected);
  console.info(`${what}: max error ${error.toExponential(2)} (tolerance ${tolerance})`);
  if (!(error <= tolerance)) throw new Error(`${what}: max error ${error} > ${tolerance}`);
}

/** Values that fit a shape, uniform in [low, high), as float32 values held in float64. */
export function randomValues(length: number, seed: number, low = -1, high = 1): Float64Array {
  const next = seededRandom(seed);
  return Float64Array.from({ length }, () => Math.fround(low + (high - low) * next()));
}

const STEP = 1e-6;
/** Coordinates probed per input: all of them up to this many, else this many chosen at random. */
const PROBES = 48;

/**
 * Checks `gradient` (the analytic dL/dx of L = sum(r * f(x))) against central differences of f in
 * float64 at up to PROBES coordinates, within `tolerance` (relative to max(1, |numeric|)).
 */
export function finiteDifferenceCheck(
  what: string,
  f: (x: Float64Array) => Float64Array,
  x: Float64Array,
  r: ArrayLike<number>,
  gradient: ArrayLike<number>,
  tolerance = 1e-6,
  seed = 7,
): void {
  const loss = (v: Float64Array) => f(v).reduce((sum, y, i) => sum + r[i]! * y, 0);
  const next = seededRandom(seed);
  const indices =
    x.length <= PROBES ? [...x.keys()] : Array.from({ length: PROBES }, () => Math.floor(next() * x.length));
  const numeric: number[] = [];
  const analytic: number[] = [];
  for (const i of indices) {
    const probe = Float64Array.from(x);
    probe[i] = x[i]! + STEP;
    const up = loss(probe);
    probe[i] = x[i]! - STEP;
    const down = loss(probe);
    numeric.push((up - down) / (2 * STEP));
    analytic.push(gradient[i]!);
  }
  expectWithin(`${what} vs finite differences`, analytic, numeric, tolerance);
}

export const f32 = (values: ArrayLike<number>): Float32Array => Float32Array.from(values as ArrayLike<number>);
