// matmul WGSL vs the plain-TS reference over M, K, N (aligned and unaligned K, N not a multiple of 4),
// the K split, and every epilogue activation; the same sweep through the subgroup kernel
// (matmul-subgroup.wgsl) at 8 and 4 lanes. Tolerance 1e-4 relative (f32 sums of up
// to 256 products in a different order than the double-precision reference). The residual path runs
// through conv2d's tests (1×1 convolutions are matrix products).
import { describe, expect, it } from 'vitest';
import type { Activation } from '../../src/engine/kernels/epilogue';
import {
  CPU_MATMUL_CONFIG,
  matmul,
  matmulConfig,
  uploadMatmulWeights,
  type MatmulOptions,
  type MatmulWeightsSource,
} from '../../src/engine/kernels/matmul';
import { matmulReference } from '../../src/engine/reference/matmul';
import { uploadTensor } from '../../src/engine/tensor';
import { expectClose } from '../helpers/compare';
import { runKernel, testContext } from '../helpers/gpu';
import { randomArray } from '../helpers/random';

const TOLERANCE = 1e-4;

interface Case {
  /** Input tensor shape; flattened to [M,K]. */
  x: number[];
  k: number;
  n: number;
  activation: Activation['kind'];
  /** Bias, scale and shift present (otherwise a bare product). */
  epilogue: boolean;
  kSplit?: number;
}

function activationFor(kind: Activation['kind'], n: number, seed: number): Activation {
  switch (kind) {
    case 'leaky':
      return { kind, alpha: 0.1 };
    case 'prelu':
      return { kind, alpha: randomArray(n, seed, 0, 0.5) };
    default:
      return { kind } as Activation;
  }
}

const cases: Case[] = [
  { x: [1, 1], k: 1, n: 1, activation: 'none', epilogue: false },
  { x: [1, 3], k: 3, n: 5, activation: 'relu', epilogue: true },
  { x: [3, 7], k: 7, n: 9, activation: 'prelu', epilogue: true },
  { x: [5, 13], k: 13, n: 6, activation: 'leaky', epilogue: true },
  { x: [17, 33], k: 33, n: 19, activation: 'relu6', epilogue: true },
  { x: [9, 36], k: 36, n: 4, activation: 'none', epilogue: true },
  { x: [6, 2, 2, 5], k: 20, n: 11, activation: 'relu', epilogue: false },
  // The dlib ResNet's descriptor ([B,256] x [256,128], no bias) at the batch sizes it runs.
  { x: [1, 1, 1, 256], k: 256, n: 128, activation: 'none', epilogue: false },
  { x: [8, 1, 1, 256], k: 256, n: 128, activation: 'none', epilogue: false },
  { x: [32, 256], k: 256, n: 128, activation: 'none', epilogue: false },
  // The landmark net's head: [1,256] x [256,136] + bias.
  { x: [1, 256], k: 256, n: 136, activation: 'none', epilogue: true },
  // Forced K splits, including one that does not divide K/4 and one longer than K/4.
  { x: [2, 256], k: 256, n: 128, activation: 'prelu', epilogue: true, kSplit: 1 },
  { x: [3, 101], k: 101, n: 10, activation: 'relu', epilogue: true, kSplit: 3 },
  { x: [1, 9], k: 9, n: 7, activation: 'leaky', epilogue: true, kSplit: 4 },
  { x: [70, 150], k: 150, n: 70, activation: 'relu', epilogue: true },
  { x: [256, 256], k: 256, n: 256, activation: 'none', epilogue: false },
];

async function checkCase(c: Case, seed: number, config: (m: number) => MatmulOptions['config']): Promise<void> {
  const context = await testContext();
  const input = randomArray(
    c.x.reduce((a, b) => a * b, 1),
    1000 + seed,
  );
  const source: MatmulWeightsSource = {
    k: c.k,
    n: c.n,
    weights: randomArray(c.k * c.n, 2000 + seed, -0.5, 0.5),
    activation: activationFor(c.activation, c.n, 6000 + seed),
    ...(c.epilogue && {
      bias: randomArray(c.n, 3000 + seed),
      scale: randomArray(c.n, 4000 + seed, 0.5, 1.5),
      shift: randomArray(c.n, 5000 + seed, -0.2, 0.2),
    }),
  };
  const expected = matmulReference(input, source);
  const x = uploadTensor(context, c.x, input);
  const weights = uploadMatmulWeights(context, source);
  const m = c.x.reduce((a, b) => a * b, 1) / c.k;
  const { output, data } = await runKernel(context, () => matmul(context, x, weights, { config: config(m) }));
  expect(output.shape).toEqual(expected.shape);
  expectClose(data, expected.data, TOLERANCE);
}

describe('matmul', () => {
  it.each(
    cases.map((c, i) => {
      const m = c.x.reduce((a, b) => a * b, 1) / c.k;
      const config = matmulConfig(m, c.k, c.n, c.kSplit);
      const name = `x=[${c.x}] w=[${c.k},${c.n}] M=${m} act=${c.activation}${c.epilogue ? ' +bias,scale,shift' : ''} kSplit=${config.kSplit}`;
      return [name, c, i] as const;
    }),
  )('%s', async (_name, c, seed) => {
    // The GPU shapes, whatever adapter runs the tests (a CPU adapter gets another kernel by default).
    await checkCase(c, seed, (m) => matmulConfig(m, c.k, c.n, c.kSplit));
  });

  // Every case again through the subgroup kernel at 8 and 4 lanes (LANES rows x LANES column groups a
  // subgroup: most cases leave a partial tile in both directions; 4 lanes also run on an 8-wide device,
  // as a partial subgroup). Where the device's subgroups are narrower (or absent), it must refuse to run.
  it.each(
    ([8, 4] as const).flatMap((lanes) =>
      cases.map(
        (c, i) => [`subgroup×${lanes}: x=[${c.x}] w=[${c.k},${c.n}] act=${c.activation}`, c, i, lanes] as const,
      ),
    ),
  )('%s', async (_name, c, seed, lanes) => {
    const context = await testContext();
    if ((context.fixedSubgroupSize ?? 0) >= lanes) {
      await checkCase(c, seed, () => ({ subgroupLanes: lanes }));
    } else {
      const x = uploadTensor(context, c.x, new Float32Array(c.x.reduce((a, b) => a * b, 1)));
      const weights = uploadMatmulWeights(context, { k: c.k, n: c.n, weights: new Float32Array(c.k * c.n) });
      expect(() => matmul(context, x, weights, { config: { subgroupLanes: lanes } })).toThrow(
        /subgroups at least that wide/,
      );
    }
  });

  it('rejects an input that does not flatten to rows of K', async () => {
    const context = await testContext();
    const x = uploadTensor(context, [1, 10], new Float32Array(10));
    const weights = uploadMatmulWeights(context, { k: 4, n: 4, weights: new Float32Array(16) });
    expect(() => matmul(context, x, weights)).toThrow(/rows of 4/);
  });

  it('chooses its kernel for the adapter: subgroups or one shape on a CPU adapter, the GPU shapes otherwise', async () => {
    const context = await testContext();
    const source: MatmulWeightsSource = {
      k: 256,
      n: 128,
      weights: randomArray(256 * 128, 7001, -0.5, 0.5),
      activation: { kind: 'relu' },
    };
    const input = randomArray(256, 7002);
    const weights = uploadMatmulWeights(context, source);
    const x = uploadTensor(context, [1, 256], input);
    const call = matmul(context, x, weights);
    const width = context.fixedSubgroupSize;
    if (context.software && (width === 4 || width === 8)) {
      expect(call.dispatch.pipeline.label).toMatch(new RegExp(`^matmul-subgroup\\|.*LANES=${width}`));
    } else {
      const { wgX, wgY, kSplit } = context.software ? CPU_MATMUL_CONFIG : matmulConfig(1, 256, 128);
      expect(call.dispatch.pipeline.label).toContain(`K_SPLIT=${kSplit},WG_X=${wgX},WG_Y=${wgY}`);
    }
    const { data } = await runKernel(context, () => call);
    expectClose(data, matmulReference(input, source).data, TOLERANCE);
  });

  it('splits K for small batches and not for large ones', () => {
    expect(matmulConfig(1, 256, 128).kSplit).toBeGreaterThan(1);
    expect(matmulConfig(256, 256, 256).kSplit).toBe(1);
  });
});
