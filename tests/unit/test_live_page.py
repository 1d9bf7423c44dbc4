"""The live page's text and scripts offer what the make step exports and accept what they say they accept,
and its challenges cover the lessons of steps 5 to 7."""

import re

import sitekit
from sitekit import live_data, placeholders, studio

GALLERY = sitekit.DOCS / "live" / "gallery.js"
CHALLENGES = studio.challenges()


def test_the_orders_do_not_depend_on_the_batch_size():
    """The hook exports one order per training size: the loader shuffles all, then cuts into batches."""
    assert all(live_data.order(n, 3, batch) == live_data.order(n, 3) for n in (8, 25) for batch in (1, 3, 7))


def test_the_page_offers_what_the_build_exports():
    """The limits are live_data.py's alone: the scripts read them from limits.json, which the make step
    writes, and state none of their own (tests/browser/test_live_gallery.py: the form offers them)."""
    js, view = GALLERY.read_text(), (sitekit.DOCS / "live" / "view.js").read_text()
    for script in (js, view):
        assert "SIZES = " not in script and "MINI_EPOCHS" not in script
        assert ", ".join(map(str, live_data.SIZES)) not in script and f"> {live_data.EPOCHS}" not in script
    assert 'fetch(new URL("limits.json", import.meta.url))' in view
    assert "LIMITS.sizes.includes(" in view and "c.epochs > LIMITS.batchEpochs" in view
    page = (sitekit.DOCS / "live" / "index.md").read_text()
    assert "<option>" not in re.findall(r'<select id="live-n".*', page)[0]


def test_there_are_challenges_for_every_lesson_of_steps_5_to_7():
    steps = {ch["step"][0].split("/")[0] for ch in CHALLENGES}
    assert steps == {"5-optimizer", "6-training", "7-gallery"}
    assert len(CHALLENGES) >= 8
    assert {"ask" in ch for ch in CHALLENGES} == {True, False}  # both kinds: guess first, and goals
    assert len({ch["id"] for ch in CHALLENGES}) == len(CHALLENGES)


def test_what_the_page_says_it_accepts_is_what_it_accepts():
    text = " ".join((sitekit.DOCS / "live" / "index.md").read_text().split())
    for placeholder, value in placeholders.values().items():  # the limits live_data.py states
        text = text.replace(placeholder, value)
    view = (sitekit.DOCS / "live" / "view.js").read_text()
    lo, hi, lr, epochs = re.search(r"features and targets from (-?\d+) to (\d+), learning rates up to (\d+),"
                                   r" up to (\d+) epochs", text).groups()
    assert f"feature: real({lo}, {hi})" in view and f"target: real({lo}, {hi})" in view
    assert f"lr: real(1e-4, {lr}," in view and "epochs: text => whole(1, LIMITS.epochs)(text)" in view
    assert int(epochs) == live_data.WHOLE_SET_EPOCHS


def test_the_epochs_hint_says_an_epoch_is_a_pass_not_a_step():
    """Issue 27: with mini-batches an epoch is many steps, so "how many steps she takes" was untrue."""
    page = (sitekit.DOCS / "live" / "index.md").read_text()
    hint = re.search(r'<label for="live-epochs">.*?<span class="live-hint">(.*?)</span>', page).group(1)
    assert "pass" in hint and "mini-batch" in hint and "whole set" in hint
    assert "How many steps" not in hint
