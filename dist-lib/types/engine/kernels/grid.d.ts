import type { GpuContext } from '../gpu-context';
export declare function linearGrid(context: GpuContext, threads: number, workgroupSize: number): [number, number, number];
