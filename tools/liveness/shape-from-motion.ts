// Structure from motion under scaled orthographic projection (Tomasi & Kanade 1992, with the metric
// constraints of Weinshall & Tomasi for scaled orthography): many 2D views of one rigid point set, each
// at its own rotation and scale, give the point set's 3D shape up to a rotation, a scale and a mirror
// image in depth. Used by tools/derive-mean-face.ts on LFW landmarks (many people: the result is the
// shape that explains them all best, i.e. a mean face).
import { symmetricEigen } from '../../src/liveness/linear-algebra';

export interface Factorisation {
  /** The 3D shape, one [x, y, z] per point, centred; in a frame of its own (axes not yet chosen). */
  shape: [number, number, number][];
  /** Per view: the two projection rows (scaled, orthogonal) that map the shape to the view. */
  motion: [number, number, number][][];
  /** Per view: RMS distance between its points and the projected shape, over the view's RMS radius. */
  viewResidual: number[];
  /** Eigenvalues of the metric matrix QQᵀ, descending; all positive when the views fit a rigid shape. */
  metricEigenvalues: number[];
}

/**
 * Factorises views (each: n points as x,y pairs with y up) into a 3D shape and per-view projections.
 * Each view is centred and scaled to unit RMS radius first, so that every view counts the same.
 */
export function factorise(views: readonly ArrayLike<number>[], pointCount: number): Factorisation {
  if (views.length < 3) throw new Error(`factorise: needs at least 3 views, got ${views.length}`);
  const n = pointCount;
  const rows: number[][] = [];
  for (const view of views) {
    if (view.length !== 2 * n) throw new Error(`factorise: expected ${2 * n} numbers per view, got ${view.length}`);
    const x = Array.from({ length: n }, (_, i) => view[2 * i]!);
    const y = Array.from({ length: n }, (_, i) => view[2 * i + 1]!);
    const mx = x.reduce((a, b) => a + b, 0) / n;
    const my = y.reduce((a, b) => a + b, 0) / n;
    const radius = Math.sqrt(x.reduce((a, v, i) => a + (v - mx) ** 2 + (y[i]! - my) ** 2, 0) / n) || 1;
    rows.push(
      x.map((v) => (v - mx) / radius),
      y.map((v) => (v - my) / radius),
    );
  }
  // Rank-3 factorisation W ≈ M̃·S̃ through the eigen-decomposition of WᵀW (n×n).
  const gram = new Array<number>(n * n).fill(0);
  for (const row of rows) for (let a = 0; a < n; a++) for (let b = a; b < n; b++) gram[a * n + b]! += row[a]! * row[b]!;
  for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) gram[a * n + b] = gram[b * n + a]!;
  const eigen = symmetricEigen(gram, n);
  const top = [n - 1, n - 2, n - 3];
  // S̃ = Λ^½ Vᵀ (3×n); M̃ = W V Λ^-½.
  const affineShape = top.map((k) => eigen.vectors[k]!.map((v) => v * Math.sqrt(eigen.values[k]!)));
  const affineMotion = rows.map((row) =>
    top.map((k) => row.reduce((a, v, i) => a + v * eigen.vectors[k]![i]!, 0) / Math.sqrt(eigen.values[k]!)),
  );

  // Metric upgrade: find L = QQᵀ (symmetric 3×3) with, for each view's rows a, b:
  // aLaᵀ = bLbᵀ (equal scale on both image axes) and aLbᵀ = 0 (orthogonal axes). Homogeneous in L's
  // six entries: the least-squares solution is the eigenvector of the smallest eigenvalue of AᵀA.
  const quad = (a: number[], b: number[]) => [
    a[0]! * b[0]!,
    a[0]! * b[1]! + a[1]! * b[0]!,
    a[0]! * b[2]! + a[2]! * b[0]!,
    a[1]! * b[1]!,
    a[1]! * b[2]! + a[2]! * b[1]!,
    a[2]! * b[2]!,
  ];
  const ata = new Array<number>(36).fill(0);
  for (let v = 0; v < views.length; v++) {
    const a = affineMotion[2 * v]!;
    const b = affineMotion[2 * v + 1]!;
    const aa = quad(a, a);
    const bb = quad(b, b);
    for (const eq of [aa.map((x, i) => x - bb[i]!), quad(a, b)]) {
      for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) ata[6 * i + j]! += eq[i]! * eq[j]!;
    }
  }
  const l6 = symmetricEigen(ata, 6).vectors[0]!;
  let l = [l6[0]!, l6[1]!, l6[2]!, l6[1]!, l6[3]!, l6[4]!, l6[2]!, l6[4]!, l6[5]!];
  if (l[0]! + l[4]! + l[8]! < 0) l = l.map((v) => -v);
  const metric = symmetricEigen(l, 3);
  if (metric.values[0]! <= 0) {
    throw new Error(
      `factorise: the views do not fit a rigid shape (metric eigenvalues ${metric.values.map((v) => v.toExponential(2)).join(', ')})`,
    );
  }
  // Q = U Λ^½ (so QQᵀ = L); shape = Q⁻¹ S̃ = Λ^-½ Uᵀ S̃; motion = M̃ Q.
  const u = metric.vectors; // rows are eigenvectors
  const shapeRows = u.map((ev, k) =>
    Array.from(
      { length: n },
      (_, i) =>
        (ev[0]! * affineShape[0]![i]! + ev[1]! * affineShape[1]![i]! + ev[2]! * affineShape[2]![i]!) /
        Math.sqrt(metric.values[k]!),
    ),
  );
  const motionRows = affineMotion.map((m) =>
    u.map((ev, k) => (m[0]! * ev[0]! + m[1]! * ev[1]! + m[2]! * ev[2]!) * Math.sqrt(metric.values[k]!)),
  );
  const shape = Array.from(
    { length: n },
    (_, i) => [shapeRows[0]![i]!, shapeRows[1]![i]!, shapeRows[2]![i]!] as [number, number, number],
  );
  const viewResidual = views.map((_, v) => {
    let squared = 0;
    for (let c = 0; c < 2; c++) {
      const m = motionRows[2 * v + c]!;
      const row = rows[2 * v + c]!;
      for (let i = 0; i < n; i++)
        squared += (row[i]! - (m[0]! * shape[i]![0] + m[1]! * shape[i]![1] + m[2]! * shape[i]![2])) ** 2;
    }
    return Math.sqrt(squared / n);
  });
  return {
    shape,
    motion: views.map((_, v) => [motionRows[2 * v]!, motionRows[2 * v + 1]!] as [number, number, number][]),
    viewResidual,
    metricEigenvalues: [...metric.values].reverse(),
  };
}
