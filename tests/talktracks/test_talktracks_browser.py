"""In the real browser at phone size: from a module page to the talk-tracks page and back to a track, then
the observer rates the role-play card good / fair / poor and gets the score and tier the Python engine gives."""

import pytest

from calculators.scorecard import Scorer
from playbook.core.addresses import page_url

from tests.conftest import ROOT, expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
TRACK = "talk.objection-price"
RATINGS = ["good", "fair", "good", "poor", "fair"]



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


def test_a_module_page_with_talk_tracks_prints_every_step_and_criterion_whole(browser, server, book, tmp_path):
    import re
    import subprocess

    from playbook.printables.pdf import print_to_pdf

    page = browser.new_page()
    pdf = print_to_pdf(page, server + "en/development/compound-selling.html", tmp_path / "tracks.pdf")
    page.close()
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    def squash(words):  # pdftotext joins a word broken at a hyphen: compare without spaces and hyphens
        return re.sub(r"[\s-]+", "", words)

    pages = [squash(p) for p in text.split("\f")[:-1]]
    tracks = [t for t in book.of_kind("talktrack") if t.module == "compound-selling"]
    assert len(tracks) == 3
    for track in tracks:
        # Each step (name, what to do, the line) and each rated criterion (with its weight and the three
        # ratings) lies whole on one page: none is split by a page break
        steps = [s.title.en + s.do.en + s.say.en for s in track.steps]
        criteria = [f"{c.en} weight ×{c.weight} Good Fair Poor" for c in track.roleplay.observer_checklist]
        for words in steps + criteria:
            assert any(squash(words) in p for p in pages), words
    whole = "".join(pages)
    assert whole.count("Score:________Tier:") == 3  # a line to write each card's score on
    assert "Searchthesite" not in whole and "Skiptocontent" not in whole


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_talk_track_is_two_taps_from_the_home_page_on_a_phone(browser, server, book, lang):
    track = book.get("talktrack", "talk.cold-call")
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server + ("" if lang == "zh" else "en/") + "index.html")
    page.locator(".md-content a[href$='development/talk-tracks.html']").first.tap()
    page.get_by_role("link", name=track.title[lang], exact=True).tap()
    expect(page.locator(f"section[id='{track.id}']")).to_be_in_viewport()
    context.close()
