"""Export the starting brushes of every painter the live studio offers, so the browser never draws its own.

For each hidden size 1 to 8 the build writes `live/brushes-HIDDEN.bin`: for seeds 0 to 99 in order,
`NeuralPainter(hidden, seed)`'s layer1.weight (row by row), layer1.bias, layer2.weight and layer2.bias,
as little-endian float32, the very bits PyTorch drew.
"""

from pathlib import Path

import cache

HIDDEN = range(1, 9)
SEEDS = range(100)
TRAINER = Path(__file__).resolve().parent.parent / "live" / "trainer.js"


def brushes(hidden):
    """The bytes of `live/brushes-HIDDEN.bin`."""
    import torch

    from neura import NeuralPainter

    painters = [NeuralPainter(hidden, seed) for seed in SEEDS]
    flat = [torch.cat([p.detach().flatten() for p in painter.parameters()]) for painter in painters]
    return torch.cat(flat).numpy().astype("<f4").tobytes()


def things():
    """The brushes of each hidden size, drawn again only when neura, a pin or this hook changed (cache.py)."""
    return [cache.Thing("brushes", [Path(__file__)], lambda h=hidden: brushes(h), f"brushes-{hidden}.bin")
            for hidden in HIDDEN]


on_files, on_env = cache.served("live", things)


def on_page_markdown(markdown, **kwargs):
    """Fill in how many lines of JavaScript do the arithmetic."""
    if "<!-- neura:trainer-lines -->" not in markdown:
        return markdown
    lines = len(TRAINER.read_text().splitlines())
    return markdown.replace("<!-- neura:trainer-lines -->", str(lines))
