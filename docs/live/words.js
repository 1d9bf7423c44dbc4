// Plain names for the diary's columns, so a beginner can read a row: `Grad_W1[0][0]` is the feedback on
// the brush from color mix to hidden neuron 0.
export const FEATURES = ["color mix", "brush pressure", "tilt angle"];  // the studio's one list of them

/** A diary column's name in words (the column's own name stays beside it). */
export function readable(key) {
  const m = /^(Grad_)?(?:W1\[0\]\[(\d)\]|B1\[0\])$/.exec(key);
  if (m) return `${m[1] ? "feedback on " : ""}${m[2] ? `the brush from ${FEATURES[m[2]]} to neuron 0` : "neuron 0's bias"}`;
  const [, name, i] = /^(\w+)\[(\d+)\]$/.exec(key) ?? [];
  if (name === "Prediction") return `her score for sketch ${i}`;
  if (name === "Target") return `the mentor's score for sketch ${i}`;
  return { Epoch: "epoch", Loss: "loss (mean squared error)", "Test loss": "loss on the test sketches",
           Steps: "steps taken before this row" }[key] ?? key;
}
