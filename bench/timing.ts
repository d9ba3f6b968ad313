// Timing helpers shared by the benchmarks: warm-up, then the median (and p90, min) of N samples.
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
