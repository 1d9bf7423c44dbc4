// The live studio's trainer: neura.train's arithmetic, in 32-bit floats, in the order PyTorch does it.
// No DOM, no dependencies. It mirrors neura/byhand.py (forward, backprop) and neura/train.py (train),
// and the two optimizers as torch 2.13 writes them on a CPU (its single-tensor code paths).
// The orders were found by testing candidates against torch on thousands of random inputs on an AMD EPYC
// CPU (MKL picks its kernels by CPU, so on others torch may round otherwise):
// - nn.Linear (addmm, Intel MKL's sgemm): each product rounded, summed left to right, the bias added
//   last; but rows in whole blocks of four with five or more inputs add two products apart (dot);
// - sums over the batch (the MSE's mean, the bias gradients) follow torch's cascade_sum (SumKernel.cpp):
//   four-way row_sum (ilp4), eight lanes for a vector of 8 or more, a level up every 16 rows;
// - SGD's add_, Adam's lerp_ and addcmul_ are fused multiply-adds; Adam's bias corrections are doubles.
// One step cannot match bit for bit: torch takes Adam's square root with MKL's vsSqrt, which is not
// IEEE's correctly rounded sqrt (Math.sqrt) and, built on the CPU's own estimate instruction, not the
// same on every CPU. So Adam runs agree to the last bits, while SGD runs can agree bit for bit:
// tests/slow/test_trainer_js.py runs this file under Node against neura.train and measures both.

const f = Math.fround;                       // round to the nearest float32
const fma = (a, b, c) => f(a * b + c);       // float32 fused multiply-add: a*b is exact in a double
const plain = (v) => { let s = 0; for (const q of v) s = f(s + q); return s; };  // left to right, from +0 (so -0 + -0 gives +0, as in torch)

function levels(rows, width, at) {  // torch's multi_row_sum: `width` running sums over `rows` rows (< 2**16),
  const acc = [0, 1, 2, 3].map(() => new Array(width).fill(0));  // passed down a level every 16 rows
  const add = (i) => { for (let k = 0; k < width; k++) acc[0][k] = f(acc[0][k] + at(i, k)); };
  let i = 0;
  while (i + 16 <= rows) {
    for (const end = i + 16; i < end; i++) add(i);
    for (let j = 1; j < 4; j++) {
      for (let k = 0; k < width; k++) acc[j][k] = f(acc[j][k] + acc[j - 1][k]), acc[j - 1][k] = 0;
      if (i & (15 << (4 * j))) break;
    }
  }
  for (; i < rows; i++) add(i);
  for (let j = 1; j < 4; j++) for (let k = 0; k < width; k++) acc[0][k] = f(acc[0][k] + acc[j][k]);
  return acc[0];
}

function ilp4(rows, width, at) {  // torch's row_sum: four sums over rows of four, the tail into the first
  const q = rows >> 2, p = levels(q, 4 * width, (i, k) => at(4 * i + Math.floor(k / width), k % width));
  for (let i = 4 * q; i < rows; i++) for (let l = 0; l < width; l++) p[l] = f(p[l] + at(i, l));
  for (let k = 1; k < 4; k++) for (let l = 0; l < width; l++) p[l] = f(p[l] + p[k * width + l]);
  return p.slice(0, width);
}

function rowSum(v) {  // a contiguous vector: in eight lanes (AVX2) once it fills one, the tail first
  const n = v.length, m = n >> 3;
  if (!m) return f(0 + ilp4(n, 1, (i) => v[i])[0]);
  let s = 0;
  for (let k = 8 * m; k < n; k++) s = f(s + v[k]);
  return ilp4(m, 8, (i, l) => v[8 * i + l]).reduce((a, q) => f(a + q), s);
}

function colSum(v, j, hidden) {  // column j of an [n, hidden] matrix, summed over the batch
  if (hidden === 1) return rowSum(v);
  const at = (i) => v[i];
  return f(0 + (hidden < 8 && j < hidden - (hidden % 4) ? levels(v.length, 1, at) : ilp4(v.length, 1, at))[0]);
}

function dot(p, blocked) {  // MKL's sum of products p: rows in blocks of four add two products apart
  const K = p.length;
  if (!blocked || K < 5) return plain(p);
  let s = p[0];
  for (let k = 1; k < K - 1; k++) if (k !== K - 3) s = f(s + p[k]);
  return f(s + f(p[K - 3] + p[K - 1]));
}

const relu = (z) => (z > 0 || z !== z ? z : 0);  // NaN passes, as torch.relu lets it

function copy({ W1, b1, W2, b2 }) {  // float32 copies (the caller's brushes are never changed)
  return { W1: Float32Array.from(W1), b1: Float32Array.from(b1), W2: Float32Array.from(W2), b2: Float32Array.from(b2) };
}

function check(brushes = {}, x, y) {
  const { W1, b1, W2, b2 } = brushes ?? {}, hidden = b1?.length;
  const ok = hidden > 0 && W1?.length === 3 * hidden && W2?.length === hidden && b2?.length === 1;
  if (!ok) throw new Error(`brushes must be {W1: 3*hidden, b1: hidden, W2: hidden, b2: 1} numbers, got ${
    ["W1", "b1", "W2", "b2"].map((k) => `${k}: ${brushes?.[k]?.length}`).join(", ")}`);
  const rows = Array.isArray(x) && x.length > 0 && x.every((r) => r?.length === 3);
  if (!rows) throw new Error(`sketches must be 1 or more rows of 3 features, got ${JSON.stringify(x)}`);
  const want = `expected ${x.length} targets, one per sketch`;
  if (y !== undefined && y?.length !== x.length) throw new Error(`${want}, got ${y?.length}`);
}

/** Paint a batch: z = x W1^T + b1, h = relu(z), yHat = h W2^T + b2 (station 1, the filter, station 2).
 * z and h come as one row of `hidden` numbers per sketch. */
export function forward(brushes, x) {
  check(brushes, x);
  const { z, h, yHat } = paint(brushes, flat(x)), k = brushes.b1.length;
  const rows = (m) => x.map((_, i) => m.subarray(i * k, (i + 1) * k));
  return { z: rows(z), h: rows(h), yHat };
}

const flat = (rows) => {  // rows of 3 as one Float32Array: [i * 3 + k]
  const X = new Float32Array(3 * rows.length);
  rows.forEach((r, i) => X.set(r, 3 * i));
  return X;
};

function paint(brushes, X) {  // forward on flat sketches, with z and h flat too: [i * hidden + j]
  const { W1, b1, W2, b2 } = brushes, hidden = b1.length, n = X.length / 3, p = new Float32Array(hidden);
  const z = new Float32Array(n * hidden), h = new Float32Array(n * hidden), yHat = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const x0 = X[3 * i], x1 = X[3 * i + 1], x2 = X[3 * i + 2];
    for (let j = 0, k = i * hidden; j < hidden; j++, k++) {
      z[k] = f(f(f(f(x0 * W1[3 * j]) + f(x1 * W1[3 * j + 1])) + f(x2 * W1[3 * j + 2])) + b1[j]);
      h[k] = relu(z[k]);
      p[j] = h[k] * W2[j];  // a Float32Array rounds what it stores
    }
    yHat[i] = f(dot(p, i < n - (n % 4)) + b2[0]);
  }
  return { z, h, yHat };
}

/** The MSE loss and its gradient for each brush, by the chain rule (as neura.backprop and autograd). */
export function backprop(brushes, x, y) {
  check(brushes, x, y);
  return grad(brushes, flat(x), Float32Array.from(y));
}

function mse(yHat, y) {  // the loss, and its gradient for each prediction (mse_loss_backward: 2/n as a float32)
  const n = yHat.length, sq = new Float32Array(n), dYHat = new Float32Array(n), norm = f(2 / n);
  for (let i = 0; i < n; i++) {
    const d = f(yHat[i] - y[i]);
    sq[i] = d * d;
    dYHat[i] = norm * d;
  }
  return { loss: f(rowSum(sq) / n), dYHat };
}

/** The whole pass with every number on the way, as `grad` computes it (the live studio's pass view):
 * z, h, dH (dL/dh) and dZ (dL/dz) flat [i * hidden + j], yHat, dYHat, loss and grads. */
export function trace(brushes, x, y) {
  check(brushes, x, y);
  return grad(brushes, flat(x), Float32Array.from(y), true);
}

function grad(brushes, X, y, keep = false) {  // X flat, y a Float32Array; keep: return the in-between numbers too
  const { W2 } = brushes, hidden = W2.length, n = y.length, { z, h, yHat } = paint(brushes, X);
  const { loss, dYHat } = mse(yHat, y);
  const kept = keep && { z, h, dYHat, dH: new Float32Array(n * hidden), dZ: new Float32Array(n * hidden) };
  const grads = { W1: new Float32Array(3 * hidden), b1: new Float32Array(hidden), W2: new Float32Array(hidden),
    b2: Float32Array.of(rowSum(dYHat)) };
  const dZ = new Float32Array(n);
  for (let j = 0; j < hidden; j++) {
    for (let i = 0; i < n; i++) dZ[i] = h[i * hidden + j] <= 0 ? 0 : dYHat[i] * W2[j];  // threshold_backward
    if (kept) for (let i = 0; i < n; i++) kept.dH[i * hidden + j] = dYHat[i] * W2[j], kept.dZ[i * hidden + j] = dZ[i];
    grads.b1[j] = colSum(dZ, j, hidden);
    let gW2 = 0, g0 = 0, g1 = 0, g2 = 0;  // the matrix products' sums: left to right, from +0
    for (let i = 0; i < n; i++) {
      gW2 = f(gW2 + f(dYHat[i] * h[i * hidden + j]));
      g0 = f(g0 + f(dZ[i] * X[3 * i]));
      g1 = f(g1 + f(dZ[i] * X[3 * i + 1]));
      g2 = f(g2 + f(dZ[i] * X[3 * i + 2]));
    }
    grads.W2[j] = gW2, grads.W1[3 * j] = g0, grads.W1[3 * j + 1] = g1, grads.W1[3 * j + 2] = g2;
  }
  return { loss, yHat, grads, ...kept };
}

const NAMES = ["W1", "b1", "W2", "b2"];

/** SGD: param.add_(grad, alpha=-lr), one fused multiply-add per number. Updates `params` in place. */
export function sgdStep(params, grads, lr) {
  const alpha = f(-lr);
  for (const k of NAMES) {
    const p = params[k], g = grads[k];
    for (let i = 0; i < p.length; i++) p[i] = fma(alpha, g[i], p[i]);
  }
}

function powi(b, k) {  // b**k for a whole k, correctly rounded like C's pow, via double-double products
  const split = (a) => { const c = 134217729 * a, hi = c - (c - a); return [hi, a - hi]; };
  const mul = ([ah, al], [bh, bl]) => {
    const p = ah * bh, [a1, a2] = split(ah), [b1, b2] = split(bh);
    const e = ((a1 * b1 - p) + a1 * b2 + a2 * b1) + a2 * b2 + ah * bl + al * bh, s = p + e;
    return [s, e - (s - p)];
  };
  let r = [1, 0];
  for (let x = [b, 0]; k > 0; k >>= 1, x = mul(x, x)) if (k & 1) r = mul(r, x);
  return r[0] + r[1];
}

/** Adam with torch's defaults (betas 0.9, 0.999, eps 1e-8), its single-tensor CPU path.
 * `state` starts as {} and keeps the step count and both moments; `params` is updated in place. */
export function adamStep(params, grads, state, lr, [beta1, beta2] = [0.9, 0.999], eps = 1e-8) {
  state.step = (state.step ?? 0) + 1;
  state.m ??= Object.fromEntries(NAMES.map((k) => [k, new Float32Array(params[k].length)]));
  state.v ??= Object.fromEntries(NAMES.map((k) => [k, new Float32Array(params[k].length)]));
  const bc1 = 1 - powi(beta1, state.step), bc2 = 1 - powi(beta2, state.step);  // Python floats
  const value = f(-(lr / bc1)), bc2Sqrt = f(Math.sqrt(bc2));
  const w = f(1 - beta1), b2 = f(beta2), c = f(1 - beta2), e = f(eps);
  for (const k of NAMES) {
    const p = params[k], g = grads[k], m = state.m[k], v = state.v[k];
    for (let i = 0; i < p.length; i++) {
      m[i] = fma(w, f(g[i] - m[i]), m[i]);                       // exp_avg.lerp_(grad, 1 - beta1)
      v[i] = fma(f(c * g[i]), g[i], f(v[i] * b2));               // exp_avg_sq.mul_(beta2).addcmul_(g, g, 1 - beta2)
      const denom = f(f(f(Math.sqrt(v[i])) / bc2Sqrt) + e);      // (exp_avg_sq.sqrt() / sqrt(bc2)).add_(eps)
      p[i] = f(p[i] + f(f(value * m[i]) / denom));               // param.addcdiv_(exp_avg, denom, -lr / bc1)
    }
  }
}

function page(epoch, { W1, b1 }, yHat, y, loss, grads) {  // one diary row, as neura.train's _page
  const row = { Epoch: epoch, "W1[0][0]": W1[0], "W1[0][1]": W1[1], "W1[0][2]": W1[2], "B1[0]": b1[0] };
  yHat.forEach((p, i) => { row[`Prediction[${i}]`] = p; });
  y.forEach((t, i) => { row[`Target[${i}]`] = t; });
  return Object.assign(row, { Loss: loss, "Grad_W1[0][0]": grads.W1[0], "Grad_B1[0]": grads.b1[0] });
}

function options(x, { optimizer = "sgd", lr = 0.1, epochs = 10, test, batchSize, order } = {}) {
  if (!["sgd", "adam"].includes(optimizer)) throw new Error(`optimizer must be "sgd" or "adam", got ${optimizer}`);
  if (!(lr > 0) || !Number.isFinite(lr)) throw new Error(`lr must be a positive number, got ${lr}`);
  if (!Number.isInteger(epochs) || epochs < 1) throw new Error(`epochs must be a whole number >= 1, got ${epochs}`);
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1 && order?.length >= epochs
      && Array.prototype.every.call(order, (o) => o?.length === x.length)))
    throw new Error(`batchSize must be a whole number >= 1, with an order of all ${x.length} sketches for each of ` +
                    `${epochs} epochs, got ${batchSize} and ${order?.length} orders`);
  return { optimizer, lr, epochs, test, batchSize, order };
}

/** Train a copy of `brushes`, yielding one {row, yHat, loss, testLoss, W1, b1, W2, b2} per epoch: the diary
 * row, the predictions, the losses and the brushes before that epoch's step. opts: {optimizer: "sgd" | "adam", lr, epochs}, and as neura.train's
 * test= and batch_size=: test {x, y} (a "Test loss" column), batchSize with order[epoch], the order in
 * which PyTorch's seeded DataLoader deals out the sketches that epoch (never drawn here). */
export function* train(brushes, x, y, opts) {
  check(brushes, x, y);
  const { optimizer, lr, epochs, test, batchSize, order } = options(x, opts);
  if (test) check(brushes, test.x, test.y);
  const params = copy(brushes), state = {}, X = flat(x), Y = Float32Array.from(y);
  const T = test && { X: flat(test.x), Y: Float32Array.from(test.y) };
  const step = (grads) => (optimizer === "sgd" ? sgdStep(params, grads, lr) : adamStep(params, grads, state, lr));
  let steps = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const { loss, yHat, grads } = grad(params, X, Y), now = copy(params), more = {};
    if (T) more["Test loss"] = mse(paint(params, T.X).yHat, T.Y).loss;
    if (batchSize) more.Steps = steps;
    let row;  // written when first read: a row of 400 sketches holds 800 numbers
    yield { get row() { return (row ??= Object.assign(page(epoch, now, yHat, Y, loss, grads), more)); }, yHat, loss, testLoss: more["Test loss"], ...now };
    if (!batchSize) { step(grads); continue; }
    for (let at = 0; at < Y.length; at += batchSize, steps++) {
      const batch = Array.prototype.slice.call(order[epoch], at, at + batchSize);
      const Xb = new Float32Array(3 * batch.length);
      batch.forEach((i, k) => Xb.set(X.subarray(3 * i, 3 * i + 3), 3 * k));
      step(grad(params, Xb, Float32Array.from(batch, (i) => Y[i])).grads);
    }
  }
}

function pyRepr(v) {  // Python's repr of a float: shortest digits, exponent below 1e-4 and from 1e16 on
  if (!Number.isFinite(v)) return Number.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
  if (v === 0) return Object.is(v, -0) ? "-0.0" : "0.0";
  const [mant, ex] = Math.abs(v).toExponential().split("e"), exp = Number(ex);
  const digits = mant.replace(".", ""), sign = v < 0 ? "-" : "";
  if (exp < -4 || exp >= 16) {
    const tail = digits.length > 1 ? `.${digits.slice(1)}` : "";
    return `${sign}${digits[0]}${tail}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  return `${sign}${digits.slice(0, exp + 1).padEnd(exp + 1, "0")}.${digits.slice(exp + 1) || "0"}`;
}

/** The diary as neura.train(...).to_csv(index=False) writes it: NaN as an empty field. */
export function toCsv(rows) {
  const cell = (k, v) => (k === "Epoch" || k === "Steps" ? String(v) : Number.isNaN(v) ? "" : pyRepr(v));
  const lines = rows.map((r) => Object.entries(r).map(([k, v]) => cell(k, v)).join(","));
  return [Object.keys(rows[0] ?? {}).join(","), ...lines].join("\n") + "\n";
}
