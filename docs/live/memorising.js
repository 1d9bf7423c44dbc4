// When the studio says she has begun to memorise: one rule, for the status line (view.js) and the challenge
// "memorises" (challenges.js), and said in words on the page (index.md). Mini-batches make the test loss
// wobble by a tenth from one epoch to the next, so the rule reads running means, never a single epoch.

export const WINDOW = 10;  // the epochs in each running mean
export const RISE = 1.25;  // how many times its lowest the mean test loss must end above

/** The running mean of v over the last WINDOW epochs (over all of them while there are fewer). */
export function smooth(v) {
  return v.map((_, e) => { const w = v.slice(Math.max(0, e + 1 - WINDOW), e + 1); return w.reduce((a, b) => a + b) / w.length; });
}

/** {best, times, memorising}: the epoch where the mean test loss is lowest, how many times that it ends at,
 * and whether it ends over RISE times its lowest while the mean training loss ends below where it was then. */
export function memorising(loss, test) {
  const t = smooth(test), l = smooth(loss), best = t.indexOf(Math.min(...t)), last = t.length - 1;
  const times = t[last] / t[best];
  return { best, times, memorising: times > RISE && l[last] < l[best] };
}
