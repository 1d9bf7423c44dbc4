"""What a learner reads off the live studio (issue 27): the status says she memorises on step 7's overfit and
not on mini-batch noise, a challenge's verdict shows beside the pictures on a phone, and the map of what she
thinks keeps one colour scale for the whole run."""

import pytest

from sitekit.studio import DEFAULT

OVERFIT = "seed=1&hidden=4&optimizer=adam&lr=0.01&epochs=200&mode=gallery&n=8&batch=all"  # step 7's proof box
NOISY = "seed=4&hidden=4&optimizer=sgd&lr=0.1&epochs=200&mode=gallery&n=400&batch=8"  # the noisy run
BOX = "s => { const b = document.querySelector(s).getBoundingClientRect(); return [b.top, b.bottom] }"


@pytest.mark.parametrize("q, said", [(OVERFIT, True), (NOISY, False)], ids=["overfit", "noisy"])
def test_the_status_says_she_memorises_on_an_overfit_and_not_on_noise(live, q, said):
    page = live(f"?{q}")
    status = page.text_content("#live-status")
    assert ("she has begun to memorise" in status) == said, status
    if said:  # step 7's proof box: lowest at epoch 106 (one epoch's test loss), 0.0184
        assert "lowest at epoch 106 (0.01842" in status, status


def test_on_a_phone_the_verdict_shows_with_the_pictures(live):
    page = live(width=390, height=844)
    page.select_option("#live-challenge", "lr-ten")
    page.check("[name=live-guess] >> nth=0")
    page.click("#live-ch-go")  # 2,000 px below the pictures
    page.wait_for_function("document.getElementById('live-ch-echo').textContent.includes('Not this time')")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    page.wait_for_function("() => { const same = window.seenY === scrollY; window.seenY = scrollY; return same }",
                           polling=200)  # the page has stopped moving
    echo, loss = page.evaluate(BOX, "#live-ch-echo"), page.evaluate(BOX, "#live-loss")
    text = page.inner_text("#live-ch-echo")
    assert header - 1 <= echo[0] and loss[1] <= 844, (echo, loss)
    assert text.startswith("Challenge 2,") and "Back to it" in text, text


def test_on_a_wide_screen_the_verdict_stays_beside_the_controls_only(live):
    page = live(f"?{DEFAULT}")
    page.select_option("#live-challenge", "lr-ten")
    page.check("[name=live-guess] >> nth=0")
    page.click("#live-ch-go")
    page.wait_for_function("document.getElementById('live-ch-verdict').textContent.startsWith('Not this time')")
    assert page.locator("#live-ch-echo").is_hidden()


RINGS = "[...document.querySelectorAll('#live-heat circle.sketch')].map(c => c.style.fill)"
HEAT = "(({epoch, values, scale}) => ({epoch, low: Math.min(...values), high: Math.max(...values), scale}))" \
       "(document.getElementById('live-heat').heat)"


def test_the_map_keeps_one_colour_scale_for_the_run(live):
    page = live(f"?{DEFAULT}")
    seen = []
    for epoch in (0, 5, 50, 199):
        page.eval_on_selector("#live-epoch", "(e, v) => { e.value = v; e.dispatchEvent(new Event('input', "
                              "{bubbles: true})) }", epoch)
        seen.append(page.evaluate(HEAT) | {"rings": page.evaluate(RINGS)})
    first = seen[0]
    assert [s["epoch"] for s in seen] == [0, 5, 50, 199]
    assert len(set(first["rings"])) == 2, first["rings"]  # targets 0.8 and 0.3: two colours at epoch 0
    assert all(s["scale"] == first["scale"] and s["rings"] == first["rings"] for s in seen)
    lo, hi = first["scale"]
    spread = max(hi - lo, 1e-12)
    beyond = max(max(lo - s["low"], s["high"] - hi, 0) / spread for s in seen)
    print(f"\nthe map's scale {lo:.4g} to {hi:.4g}; this run's epochs reach beyond it by {beyond:.2%} of it at most")
    assert lo <= 0.3 and hi >= 0.8 and beyond < 0.02
