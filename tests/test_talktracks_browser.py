"""In the real browser at phone size: from a module page to the talk-tracks page and back to a track, then
the observer rates the role-play card good / fair / poor and gets the score and tier the Python engine gives."""

import pytest
from playwright.sync_api import expect

from calculators.scorecard import Scorer
from macros.loading import playbook_for
from macros.printing import page_url

from .conftest import ROOT

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
TRACK = "talk.objection-price"
RATINGS = ["good", "fair", "good", "poor", "fair"]


@pytest.fixture(scope="module")
def book():
    return playbook_for(ROOT)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_talk_track_opened_from_its_module_page_scores_its_rubric_like_python(browser, server, book, lang):
    track, rubric = book.get("talktrack", TRACK), book.get("rubric", "rubric.roleplay")
    card = track.roleplay
    module_page = book.get("module", track.module).page
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + page_url(module_page if lang == "zh" else module_page.replace(".md", ".en.md")))

    # The module page links to the talk-tracks page, which links back to the track in its place
    page.locator(".md-content a[href$='talk-tracks.html']").first.tap()
    page.get_by_role("link", name=track.title[lang], exact=True).tap()
    section = page.locator(f"section[id='{TRACK}']")
    expect(section).to_be_in_viewport()
    assert page.url.endswith(f"{page_url(module_page).split('/')[-1]}#{TRACK}")

    widget = section.locator(f"[data-widget='rubric-{card.id}']")
    titles = {r.key: r.title[lang] for r in rubric.ratings}
    for index, rating in enumerate(RATINGS, start=1):
        expect(widget.locator(".pb-calc__result")).to_contain_text(f"{index - 1} / 5" if lang == "zh"
                                                                   else f"{index - 1} of 5")
        widget.locator(f"fieldset[data-field='c{index}'] label", has_text=titles[rating]).tap()

    points = {r.key: r.points for r in rubric.ratings}
    score, tier, _ = Scorer(rubric.scorecard_of(card)).score([points[r] for r in RATINGS])
    shown = widget.locator(".pb-calc__result dd")
    expect(shown.nth(0)).to_have_text(f"{round(score, 2):g}")
    expect(shown.nth(1)).to_have_text(next(t.title[lang] for t in rubric.tiers if t.key == tier))
    assert (round(score, 2), tier) == (54.17, "again")
    assert errors == []

    # Printed: the ratings stay, the site around them goes, and a line to write the score on appears
    page.emulate_media(media="print")
    expect(widget.locator(".pb-rubric__blank")).to_be_visible()
    expect(widget.locator("fieldset[data-field='c1'] input[value='2']")).to_be_checked()
    expect(page.locator(".md-header")).to_be_hidden()
    context.close()
