// Uniform structs, declared once per kernel in TS: the WGSL file and struct they feed, and each field's
// name and type in declaration order. Values are written by name, so a kernel cannot put a value in the
// wrong slot; tests/kernels/uniform-layouts.test.ts parses each WGSL struct and checks that it declares
// the same fields in the same order with the same types.
import type { GpuContext } from '../gpu-context';

export type UniformType = 'u32' | 'i32' | 'f32' | 'vec2<i32>' | 'vec2<f32>' | 'vec4<f32>';

export interface UniformLayout<Fields extends Record<string, UniformType>> {
  /** The shader file under shaders/ that declares the struct. */
  readonly shader: string;
  /** The struct's name in that file. */
  readonly struct: string;
  readonly fields: Fields;
}

/** Field values by name; fields named `_...` are padding, written as 0. */
export type UniformValues<Fields extends Record<string, UniformType>> = {
  readonly [Name in keyof Fields as Name extends `_${string}` ? never : Name]: Fields[Name] extends `vec${string}`
    ? readonly number[]
    : number;
};

export function uniformLayout<const Fields extends Record<string, UniformType>>(
  shader: string,
  struct: string,
  fields: Fields,
): UniformLayout<Fields> {
  return { shader, struct, fields };
}

const SIZE: Record<UniformType, number> = { u32: 4, i32: 4, f32: 4, 'vec2<i32>': 8, 'vec2<f32>': 8, 'vec4<f32>': 16 };

/** Byte offset of each field and the struct's size, by WGSL's layout rules (alignment = size here). */
export function uniformOffsets(fields: Record<string, UniformType>): { offsets: Record<string, number>; size: number } {
  const offsets: Record<string, number> = {};
  let offset = 0;
  for (const [name, type] of Object.entries(fields)) {
    const size = SIZE[type];
    offset = Math.ceil(offset / size) * size;
    offsets[name] = offset;
    offset += size;
  }
  return { offsets, size: Math.max(16, Math.ceil(offset / 16) * 16) };
}

/** The struct's bytes. */
export function packUniforms<Fields extends Record<string, UniformType>>(
  layout: UniformLayout<Fields>,
  values: UniformValues<Fields>,
): ArrayBuffer {
  const { offsets, size } = uniformOffsets(layout.fields);
  const view = new DataView(new ArrayBuffer(size));
  const byName = values as Record<string, number | readonly number[] | undefined>;
  for (const [name, type] of Object.entries(layout.fields)) {
    const value = byName[name] ?? (name.startsWith('_') ? 0 : undefined);
    if (value === undefined) throw new Error(`${layout.shader}: no value for uniform ${name}`);
    const offset = offsets[name]!;
    const components = typeof value === 'number' ? [value] : value;
    const count = SIZE[type] / 4;
    if (components.length > count) throw new Error(`${layout.shader}: ${components.length} values for ${type} ${name}`);
    for (let i = 0; i < count; i++) {
      const v = components[i] ?? 0;
      if (type === 'u32') view.setUint32(offset + 4 * i, v, true);
      else if (type.includes('i32')) view.setInt32(offset + 4 * i, v, true);
      else view.setFloat32(offset + 4 * i, v, true);
    }
  }
  return view.buffer;
}

/** A uniform buffer holding the struct. */
export function uniformBuffer<Fields extends Record<string, UniformType>>(
  context: GpuContext,
  layout: UniformLayout<Fields>,
  values: UniformValues<Fields>,
  label: string,
): GPUBuffer {
  const data = packUniforms(layout, values);
  const buffer = context.createBuffer({
    size: data.byteLength,
    usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    label,
  });
  context.device.queue.writeBuffer(buffer, 0, data);
  return buffer;
}

/** Rewrites a buffer made by uniformBuffer() with new values of the same layout. */
export function writeUniforms<Fields extends Record<string, UniformType>>(
  context: GpuContext,
  buffer: GPUBuffer,
  layout: UniformLayout<Fields>,
  values: UniformValues<Fields>,
): void {
  context.device.queue.writeBuffer(buffer, 0, packUniforms(layout, values));
}
