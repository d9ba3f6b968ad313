// Each kernel's uniform layout (declared once in TS, written by name) against the WGSL struct it feeds,
// parsed from the shader file: the same fields, in the same order, with the same types. A field
// reordered or retyped on either side fails here instead of feeding the kernel garbage.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADD_UNIFORMS } from '../../src/engine/kernels/add';
import { BIAS_BACKWARD_UNIFORMS } from '../../src/engine/kernels/bias-backward';
import { CENTER_LOSS_UNIFORMS, CENTER_UPDATE_UNIFORMS } from '../../src/engine/kernels/center-loss';
import { CONV2D_UNIFORMS } from '../../src/engine/kernels/conv2d';
import { CONV2D_BACKWARD_FILTER_UNIFORMS } from '../../src/engine/kernels/conv2d-backward-filter';
import { CONV2D_BACKWARD_INPUT_UNIFORMS } from '../../src/engine/kernels/conv2d-backward-input';
import { CONV2D_FILTER_FLIP_UNIFORMS } from '../../src/engine/kernels/conv2d-filter-flip';
import { DEPTHWISE_CONV2D_UNIFORMS } from '../../src/engine/kernels/depthwise-conv2d';
import { GLOBAL_MEAN_UNIFORMS } from '../../src/engine/kernels/global-mean';
import { HEAD_GATHER_UNIFORMS } from '../../src/engine/kernels/head-gather';
import { IMAGE_TO_TENSOR_UNIFORMS } from '../../src/engine/kernels/image-to-tensor';
import { L2_NORMALIZE_UNIFORMS } from '../../src/engine/kernels/l2-normalize';
import { L2_NORMALIZE_BACKWARD_UNIFORMS } from '../../src/engine/kernels/l2-normalize-backward';
import { MATMUL_UNIFORMS } from '../../src/engine/kernels/matmul';
import { MATMUL_BACKWARD_UNIFORMS } from '../../src/engine/kernels/matmul-backward';
import { PAD_UNIFORMS } from '../../src/engine/kernels/pad';
import { POOL_UNIFORMS } from '../../src/engine/kernels/pool';
import { POOL_BACKWARD_UNIFORMS } from '../../src/engine/kernels/pool-backward';
import { PRELU_BACKWARD_UNIFORMS } from '../../src/engine/kernels/prelu-backward';
import { RELU_BACKWARD_UNIFORMS } from '../../src/engine/kernels/relu-backward';
import { SGD_UNIFORMS } from '../../src/engine/kernels/sgd';
import { SIGMOID_UNIFORMS } from '../../src/engine/kernels/sigmoid';
import { SIMILARITY_WARP_UNIFORMS } from '../../src/engine/kernels/similarity-warp';
import { SOFTMAX_CROSS_ENTROPY_UNIFORMS } from '../../src/engine/kernels/softmax-cross-entropy';
import {
  packUniforms,
  uniformLayout,
  uniformOffsets,
  type UniformLayout,
  type UniformType,
} from '../../src/engine/kernels/uniforms';

const SHADERS = join(import.meta.dirname, '../../shaders');

/** The fields of `struct name { ... }` in a WGSL source, as [name, type] in declaration order. */
function parseStruct(source: string, name: string): [string, string][] {
  const withoutComments = source.replace(/\/\/[^\n]*/g, '');
  const match = new RegExp(`struct\\s+${name}\\s*\\{([^}]*)\\}`).exec(withoutComments);
  if (!match) throw new Error(`no struct ${name}`);
  return [...match[1]!.matchAll(/(\w+)\s*:\s*([\w<>]+)/g)].map((m) => [m[1]!, m[2]!]);
}

const LAYOUTS: [string, UniformLayout<Record<string, UniformType>>][] = [
  ['add', ADD_UNIFORMS],
  ['bias-backward', BIAS_BACKWARD_UNIFORMS],
  ['center-loss', CENTER_LOSS_UNIFORMS],
  ['center-update', CENTER_UPDATE_UNIFORMS],
  ['conv2d (and conv2d-subgroup)', CONV2D_UNIFORMS],
  ['conv2d-backward-filter', CONV2D_BACKWARD_FILTER_UNIFORMS],
  ['conv2d-backward-input', CONV2D_BACKWARD_INPUT_UNIFORMS],
  ['conv2d-filter-flip', CONV2D_FILTER_FLIP_UNIFORMS],
  ['depthwise-conv2d', DEPTHWISE_CONV2D_UNIFORMS],
  ['global-mean', GLOBAL_MEAN_UNIFORMS],
  ['head-gather', HEAD_GATHER_UNIFORMS],
  ['image-to-tensor', IMAGE_TO_TENSOR_UNIFORMS],
  ['l2-normalize', L2_NORMALIZE_UNIFORMS],
  ['l2-normalize-backward', L2_NORMALIZE_BACKWARD_UNIFORMS],
  ['matmul (and matmul-subgroup)', MATMUL_UNIFORMS],
  ['matmul-backward', MATMUL_BACKWARD_UNIFORMS],
  ['pad', PAD_UNIFORMS],
  ['pool', POOL_UNIFORMS],
  ['pool-backward', POOL_BACKWARD_UNIFORMS],
  ['prelu-backward', PRELU_BACKWARD_UNIFORMS],
  ['relu-backward', RELU_BACKWARD_UNIFORMS],
  ['sgd', SGD_UNIFORMS],
  ['sigmoid', SIGMOID_UNIFORMS],
  ['similarity-warp', SIMILARITY_WARP_UNIFORMS],
  ['softmax-cross-entropy', SOFTMAX_CROSS_ENTROPY_UNIFORMS],
];

describe.each(LAYOUTS)('%s uniforms', (_kernel, layout) => {
  it(`match struct ${layout.struct} of shaders/${layout.shader}`, () => {
    const wgsl = parseStruct(readFileSync(join(SHADERS, layout.shader), 'utf8'), layout.struct);
    expect(Object.entries(layout.fields)).toEqual(wgsl);
  });
});

describe('every kernel with a uniform struct is covered', () => {
  it('each shader declaring `var<uniform>` has its struct checked here', () => {
    const checked = new Set(LAYOUTS.map(([, layout]) => layout.shader));
    // Kernels whose struct lives in a shared snippet declare no struct of their own.
    const shared: Record<string, string> = {
      'conv2d.wgsl': 'conv2d-common.wgsl',
      'conv2d-subgroup.wgsl': 'conv2d-common.wgsl',
      'matmul.wgsl': 'matmul-common.wgsl',
      'matmul-subgroup.wgsl': 'matmul-common.wgsl',
    };
    const files = readdirShaders().filter(
      (file) => /var<uniform>/.test(readFileSync(join(SHADERS, file), 'utf8')) || shared[file],
    );
    for (const file of files) expect(checked.has(shared[file] ?? file), file).toBe(true);
  });
});

function readdirShaders(): string[] {
  return readdirSync(SHADERS).filter((f) => f.endsWith('.wgsl'));
}

describe('packing', () => {
  it('follows WGSL alignment: vec2 on 8 bytes, vec4 on 16, the struct rounded to 16', () => {
    const layout = uniformLayout('t.wgsl', 'P', { a: 'u32', b: 'vec2<f32>', c: 'f32', d: 'vec4<f32>' });
    expect(uniformOffsets(layout.fields)).toEqual({ offsets: { a: 0, b: 8, c: 16, d: 32 }, size: 48 });
  });

  it('writes each value at its field, typed, and padding as zero', () => {
    const layout = uniformLayout('t.wgsl', 'P', {
      n: 'u32',
      shift: 'i32',
      _pad0: 'u32',
      gain: 'f32',
      v: 'vec2<i32>',
      w: 'vec4<f32>',
    });
    const view = new DataView(packUniforms(layout, { n: 7, shift: -3, gain: 0.5, v: [1, -2], w: [1, 2, 3] }));
    expect([
      view.getUint32(0, true),
      view.getInt32(4, true),
      view.getUint32(8, true),
      view.getFloat32(12, true),
    ]).toEqual([7, -3, 0, 0.5]);
    expect([view.getInt32(16, true), view.getInt32(20, true)]).toEqual([1, -2]);
    expect([0, 1, 2, 3].map((i) => view.getFloat32(32 + 4 * i, true))).toEqual([1, 2, 3, 0]);
  });

  it('refuses a missing value and a vector with too many components', () => {
    const layout = uniformLayout('t.wgsl', 'P', { n: 'u32', v: 'vec2<f32>' });
    expect(() => packUniforms(layout, { n: 1 } as never)).toThrow(/no value for uniform v/);
    expect(() => packUniforms(layout, { n: 1, v: [1, 2, 3] })).toThrow(/3 values/);
  });
});

describe('parseStruct', () => {
  it('reads fields across lines, skipping comments', () => {
    expect(parseStruct('struct P {\n  a: u32, // x: f32\n  b: vec4<f32>,\n}', 'P')).toEqual([
      ['a', 'u32'],
      ['b', 'vec4<f32>'],
    ]);
  });
});
