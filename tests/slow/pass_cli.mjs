// Runs the live studio's pass view arithmetic (docs/live/pass.js) for tests/slow/test_pass_js.py: reads a JSON
// list of runs on stdin ({W1, b1, W2, b2, x, y, optimizer, lr, epochs, epoch}), trains each to its epoch with
// trainer.js, and writes that epoch's brushes, the pass's numbers (trace) and every number its stations show.
import { readFileSync } from "node:fs";
import { train } from "../../docs/live/trainer.js";
import { PHASES, count, numbers, station } from "../../docs/live/pass.js";

const runs = JSON.parse(readFileSync(0, "utf8"));
const list = (a) => Array.from(a);

function run({ x, y, optimizer, lr, epochs, epoch, ...start }) {
  let at = 0, record;
  for (const r of train(start, x, y, { optimizer, lr, epochs })) if (at++ === epoch) { record = r; break; }
  const brushes = { W1: record.W1, b1: record.b1, W2: record.W2, b2: record.b2 }, p = numbers(brushes, x, y);
  const shown = {};
  for (const phase of PHASES)
    for (let i = 0; i < count(phase, p.H); i++) Object.assign(shown, station(p, phase, i).values);
  const keep = ["z", "h", "yHat", "error", "dYHat", "dH", "dZ", "sum"];
  return { brushes: Object.fromEntries(Object.entries(brushes).map(([k, v]) => [k, list(v)])), loss: p.loss,
           ...Object.fromEntries(keep.map(k => [k, list(p[k]).flat()])),
           grads: Object.fromEntries(Object.entries(p.grads).map(([k, v]) => [k, list(v)])), shown };
}

process.stdout.write(JSON.stringify(runs.map(run)));
