// The map of what she thinks: her score over two features, the third held where its slider says, at the
// epoch on screen, with her sketches on it, coloured on one scale for the whole run. Every score is
// trainer.js's forward pass (PyTorch's float32 arithmetic). The colours are viridis, a perceptual map that
// colour-blind readers read too, interpolated in code between nine of its colours; the card keeps the
// figures' paper in both palettes.
import { forward } from "./trainer.js";
import { FEATURES } from "./words.js";

const SVG = "http://www.w3.org/2000/svg";
const STOPS = ["440154", "472c7a", "3b518b", "2c718e", "21908d", "27ad81", "5cc863", "aadc32", "fde725"]
  .map(h => [0, 2, 4].map(i => parseInt(h.slice(i, i + 2), 16)));

/** viridis at t in [0, 1], as [r, g, b]. */
export function colour(t) {
  const u = Math.min(Math.max(t, 0), 1) * (STOPS.length - 1), i = Math.min(Math.floor(u), STOPS.length - 2);
  return STOPS[i].map((c, k) => Math.round(c + (STOPS[i + 1][k] - c) * (u - i)));
}

const LUT = Array.from({ length: 256 }, (_, i) => colour(i / 255));

/** The span each feature's axis covers: [0, 1], widened to hold every sketch. */
export const spans = x => [0, 1, 2].map(f => [Math.min(0, ...x.map(r => r[f])), Math.max(1, ...x.map(r => r[f]))]);

/** Her scores at the centres of an n by n grid over features fx (across) and fy (up), the third at z:
 * {x: the grid's sketches, values}, row by row from the top. */
export function grid(brushes, fx, fy, z, span, n = 64) {
  const fz = 3 - fx - fy, at = (f, i) => span[f][0] + (i + 0.5) * (span[f][1] - span[f][0]) / n, x = [];
  for (let r = n - 1; r >= 0; r--)
    for (let c = 0; c < n; c++) {
      const p = [0, 0, 0];
      p[fx] = at(fx, c), p[fy] = at(fy, r), p[fz] = z;
      x.push(p);
    }
  return { x, values: forward(brushes, x).yHat };
}

const short = v => String(Number(v.toPrecision(3)));

const scales = new WeakMap();  // a run's records -> its scale for each grid

/** One colour scale for the whole run, so colours compare from epoch to epoch: [lowest, highest] of the targets
 * (the test sketches' too) and of her scores at every epoch on the map's grid (every 4th row and column of it,
 * with its last, to keep a drag of the third feature's slider quick; a score beyond takes the end's colour). */
export function scale(records, config, fx, fy, z, n = 64) {
  const key = `${fx} ${fy} ${z} ${n}`, kept = scales.get(records) ?? new Map();
  scales.set(records, kept);
  if (!kept.has(key)) {
    const on = i => i % 4 === 0 || i === n - 1;
    const x = grid(records[0], fx, fy, z, spans(config.x), n).x.filter((_, i) => on(Math.floor(i / n)) && on(i % n));
    let lo = Infinity, hi = -Infinity;
    const see = v => { if (Number.isFinite(v)) lo = Math.min(lo, v), hi = Math.max(hi, v); };
    [...config.y, ...(config.test?.y ?? [])].forEach(see);
    for (const r of records) forward(r, x).yHat.forEach(see);
    kept.set(key, [lo, hi]);
  }
  return kept.get(key);
}

function el(name, attrs, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  parent.append(node);
  return node;
}

const canvas = document.createElement("canvas");

/** Draw the map in svg for {record, config, epoch}, over features fx and fy with the third at z. */
export function draw(svg, { record, config, epoch, records = [record] }, fx, fy, z, n = 64) {
  const span = spans(config.x), { x, values } = grid(record, fx, fy, z, span, n);
  const [lo, hi] = scale(records, config, fx, fy, z, n);
  let least = Infinity, most = -Infinity;  // her scores on the map at this epoch
  for (const v of values) if (Number.isFinite(v)) least = Math.min(least, v), most = Math.max(most, v);
  const tone = v => colour((v - lo) / (hi - lo || 1));
  canvas.width = canvas.height = n;
  const ctx = canvas.getContext("2d"), image = ctx.createImageData(n, n), d = image.data;
  for (let i = 0; i < values.length; i++) {  // 256 shades, each computed once per draw
    const at = Math.min(Math.max(Math.round(255 * (values[i] - lo) / (hi - lo || 1)), 0), 255);
    const c = Number.isFinite(values[i]) ? LUT[at] : [128, 128, 128];
    d[4 * i] = c[0], d[4 * i + 1] = c[1], d[4 * i + 2] = c[2], d[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  const L = 52, T = 8, S = 200, W = 400, H = S + 48;
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.replaceChildren();
  el("image", { href: canvas.toDataURL(), x: L, y: T, width: S, height: S, preserveAspectRatio: "none" }, svg);
  const px = (f, v) => (v - span[f][0]) / (span[f][1] - span[f][0]) * S;
  const r = config.x.length > 25 ? 3 : 6;  // a gallery's hundreds of rings drawn smaller
  config.x.forEach((s, i) => el("circle", { cx: L + px(fx, s[fx]), cy: T + S - px(fy, s[fy]), r, class: "sketch",
    style: `fill: rgb(${tone(config.y[i])})` }, svg));
  config.test?.x.forEach((s, i) => el("rect", { x: L + px(fx, s[fx]) - 3, y: T + S - px(fy, s[fy]) - 3,  // the gallery's test sketches
    width: 6, height: 6, class: "sketch", style: `fill: rgb(${tone(config.test.y[i])})` }, svg));
  const label = (x0, y0, words, attrs = {}) => { el("text", { x: x0, y: y0, ...attrs }, svg).textContent = words; };
  label(L, T + S + 16, short(span[fx][0]));
  label(L + S, T + S + 16, short(span[fx][1]), { "text-anchor": "end" });
  label(L + S / 2, T + S + 34, `${FEATURES[fx]} →`, { "text-anchor": "middle" });
  label(L - 6, T + S, short(span[fy][0]), { "text-anchor": "end" });
  label(L - 6, T + 10, short(span[fy][1]), { "text-anchor": "end" });
  label(14, T + S / 2, `${FEATURES[fy]} →`, { "text-anchor": "middle", transform: `rotate(-90 14 ${T + S / 2})` });
  const bar = el("linearGradient", { id: "live-ramp", x1: 0, y1: 1, x2: 0, y2: 0 }, el("defs", {}, svg));
  STOPS.forEach((c, i) => el("stop", { offset: i / (STOPS.length - 1), "stop-color": `rgb(${c})` }, bar));
  el("rect", { x: L + S + 14, y: T, width: 14, height: S, fill: "url(#live-ramp)" }, svg);
  label(L + S + 34, T + 10, short(hi));
  label(L + S + 34, T + S, short(lo));
  label(L + S + 34, T + S / 2, "score");
  const fz = 3 - fx - fy;
  svg.setAttribute("aria-label", `Her score at epoch ${epoch} over ${FEATURES[fx]} (across, ${short(span[fx][0])} ` +
    `to ${short(span[fx][1])}) and ${FEATURES[fy]} (up, ${short(span[fy][0])} to ${short(span[fy][1])}), ` +
    `with ${FEATURES[fz]} at ${z}: from ${short(least)} to ${short(most)}, coloured on one scale for the whole run, ` +
    `from ${short(lo)} (dark purple) to ${short(hi)} (yellow). ` +
    `Rings: her ${config.x.length} sketches, filled with the colour of their targets` +
    (config.test ? `; squares: the ${config.test.x.length} test sketches, coloured the same way.` : "."));
  svg.heat = { fx, fy, z, epoch, x, values, scale: [lo, hi] };  // for the test that compares them with PyTorch
}

let last = null;

function redraw(root) {
  const pick = id => root.querySelector(`#live-heat-${id}`);
  const [sx, sy, sz] = ["x", "y", "z"].map(pick);
  if (!sx.options.length)
    for (const [s, f] of [[sx, 0], [sy, 1]]) {
      s.append(...FEATURES.map((name, i) => new Option(name, i)));
      s.value = f;
    }
  const fx = Number(sx.value), fy = Number(sy.value);
  pick("z-name").textContent = FEATURES[3 - fx - fy];
  pick("z-shown").textContent = sz.value;
  if (last) draw(root.querySelector("#live-heat"), last, fx, fy, Number(sz.value));
}

document.addEventListener("live:show", e => { last = e.detail; redraw(e.target); });
document.addEventListener("input", e => {
  const id = e.target.id, root = e.target.closest?.("#live-studio");
  if (!root || !/^live-heat-[xyz]$/.test(id)) return;
  if (id !== "live-heat-z") {  // the two axes stay two different features: the other one takes the old place
    const other = root.querySelector(id === "live-heat-x" ? "#live-heat-y" : "#live-heat-x");
    if (other.value === e.target.value) other.value = (Number(e.target.value) + 1) % 3;
  }
  redraw(root);
});
