// The challenges beside the live studio. Each either asks first (the learner guesses, then the page runs
// it and says whether she was right, and why) or sets a goal the page checks on every run she makes.
// They are one table, challenges.json; this file reads it, measures runs and judges, nothing else.
// Those set in step 7's gallery (mode=gallery in their address) also measure the per-epoch test loss
// (run.test, an array with a number per epoch, as neura.train's "Test loss" column).
import { forward } from "./trainer.js";
import { RISE, WINDOW, memorising } from "./memorising.js";

const TABLE = fetch(new URL("challenges.json", import.meta.url)).then(r => r.json());

/** The number (or word) a challenge measures on a run {config, records, test}. */
export function measure(name, { config, records, test }) {
  const loss = records.map(r => r.row.Loss), last = loss.length - 1;
  const alive = r => { const z = forward(r, config.x).z; return Array.from(r.b1, (_, j) => z.some(s => s[j] > 0)).filter(Boolean).length; };
  const best = test && test.indexOf(Math.min(...test));
  return {
    loss: () => loss[last],
    alive: () => alive(records[last]),
    alive0: () => alive(records[0]),
    fate: () => !loss.every(Number.isFinite) || loss[last] > loss[0] ? "grows" : loss[last] < loss[0] / 10 ? "falls" : "stays",
    pred0: () => records[last].row["Prediction[0]"],
    reach: () => loss.findIndex(l => l < 0.001),
    testBest: () => best,
    memorises: () => Number(memorising(loss, test).memorising),
  }[name]();
}

/** The choice a guess should have made: the one equal to the measure, or the nearest (on a log scale). */
export function answer(ch, run) {
  const got = measure(ch.measure, run), far = v => ch.near === "log" ? Math.abs(Math.log10(v / got)) : Math.abs(v - got);
  if (ch.number) return got;
  return ch.near ? ch.choices.reduce((a, b) => (far(b[1]) < far(a[1]) ? b : a))[1] : ch.choices.find(c => c[1] === got)?.[1];
}

/** What a goal still misses on a run: a sentence, or "" when she reached it. */
export function missing(ch, run) {
  const c = run.config, setup = new URLSearchParams(ch.setup);
  const text = k => (k === "x" ? c.x.map(r => r.join(",")).join(";") : k === "y" ? c.y.join(",") : String(c[k]));
  const moved = (ch.keep ?? []).filter(k => text(k) !== setup.get(k));
  if (moved.length) return `keep ${moved.join(", ")} as the challenge sets them (its first run)`;
  for (const [k, [lo, hi]] of Object.entries(ch.limits ?? {}))
    if (!(c[k] >= lo && c[k] <= hi)) return `${k} must be from ${lo} to ${hi}, not ${c[k]}`;
  for (const [m, op, v] of ch.want) {
    const got = measure(m, run);
    if (!(op === "<" ? got < v : got === v)) return said(m, op, v, got);
  }
  return "";
}


const show = v => (typeof v === "number" ? String(Number(v.toPrecision(3))) : v);

/** A goal's measure in words, as the page says what a run still misses. */
const WORDS = {
  loss: "the loss at the last epoch",
  alive: "the neurons that fire at the last epoch",
  alive0: "the neurons that fire on her first brushes, before any step",
  pred0: "her score for sketch 0 at the last epoch",
  reach: "the first epoch with a loss under 0.001",
  testBest: "the epoch with the lowest test loss",
};

/** The sentence for a goal [m, op, v] that a run's GOT does not meet. */
function said(m, op, v, got) {
  if (m === "memorises") return got ? "she memorises, and the goal is that she does not"
    : `she has not begun to memorise: her test loss, averaged over ${WINDOW} epochs, does not end over ${RISE} times ` +
      "its lowest with her training loss, averaged the same way, lower than it was then";
  return `${WORDS[m] ?? m}: ${show(got)}, and the goal is ${op === "<" ? "under " : ""}${show(v)}`;
}
const esc = s => String(s).replace(/[&<>"]/g, c => `&#${c.charCodeAt(0)};`);

function start(root, table) {
  const $ = id => root.querySelector(`#live-${id}`);
  let ch = null, waiting = null, moving = false;
  // On a phone the challenges sit far below the pictures: after its button, a short line of the verdict
  // shows just above them, and the page moves there (live.css hides the line where both sit side by side).
  const echo = Object.assign(document.createElement("p"), { id: "live-ch-echo", className: "live-ch-echo", hidden: true });
  root.querySelector(".live-views")?.before(echo);
  const list = () => {
    if ($("challenge").options.length === table.length) return;
    $("challenge").replaceChildren(...table.map((c, i) => new Option(`${i + 1}. ${c.title} (${c.ask ? "guess first" : "goal"})`, c.id)));
    pick(ch?.id ?? table[0].id);
  };
  const verdict = (text, right, short = text) => {
    $("ch-verdict").textContent = text;
    $("ch-verdict").className = right ? "live-right" : "";
    echo.className = `live-ch-echo${right ? " live-right" : ""}`;
    echo.innerHTML = `Challenge ${table.indexOf(ch) + 1}, ${esc(ch.title)}: ${esc(short)} <a href="#live-challenges">Back to it</a>`;
  };

  function pick(id) {
    ch = table.find(c => c.id === id);
    waiting = moving = null;
    echo.hidden = true;
    $("challenge").value = id;
    const guess = !ch.ask ? "" : ch.number
      ? `<label for="live-guess-n">Your guess</label><input id="live-guess-n" type="number" min="${ch.number[0]}" max="${ch.number[1]}" step="1">`
      : `<fieldset><legend>Your guess</legend>${ch.choices.map(([words, v], i) =>
          `<label><input type="radio" name="live-guess" value="${i}">${esc(words)}</label>`).join("")}</fieldset>`;
    $("ch").innerHTML = `<p>${esc(ch.ask ?? ch.goal)}</p>${guess}
      <button type="button" class="md-button" id="live-ch-go">${ch.ask ? "Run it and see" : "Start from its first run"}</button>
      <p id="live-ch-verdict" aria-live="polite"></p>
      <p>Explained in <a href="../${ch.step[0]}">${esc(ch.step[1])}</a>.</p>`;
    if (!ch.ask && root.run) judge(root.run);
  }

  function judge(run) {
    if (!ch) return;
    judged(run);
    if (!moving || echo.hidden || $("ch-verdict").textContent.startsWith("Running")) return;
    moving = false;
    if (getComputedStyle(echo).display !== "none")  // only where the pictures are far from the challenges
      echo.scrollIntoView({ block: "start", behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
  }

  function judged(run) {
    if (ch.ask) {
      if (!waiting || root.dataset.config !== `?${ch.setup}`) return;
      const right = answer(ch, run), said = waiting.guess;
      waiting = null;
      const ok = ch.number ? Math.abs(said - right) <= ch.tolerance * Math.max(1, right) : said === right;
      const words = ch.number ? show(right) : ch.choices.find(c => c[1] === right)[0];
      const short = `${ok ? "Right" : "Not this time"}: ${words}${ch.number ? ` (you said ${said})` : ""}.`;
      verdict(`${short} ${ch.why}`, ok, short);
    } else {
      const miss = missing(ch, run);
      verdict(miss ? `Not yet: ${miss}.` : `Reached! ${ch.why}`, !miss, miss ? `Not yet: ${miss}.` : "Reached!");
    }
  }

  function go() {
    if (ch.ask) {
      const n = $("guess-n"), r = root.querySelector("[name=live-guess]:checked");
      const guess = ch.number ? (n.value.trim() === "" ? NaN : Number(n.value)) : r && ch.choices[Number(r.value)][1];
      if (guess === null || Number.isNaN(guess)) return verdict("Make your guess first, then run it.");
      waiting = { guess };
    }
    const q = `?${ch.setup}`;
    echo.hidden = false;
    moving = true;
    if (root.dataset.config === q && root.dataset.state === "done") return judge(root.run);
    verdict("Running it...");
    history.pushState(history.state, "", q + location.hash);
    root.load(q);
  }

  $("challenge").addEventListener("change", e => pick(e.target.value));
  $("ch").addEventListener("click", e => e.target.id === "live-ch-go" && go());
  root.addEventListener("live:run", e => { list(); judge(e.detail); });
  list();
}

async function boot() {
  const root = document.getElementById("live-studio");
  if (!root || root.dataset.challenges) return;
  root.dataset.challenges = "yes";
  start(root, await TABLE);
}

if (window.document$) window.document$.subscribe(boot);
else boot();
