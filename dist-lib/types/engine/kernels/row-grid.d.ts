import type { GpuContext } from '../gpu-context';
import { type Shape } from '../tensor';
export interface RowGrid {
    rows: number;
    cols: number;
    /** Threads per row (a power of two, at most 64). */
    wgX: number;
    /** Rows per workgroup (64 / wgX). */
    wgY: number;
    workgroups: [number, number, number];
}
export declare function rowGrid(context: GpuContext, shape: Shape, label: string): RowGrid;
