// The live studio's view: the controls, the address bar, the pictures and the epoch slider.
// Every number it shows comes from trainer.js; the view only reads, checks, draws and formats.
import { forward, toCsv, train } from "./trainer.js";
import "./heatmap.js";     // the map of what she thinks (it draws on the "live:show" event)
import "./challenges.js";  // the challenges beside the widget (they judge on the "live:run" event)
import { FEATURES, readable } from "./words.js";
import { WINDOW, memorising } from "./memorising.js";
import { readMoment } from "./pass-view.js";  // the pass view (it draws on the "live:show" event)

// What the studio offers: its hidden sizes, seeds, gallery sizes and most epochs, as sitekit/live_data.py
// states them and the make step writes them to limits.json. Read once, before any address or field is
// read or checked: the page starts only when they are here ({error} if they could not be loaded).
const LIMITS = await fetch(new URL("limits.json", import.meta.url))
  .then(r => { if (!r.ok) throw new Error(`limits.json: ${r.status}`); return r.json(); })
  .catch(e => ({ error: e.message }));
const MOST_SKETCHES = LIMITS.sizes?.at(-1);  // the gallery's largest training size: the largest batch too

const DEFAULTS = { seed: 1, hidden: 4, optimizer: "sgd", lr: 0.1, epochs: 200,
                   x: [[0.5, 0.7, 0.3], [0.9, 0.2, 0.6]], y: [0.8, 0.3], mode: "studio", n: MOST_SKETCHES, batch: "all" };
const SVG = "http://www.w3.org/2000/svg";

// ---- reading what the learner typed: each reader gives {value} or {error} ----

const fail = (expected, got) => ({ error: `expects ${expected}, got ${JSON.stringify(String(got))}` });

function whole(lo, hi) {
  return text => {
    const s = String(text).trim();
    const v = Number(s);
    return /^[+-]?\d+$/.test(s) && v >= lo && v <= hi ? { value: v } : fail(`a whole number from ${lo} to ${hi}`, text);
  };
}

function real(lo, hi, what = `a number from ${lo} to ${hi}`) {
  return text => {
    const s = String(text).trim();
    const v = Number(s);
    return s !== "" && Number.isFinite(v) && v >= lo && v <= hi ? { value: v } : fail(what, text);
  };
}

const READ = {
  seed: text => whole(...LIMITS.seeds)(text),
  hidden: text => whole(...LIMITS.hidden)(text),
  epochs: text => whole(1, LIMITS.epochs)(text),
  lr: real(1e-4, 10, "a learning rate from 0.0001 to 10"),
  optimizer: text => ["sgd", "adam"].includes(text) ? { value: text } : fail('"sgd" or "adam"', text),
  feature: real(-10, 10),
  target: real(-10, 10),
  // gallery mode and her own sketches (gallery.js)
  mode: text => ["studio", "gallery", "own"].includes(text) ? { value: text } : fail('"studio", "gallery" or "own"', text),
  n: text => LIMITS.sizes.includes(Number(text)) && /^\d+$/.test(text) ? { value: Number(text) }
    : fail(`${LIMITS.sizes.slice(0, -1).join(", ")} or ${MOST_SKETCHES} training sketches`, text),
  batch: text => {
    const r = whole(1, MOST_SKETCHES)(text);
    return String(text).trim() === "all" ? { value: "all" }
      : r.error ? fail(`"all" or a whole number from 1 to ${MOST_SKETCHES}`, text) : r;
  },
};

/** Why a gallery configuration cannot run, or "" (its shuffle orders are exported for LIMITS.batchEpochs epochs). */
const clash = c => (c.mode === "gallery" && c.batch !== "all" && c.epochs > LIMITS.batchEpochs
  ? `expects at most ${LIMITS.batchEpochs} epochs with mini-batches, got ${c.epochs}` : "");

function readSketches(text) {
  const rows = String(text).split(";");
  if (rows.length < 1 || rows.length > 8) return fail("1 to 8 sketches separated by ;", text);
  const x = [];
  for (const row of rows) {
    const cells = row.split(",");
    if (cells.length !== 3) return fail("3 features per sketch (color mix, brush pressure, tilt angle)", row);
    const read = cells.map(READ.feature);
    const bad = read.find(r => r.error);
    if (bad) return bad;
    x.push(read.map(r => r.value));
  }
  return { value: x };
}

function readTargets(text, n) {
  const read = String(text).split(",").map(READ.target);
  const bad = read.find(r => r.error);
  if (bad) return bad;
  return read.length === n ? { value: read.map(r => r.value) } : fail(`${n} targets, one per sketch`, text);
}

/** The configuration in the address (missing or bad parameters take the default), and what was ignored. */
export function fromQuery(search) {
  const q = new URLSearchParams(search);
  const config = structuredClone(DEFAULTS);
  const ignored = [];
  for (const key of ["seed", "hidden", "optimizer", "lr", "epochs", "mode", "n", "batch"]) {
    if (!q.has(key)) continue;
    const r = READ[key](q.get(key));
    if (r.error) ignored.push(`${key} (${r.error})`);
    else config[key] = r.value;
  }
  if (q.has("x")) {
    const r = readSketches(q.get("x"));
    if (r.error) ignored.push(`x (${r.error})`);
    else config.x = r.value;
  }
  const y = readTargets(q.get("y") ?? "", config.x.length);
  if (!y.error) config.y = y.value;
  else if (q.has("x") || q.has("y")) {  // sketches without fitting targets fall back with them
    ignored.push(`y (${y.error})`);
    if (q.has("x") && !ignored.some(i => i.startsWith("x "))) ignored.push("x (it needs a target for every sketch)");
    config.x = structuredClone(DEFAULTS.x);
  }
  if (clash(config)) ignored.push(`epochs (${clash(config)})`), config.epochs = DEFAULTS.epochs;
  let pin = null;  // the kept run, as its own query: refused whole if any of its values is bad
  if (q.has("pin")) {
    const kept = fromQuery(q.get("pin"));
    if (kept.ignored.length || kept.pin) ignored.push(`pin (${kept.ignored.join("; ") || "a kept run keeps no run"})`);
    else pin = kept.config;
  }
  const moment = readMoment(q, config, ignored);  // the pass view's epoch, pass and station, or null
  return { config, ignored, pin, moment };
}

/** Where a run's sketches come from, in a few words. */
const source = c => (c.mode === "gallery" ? `gallery, ${c.n} sketches${c.batch === "all" ? "" : `, batch ${c.batch}`}`
  : c.mode === "own" ? "your own sketches" : "the studio's sketches");

/** What sets run `a` apart from run `b`, in a few words ("SGD, lr 0.1"). */
export function differs(a, b) {
  const say = [];
  if (a.optimizer !== b.optimizer || a.lr !== b.lr) say.push(`${a.optimizer === "sgd" ? "SGD" : "Adam"}, lr ${a.lr}`);
  if (a.seed !== b.seed) say.push(`seed ${a.seed}`);
  if (a.hidden !== b.hidden) say.push(`${a.hidden} hidden`);
  if (a.epochs !== b.epochs) say.push(`${a.epochs} epochs`);
  if (source(a) !== source(b)) say.push(source(a));
  else if (a.mode !== "gallery" && JSON.stringify([a.x, a.y]) !== JSON.stringify([b.x, b.y])) say.push(`its own ${a.x.length} sketches`);
  return say.join(", ") || "the same run";
}

/** The address's query string for a configuration. */
export function toQuery(c) {
  const mode = c.mode === "gallery" ? `&mode=gallery&n=${c.n}&batch=${c.batch}` : c.mode === "own" ? "&mode=own" : "";
  if (mode) return `?seed=${c.seed}&hidden=${c.hidden}&optimizer=${c.optimizer}&lr=${c.lr}&epochs=${c.epochs}${mode}`;
  return `?seed=${c.seed}&hidden=${c.hidden}&optimizer=${c.optimizer}&lr=${c.lr}&epochs=${c.epochs}` +
    `&x=${c.x.map(r => r.join(",")).join(";")}&y=${c.y.join(",")}`;
}

// ---- numbers as Python prints them ----

/** `format(v, ".{p}g")` as Python writes it. */
export function pyG(v, p = 6) {
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  if (v === 0) return Object.is(v, -0) ? "-0" : "0";
  const [mantissa, e] = v.toExponential(p - 1).split("e");
  const exp = Number(e);
  const trim = s => s.includes(".") ? s.replace(/\.?0+$/, "") : s;
  if (exp < -4 || exp >= p) return `${trim(mantissa)}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  return trim(v.toFixed(p - 1 - exp));
}

const pyNumber = v => { const s = String(v); return /^-?\d+$/.test(s) ? `${s}.0` : s; };

/** A standalone Python program that makes the same run with neura and prints what `summary` shows. */
export function snippet(c) {
  const rows = c.x.map(r => `[${r.map(pyNumber).join(", ")}]`).join(",\n                  ");
  return `import torch
from neura import NeuralPainter, train

x = torch.tensor([${rows}])
y = torch.tensor([${c.y.map(pyNumber).join(", ")}]).unsqueeze(1)
model = NeuralPainter(hidden=${c.hidden}, seed=${c.seed})
diary = train(model, x, y, optimizer="${c.optimizer}", lr=${pyNumber(c.lr)}, epochs=${c.epochs})

last = diary.iloc[-1]
print(f"epoch {last['Epoch']:.0f}: loss {last['Loss']:.6g}")
for i in range(len(y)):
    print(f"sketch {i}: prediction {last[f'Prediction[{i}]']:.6g}, target {last[f'Target[{i}]']:.6g}")
`;
}

/** What the snippet prints: the last diary row's loss, predictions and targets. */
export function summary(row, n) {
  const lines = [`epoch ${row.Epoch}: loss ${pyG(row.Loss)}`];
  for (let i = 0; i < n; i++)
    lines.push(`sketch ${i}: prediction ${pyG(row[`Prediction[${i}]`])}, target ${pyG(row[`Target[${i}]`])}`);
  return lines.join("\n") + "\n";
}

// ---- the starting brushes, exported from PyTorch at build time ----

const brushFiles = new Map();

/** NeuralPainter(hidden, seed)'s brushes, read from live/brushes-HIDDEN.bin (fetched once per size). */
async function brushes(hidden, seed) {
  if (!brushFiles.has(hidden)) {
    const file = fetch(new URL(`brushes-${hidden}.bin`, import.meta.url))
      .then(r => { if (!r.ok) throw new Error(`brushes-${hidden}.bin: ${r.status}`); return r.arrayBuffer(); });
    brushFiles.set(hidden, file.catch(e => { brushFiles.delete(hidden); throw e; }));
  }
  const all = new Float32Array(await brushFiles.get(hidden));
  const size = 5 * hidden + 1;
  const at = seed * size;
  return {
    W1: all.slice(at, at + 3 * hidden),
    b1: all.slice(at + 3 * hidden, at + 4 * hidden),
    W2: all.slice(at + 4 * hidden, at + 5 * hidden),
    b2: all.slice(at + 5 * hidden, at + size),
  };
}

// ---- drawing ----

function el(name, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (parent) parent.append(node);
  return node;
}

function text(parent, x, y, content, attrs = {}) {
  el("text", { x, y, ...attrs }, parent).textContent = content;
}

/** Widen the viewBox to hold every label as the reader's own font draws it, so none is cut. */
function fit(svg) {
  const [x, y, w, h] = svg.getAttribute("viewBox").split(" ").map(Number), b = svg.getBBox();
  const x0 = Math.min(x, Math.floor(b.x) - 2), y0 = Math.min(y, Math.floor(b.y) - 2);
  const x1 = Math.max(x + w, Math.ceil(b.x + b.width) + 2), y1 = Math.max(y + h, Math.ceil(b.y + b.height) + 2);
  svg.setAttribute("viewBox", `${x0} ${y0} ${x1 - x0} ${y1 - y0}`);
}

function drawNetwork(svg, record, x, scale) {
  const hidden = record.b1.length;
  const rows = Math.max(3, hidden);
  const height = 40 * rows + 20;
  svg.setAttribute("viewBox", `0 0 400 ${height}`);
  svg.replaceChildren();
  const column = (count, cx) => Array.from({ length: count }, (_, i) => [cx, height / 2 + 40 * (i - (count - 1) / 2)]);
  const layers = [column(3, 110), column(hidden, 210), column(1, 310)];
  const silent = forward(record, x).z;  // a neuron is silent if its stroke is <= 0 on every sketch
  const dead = Array.from({ length: hidden }, (_, j) => silent.every(z => z[j] <= 0));
  const weight = (k, j, i) => (k === 0 ? record.W1[j * 3 + i] : record.W2[i]);
  for (let k = 0; k < 2; k++)
    layers[k + 1].forEach(([x2, y2], j) => layers[k].forEach(([x1, y1], i) => {
      const w = weight(k, j, i);
      el("line", { x1, y1, x2, y2, class: w > 0 ? "pos" : "neg",
                   "stroke-width": Number.isFinite(w) ? (0.5 + 5 * Math.abs(w) / scale).toFixed(2) : 0.5 }, svg);
    }));
  layers.forEach((points, k) => points.forEach(([cx, cy], n) => {
    el("circle", { cx, cy, r: 14, class: k === 1 && dead[n] ? "dead" : "" }, svg);
    if (k === 0) text(svg, cx - 20, cy + 4, FEATURES[n], { "text-anchor": "end" });
    if (k === 2) text(svg, cx + 20, cy + 4, "score");
  }));
  fit(svg);
  const quiet = dead.filter(Boolean).length;
  svg.setAttribute("aria-label", `Neura's network: 3 features, ${hidden} hidden neurons` +
    (quiet ? ` (${quiet} silent on every sketch, drawn grey)` : "") + ", one score");
}

function drawLoss(svg, losses, epoch, ghost = [], tests = null) {
  const W = 400, H = 190, left = 52, right = 12, top = 12, bottom = 30;
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.replaceChildren();
  const log = ls => ls.map(l => (Number.isFinite(l) && l > 0 ? Math.log10(l) : null));
  const logs = log(losses), kept = log(ghost), testLogs = tests ? log(tests) : [];
  const shown = [...logs, ...kept, ...testLogs].filter(v => v !== null);
  const lo = shown.length ? Math.floor(Math.min(...shown)) : -1;
  const hi = shown.length ? Math.max(lo + 1, Math.ceil(Math.max(...shown))) : 0;
  const last = Math.max(losses.length, ghost.length) - 1;
  const px = e => left + (W - left - right) * (last > 0 ? e / last : 0.5);
  const py = v => top + (H - top - bottom) * (hi - v) / (hi - lo);
  const stride = Math.max(1, Math.ceil((hi - lo) / 5));
  for (let d = lo; d <= hi; d += stride) {
    el("line", { x1: left, x2: W - right, y1: py(d), y2: py(d), class: "grid" }, svg);
    text(svg, left - 6, py(d) + 4, `1e${d}`, { "text-anchor": "end" });
  }
  if (last > 0) {
    text(svg, left, H - 8, "0", { "text-anchor": "middle" });
    text(svg, W - right, H - 8, String(last), { "text-anchor": "end" });
    text(svg, (left + W - right) / 2, H - 8, "epoch", { "text-anchor": "middle" });
  } else text(svg, px(0), H - 8, "epoch 0 (the only one)", { "text-anchor": "middle" });  // no "0 … 0" axis
  const path = (ls, cls) => {
    let d = "";
    ls.forEach((v, e) => { if (v !== null) d += `${d && ls[e - 1] !== null ? "L" : "M"}${px(e).toFixed(1)} ${py(v).toFixed(1)}`; });
    el("path", { d, class: cls }, svg);
  };
  if (ghost.length) path(kept, "ghost");
  if (tests) path(testLogs, "curve test");  // the gallery's test loss
  path(logs, "curve");
  const v = logs[epoch];
  el("line", { x1: px(epoch), x2: px(epoch), y1: top, y2: H - bottom, class: "now" }, svg);
  if (v !== null) el("circle", { cx: px(epoch), cy: py(v), r: 4.5, class: "now" }, svg);
  fit(svg);
  svg.setAttribute("aria-label", `The loss on a log scale over ${losses.length} epoch${losses.length === 1 ? "" : "s"}; at epoch ${epoch} it is ${pyG(losses[epoch], 4)}` +
    (tests ? `, the test loss (dotted) ${pyG(tests[epoch], 4)}` : "") +
    (ghost.length ? `; the kept run's (dashed) is ${pyG(ghost[Math.min(epoch, ghost.length - 1)], 4)}` : ""));
}

function drawPredictions(svg, record, targets, range, ghost = null) {
  const n = targets.length, W = 400, rowH = 30, left = 76, right = 16, H = rowH * n + 28;
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.replaceChildren();
  const [lo, hi] = range;
  const px = v => left + (W - left - right) * (Math.min(Math.max(v, lo), hi) - lo) / (hi - lo || 1);
  const said = [];
  targets.forEach((t, i) => {
    const y = 16 + rowH * i, p = record.row[`Prediction[${i}]`];
    text(svg, left - 10, y + 4, `sketch ${i}`, { "text-anchor": "end" });
    el("line", { x1: left, x2: W - right, y1: y, y2: y, class: "grid" }, svg);
    if (Number.isFinite(p)) el("line", { x1: px(t), x2: px(p), y1: y, y2: y, class: "miss" }, svg);
    el("circle", { cx: px(t), cy: y, r: 7, class: "target" }, svg);
    if (Number.isFinite(p)) el("circle", { cx: px(p), cy: y, r: 4.5, class: "prediction" }, svg);
    const g = ghost?.[`Prediction[${i}]`];
    if (Number.isFinite(g)) el("rect", { x: px(g) - 5, y: y - 5, width: 10, height: 10, class: "ghost" }, svg);
    said.push(`sketch ${i}: ${pyG(p, 4)} for ${pyG(t, 4)}`);
  });
  text(svg, left, H - 6, pyG(lo, 3), { "text-anchor": "start" });
  text(svg, W - right, H - 6, pyG(hi, 3), { "text-anchor": "end" });
  fit(svg);
  svg.setAttribute("aria-label", `Predictions and targets at this epoch: ${said.join("; ")}` +
    (ghost ? " (a square: the kept run's prediction)" : ""));
}

// ---- the widget ----

function start(root) {
  const $ = id => root.querySelector(`#live-${id}`);
  const motion = window.matchMedia("(prefers-reduced-motion: reduce)");
  let config, ignored;  // the last good configuration, and what its address had wrong
  let run = null;        // the finished run on screen: {config, records}
  let pending = 0;       // the number of the newest run asked for; older ones stop
  let timer = null;
  let pinned = null;     // the kept run (issue 19 item 3): {config, records}, drawn as a ghost
  let moment = null;     // the address's epoch and pass view station, used by the run it opened

  // the fields offer what the checks accept
  for (const [key, lo, hi] of [["hidden", ...LIMITS.hidden], ["seed", ...LIMITS.seeds], ["epochs", 1, LIMITS.epochs]])
    Object.assign($(key), { min: lo, max: hi });
  $("n").replaceChildren(...LIMITS.sizes.map(n => new Option(n)));

  /** The page's first paragraph names the run this address opened, not always the default (issue 27). */
  function opened(c) {
    const said = document.getElementById("live-opened");
    if (!said) return;
    const n = c.mode === "gallery" ? c.n : c.x.length, words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight"];
    const run = `seed ${c.seed}, ${words[c.hidden] ?? c.hidden} hidden neuron${c.hidden === 1 ? "" : "s"}, ` +
      `${c.optimizer === "sgd" ? "SGD" : "Adam"} with learning rate ${c.lr}, ${words[n] ?? n} ` +
      `${c.mode === "gallery" ? "of step 7's gallery sketches" : c.mode === "own" ? "of your own sketches" : "sketches"}` +
      `${c.mode === "gallery" && c.batch !== "all" ? ` in batches of ${c.batch}` : ""}, ${c.epochs} epoch${c.epochs === 1 ? "" : "s"}`;
    said.textContent = toQuery(c) === toQuery(DEFAULTS) ? `It opens on the run of steps 5 and 6: ${run}.`
      : `The link you followed opened this run: ${run}.`;
  }

  function notice() {
    $("notice").hidden = !ignored.length;
    $("notice").textContent = ignored.length ? `Ignored in the address, so the default is used: ${ignored.join("; ")}.` : "";
  }

  function mark(input, message) {
    const msg = root.querySelector(`#${input.getAttribute("aria-describedby")}`) || input.nextElementSibling;
    input.setAttribute("aria-invalid", message ? "true" : "false");
    if (msg) msg.textContent = message ? `This field ${message}; the last good run is still shown.` : "";
  }

  function sketchRow(i, features, target) {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = i;
    tr.append(th);
    [...features, target].forEach((v, k) => {
      const td = document.createElement("td");
      const input = document.createElement("input");
      input.type = "text";
      input.inputMode = "decimal";
      input.value = v;
      input.dataset.k = k;
      input.setAttribute("aria-label", `sketch ${i}, ${k < 3 ? FEATURES[k] : "target"}`);
      input.setAttribute("aria-describedby", "live-rows-msg");
      td.append(input);
      tr.append(td);
    });
    const td = document.createElement("td");
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "live-remove";
    remove.textContent = "×";
    remove.setAttribute("aria-label", `Remove sketch ${i}`);
    remove.disabled = config.x.length <= 1;
    td.append(remove);
    tr.append(td);
    return tr;
  }

  function showConfig() {
    if (config.mode === "studio") $("rows").replaceChildren(...config.x.map((r, i) => sketchRow(i, r, config.y[i])));
    $("add").disabled = config.x.length >= 8;
    for (const key of ["hidden", "seed", "optimizer", "lr", "epochs", "n", "batch"]) $(key).value = config[key];
    root.dataset.mode = config.mode;  // live.css shows the mode's own fields
    root.querySelectorAll("[name=mode]").forEach(r => { r.checked = r.value === config.mode; });
    if (config.mode === "own" && !$("csv-text").value)  // her sketches start as the ones on screen
      $("csv-text").value = ["color mix,brush pressure,tilt angle,target", ...config.x.map((r, i) => [...r, config.y[i]])].join("\n");
    $("lr-slider").value = Math.log10(config.lr);
    root.querySelectorAll("[aria-invalid=true]").forEach(i => mark(i, ""));
  }

  function readRows() {
    const x = [], y = [];
    let error = null;
    for (const tr of $("rows").children) {
      const values = [...tr.querySelectorAll("input")].map(input => {
        const r = (input.dataset.k < 3 ? READ.feature : READ.target)(input.value);
        mark(input, r.error);
        if (r.error && !error) error = `Sketch ${tr.firstChild.textContent}, ${input.getAttribute("aria-label").split(", ")[1]}: ${r.error}`;
        return r.value;
      });
      x.push(values.slice(0, 3));
      y.push(values[3]);
    }
    $("rows-msg").textContent = error ? `${error}; the last good run is still shown.` : "";
    return error ? null : { x, y };
  }

  function changed(event) {
    const input = event.target;
    const next = structuredClone(config);
    if (input.id === "live-lr-slider") {
      next.lr = Number((10 ** Number(input.value)).toPrecision(2));
      $("lr").value = next.lr;
      mark($("lr"), "");
    } else if (input.name in READ) {
      const r = READ[input.name](input.value);
      mark(input, r.error);
      if (r.error) return;
      next[input.name] = r.value;
      if (input.name === "lr") $("lr-slider").value = Math.log10(r.value);
      if (clash(next)) return mark(input, clash(next));
      if (input.name === "mode") return switchMode(next);
    } else if ("k" in input.dataset) {
      const rows = readRows();
      if (!rows) return;
      Object.assign(next, rows);
    } else return;
    apply(next);
  }

  let studio = null;  // the studio's sketches, kept while another mode shows other ones
  function switchMode(next) {
    if (config.mode === "studio") studio = { x: config.x, y: config.y };
    const { x, y } = studio ?? DEFAULTS;
    if (next.mode === "studio") Object.assign(next, structuredClone({ x, y }));
    if (next.mode === "own") $("csv-text").value = "";
    reshape(next);
  }

  async function own(text) {  // her own sketches, read from the CSV field: they never leave this page
    const r = (await gallery()).parseCsv(text);
    mark($("csv-text"), r.error);
    if (!r.error) apply({ ...structuredClone(config), mode: "own", ...r.value });
  }

  function apply(next) {
    config = next;
    history.replaceState(history.state, "", address() + location.hash);
    compute(config);
  }

  const address = () => toQuery(config) + (pinned ? `&pin=${encodeURIComponent(toQuery(pinned.config).slice(1))}` : "");

  let galleryJs = null;  // docs/live/gallery.js, imported when a mode other than the studio's asks for it
  const gallery = () => (galleryJs ??= import("./gallery.js").catch(e => { galleryJs = null; throw e; }));

  /** Train configuration c in slices of about 12 ms, so the page stays responsive; null if overtaken.
   * In gallery mode c gets the gallery's sketches (fetched when first needed) as its x and y. */
  async function records(c, ticket) {
    const start = await brushes(c.hidden, c.seed);
    const more = c.mode === "studio" ? {} : await (await gallery()).data(c);  // own: its CSV reader, ready
    if (ticket !== pending) return null;
    if (more.test) Object.assign(c, { x: more.x, y: more.y, test: more.test });  // the gallery's
    else delete c.test;
    const found = [], steps = train(start, c.x, c.y, { ...c, ...more });
    for (;;) {
      const until = performance.now() + 12;
      let r;
      while (!(r = steps.next()).done && (found.push(r.value), performance.now() < until));
      if (ticket !== pending || !root.isConnected) return null;
      if (r.done) return found;
      await new Promise(resolve => setTimeout(resolve));
      if (ticket !== pending || !root.isConnected) return null;
    }
  }

  async function compute(c) {
    const ticket = ++pending;
    root.dataset.state = "running";
    let found;
    try {
      found = await records(c, ticket);
      if (found && pinned && !pinned.records) pinned.records = await records(pinned.config, ticket);
    } catch (e) {
      const what = c.mode === "gallery" || pinned?.config.mode === "gallery" ? "Her brushes or the gallery" : "Her brushes";
      $("status").textContent = `${what} could not be loaded (${e.message}); reload the page to try again.`;
      root.dataset.state = "error";
      return;
    }
    if (!found || (pinned && !pinned.records)) return;
    const tests = c.mode === "gallery" ? found.map(r => r.testLoss) : null;
    run = root.run = { config: c, records: found, test: tests, ...scales(found, c.y),
      seen: tests && memorising(found.map(r => r.loss), tests) };  // once a run, not at every epoch shown
    $("epoch").max = c.epochs - 1;
    const at = moment?.epoch ?? c.epochs - 1;
    $("epoch").value = at;
    const g = c.mode === "gallery" && await gallery();
    $("snippet").textContent = g ? g.snippet(c) : snippet(c);
    $("final").textContent = g ? g.summary(found.at(-1).row, pyG) : summary(found.at(-1).row, c.x.length);
    $("drop").hidden = !pinned;
    $("legend").textContent = !tests && !pinned ? "" :  // the key to the curves, when there is more than one
      ` Solid: ${pinned ? `this run (${differs(c, pinned.config)})` : "the training loss"}` +
      (tests ? "; amber, dotted: its test loss" : "") +
      (pinned ? `; dashed: the kept run (${differs(pinned.config, c)})${tests ? ", its training loss" : ""}` : "") + ".";
    show(at, moment);
    moment = null;
    root.dataset.config = toQuery(c);
    root.dataset.state = "done";
    root.dispatchEvent(new CustomEvent("live:run", { bubbles: true, detail: run }));
  }

  function scales(records, targets) {
    let w = 1e-6, lo = Math.min(...targets), hi = Math.max(...targets);
    for (const r of records) {
      for (const v of [...r.W1, ...r.W2]) if (Number.isFinite(v)) w = Math.max(w, Math.abs(v));
      for (const v of r.yHat) if (Number.isFinite(v)) lo = Math.min(lo, v), hi = Math.max(hi, v);
    }
    const pad = (hi - lo) * 0.05 || 0.5;
    return { weightScale: w, range: [lo - pad, hi + pad] };
  }

  function show(epoch, moment = null) {
    const { config: c, records } = run;
    const record = records[epoch];
    $("epoch-shown").textContent = epoch;
    drawNetwork($("network"), record, c.x, run.weightScale);
    const kept = pinned?.records;
    drawLoss($("loss"), records.map(r => r.loss), epoch, kept ? kept.map(r => r.loss) : [], run.test);
    drawPredictions($("predictions"), record, c.y.slice(0, 8), run.range,  // a gallery's first 8
                    kept && kept[Math.min(epoch, kept.length - 1)].row);
    const beyond = /^(Prediction|Target)\[([89]|\d\d+)\]$/;
    $("row").replaceChildren(...Object.entries(record.row).filter(([k]) => !beyond.test(k)).map(([k, v]) => {
      const tr = document.createElement("tr");
      tr.innerHTML = `<th scope="row"><small></small></th><td></td>`;
      tr.firstChild.prepend(readable(k));
      tr.firstChild.lastChild.textContent = k;
      tr.lastChild.textContent = k === "Epoch" || k === "Steps" ? v : pyG(v);
      return tr;
    }));
    // every hidden neuron silent on every sketch (issue 19 item 7): say what that means
    const silent = forward(record, c.x).z.every(z => z.every(v => v <= 0));
    $("silent").hidden = !silent;
    $("silent").textContent = silent ? `At epoch ${epoch} every hidden neuron is silent on every sketch: ` +
      "no feedback reaches her brushes; only the output bias learns." : "";
    root.dispatchEvent(new CustomEvent("live:show", { bubbles: true, detail: { record, config: c, epoch, records, moment } }));
    if (timer) return;  // while it plays, the spoken status waits for the end
    const broke = records.findIndex(r => !Number.isFinite(r.loss));
    const last = records.at(-1).row.Loss;
    $("status").textContent = broke >= 0
      ? `The loss became ${pyG(records[broke].row.Loss)} at epoch ${broke}: a learning rate of ${c.lr} is too large ` +
        `for these sketches, so every step overshoots the bottom of the valley further than the last. ` +
        `Try a smaller one, such as ${Number((c.lr / 10).toPrecision(2))}.`
      : records.length === 1  // one epoch: one row, written before its step, so no step's effect to judge yet
      ? `One epoch: her diary has one row, epoch 0, written before its step${c.mode === "gallery" && c.batch !== "all" ? "s" : ""}: ` +
        `loss ${pyG(record.row.Loss, 5)}. No step's effect shows yet; give her two or more epochs to see the loss move.` +
        (run.test ? ` Her test loss is ${pyG(run.test[0], 5)}.` : "")
      : `Epoch ${epoch} of ${c.epochs - 1}: loss ${pyG(record.row.Loss, 5)}. At the start of the last epoch, before its step, the loss is ${pyG(last, 5)}` +
        (last < records[0].row.Loss ? `, down from ${pyG(records[0].row.Loss, 5)}.` : `, not below where it started (${pyG(records[0].row.Loss, 5)}).`) +
        (run.test ? tested(run.test, epoch) : "");
  }

  /** Gallery mode: what the test loss says at this epoch, and where it was lowest (step 7's early stopping). */
  function tested(test, epoch) {
    const best = test.indexOf(Math.min(...test)), seen = run.seen;
    return ` Her test loss is ${pyG(test[epoch], 5)} here; it is lowest at epoch ${best} (${pyG(test[best], 5)})` +
      (seen.memorising ? `. Averaged over ${WINDOW} epochs, it ends ${pyG(seen.times, 3)} times its lowest, and her ` +
        "training loss, averaged the same way, ends lower than it was then: she has begun to memorise." : ".");
  }

  function stop() {
    const played = timer;
    clearInterval(timer);
    timer = null;
    if (played) show(Number($("epoch").value));
    $("playing").textContent = "Play";
    $("playing").setAttribute("aria-pressed", "false");
  }

  function play() {
    if (timer) return stop();
    const e = $("epoch");
    if (Number(e.value) >= Number(e.max)) e.value = 0;
    $("playing").textContent = "Pause";
    $("playing").setAttribute("aria-pressed", "true");
    // A whole run plays in about 4 s; with reduced motion, in 10 still frames instead of a smooth sweep.
    const frames = motion.matches ? 10 : 120;
    const stride = Math.max(1, Math.ceil((Number(e.max) + 1) / frames));
    timer = setInterval(() => {
      if (!root.isConnected) return stop();
      const next = Math.min(Number(e.max), Number(e.value) + stride);
      e.value = next;
      show(next);
      if (next >= Number(e.max)) stop();
    }, motion.matches ? 400 : 33);
  }

  let saved = null;  // the last diary offered for download: freed at the next one, not sooner,
                     // since a busy browser may start saving it seconds after the click
  function download() {
    if (saved) URL.revokeObjectURL(saved);
    saved = URL.createObjectURL(new Blob([toCsv(run.records.map(r => r.row))], { type: "text/csv" }));
    const a = document.createElement("a");
    a.href = saved;
    a.download = "neura-diary.csv";
    document.body.append(a);
    a.click();
    a.remove();
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText($("snippet").textContent);  // the gallery's or the studio's
      $("status").textContent = "Copied: paste it into Python with neura installed to make the same run.";
    } catch {
      root.querySelector(".live-python").open = true;
      $("status").textContent = "The browser did not allow copying: the Python is shown below, select and copy it.";
    }
  }

  root.addEventListener("input", changed);
  $("setup").addEventListener("submit", e => e.preventDefault());
  $("csv-text").addEventListener("input", e => own(e.target.value));
  $("csv-file").addEventListener("change", async e => {
    const file = e.target.files[0];
    if (!file) return;
    if (file.size > 1e6) return mark($("csv-text"), `expects a file of at most 1 MB, got ${Math.round(file.size / 1e6)} MB`);
    own($("csv-text").value = await file.text());
  });
  $("rows").addEventListener("click", e => {
    const button = e.target.closest(".live-remove");
    if (!button || config.x.length <= 1) return;
    const i = [...$("rows").children].indexOf(button.closest("tr"));
    const next = structuredClone(config);
    next.x.splice(i, 1);
    next.y.splice(i, 1);
    reshape(next);
  });
  $("add").addEventListener("click", () => {
    if (config.x.length >= 8) return;
    const next = structuredClone(config);
    next.x.push([0.5, 0.5, 0.5]);
    next.y.push(0.5);
    reshape(next);
  });
  $("epoch").addEventListener("input", e => { if (run) show(Number(e.target.value)); });
  $("back").addEventListener("click", () => step(-1));
  $("forward").addEventListener("click", () => step(1));
  $("playing").addEventListener("click", () => run && play());
  $("csv").addEventListener("click", () => run && download());
  $("copy").addEventListener("click", () => run && copy());
  $("keep").addEventListener("click", () => {
    if (!run) return;
    pinned = { config: run.config, records: run.records };
    apply(config);
  });
  $("drop").addEventListener("click", () => { pinned = null; apply(config); });
  $("reset").addEventListener("click", () => reshape(structuredClone(DEFAULTS)));

  function step(by) {
    if (!run) return;
    stop();
    const e = $("epoch");
    e.value = Math.min(Number(e.max), Math.max(0, Number(e.value) + by));
    show(Number(e.value));
  }

  function reshape(next) {  // a sketch added or removed: the table is drawn anew from the last good run
    apply(next);
    showConfig();
  }

  /** Show the run of another address of this page (a link to it, or back and forward). */
  root.load = search => {
    stop();
    let pin;
    ({ config, ignored, pin, moment } = fromQuery(search));
    pinned = pin && { config: pin };
    opened(config);
    notice();
    showConfig();
    compute(config);
  };
  root.dataset.path = location.pathname;
  root.load(location.search);
}

function boot() {
  const root = document.getElementById("live-studio");
  if (root && !root.dataset.started) {
    root.dataset.started = "yes";
    if (!LIMITS.error) return start(root);
    root.querySelector("#live-status").textContent = `The studio's limits could not be loaded (${LIMITS.error}); reload the page to try again.`;
    root.dataset.state = "error";
  }
}

// Material's instant navigation swaps pages without reloading this module: start again on every new page.
if (window.document$) window.document$.subscribe(boot);
else boot();

// It ignores a link to the same page with another query, and going back and forth between two:
// the live studio takes those itself.
const studio = () => document.getElementById("live-studio");
document.addEventListener("click", event => {
  const link = event.target.closest?.("a[href]");
  if (!link || !studio()?.load || link.target || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const url = new URL(link.href, location.href);
  if (url.pathname !== location.pathname || url.search === location.search) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  history.pushState(history.state, "", url);
  studio().load(url.search);
  studio().scrollIntoView();
}, true);
window.addEventListener("popstate", () => {
  if (studio()?.load && studio().dataset.path === location.pathname) studio().load(location.search);
});
