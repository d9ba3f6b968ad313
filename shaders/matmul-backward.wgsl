// matmul-backward: the two products of a fully connected layer's backward pass, y = x W:
//   dX = dY W^T  (TRANS_B)    and    dW = x^T dY  (TRANS_A),
// as one general product C = op(A) op(B) with leading dimensions, so that padded weight buffers
// (matmul.wgsl's [K, N4*4] layout) are read and written in place.
//
// Layout: row-major. op(A)[i,k] = TRANS_A ? A[k*lda + i] : A[i*lda + k];
//         op(B)[k,j] = TRANS_B ? B[j*ldb + k] : B[k*ldb + j];  C[i*ldc + j] for i < m, j < n.
//         Columns of C between n and ldc are not written (a padded dW keeps its zero columns).
// Bindings: 0 a, 1 b, 2 c (written, not accumulated), 3 uniforms.
// Uniforms: m, n, k (the summed dimension), lda, ldb, ldc, threads = m*n.
// Grid: one thread per element of C, column fastest, laid out by grid.ts. The layers it serves are small
//       (a batch of feature vectors); the large products of a network are its convolutions.
// Overrides: WG threads per workgroup; TRANS_A; TRANS_B.

struct Params { m: u32, n: u32, k: u32, lda: u32, ldb: u32, ldc: u32, threads: u32, _pad0: u32 }

@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read> b: array<f32>;
@group(0) @binding(2) var<storage, read_write> c: array<f32>;
@group(0) @binding(3) var<uniform> p: Params;

override WG: u32 = 64u;
override TRANS_A: bool = false;
override TRANS_B: bool = false;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let t = gid.y * groups.x * WG + gid.x;
  if (t >= p.threads) { return; }
  let j = t % p.n;
  let i = t / p.n;
  // Element strides along k of op(A)'s row i and op(B)'s column j.
  let aStep = select(1u, p.lda, TRANS_A);
  let bStep = select(p.ldb, 1u, TRANS_B);
  var ai = select(i * p.lda, i, TRANS_A);
  var bj = select(j, j * p.ldb, TRANS_B);
  var sum = 0.0;
  for (var kk = 0u; kk < p.k; kk++) {
    sum += a[ai] * b[bj];
    ai += aStep;
    bj += bStep;
  }
  c[i * p.ldc + j] = sum;
}
