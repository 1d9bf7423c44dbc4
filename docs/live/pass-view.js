// The pass view: one forward and backward pass at the epoch on screen, walked station by station on
// Neura's network. It draws what pass.js computes (trainer.js's numbers) and listens to view.js's
// "live:show" event, as the map does; the address keeps its epoch, pass and station.
import { PHASES, count, numbers, station } from "./pass.js";

const SVG = "http://www.w3.org/2000/svg";

function el(name, attrs, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  parent.append(node);
  return node;
}

/** The stations in walking order: [phase, index] for every forward, then every backward one. */
export const walk = hidden => PHASES.flatMap(p => Array.from({ length: count(p, hidden) }, (_, i) => [p, i]));

/** Draw station st of pass p in svg: the network, its lit links and nodes, and the followed sketch's numbers. */
export function draw(svg, p, st) {
  const H = p.H, rows = Math.max(3, H), height = 40 * rows + 30, lit = new Set(st.focus);
  svg.setAttribute("viewBox", `0 0 500 ${height}`);
  svg.replaceChildren();
  const column = (k, cx) => Array.from({ length: k }, (_, i) => [cx, height / 2 + 40 * (i - (k - 1) / 2)]);
  const [xs, hs, [out]] = [column(3, 130), column(H, 340), column(1, 550)];  // room for the labels between the columns
  const silent = j => (st.phase === "backward" || st.index >= 2) && !(p.h[st.s * H + j] > 0);
  const label = (x, y, words, anchor = "middle") => {
    if (words) el("text", { x, y, "text-anchor": anchor, class: "pass-label" }, svg).textContent = words;
  };
  const link = (key, [x1, y1], [x2, y2], w, at, anchor) => {  // its label where the line is at `at`
    el("line", { x1, y1, x2, y2, class: `${w > 0 ? "pos" : "neg"}${lit.has(key) ? " lit" : " faint"}` }, svg);
    if (lit.has(key)) label(x1 + (x2 - x1) * at, y1 + (y2 - y1) * at - 5, st.labels[key], anchor);
  };
  hs.forEach((h, j) => xs.forEach((x, k) => link(`w1-${j}-${k}`, x, h, p.brushes.W1[3 * j + k], 0.12, "start")));
  hs.forEach((h, j) => link(`w2-${j}`, h, out, p.brushes.W2[j], 0.5));
  xs.forEach(([cx, cy], k) => { el("circle", { cx, cy, r: 12 }, svg); label(cx - 18, cy + 4, st.labels[`x${k}`], "end"); });
  hs.forEach(([cx, cy], j) => {
    el("circle", { cx, cy, r: 12, class: `${silent(j) ? "dead" : ""}${lit.has(`h${j}`) ? " lit" : ""}` }, svg);
    label(cx, cy + 4, String(j));
    if (lit.has(`h${j}`)) label(cx + 16, cy - 14, st.labels[`h${j}`], "start");
  });
  el("circle", { cx: out[0], cy: out[1], r: 12, class: lit.has("out") ? "lit" : "" }, svg);
  label(out[0] + 18, out[1] + 4, st.labels.out ?? "score", "start");
  const b = svg.getBBox();  // widen to every label, as the reader's font draws it
  svg.setAttribute("viewBox", `${Math.min(0, Math.floor(b.x) - 2)} ${Math.min(0, Math.floor(b.y) - 2)} ` +
    `${Math.max(500, Math.ceil(b.x + b.width) + 2) - Math.min(0, Math.floor(b.x) - 2)} ` +
    `${Math.max(height, Math.ceil(b.y + b.height) + 2) - Math.min(0, Math.floor(b.y) - 2)}`);
  svg.setAttribute("aria-label", `Station ${st.name}: ${st.sentence}`);
}

/** On a narrow screen the picture scrolls sideways (live.css): bring the station's lit part to the middle. */
function centre(svg) {
  const box = svg.parentElement, lit = [...svg.querySelectorAll(".lit")];
  if (box.scrollWidth <= box.clientWidth || !lit.length) return;
  const r = box.getBoundingClientRect(), xs = lit.flatMap(e => { const b = e.getBoundingClientRect(); return [b.left, b.right]; });
  box.scrollLeft += (Math.min(...xs) + Math.max(...xs)) / 2 - (r.left + r.width / 2);
}

/** Read an address's pass view moment: {epoch, phase, index} or null; bad values go to `ignored`. */
export function readMoment(q, config, ignored) {
  if (!["epoch", "pass", "station"].some(k => q.has(k))) return null;
  const whole = (key, hi, lo = 0) => {
    const s = (q.get(key) ?? String(lo)).trim(), v = Number(s), ok = /^\d+$/.test(s) && v >= lo && v <= hi;
    if (!ok) ignored.push(`${key} (expects a whole number from ${lo} to ${hi}, got ${JSON.stringify(s)})`);
    return ok ? v : null;
  };
  const epoch = q.has("epoch") ? whole("epoch", config.epochs - 1) : config.epochs - 1;
  const phase = q.get("pass") ?? "forward";
  if (!PHASES.includes(phase)) ignored.push(`pass (expects "forward" or "backward", got ${JSON.stringify(phase)})`);
  const ok = PHASES.includes(phase), index = ok && q.has("station") ? whole("station", count(phase, config.hidden) - 1) : 0;
  return { epoch: epoch ?? config.epochs - 1, phase: ok ? phase : "forward", index: index ?? 0 };
}

function start(card) {
  const $ = id => card.querySelector(`#live-pass-${id}`), motion = window.matchMedia("(prefers-reduced-motion: reduce)");
  let shown = null, p = null, at = 0, sketch = 0, timer = null, touched = false;

  function render() {
    const stations = walk(p.H), [phase, index] = stations[at];
    const st = { ...station(p, phase, index, sketch), s: sketch };
    draw($("net"), p, st);
    centre($("net"));
    $("where").textContent = `${phase === "forward" ? "Forward" : "Backward"} ${index + 1} of ${count(phase, p.H)}: ${st.name}`;
    $("say").textContent = `Epoch ${shown.epoch}. ${st.sentence}`;
    $("rows").replaceChildren(...st.rows.map(([k, v]) => {
      const tr = document.createElement("tr");
      tr.innerHTML = "<th scope=\"row\"></th><td></td>";
      tr.firstChild.textContent = k, tr.lastChild.textContent = v;
      return tr;
    }));
    const ends = [[$("back"), at === 0, $("next")], [$("next"), at === stations.length - 1, $("back")]];
    for (const [button, end, other] of ends) {  // a button that stops at an end hands the keyboard to the other
      if (end && document.activeElement === button) other.focus();
      button.disabled = end;
    }
    card.dataset.station = `${phase} ${index}`;
    card.pass = { epoch: shown.epoch, phase, index, sketch, values: st.values };  // for the browser tests
    if (touched) {
      const q = new URLSearchParams(location.search);
      q.set("epoch", shown.epoch), q.set("pass", phase), q.set("station", index);
      history.replaceState(history.state, "", `?${q}${location.hash}`);
    }
  }

  function go(to) {
    if (!p) return;
    touched = true;
    at = Math.min(Math.max(to, 0), walk(p.H).length - 1);
    render();
  }

  function stop() {
    clearInterval(timer);
    timer = null;
    $("play").textContent = "Play";
    $("play").setAttribute("aria-pressed", "false");
  }

  function play() {
    if (timer) return stop();
    if (at === walk(p.H).length - 1) go(0);
    $("play").textContent = "Pause";
    $("play").setAttribute("aria-pressed", "true");
    timer = setInterval(() => (at < walk(p.H).length - 1 ? go(at + 1) : stop()), motion.matches ? 2500 : 1500);
  }

  card.addEventListener("click", e => {
    const id = e.target.closest("button")?.id;
    if (id === "live-pass-back") stop(), go(at - 1);
    if (id === "live-pass-next") stop(), go(at + 1);
    if (id === "live-pass-play" && p) play();
  });
  card.addEventListener("keydown", e => {
    if (e.target.tagName === "SELECT" || !p) return;
    const to = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: Infinity }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    stop();
    go(to);
  });
  $("sketch").addEventListener("change", e => { sketch = Number(e.target.value); if (p) render(); });

  return detail => {  // each epoch shown: the same station at the new epoch's brushes
    const { record, config, epoch, moment } = detail;
    if (!shown || shown.config !== config) {
      stop();
      $("sketch").replaceChildren(...config.x.map((_, i) => new Option(`sketch ${i}`, i)));
      sketch = 0, at = 0, touched = false;
    }
    shown = { config, epoch };
    p = numbers(record, config.x, config.y);
    if (moment) {
      at = walk(p.H).findIndex(([ph, i]) => ph === moment.phase && i === moment.index);
      touched = true;
      requestAnimationFrame(() => card.scrollIntoView());
    }
    render();
  };
}

document.addEventListener("live:show", e => {
  const card = e.target.querySelector?.("#live-pass");
  if (card) (card.update ??= start(card))(e.detail);
});
