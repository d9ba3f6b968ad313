// Non-maximum suppression on the CPU, in the two flavours face-api uses (at most a few thousand boxes).

/**
 * face-api ssdMobilenetv1/nonMaxSuppression.ts (tf.image.nonMaxSuppression semantics): candidates
 * scoring above `scoreThreshold`, best first (ties keep index order); a candidate is kept unless its
 * IoU with an already kept box exceeds `iouThreshold`; at most `maxOutputSize` kept.
 * `boxes`: [n,4] as [ymin,xmin,ymax,xmax] (corners may come in either order). Returns box indices.
 */
export function nonMaxSuppressionSsd(
  boxes: Float32Array,
  scores: ArrayLike<number>,
  maxOutputSize: number,
  iouThreshold: number,
  scoreThreshold: number,
): number[] {
  const count = scores.length;
  if (boxes.length < count * 4) throw new Error(`nonMaxSuppressionSsd: ${boxes.length} box values for ${count} scores`);
  const outputSize = Math.min(maxOutputSize, count);
  const candidates: number[] = [];
  for (let i = 0; i < count; i++) if (scores[i]! > scoreThreshold) candidates.push(i);
  candidates.sort((a, b) => scores[b]! - scores[a]!);
  const selected: number[] = [];
  for (const candidate of candidates) {
    if (selected.length >= outputSize) break;
    let suppressed = false;
    for (let j = selected.length - 1; j >= 0; j--) {
      if (cornerIou(boxes, candidate, selected[j]!) > iouThreshold) {
        suppressed = true;
        break;
      }
    }
    if (!suppressed) selected.push(candidate);
  }
  return selected;
}

/** IoU of boxes i and j of an [n,4] [ymin,xmin,ymax,xmax] array; 0 when either is empty. */
export function cornerIou(boxes: Float32Array, i: number, j: number): number {
  const a = i * 4;
  const b = j * 4;
  const yminI = Math.min(boxes[a]!, boxes[a + 2]!);
  const xminI = Math.min(boxes[a + 1]!, boxes[a + 3]!);
  const ymaxI = Math.max(boxes[a]!, boxes[a + 2]!);
  const xmaxI = Math.max(boxes[a + 1]!, boxes[a + 3]!);
  const yminJ = Math.min(boxes[b]!, boxes[b + 2]!);
  const xminJ = Math.min(boxes[b + 1]!, boxes[b + 3]!);
  const ymaxJ = Math.max(boxes[b]!, boxes[b + 2]!);
  const xmaxJ = Math.max(boxes[b + 1]!, boxes[b + 3]!);
  const areaI = (ymaxI - yminI) * (xmaxI - xminI);
  const areaJ = (ymaxJ - yminJ) * (xmaxJ - xminJ);
  if (areaI <= 0 || areaJ <= 0) return 0;
  const intersection =
    Math.max(Math.min(ymaxI, ymaxJ) - Math.max(yminI, yminJ), 0) *
    Math.max(Math.min(xmaxI, xmaxJ) - Math.max(xminI, xminJ), 0);
  return intersection / (areaI + areaJ - intersection);
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * face-api ops/nonMaxSuppression.ts (used by the tiny face detector): repeatedly takes the best
 * remaining box (among equal scores the one with the highest index) and drops every remaining box
 * whose IoU with it exceeds `iouThreshold` (or intersection over the smaller area when `isIou` is
 * false). No score threshold or size limit: the caller filters scores first. Returns indices, best first.
 */
export function nonMaxSuppression(
  boxes: readonly Rect[],
  scores: readonly number[],
  iouThreshold: number,
  isIou = true,
): number[] {
  if (boxes.length !== scores.length)
    throw new Error(`nonMaxSuppression: ${boxes.length} boxes for ${scores.length} scores`);
  let remaining = scores
    .map((score, index) => ({ score, index }))
    .sort((a, b) => a.score - b.score)
    .map((c) => c.index);
  const pick: number[] = [];
  while (remaining.length > 0) {
    const current = remaining.pop()!;
    pick.push(current);
    remaining = remaining.filter((other) => rectIou(boxes[current]!, boxes[other]!, isIou) <= iouThreshold);
  }
  return pick;
}

/** face-api ops/iou.ts on {x,y,width,height} boxes. */
export function rectIou(a: Rect, b: Rect, isIou = true): number {
  const width = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const height = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const intersection = width * height;
  const areaA = a.width * a.height;
  const areaB = b.width * b.height;
  return isIou ? intersection / (areaA + areaB - intersection) : intersection / Math.min(areaA, areaB);
}
