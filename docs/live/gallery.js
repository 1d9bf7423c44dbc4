// The live studio's two other sources of sketches, loaded only when the learner picks one:
// step 7's gallery (its sketches, scores and shuffle orders exported at build by
// sitekit/live_data.py, fetched when first needed) and her own sketches, read from a CSV
// that stays in her browser. No DOM here: the view (view.js) draws and asks.

export const MOST_ROWS = 500;
const FIELDS = "color mix, brush pressure, tilt angle, target";

const files = new Map();

function bytes(name) {  // a file of live/, fetched once (again after a failure)
  if (!files.has(name)) {
    const file = fetch(new URL(name, import.meta.url))
      .then(r => { if (!r.ok) throw new Error(`${name}: ${r.status}`); return r.arrayBuffer(); });
    files.set(name, file.catch(e => { files.delete(name); throw e; }));
  }
  return files.get(name);
}

/** What train() needs beyond the brushes for config `c`: {x, y} and, in the gallery, the test set
 * (the last 100 of gallery(500, seed=1)) and, with mini-batches, batchSize and the order per epoch. */
export async function data(c) {
  if (c.mode !== "gallery") return { x: c.x, y: c.y };
  const all = new Float32Array(await bytes("gallery.bin"));  // 500 sketches of 3, then 500 scores
  const rows = (a, b) => Array.from({ length: b - a }, (_, i) => Array.from(all.subarray(3 * (a + i), 3 * (a + i + 1))));
  const y = (a, b) => Array.from(all.subarray(1500 + a, 1500 + b));
  const d = { x: rows(0, c.n), y: y(0, c.n), test: { x: rows(400, 500), y: y(400, 500) } };
  if (c.batch === "all") return d;
  const order = new Uint16Array(await bytes(`order-${c.n}.bin`));  // little-endian, as every browser's
  d.order = Array.from({ length: c.epochs }, (_, e) => order.subarray(e * c.n, (e + 1) * c.n));
  return Object.assign(d, { batchSize: c.batch });
}

/** Her own sketches from CSV text: {value: {x, y}} or {error} naming the line and the reason.
 * One sketch a line: color mix, brush pressure, tilt angle, target, separated by commas. A first
 * line with no number in it is a header and skipped; blank lines are skipped. 1 to 500 sketches. */
export function parseCsv(text) {
  const x = [], y = [], word = s => /[a-z]/i.test(s) && !/^[+-]?(nan|inf|infinity)$/i.test(s);
  const lines = String(text).split(/\r\n|\n|\r/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    const cells = line.split(",").map(s => s.trim());
    const numbers = cells.map(s => (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? Number(s) : NaN));
    if (!x.length && i === lines.findIndex(l => l.trim()) && cells.every(word)) continue;  // a header
    const where = `on line ${i + 1}`;
    if (cells.length !== 4) return { error: `expects 4 numbers (${FIELDS}) ${where}, got ${cells.length}` };
    const bad = numbers.findIndex(v => !Number.isFinite(v) || !Number.isFinite(Math.fround(v)));
    if (bad >= 0) return { error: `expects a number (below 3.4e38 in size) ${where}, got ${JSON.stringify(cells[bad])}` };
    if (x.length === MOST_ROWS) return { error: `expects at most ${MOST_ROWS} sketches, got more ${where}` };
    x.push(numbers.slice(0, 3));
    y.push(numbers[3]);
  }
  return x.length ? { value: { x, y } } : { error: `expects 1 to ${MOST_ROWS} lines of 4 numbers (${FIELDS}), got none` };
}

/** Sketches and targets as CSV text, with its header: what parseCsv reads. */
export const toCsvText = (x, y) =>
  [FIELDS.replaceAll(", ", ","), ...x.map((r, i) => [...r, y[i]].join(","))].join("\n") + "\n";

/** The gallery run in Python, printing what `summary` shows. */
export function snippet(c) {
  const batch = c.batch === "all" ? "" : `, batch_size=${c.batch}`;
  return `from neura import NeuralPainter, gallery, train

x, y = gallery(500, seed=1)
model = NeuralPainter(hidden=${c.hidden}, seed=${c.seed})
diary = train(model, x[:${c.n}], y[:${c.n}], optimizer="${c.optimizer}", lr=${c.lr},
              epochs=${c.epochs}, test=(x[400:], y[400:])${batch})

last = diary.iloc[-1]
print(f"epoch {last['Epoch']:.0f}: loss {last['Loss']:.6g}, "
      f"test loss {last['Test loss']:.6g}")
`;
}

/** What the gallery's snippet prints for the last diary row (`g` formats as Python's .6g). */
export const summary = (row, g) => `epoch ${row.Epoch}: loss ${g(row.Loss)}, test loss ${g(row["Test loss"])}\n`;
