// A 1-D range of threads laid out on a 2-D grid of workgroups, for kernels with one thread per element
// (or per group of 4 channels). A 1-D dispatch of 64-thread groups stops at 65535 * 64 ≈ 4.2 M threads
// (a padded 720p frame has more), so past the per-dimension limit the groups wrap into y.
// The shader recovers the thread index as gid.y * (num_workgroups.x * WG) + gid.x and returns past
// the end; both the wrap and the tail are cheap.
import type { GpuContext } from '../gpu-context';

export function linearGrid(context: GpuContext, threads: number, workgroupSize: number): [number, number, number] {
  const groups = Math.max(1, Math.ceil(threads / workgroupSize));
  const limit = context.limits.maxComputeWorkgroupsPerDimension;
  if (groups <= limit) return [groups, 1, 1];
  const rows = Math.ceil(groups / limit);
  if (rows > limit) throw new Error(`dispatch of ${threads} threads exceeds the device's workgroup limits`);
  return [Math.ceil(groups / rows), rows, 1];
}
