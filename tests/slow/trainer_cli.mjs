// Runs docs/live/trainer.js for tests/slow/test_trainer_js.py: reads a JSON list of runs on stdin
// ({W1, b1, W2, b2, x, y, optimizer, lr, epochs}, and optionally
// test {x, y}, batchSize and order, as train takes them) and writes, for each, the diary CSV and, per epoch,
// which ReLUs fired ("1"/"0" per sketch and neuron), so a drifting run can be traced to a flipped ReLU;
// with a test set, also the studio's verdict on memorising (docs/live/memorising.js).
// With --test-loss it writes, instead of the diary and the ReLUs, each epoch's test loss (and the verdict);
// with --bench it times each run (milliseconds, the best of five).
import { readFileSync } from "node:fs";
import { memorising } from "../../docs/live/memorising.js";
import { forward, toCsv, train } from "../../docs/live/trainer.js";

const runs = JSON.parse(readFileSync(0, "utf8"));
const bench = process.argv.includes("--bench"), testOnly = process.argv.includes("--test-loss");

function run({ x, y, optimizer, lr, epochs, test, batchSize, order, ...brushes }) {
  const rows = [], fired = [], loss = [], testLoss = [];
  for (const rec of train(brushes, x, y, { optimizer, lr, epochs, test, batchSize, order })) {
    loss.push(rec.loss), testLoss.push(rec.testLoss);
    if (testOnly) continue;
    rows.push(rec.row);
    if (!bench) fired.push(forward(rec, x).z.map((zi) => Array.from(zi, (v) => (v > 0 ? 1 : 0)).join("")).join(""));
  }
  const verdict = test && { memorising: memorising(loss, testLoss) };
  return testOnly ? { testLoss, ...verdict } : { csv: toCsv(rows), fired, ...verdict };
}

function time(cfg) {
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    run(cfg);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

process.stdout.write(JSON.stringify(runs.map(bench ? time : run)));
