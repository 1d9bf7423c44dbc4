"""The gallery: many sketches, each scored by the mentor's rule plus a little noise."""

import torch

from .checks import check_positive, check_seed
from .seeding import seeded

MOOD = 0.1  # the mentor's mood moves a score by at most this much, either way


def rule(sketches):
    """The mentor's taste without her mood, one score per sketch: shape [n, 1].

    score = 0.3 + 0.8 * max(0, color - 0.4) + 0.3 * pressure - 0.5 * abs(tilt - 0.5)
    """
    color, pressure, tilt = sketches.unbind(1)
    score = 0.3 + 0.8 * (color - 0.4).clamp(min=0) + 0.3 * pressure - 0.5 * (tilt - 0.5).abs()
    return score.unsqueeze(1)


def gallery(n, seed):
    """`n` sketches and the mentor's scores, float32 of shape [n, 3] and [n, 1].

    Each sketch is a row of four numbers drawn uniformly from [0, 1): its
    three features and the mentor's mood. The score is `rule(sketch)` plus
    the mood, scaled to [-0.1, 0.1). The same seed gives the same gallery,
    and a longer gallery starts with the shorter one; torch's global random
    state is left alone.
    """
    check_positive(n, "n", "gallery", whole=True)
    if seed is None:
        raise TypeError("gallery expects seed to be a whole number, got None: "
                        "a gallery is always seeded")
    check_seed(seed, "gallery")
    with seeded(seed):
        draws = torch.rand(n, 4)
    sketches, mood = draws[:, :3], draws[:, 3:]
    return sketches.contiguous(), rule(sketches) + MOOD * (2 * mood - 1)
