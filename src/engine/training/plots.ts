// SVG text for the experiment's two pictures, shared by the Node tool (files in results/) and the Lab
// view (inline): a scatter plot of 2-D features coloured by class, and loss curves. Plain strings, no
// DOM, so that the same code draws in Node and in the browser.

/** Ten distinguishable colours (Tableau 10), cycled past ten classes. */
export const CLASS_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Frame {
  width: number;
  height: number;
  margin: number;
}

function extent(values: ArrayLike<number>): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  }
  if (!(low <= high)) return [0, 1];
  if (low === high) return [low - 1, high + 1];
  return [low, high];
}

/** Scatter of `features` ([count, 2]) coloured by `labels`, with a legend of `classNames`. */
export function scatterSvg(
  title: string,
  features: Float32Array,
  labels: ArrayLike<number>,
  classNames: readonly string[],
): string {
  const frame: Frame = { width: 420, height: 360, margin: 30 };
  const legendWidth = 150;
  const xs = Float32Array.from({ length: labels.length }, (_, i) => features[2 * i]!);
  const ys = Float32Array.from({ length: labels.length }, (_, i) => features[2 * i + 1]!);
  // Square scale (same units on both axes), centred on the data, so that angles and radii read truly.
  const [x0, x1] = extent(xs);
  const [y0, y1] = extent(ys);
  const span = Math.max(x1 - x0, y1 - y0) * 1.08;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const plot = Math.min(frame.width, frame.height) - 2 * frame.margin;
  const px = (x: number) => frame.margin + ((x - cx) / span + 0.5) * plot;
  const py = (y: number) => frame.margin + (0.5 - (y - cy) / span) * plot;
  const points = Array.from({ length: labels.length }, (_, i) => {
    const colour = CLASS_COLOURS[labels[i]! % CLASS_COLOURS.length];
    return `<circle cx="${px(xs[i]!).toFixed(1)}" cy="${py(ys[i]!).toFixed(1)}" r="3" fill="${colour}" fill-opacity="0.8"/>`;
  });
  // The axes through the origin, where the origin is inside the plot.
  const inside = (v: number) => v >= frame.margin && v <= frame.margin + plot;
  const origin =
    (inside(px(0))
      ? `<line x1="${px(0).toFixed(1)}" y1="${frame.margin}" x2="${px(0).toFixed(1)}" y2="${frame.margin + plot}" stroke="#ccc"/>`
      : '') +
    (inside(py(0))
      ? `<line x1="${frame.margin}" y1="${py(0).toFixed(1)}" x2="${frame.margin + plot}" y2="${py(0).toFixed(1)}" stroke="#ccc"/>`
      : '');
  const legend = classNames.map(
    (name, c) =>
      `<circle cx="${plot + 2 * frame.margin + 6}" cy="${frame.margin + 8 + c * 18}" r="5" fill="${CLASS_COLOURS[c % CLASS_COLOURS.length]}"/>` +
      `<text x="${plot + 2 * frame.margin + 16}" y="${frame.margin + 12 + c * 18}" font-size="11">${escape(name.replace(/_/g, ' '))}</text>`,
  );
  const width = plot + 2 * frame.margin + legendWidth;
  const height = plot + 2 * frame.margin;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="sans-serif">` +
    `<rect width="100%" height="100%" fill="white"/><text x="${frame.margin}" y="18" font-size="13">${escape(title)}</text>` +
    `<rect x="${frame.margin}" y="${frame.margin}" width="${plot}" height="${plot}" fill="none" stroke="#888"/>` +
    origin +
    points.join('') +
    legend.join('') +
    '</svg>'
  );
}

export interface CurveSeries {
  name: string;
  colour: string;
  /** [x, y] points in x order. */
  points: readonly (readonly [number, number])[];
}

/** Line chart of several series on shared axes (x: training step; y: loss, from 0). */
export function curvesSvg(title: string, series: readonly CurveSeries[], xLabel = 'step', yLabel = 'loss'): string {
  const width = 560;
  const height = 300;
  const left = 50;
  const right = 160;
  const top = 30;
  const bottom = 40;
  const all = series.flatMap((s) => s.points);
  const [, xMax] = extent(all.map((p) => p[0]));
  const [, yMax] = extent(all.map((p) => p[1]));
  const px = (x: number) => left + (x / (xMax || 1)) * (width - left - right);
  const py = (y: number) => top + (1 - y / (yMax || 1)) * (height - top - bottom);
  const lines = series.map((s) =>
    s.points.length
      ? `<polyline fill="none" stroke="${s.colour}" stroke-width="1.5" points="${s.points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ')}"/>`
      : '',
  );
  const legend = series.map(
    (s, i) =>
      `<line x1="${width - right + 10}" x2="${width - right + 30}" y1="${top + 10 + i * 18}" y2="${top + 10 + i * 18}" stroke="${s.colour}" stroke-width="2"/>` +
      `<text x="${width - right + 36}" y="${top + 14 + i * 18}" font-size="11">${escape(s.name)}</text>`,
  );
  const ticks = [0, 0.5, 1].map(
    (f) =>
      `<text x="${left - 6}" y="${(py(f * yMax) + 4).toFixed(1)}" font-size="10" text-anchor="end">${(f * yMax).toPrecision(3)}</text>` +
      `<text x="${px(f * xMax).toFixed(1)}" y="${height - bottom + 14}" font-size="10" text-anchor="middle">${Math.round(f * xMax)}</text>`,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="sans-serif">` +
    `<rect width="100%" height="100%" fill="white"/><text x="${left}" y="18" font-size="13">${escape(title)}</text>` +
    `<rect x="${left}" y="${top}" width="${width - left - right}" height="${height - top - bottom}" fill="none" stroke="#888"/>` +
    ticks.join('') +
    lines.join('') +
    legend.join('') +
    `<text x="${(left + width - right) / 2}" y="${height - 8}" font-size="11" text-anchor="middle">${escape(xLabel)}</text>` +
    `<text x="12" y="${(top + height - bottom) / 2}" font-size="11" transform="rotate(-90 12 ${(top + height - bottom) / 2})" text-anchor="middle">${escape(yLabel)}</text>` +
    '</svg>'
  );
}
