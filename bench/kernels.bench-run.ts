// Kernel benchmark: our conv2d and matmul vs tfjs 4.22's WebGPU backend on the same adapter, at the
// dlib ResNet's real layer shapes and the SSD detector's largest 1×1 convolutions. Each sample runs
// the op REPEAT times and reads the last output back (both engines), so per-op time = sample / REPEAT.
// Medians after warm-up; GFLOP/s = 2·MACs/t.
import { writeFileSync, mkdirSync } from 'node:fs';
import { it } from 'vitest';
import { GpuContext } from '../src/engine/gpu-context';
import { conv2d, uploadConv2dFilter } from '../src/engine/kernels/conv2d';
import { encodeDispatches, type Dispatch } from '../src/engine/kernels/dispatch';
import { matmul, uploadMatmulWeights } from '../src/engine/kernels/matmul';
import type { Padding } from '../src/engine/kernels/padding';
import { readTensor, uploadTensor, type Tensor } from '../src/engine/tensor';
import { randomArray } from '../tests/helpers/random';
import { loadTfjs, useBackend } from './tfjs-webgpu';
import { fmt, markdownTable, time } from './timing';

const REPEAT = 10;

interface ConvCase {
  name: string;
  h: number;
  w: number;
  inC: number;
  outC: number;
  k: number;
  stride: number;
  padding: 'same' | 'valid';
}
const CONVS: ConvCase[] = [
  { name: 'conv32_down 7x7/2', h: 150, w: 150, inC: 3, outC: 32, k: 7, stride: 2, padding: 'valid' },
  { name: 'conv32 3x3', h: 35, w: 35, inC: 32, outC: 32, k: 3, stride: 1, padding: 'same' },
  { name: 'conv64_down 3x3/2', h: 35, w: 35, inC: 32, outC: 64, k: 3, stride: 2, padding: 'valid' },
  { name: 'conv64 3x3', h: 17, w: 17, inC: 64, outC: 64, k: 3, stride: 1, padding: 'same' },
  { name: 'conv128_down 3x3/2', h: 17, w: 17, inC: 64, outC: 128, k: 3, stride: 2, padding: 'valid' },
  { name: 'conv128 3x3', h: 8, w: 8, inC: 128, outC: 128, k: 3, stride: 1, padding: 'same' },
  { name: 'conv256_down 3x3/2', h: 8, w: 8, inC: 128, outC: 256, k: 3, stride: 2, padding: 'valid' },
  { name: 'conv256 3x3', h: 4, w: 4, inC: 256, outC: 256, k: 3, stride: 1, padding: 'same' },
  { name: 'conv256_down_out 3x3/2', h: 4, w: 4, inC: 256, outC: 256, k: 3, stride: 2, padding: 'valid' },
  // The SSD detector's 1×1 convolutions (run as a matrix product, matmul.wgsl), which carry most of its arithmetic.
  { name: 'ssd pw3 1x1', h: 128, w: 128, inC: 128, outC: 128, k: 1, stride: 1, padding: 'same' },
  { name: 'ssd pw7 1x1', h: 32, w: 32, inC: 512, outC: 512, k: 1, stride: 1, padding: 'same' },
  { name: 'ssd pw13 1x1', h: 16, w: 16, inC: 1024, outC: 1024, k: 1, stride: 1, padding: 'same' },
];
const MATMULS = [1, 8, 32].map((m) => ({ name: `fc [${m},256]x[256,128]`, m, k: 256, n: 128 }));

function outSide(size: number, k: number, stride: number, padding: Padding) {
  return padding === 'same' ? Math.ceil(size / stride) : Math.ceil((size - k + 1) / stride);
}

it('kernel benchmark', async () => {
  const context = await GpuContext.create();
  const adapter = context.describeAdapter();
  const tf = await loadTfjs();
  await useBackend(tf, 'webgpu');

  const ours = async (dispatch: Dispatch, output: Tensor) => {
    const encoder = context.device.createCommandEncoder();
    encodeDispatches(
      encoder,
      Array.from({ length: REPEAT }, () => dispatch),
    );
    context.device.queue.submit([encoder.finish()]);
    await readTensor(context, output);
  };

  const rows: Record<string, unknown>[] = [];
  for (const c of CONVS) {
    const x = randomArray(c.h * c.w * c.inC, 1);
    const f = randomArray(c.k * c.k * c.inC * c.outC, 2, -0.1, 0.1);
    const bias = randomArray(c.outC, 3);
    const input = uploadTensor(context, [1, c.h, c.w, c.inC], x);
    const filter = uploadConv2dFilter(context, {
      kH: c.k,
      kW: c.k,
      inC: c.inC,
      outC: c.outC,
      weights: f,
      bias,
      activation: { kind: 'relu' },
    });
    const call = await context.checked('conv', () =>
      conv2d(context, input, filter, { stride: c.stride, padding: c.padding }),
    );
    const mine = await time(() => ours(call.dispatch, call.output), { warmup: 3, samples: 15 });

    const tx = tf.tensor4d(x, [1, c.h, c.w, c.inC]);
    const tfFilter = tf.tensor4d(f, [c.k, c.k, c.inC, c.outC]);
    const tb = tf.tensor1d(bias);
    const reference = await time(
      async () => {
        let y;
        for (let i = 0; i < REPEAT; i++) {
          y?.dispose();
          y = tf.fused.conv2d({
            x: tx,
            filter: tfFilter,
            strides: c.stride,
            pad: c.padding,
            bias: tb,
            activation: 'relu',
          });
        }
        await y.data();
        y.dispose();
      },
      { warmup: 3, samples: 15 },
    );
    tx.dispose();
    tfFilter.dispose();
    tb.dispose();

    const oh = outSide(c.h, c.k, c.stride, c.padding);
    const ow = outSide(c.w, c.k, c.stride, c.padding);
    const macs = oh * ow * c.outC * c.k * c.k * c.inC;
    const perOp = mine.medianMs / REPEAT;
    const refPerOp = reference.medianMs / REPEAT;
    rows.push({
      kernel: 'conv2d',
      shape: `${c.name} x=[1,${c.h},${c.w},${c.inC}]→[1,${oh},${ow},${c.outC}]`,
      macs,
      oursMs: perOp,
      tfjsWebgpuMs: refPerOp,
      oursGflops: (2 * macs) / (perOp * 1e6),
      tfjsGflops: (2 * macs) / (refPerOp * 1e6),
      ratio: perOp / refPerOp,
    });
    input.buffer.destroy();
    filter.buffer.destroy();
    filter.channelParams.destroy();
    call.output.buffer.destroy();
  }
  for (const mm of MATMULS) {
    const x = randomArray(mm.m * mm.k, 4);
    const wts = randomArray(mm.k * mm.n, 5, -0.1, 0.1);
    const input = uploadTensor(context, [mm.m, mm.k], x);
    const weights = uploadMatmulWeights(context, { k: mm.k, n: mm.n, weights: wts });
    const call = await context.checked('matmul', () => matmul(context, input, weights));
    const mine = await time(() => ours(call.dispatch, call.output), { warmup: 3, samples: 15 });
    const tx = tf.tensor2d(x, [mm.m, mm.k]);
    const tw = tf.tensor2d(wts, [mm.k, mm.n]);
    const reference = await time(
      async () => {
        let y;
        for (let i = 0; i < REPEAT; i++) {
          y?.dispose();
          y = tf.matMul(tx, tw);
        }
        await y.data();
        y.dispose();
      },
      { warmup: 3, samples: 15 },
    );
    tx.dispose();
    tw.dispose();
    const macs = mm.m * mm.k * mm.n;
    const perOp = mine.medianMs / REPEAT;
    const refPerOp = reference.medianMs / REPEAT;
    rows.push({
      kernel: 'matmul',
      shape: mm.name,
      macs,
      oursMs: perOp,
      tfjsWebgpuMs: refPerOp,
      oursGflops: (2 * macs) / (perOp * 1e6),
      tfjsGflops: (2 * macs) / (refPerOp * 1e6),
      ratio: perOp / refPerOp,
    });
  }

  const table = markdownTable(
    ['kernel', 'shape', 'ours ms', 'tfjs-webgpu ms', 'ours GFLOP/s', 'tfjs GFLOP/s', 'ours/tfjs'],
    rows.map((r) => [
      r.kernel as string,
      r.shape as string,
      fmt(r.oursMs as number),
      fmt(r.tfjsWebgpuMs as number),
      (r.oursGflops as number).toFixed(2),
      (r.tfjsGflops as number).toFixed(2),
      (r.ratio as number).toFixed(2),
    ]),
  );
  const header = `Adapter: ${adapter.vendor} ${adapter.architecture} ${adapter.device} ${adapter.description}`.trim();
  console.log(`\n${header}\nper-op medians over 15 samples of ${REPEAT} ops after 3 warm-up samples\n\n${table}\n`);
  mkdirSync('bench/results', { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(
    `bench/results/kernels-${stamp}.json`,
    JSON.stringify({ adapter, repeat: REPEAT, rows, date: new Date().toISOString() }, null, 2),
  );
  writeFileSync(`bench/results/kernels-${stamp}.md`, `${header}\n\n${table}\n`);
  context.dispose();
});
