"""Export step 7's gallery for the live studio's gallery mode, so the browser never draws or shuffles.

`live/gallery.bin`: `gallery(500, seed=1)`'s sketches (500 rows of 3) then its 500 scores, as
little-endian float32. The page trains on the first N of the first 400 and tests on the last 100,
as step 7 does. `live/order-N.bin`, for each N in SIZES: the order in which `neura.train(...,
batch_size=...)` (a DataLoader seeded by shuffle_seed=0) deals N sketches out, epoch after epoch
for EPOCHS epochs, as little-endian uint16. The order does not depend on the batch size: the
loader shuffles every index, then cuts the order into batches.
"""

from pathlib import Path

import cache

SIZES = (8, 25, 50, 100, 200, 400)  # training sketches the page offers
EPOCHS = 200  # the most epochs with mini-batches (a whole-set run needs no order: 1000)


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
    """The gallery and its orders, made again only when neura, a pin or this hook changed (cache.py)."""
    made = [cache.Thing("live-gallery", [Path(__file__)], data, "gallery.bin")]
    return made + [cache.Thing("live-gallery", [Path(__file__)], lambda n=n: orders(n), f"order-{n}.bin")
                   for n in SIZES]


on_files, on_env = cache.served("live", things)
