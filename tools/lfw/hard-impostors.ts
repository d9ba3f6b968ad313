// "Hard impostors": for each image, the pair it forms with its nearest neighbour of another person among
// the given images (look-alikes, where a verifier fails in real use). Each unordered pair once.
export interface Embedded {
  image: string;
  person: string;
  vector: Float32Array;
}

export interface ImpostorPair {
  imageA: string;
  imageB: string;
  distance: number;
}

export function hardImpostors(
  items: readonly Embedded[],
  distance: (a: Float32Array, b: Float32Array) => number,
): ImpostorPair[] {
  const seen = new Set<string>();
  const pairs: ImpostorPair[] = [];
  items.forEach((item, i) => {
    let best = -1;
    let bestDistance = Number.POSITIVE_INFINITY;
    items.forEach((other, j) => {
      if (other.person === item.person) return;
      const d = distance(item.vector, other.vector);
      if (d < bestDistance) {
        bestDistance = d;
        best = j;
      }
    });
    if (best < 0) return;
    const key = i < best ? `${i}|${best}` : `${best}|${i}`;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push({ imageA: item.image, imageB: items[best]!.image, distance: bestDistance });
  });
  return pairs;
}

/** 1 − cosine similarity: a distance (smaller = more alike) that orders pairs as the angle does. */
export function cosineDistance(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return 1 - dot / Math.sqrt(Math.max(na * nb, 1e-24));
}
