"""The live studio's data, exported at make time so that the browser never draws, shuffles or guesses.

- `live/brushes-HIDDEN.bin`, for each hidden size: for every seed in order, `NeuralPainter(hidden, seed)`'s
  layer1.weight (row by row), layer1.bias, layer2.weight and layer2.bias, as little-endian float32, the
  very bits PyTorch drew.
- `live/gallery.bin`: `gallery(500, seed=1)`'s sketches (500 rows of 3) then its 500 scores, as
  little-endian float32. The page trains on the first N of the first 400 and tests on the last 100, as
  step 7 does.
- `live/order-N.bin`, for each N in SIZES: the order in which `neura.train(..., batch_size=...)` (a
  DataLoader seeded by shuffle_seed=0) deals N sketches out, epoch after epoch for EPOCHS epochs, as
  little-endian uint16. The order does not depend on the batch size: the loader shuffles every index,
  then cuts the order into batches.
- `live/limits.json`: the limits below, stated here once: the page's scripts read them from it, and
  live/index.md states them through placeholders that sitekit/placeholders.py fills from `limits()`.
"""

import json
from pathlib import Path

from . import cache

HIDDEN = range(1, 9)  # the hidden sizes the page offers
SEEDS = range(100)  # the seeds whose brushes it offers
SIZES = (8, 25, 50, 100, 200, 400)  # training sketches the gallery mode offers, smallest first
EPOCHS = 200  # the most epochs with mini-batches
WHOLE_SET_EPOCHS = 1000  # the most epochs on the whole set (no order needed)


def limits():
    """The live studio's limits, as the page's scripts read them from `live/limits.json`."""
    return {"hidden": [HIDDEN.start, HIDDEN.stop - 1], "seeds": [SEEDS.start, SEEDS.stop - 1],
            "sizes": list(SIZES), "batchEpochs": EPOCHS, "epochs": WHOLE_SET_EPOCHS}


def brushes(hidden):
    """The bytes of `live/brushes-HIDDEN.bin`."""
    import torch

    from neura import NeuralPainter

    painters = [NeuralPainter(hidden, seed) for seed in SEEDS]
    flat = [torch.cat([p.detach().flatten() for p in painter.parameters()]) for painter in painters]
    return torch.cat(flat).numpy().astype("<f4").tobytes()


def data():
    """The bytes of `live/gallery.bin`."""
    import torch

    from neura import gallery

    x, y = gallery(500, seed=1)
    return torch.cat([x.flatten(), y.flatten()]).numpy().astype("<f4").tobytes()


def order(n, epochs=EPOCHS, batch_size=None):
    """The indices neura.train's loader deals out for N sketches, epoch after epoch (a list per epoch)."""
    import torch
    from torch.utils.data import DataLoader, TensorDataset

    shuffler = torch.Generator().manual_seed(0)  # as train(..., shuffle_seed=0)
    loader = DataLoader(TensorDataset(torch.arange(n)), shuffle=True, batch_size=batch_size or n,
                        generator=shuffler)
    return [torch.cat([b for (b,) in loader]).tolist() for _ in range(epochs)]


def orders(n):
    """The bytes of `live/order-N.bin`."""
    import numpy as np

    return np.array(order(n), dtype="<u2").tobytes()


def things():
    """Every file of live/, made again only when neura, a pin or this module changed (cache.py)."""
    here = [Path(__file__)]
    made = [cache.Thing("brushes", here, lambda h=hidden: brushes(h), f"brushes-{hidden}.bin") for hidden in HIDDEN]
    made.append(cache.Thing("live-gallery", here, data, "gallery.bin"))
    made += [cache.Thing("live-gallery", here, lambda n=n: orders(n), f"order-{n}.bin") for n in SIZES]
    return made + [cache.Thing("live-limits", here, lambda: json.dumps(limits(), indent=1) + "\n", "limits.json")]
