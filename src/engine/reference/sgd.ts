// Plain-TS oracle, in double precision, for shaders/sgd.wgsl: v <- m v + g + wd w; w <- w - lr v.
export function sgdReference(
  w: ArrayLike<number>,
  g: ArrayLike<number>,
  v: ArrayLike<number>,
  hyper: { learningRate: number; momentum: number; weightDecay: number },
) {
  const velocity = Float64Array.from(v, (vi, i) => hyper.momentum * vi + g[i]! + hyper.weightDecay * w[i]!);
  const parameter = Float64Array.from(w, (wi, i) => wi - hyper.learningRate * velocity[i]!);
  return { parameter, velocity };
}
