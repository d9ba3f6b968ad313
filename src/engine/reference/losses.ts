// Plain-TS oracle, in double precision, for shaders/softmax-cross-entropy.wgsl, center-loss.wgsl and
// center-update.wgsl.

/** Per-row loss -log softmax(z)[label] and the gradient of `scale` * (sum of the rows' losses). */
export function softmaxCrossEntropyReference(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
  scale: number,
) {
  const rows = labels.length;
  const loss = new Float64Array(rows);
  const dLogits = new Float64Array(rows * classes);
  for (let r = 0; r < rows; r++) {
    const row = Array.from({ length: classes }, (_, c) => logits[r * classes + c]!);
    const top = Math.max(...row);
    const total = row.reduce((sum, z) => sum + Math.exp(z - top), 0);
    loss[r] = Math.log(total) + top - row[labels[r]!]!;
    row.forEach((z, c) => (dLogits[r * classes + c] = scale * (Math.exp(z - top) / total - (c === labels[r] ? 1 : 0))));
  }
  return { loss, dLogits };
}

/** Per-row lambda/2 ||x_i - c_{y_i}||^2; its gradient (scaled by `scale`); the centres after the update. */
export function centerLossReference(
  features: ArrayLike<number>,
  labels: ArrayLike<number>,
  centres: ArrayLike<number>,
  dims: number,
  hyper: { lambda: number; alpha: number; scale: number },
) {
  const rows = labels.length;
  const loss = new Float64Array(rows);
  const dFeatures = new Float64Array(rows * dims);
  for (let i = 0; i < rows; i++)
    for (let d = 0; d < dims; d++) {
      const diff = features[i * dims + d]! - centres[labels[i]! * dims + d]!;
      loss[i]! += 0.5 * hyper.lambda * diff * diff;
      dFeatures[i * dims + d] = hyper.lambda * hyper.scale * diff;
    }
  const updated = Float64Array.from(centres);
  const classes = centres.length / dims;
  for (let j = 0; j < classes; j++) {
    const members = Array.from(labels).flatMap((y, i) => (y === j ? [i] : []));
    for (let d = 0; d < dims; d++) {
      const delta =
        members.reduce((sum, i) => sum + centres[j * dims + d]! - features[i * dims + d]!, 0) / (1 + members.length);
      updated[j * dims + d] = centres[j * dims + d]! - hyper.alpha * delta;
    }
  }
  return { loss, dFeatures, centres: updated };
}
