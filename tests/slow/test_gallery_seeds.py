"""What docs/7-gallery.md states holds across seeds, computed over 20 seeds of the gallery and the painter."""

import pytest
import torch

from neura import NeuralPainter, gallery, train
from sitekit import ROOT
from sitekit.cache import kept

SEEDS = range(20)  # gallery and painter seeded alike, as on the page (seed 1)


def seed_study(seed):
    """The page's runs for one seed: what they show, as booleans and the best epoch."""
    x, y = gallery(500, seed=seed)
    test = (x[400:], y[400:])
    few, many = (train(NeuralPainter(seed=seed), x[:n], y[:n], optimizer="adam", lr=0.01, epochs=200,
                       test=test).iloc[-1] for n in (8, 400))
    wide = train(NeuralPainter(hidden=64, seed=seed), x[:8], y[:8], optimizer="adam", lr=0.01, epochs=500, test=test)
    whole, batches = (train(NeuralPainter(seed=seed), x[:400], y[:400], epochs=10, batch_size=size).iloc[-1]
                      for size in (400, 32))
    return {"memorises": bool(few["Loss"] < many["Loss"] and few["Test loss"] > many["Test loss"]),
            "fits": bool(wide["Loss"].iloc[-1] < 1e-3),
            "rises": bool(wide["Test loss"].iloc[-1] > 1.1 * wide["Test loss"].min()),
            "best": int(wide["Test loss"].idxmin()),
            "batches": bool(batches["Loss"] < whole["Loss"])}


def seed_studies():
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny tensors: a second thread only waits, and on a busy machine much longer
    try:
        return [seed_study(seed) for seed in SEEDS]
    finally:
        torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def study():
    """seed_study for every seed, kept under .cache/build/ while neura, torch and this file stay."""
    return kept(__file__, list(SEEDS), seed_studies)


def test_the_page_states_what_holds_across_seeds(study):
    count = {key: sum(bool(run[key]) for run in study) for key in ("memorises", "fits", "rises", "batches")}
    best = [run["best"] for run in study]
    n = len(SEEDS)
    claims = [
        f"the painter who practised on 8 sketches ends with the lower training loss and the higher test loss "
        f"in {count['memorises']} of {n};",
        f"the wide painter's training loss ends below 0.001 in {count['fits']} of {n};",
        f"her test loss ends more than 10% above its lowest in {count['rises']} of {n}, and the lowest comes "
        f"anywhere from epoch {min(best)} to epoch {max(best)};",
        f"at the start of epoch 9, batches of 32 have reached a lower training loss than one batch of 400 "
        f"in {count['batches']} of {n}.",
    ]
    page = " ".join((ROOT / "docs" / "7-gallery.md").read_text().split())
    missing = [claim for claim in claims if claim not in page]
    assert not missing, f"docs/7-gallery.md should say: {missing}"
