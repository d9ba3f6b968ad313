// Shared by the row-wise reductions (softmax, l2-normalize): a tensor seen as [rows, cols] over its last
// axis, and the workgroup shape that gives each row a power-of-two team of threads.
import type { GpuContext } from '../gpu-context';
import { sizeOf, type Shape } from '../tensor';
import { groupsFor } from './dispatch';

const THREADS = 64;

export interface RowGrid {
  rows: number;
  cols: number;
  /** Threads per row (a power of two, at most 64). */
  wgX: number;
  /** Rows per workgroup (64 / wgX). */
  wgY: number;
  workgroups: [number, number, number];
}

export function rowGrid(context: GpuContext, shape: Shape, label: string): RowGrid {
  const cols = shape[shape.length - 1] ?? 1;
  const size = sizeOf(shape);
  if (size === 0) throw new Error(`${label}: empty tensor [${shape}]`);
  const rows = size / cols;
  const wgX = Math.min(2 ** Math.ceil(Math.log2(cols)), THREADS);
  const wgY = THREADS / wgX;
  return { rows, cols, wgX, wgY, workgroups: [1, groupsFor(context, rows, wgY), 1] };
}
