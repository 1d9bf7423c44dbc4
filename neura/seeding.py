"""Seeded randomness that leaves torch's global random state as it was."""

from contextlib import contextmanager

import torch


@contextmanager
def seeded(seed):
    """Run the block with torch seeded by `seed` (if not None), then restore torch's random state."""
    if seed is None:
        yield
        return
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        yield
