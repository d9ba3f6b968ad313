// Helpers shared by the benchmarks: warm-up, then the median (and p90, min) of N samples; tables; slopes.
export interface Timing {
  medianMs: number;
  p90Ms: number;
  minMs: number;
  samples: number;
}

export async function time(
  run: () => Promise<unknown>,
  options: { warmup?: number; samples?: number } = {},
): Promise<Timing> {
  const { warmup = 2, samples = 10 } = options;
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    medianMs: times[Math.floor(times.length / 2)]!,
    p90Ms: times[Math.min(times.length - 1, Math.floor(times.length * 0.9))]!,
    minMs: times[0]!,
    samples,
  };
}

export const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Least-squares slope of y over x (the soaks' growth per call). */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}
