// The pass view's stations: what one forward and backward pass computes, station by station, for one epoch's
// brushes. Pure: every number is trainer.js's own (trace), read here, never computed in another order.
// The only sums done here are the first layer's products before the bias, in paint's own order.
import { trace } from "./trainer.js";
import { FEATURES } from "./words.js";

const f = Math.fround;
export const PHASES = ["forward", "backward"];
const FORWARD = ["products", "bias", "relu", "score", "error", "loss"];

/** How many stations a phase has for `hidden` neurons: six forward; backward four, then one per neuron. */
export const count = (phase, hidden) => (phase === "forward" ? FORWARD.length : 4 + hidden);

/** Four significant digits, as a learner reads them (no trailing zeros). */
export const num = v => (Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v));

/** Every number of the pass for brushes {W1, b1, W2, b2} on sketches x with targets y: trainer.js's trace,
 * the products and sums before the bias (paint's order), and the errors. */
export function numbers(brushes, sketches, targets) {
  const x = sketches.map(r => r.map(f)), y = targets.map(f);  // float32, as the trainer holds them
  const t = trace(brushes, x, y), H = brushes.b1.length, n = x.length, { W1 } = brushes;
  const product = [], sum = [];  // [i][j][k] and [i][j]
  for (let i = 0; i < n; i++) {
    product.push([]), sum.push([]);
    for (let j = 0; j < H; j++) {
      const p = [0, 1, 2].map(k => f(x[i][k] * W1[3 * j + k]));
      product[i].push(p), sum[i].push(f(f(p[0] + p[1]) + p[2]));
    }
  }
  const error = Array.from(t.yHat, (v, i) => f(v - y[i]));
  return { ...t, brushes, x, y, H, n, product, sum, error };
}

/** Station `index` of `phase`, following sketch `s`: {name, sentence, focus, labels, rows, values}.
 * focus: the node and link keys it lights ("x0", "h2", "out", "w1-j-k", "w2-j"); labels: text by key for
 * the followed sketch; rows: [label, value] for its table; values: every number it shows, by name, all sketches. */
export function station(p, phase, index, s = 0) {
  const { H, n, x, y, brushes: { W1, b1, W2, b2 } } = p, at = (i, j) => i * H + j;
  const hs = [...Array(H).keys()], ss = [...Array(n).keys()], ks = [0, 1, 2];
  const focus = [], labels = {}, rows = [], values = {};
  const show = (name, v, label = name) => { values[name] = v; return [label, num(v)]; };
  const each = (fn) => ss.forEach(i => fn(i, i === s));
  const said = (text) => ({ phase, index, focus, labels, rows, values, ...text });
  ks.forEach(k => { labels[`x${k}`] = `${FEATURES[k]} ${num(x[s][k])}`; });
  if (phase === "forward") {
    const name = FORWARD[index];
    if (name === "products") {
      hs.forEach(j => { focus.push(`h${j}`, ...ks.map(k => `w1-${j}-${k}`)); labels[`h${j}`] = `Σ ${num(p.sum[s][j])}`; });
      each((i, me) => hs.forEach(j => ks.forEach(k => {
        const r = show(`x[${i}][${k}]·W1[${j}][${k}]`, p.product[i][j][k]);
        if (me) rows.push(r);
      })));
      each((i, me) => hs.forEach(j => { const r = show(`sum[${i}][${j}]`, p.sum[i][j]); if (me) rows.push(r); }));
      return said({ name: "Features times brushes", sentence: `Forward, sketch ${s}: each feature is multiplied by its ` +
        `brush and each hidden neuron adds its three products: neuron 0's sum is ${num(p.sum[s][0])}.` });
    }
    if (name === "bias") {
      hs.forEach(j => { focus.push(`h${j}`); labels[`h${j}`] = `z ${num(p.z[at(s, j)])}`; });
      each((i, me) => hs.forEach(j => { const r = show(`z[${i}][${j}]`, p.z[at(i, j)], `z[${i}][${j}] = sum + b1[${j}] (${num(b1[j])})`); if (me) rows.push(r); }));
      return said({ name: "The bias", sentence: `Forward, sketch ${s}: each neuron adds its bias to its sum, ` +
        `giving its stroke z; neuron 0's is ${num(p.z[at(s, 0)])}.` });
    }
    if (name === "relu") {
      const quiet = hs.filter(j => p.h[at(s, j)] <= 0);
      hs.forEach(j => { focus.push(`h${j}`); labels[`h${j}`] = `h ${num(p.h[at(s, j)])}`; });
      each((i, me) => hs.forEach(j => { const r = show(`h[${i}][${j}]`, p.h[at(i, j)], `h[${i}][${j}] = ReLU(${num(p.z[at(i, j)])})`); if (me) rows.push(r); }));
      return said({ name: "ReLU", quiet, sentence: `Forward, sketch ${s}: her filter ReLU keeps a positive stroke and ` +
        `turns a negative one into 0. ${quiet.length ? `Silent here (grey): neuron${quiet.length > 1 ? "s" : ""} ${quiet.join(", ")}.` : "No neuron is silent here."}` });
    }
    if (name === "score") {
      focus.push("out", ...hs.map(j => `w2-${j}`));
      each((i, me) => hs.forEach(j => { const r = show(`h[${i}][${j}]·W2[${j}]`, f(p.h[at(i, j)] * W2[j])); if (me) rows.push(r), labels[`w2-${j}`] = r[1]; }));
      each((i, me) => { const r = show(`yHat[${i}]`, p.yHat[i], `score[${i}] = products + b2 (${num(b2[0])})`); if (me) rows.push(r); });
      labels.out = `score ${num(p.yHat[s])}`;
      return said({ name: "The score", sentence: `Forward, sketch ${s}: the output neuron adds each hidden ` +
        `neuron's value times its brush, then its bias: her score is ${num(p.yHat[s])}.` });
    }
    if (name === "error") {
      focus.push("out");
      labels.out = `error ${num(p.error[s])}`;
      each((i, me) => { const r = show(`error[${i}]`, p.error[i], `error[${i}] = ${num(p.yHat[i])} − ${num(y[i])}`); if (me) rows.push(r); });
      return said({ name: "The error", sentence: `Forward, sketch ${s}: her score ${num(p.yHat[s])} minus the ` +
        `mentor's target ${num(y[s])} is an error of ${num(p.error[s])}.` });
    }
    focus.push("out");
    labels.out = `loss ${num(p.loss)}`;
    rows.push(show("loss", p.loss, `loss = mean of ${n} squared error${n > 1 ? "s" : ""}`));
    return said({ name: "The loss", sentence: `Forward: the mentor's verdict, the mean of the ${n} squared ` +
      `error${n > 1 ? "s" : ""}, is a loss of ${num(p.loss)}. Now walk back from it.` });
  }
  const mean = `2/${n} = ${num(f(2 / n))}`;
  if (index === 0) {
    focus.push("out");
    labels.out = `dL/dŷ ${num(p.dYHat[s])}`;
    each((i, me) => { const r = show(`dL/dyHat[${i}]`, p.dYHat[i], `dL/dŷ[${i}] = ${num(f(2 / n))} × ${num(p.error[i])}`); if (me) rows.push(r); });
    return said({ name: "The error's slope", sentence: `Backward, sketch ${s}: the loss's slope for her score is ` +
      `2 × error / ${n}: the 2 from the square, the 1/${n} from the mean over ${n} sketch${n > 1 ? "es" : ""} ` +
      `(${mean}). Here: ${num(p.dYHat[s])}.` });
  }
  if (index === 1) {
    focus.push("out", ...hs.map(j => `w2-${j}`));
    each((i, me) => hs.forEach(j => {
      const r = show(`dL/dyHat[${i}]·h[${i}][${j}]`, f(p.dYHat[i] * p.h[at(i, j)]), `W2[${j}], sketch ${i}: ${num(p.dYHat[i])} × h ${num(p.h[at(i, j)])}`);
      if (me) rows.push(r), labels[`w2-${j}`] = `× ${num(p.h[at(i, j)])} = ${r[1]}`;
    }));
    hs.forEach(j => rows.push(show(`grad W2[${j}]`, p.grads.W2[j], `W2[${j}].grad, summed over sketches`)));
    rows.push(show("grad b2", p.grads.b2[0], "b2.grad = sum of dL/dŷ"));
    return said({ name: "The output brushes", sentence: `Backward, sketch ${s}: each output brush's slope is ` +
      `dL/dŷ times the value it carried; summed over the sketches, W2[0]'s gradient is ${num(p.grads.W2[0])}, b2's ${num(p.grads.b2[0])}.` });
  }
  if (index === 2) {
    focus.push("out", ...hs.flatMap(j => [`w2-${j}`, `h${j}`]));
    each((i, me) => hs.forEach(j => {
      const r = show(`dL/dh[${i}][${j}]`, p.dH[at(i, j)], `dL/dh[${i}][${j}] = ${num(p.dYHat[i])} × W2[${j}] ${num(W2[j])}`);
      if (me) rows.push(r), labels[`h${j}`] = `× ${num(W2[j])} = ${r[1]}`;
    }));
    return said({ name: "To each hidden neuron", sentence: `Backward, sketch ${s}: through each output brush, ` +
      `slope times slope: dL/dh for neuron 0 is ${num(p.dYHat[s])} × ${num(W2[0])} = ${num(p.dH[at(s, 0)])}. ` +
      "Each neuron's product is computed once here, and all of its brushes behind it reuse it." });
  }
  if (index === 3) {
    hs.forEach(j => { focus.push(`h${j}`); labels[`h${j}`] = `× ${p.h[at(s, j)] > 0 ? 1 : 0} = ${num(p.dZ[at(s, j)])}`; });
    each((i, me) => hs.forEach(j => {
      const on = p.h[at(i, j)] > 0;
      const r = show(`dL/dz[${i}][${j}]`, p.dZ[at(i, j)], `dL/dz[${i}][${j}] = ${num(p.dH[at(i, j)])} × ${on ? 1 : 0}`);
      if (me) rows.push(r);
    }));
    const quiet = hs.filter(j => p.h[at(s, j)] <= 0);
    return said({ name: "Through ReLU", quiet, sentence: `Backward, sketch ${s}: ReLU's slope is 1 for a neuron ` +
      `that fired and 0 for a silent one, so dL/dz is dL/dh or 0. ${quiet.length ? `Silent here, so no feedback: neuron${quiet.length > 1 ? "s" : ""} ${quiet.join(", ")}.` : "Every neuron fired here."}` });
  }
  const j = index - 4, dz = i => p.dZ[at(i, j)];
  focus.push(`h${j}`, ...ks.map(k => `w1-${j}-${k}`));
  labels[`h${j}`] = `dL/dz ${num(dz(s))}`;
  ks.forEach(k => {
    each((i, me) => {
      const r = show(`dL/dz[${i}][${j}]·x[${i}][${k}]`, f(dz(i) * x[i][k]), `W1[${j}][${k}], sketch ${i}: ${num(dz(i))} × ${num(x[i][k])}`);
      if (me) rows.push(r), labels[`w1-${j}-${k}`] = `× ${num(x[i][k])} = ${r[1]}`;
    });
    rows.push(show(`grad W1[${j}][${k}]`, p.grads.W1[3 * j + k], `W1[${j}][${k}].grad, summed`));
  });
  rows.push(show(`grad b1[${j}]`, p.grads.b1[j], `b1[${j}].grad = sum of dL/dz`));
  const mine = p.h[at(s, j)] > 0 ? `neuron ${j}'s dL/dz, ${num(dz(s))}, computed once, is reused by its three ` +
    "brushes, each times its own feature." : `neuron ${j} was silent on this sketch: its dL/dz is 0, so this ` +
    "sketch adds nothing to its brushes.";
  return said({ name: `Neuron ${j}'s first brushes`, sentence: `Backward, sketch ${s}: ${mine} Summed over ` +
    `the ${n} sketch${n > 1 ? "es" : ""}: W1[${j}][0]'s gradient is ${num(p.grads.W1[3 * j])}, b1[${j}]'s ${num(p.grads.b1[j])}.` });
}
