"""How long the live studio's trainer takes in Chromium, next to neura.train, for the same run.

    python .ci/live_benchmark.py

1000 epochs, 8 hidden neurons, SGD and Adam, on 8 sketches and on gallery mode's largest training set
(step 7's 400 sketches, the whole set a step, the test loss on the other 100 every epoch): each timed
5 times, the median shown. Then the map of what she thinks (heatmap.js) redrawn at 64 by 64, as the
epoch slider redraws it: the budget is one frame, 16 ms (median and slowest of 29 redraws, after a
first one that compiles). Then one station step of the pass view (pass-view.js): the station's numbers,
the network drawn anew and its table, on 8 sketches and on the gallery's 400, with the same budget (median
and slowest of the steps through every station, twice, after a first one). Timings on a shared machine are
noisy: read the ratio, not the milliseconds.
"""

import statistics
import time

import torch

import sitekit
from neura import NeuralPainter, gallery, train

LIVE = sitekit.DOCS / sitekit.layout.LIVE
RUN = """async ([brushes, x, y, opts]) => {
    if (opts.test) opts.test = { x: opts.test[0], y: opts.test[1] };
    const { train } = await import("/trainer.js");
    const b = Object.fromEntries(Object.entries(brushes).map(([k, v]) => [k, Float32Array.from(v)]));
    const times = [];
    for (let i = 0; i < 5; i++) {
        const start = performance.now();
        for (const _ of train(b, x, y, opts));
        times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[2];
}"""
HEAT = """async ([brushes, x, y]) => {
    const { draw } = await import("/heatmap.js");
    const record = Object.fromEntries(Object.entries(brushes).map(([k, v]) => [k, Float32Array.from(v)]));
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    document.body.append(svg);
    const times = [];
    for (let i = 0; i < 30; i++) {
        const start = performance.now();
        draw(svg, { record, config: { x, y }, epoch: i }, i % 3, (i + 1) % 3, 0.5, 64);
        times.push(performance.now() - start);
    }
    const rest = times.slice(1).sort((a, b) => a - b);
    return [times[0], rest[14], rest[28]];
}"""

PASS = """async ([brushes, x, y]) => {
    const { draw, walk } = await import("/pass-view.js");
    const { numbers, station } = await import("/pass.js");
    const record = Object.fromEntries(Object.entries(brushes).map(([k, v]) => [k, Float32Array.from(v)]));
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg"), table = document.createElement("tbody");
    document.body.append(svg, table);
    const p = numbers(record, x, y), stations = walk(p.H), times = [];
    for (let i = 0; i <= 2 * stations.length; i++) {
        const start = performance.now(), [phase, index] = stations[i % stations.length];
        const st = { ...station(p, phase, index, 0), s: 0 };
        draw(svg, p, st);
        table.replaceChildren(...st.rows.map(([k, v]) => {
            const tr = document.createElement("tr");
            tr.innerHTML = "<th></th><td></td>";
            tr.firstChild.textContent = k, tr.lastChild.textContent = v;
            return tr;
        }));
        table.getBoundingClientRect();  // its layout, as the screen needs it
        times.push(performance.now() - start);
    }
    const rest = times.slice(1).sort((a, b) => a - b);
    return [times[0], rest[rest.length >> 1], rest.at(-1)];
}"""


def main():
    x = torch.rand(8, 3, generator=torch.Generator().manual_seed(0))
    y = torch.rand(8, 1, generator=torch.Generator().manual_seed(1))
    g, s = gallery(500, seed=1)
    painter = NeuralPainter(8, 3)
    brushes = {"W1": painter.layer1.weight.flatten().tolist(), "b1": painter.layer1.bias.tolist(),
               "W2": painter.layer2.weight.flatten().tolist(), "b2": painter.layer2.bias.tolist()}
    httpd, origin = sitekit.serve(LIVE)
    with sitekit.chromium() as browser:
        page = browser.new_page()
        page.goto(f"{origin}live.css")  # any page of that origin
        print("1000 epochs, hidden 8              Chromium (trainer.js)   neura.train   ratio")
        for what, x_, y_, test in [("8 sketches", x, y, None), ("gallery, 400 + test 100", g[:400], s[:400],
                                                                  (g[400:], s[400:]))]:
            for optimizer, lr in [("sgd", 0.1), ("adam", 0.01)]:
                opts = {"optimizer": optimizer, "lr": lr, "epochs": 1000}
                if test:
                    opts["test"] = [test[0].tolist(), test[1].flatten().tolist()]
                js = page.evaluate(RUN, [brushes, x_.tolist(), y_.flatten().tolist(), opts])
                times = []
                for _ in range(5):
                    start = time.perf_counter()
                    train(NeuralPainter(8, 3), x_, y_, optimizer, lr, 1000, test=test)
                    times.append(1000 * (time.perf_counter() - start))
                py = statistics.median(times)
                print(f"{what + ', ' + optimizer:>34}   {js:8.1f} ms            {py:8.1f} ms"
                      f"   {py / js:5.1f}x faster in the browser")
        first, median, slowest = page.evaluate(HEAT, [brushes, x.tolist(), y.flatten().tolist()])
        points = torch.rand(64 * 64, 3, generator=torch.Generator().manual_seed(2))
        times = []
        for _ in range(30):  # neura's side: the painter's forward pass on as many points
            start = time.perf_counter()
            with torch.no_grad():
                painter(points)
            times.append(1000 * (time.perf_counter() - start))
        print(f"heat map 64 by 64, hidden 8: {median:.1f} ms a redraw (median), {slowest:.1f} ms the slowest"
              f" (budget 16 ms); the first, compiling, {first:.1f} ms;"
              f" NeuralPainter's forward pass on 4096 points {statistics.median(times):.2f} ms")
        for what, x_, y_ in [("8 sketches", x, y), ("the gallery's 400", g[:400], s[:400])]:
            first, median, slowest = page.evaluate(PASS, [brushes, x_.tolist(), y_.flatten().tolist()])
            print(f"pass view, one station step, hidden 8, {what}: {median:.1f} ms (median), {slowest:.1f} ms"
                  f" the slowest (budget 16 ms); the first, compiling, {first:.1f} ms")
    httpd.shutdown()


if __name__ == "__main__":
    main()
