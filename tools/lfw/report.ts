// The evaluation's outputs: a ROC plot as hand-written SVG and a markdown summary. Pure string builders.
import type { RocPoint, VerificationMetrics } from './metrics';

export interface PipelineReport {
  /** Short name, e.g. "ours ms-centre-chip-flip" or "face-api (tfjs wasm)". */
  name: string;
  pipeline: string;
  modelId: string;
  metrics: VerificationMetrics;
  roc: RocPoint[];
  images: number;
  failures: {
    /** Images where the detector found no face (the fallback box was used). */
    images: number;
    imageList: string[];
    /** Pairs with at least one such image. */
    pairs: number;
    /** Accuracy at the 10-fold thresholds over the pairs without a fallback image. */
    accuracyWithoutFallbackPairs: number | null;
    handling: string;
  };
  timing: { imagesComputed: number; msPerImage: number | null; note: string };
}

const COLOURS = [
  '#d62728',
  '#1f77b4',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#7f7f7f',
  '#bcbd22',
];

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** ROC curves (TAR against FAR on a log axis from 1e-4 to 1), one per pipeline, as an SVG document. */
export function rocSvg(curves: readonly { name: string; roc: readonly RocPoint[] }[], title: string): string {
  const width = 720;
  const height = 480;
  const m = { left: 64, right: 24, top: 40, bottom: 56 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const minLog = -4;
  // TAR axis: from a round value below the lowest TAR shown at FAR 1e-4, to 1.
  let lowest = 1;
  for (const c of curves) lowest = Math.min(lowest, tarAt(c.roc, 10 ** minLog));
  const yMin = Math.max(0, Math.min(0.9, Math.floor((lowest - 0.02) * 20) / 20));
  const x = (far: number) => m.left + ((Math.log10(Math.max(far, 10 ** minLog)) - minLog) / -minLog) * plotW;
  const y = (tar: number) => m.top + (1 - (tar - yMin) / (1 - yMin)) * plotH;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="15">${escapeXml(title)}</text>`,
  );
  // Grid and axes.
  for (let e = minLog; e <= 0; e++) {
    const gx = x(10 ** e);
    parts.push(`<line x1="${gx.toFixed(1)}" y1="${m.top}" x2="${gx.toFixed(1)}" y2="${m.top + plotH}" stroke="#ddd"/>`);
    parts.push(`<text x="${gx.toFixed(1)}" y="${m.top + plotH + 18}" text-anchor="middle">1e${e}</text>`);
    if (e < 0) {
      for (let k = 2; k < 10; k++) {
        const mx = x(k * 10 ** e);
        parts.push(
          `<line x1="${mx.toFixed(1)}" y1="${m.top + plotH}" x2="${mx.toFixed(1)}" y2="${m.top + plotH - 4}" stroke="#999"/>`,
        );
      }
    }
  }
  const yStep = 1 - yMin > 0.3 ? 0.1 : 0.05;
  for (let t = 1; t >= yMin - 1e-9; t -= yStep) {
    const gy = y(t);
    parts.push(
      `<line x1="${m.left}" y1="${gy.toFixed(1)}" x2="${m.left + plotW}" y2="${gy.toFixed(1)}" stroke="#ddd"/>`,
    );
    parts.push(`<text x="${m.left - 6}" y="${(gy + 4).toFixed(1)}" text-anchor="end">${t.toFixed(2)}</text>`);
  }
  parts.push(`<rect x="${m.left}" y="${m.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`);
  parts.push(
    `<text x="${m.left + plotW / 2}" y="${height - 14}" text-anchor="middle">false accept rate (different-person pairs accepted), log scale</text>`,
  );
  parts.push(
    `<text x="16" y="${m.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 16 ${m.top + plotH / 2})">true accept rate</text>`,
  );
  // Curves: step functions through the ROC points.
  curves.forEach((curve, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const pts: string[] = [];
    let tar = tarAt(curve.roc, 10 ** minLog);
    pts.push(`${x(10 ** minLog).toFixed(1)},${y(tar).toFixed(1)}`);
    for (const p of curve.roc) {
      if (p.falseMatchRate <= 10 ** minLog) continue;
      const next = 1 - p.falseNonMatchRate;
      pts.push(`${x(p.falseMatchRate).toFixed(1)},${y(tar).toFixed(1)}`);
      tar = next;
      pts.push(`${x(p.falseMatchRate).toFixed(1)},${y(Math.max(tar, yMin)).toFixed(1)}`);
    }
    parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="1.8" points="${pts.join(' ')}"/>`);
    const ly = m.top + plotH - 14 - (curves.length - 1 - i) * 18;
    if (i === 0) {
      const boxTop = m.top + plotH - 14 - (curves.length - 1) * 18 - 16;
      parts.push(
        `<rect x="${m.left + plotW - 308}" y="${boxTop}" width="300" height="${curves.length * 18 + 8}" fill="white" fill-opacity="0.85" stroke="#ccc"/>`,
      );
    }
    parts.push(
      `<line x1="${m.left + plotW - 300}" y1="${ly - 4}" x2="${m.left + plotW - 276}" y2="${ly - 4}" stroke="${colour}" stroke-width="2"/>`,
    );
    parts.push(`<text x="${m.left + plotW - 270}" y="${ly}">${escapeXml(curve.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

/** Highest TAR with FAR ≤ far on a full ROC. */
function tarAt(roc: readonly RocPoint[], far: number): number {
  let tar = 0;
  for (const p of roc) if (p.falseMatchRate <= far) tar = Math.max(tar, 1 - p.falseNonMatchRate);
  return tar;
}

const pct = (v: number, digits = 2) => `${(100 * v).toFixed(digits)}%`;

export interface MarkdownInput {
  title: string;
  generated: string;
  settings: Record<string, string | number | boolean>;
  reports: readonly PipelineReport[];
  svgFile: string;
  notes: readonly string[];
}

export function markdownSummary(input: MarkdownInput): string {
  const lines: string[] = [];
  lines.push(`# ${input.title}`, '', `Generated ${input.generated}.`, '');
  lines.push('## Settings', '');
  for (const [k, v] of Object.entries(input.settings)) lines.push(`- ${k}: ${String(v)}`);
  lines.push('', '## Results', '');
  const op = input.reports[0]?.metrics.operatingPoint.targetFalseMatchRate ?? 1e-3;
  const foldCount = input.reports[0]?.metrics.tenFold.folds.length ?? 10;
  lines.push(
    `| pipeline | ${foldCount}-fold accuracy | AUC | EER | TAR@FAR 1e-2 | TAR@FAR 1e-3 | threshold @ FMR ${op} | FNMR there | no face detected (images / pairs) |`,
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const r of input.reports) {
    const m = r.metrics;
    const tar = (far: number) => {
      const t = m.tarAtFar.find((e) => e.far === far);
      return t ? pct(t.tar) : '-';
    };
    lines.push(
      `| ${r.name} | ${pct(m.tenFold.meanAccuracy)} ± ${pct(m.tenFold.standardError)} | ${m.auc.toFixed(4)} | ${pct(m.eer)} | ${tar(1e-2)} | ${tar(1e-3)} | ${m.operatingPoint.threshold.toFixed(4)} | ${pct(m.operatingPoint.falseNonMatchRate)} | ${r.failures.images} / ${r.failures.pairs} |`,
    );
  }
  lines.push('', `![ROC](${input.svgFile})`, '');
  lines.push('## Per-fold accuracy', '');
  const folds = input.reports[0]?.metrics.tenFold.folds.map((f) => f.fold) ?? [];
  lines.push(
    `| pipeline | ${folds.map((f) => `fold ${f}`).join(' | ')} |`,
    `|---|${folds.map(() => '---').join('|')}|`,
  );
  for (const r of input.reports) {
    lines.push(
      `| ${r.name} | ${r.metrics.tenFold.folds.map((f) => `${pct(f.accuracy, 1)} (t=${f.threshold.toFixed(3)})`).join(' | ')} |`,
    );
  }
  lines.push('', '## Detection failures', '');
  for (const r of input.reports) {
    const f = r.failures;
    lines.push(
      `- **${r.name}**: no face on ${f.images} of ${r.images} images, in ${f.pairs} of ${r.metrics.pairs} pairs. ${f.handling}` +
        (f.accuracyWithoutFallbackPairs === null
          ? ''
          : ` Accuracy (10-fold thresholds) on the pairs without them: ${pct(f.accuracyWithoutFallbackPairs)}.`) +
        (f.imageList.length
          ? ` Examples: ${f.imageList
              .slice(0, 8)
              .map((s) => `\`${s}\``)
              .join(', ')}.`
          : ''),
    );
  }
  lines.push('', '## Timing', '');
  for (const r of input.reports) {
    lines.push(
      `- **${r.name}**: ${r.timing.imagesComputed} images computed in this run` +
        (r.timing.msPerImage === null ? '' : `, ${r.timing.msPerImage.toFixed(0)} ms per image`) +
        `. ${r.timing.note}`,
    );
  }
  if (input.notes.length) {
    lines.push('', '## Notes', '');
    for (const n of input.notes) lines.push(`- ${n}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * JSON with two-space indentation, except that arrays of numbers/strings and small flat objects stay on
 * one line (ROC points, per-fold results, distances), which keeps the result files readable and diffable.
 */
export function toJson(value: unknown, indent = ''): string {
  const isFlat = (v: unknown) => v === null || typeof v !== 'object';
  if (isFlat(value)) return JSON.stringify(value) ?? 'null';
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isFlat)) return JSON.stringify(value);
    return `[\n${value.map((v) => inner + toJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  if (entries.length <= 8 && entries.every(([, v]) => isFlat(v))) return JSON.stringify(value);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${toJson(v, inner)}`).join(',\n')}\n${indent}}`;
}
