"""Talk tracks: the moments issue 21 asks for, each on its module's page in both languages and on the
talk-tracks page; the observer rubric of every role-play card, scored by the scorecard engine."""

import re

import pytest
from pydantic import BaseModel

from calculators.scorecard import Scorer
from playbook.core.addresses import page_url

from tests.conftest import ROOT, mkdocs_build

MOMENTS = {"talk.cold-call", "talk.gatekeeper", "talk.voicemail", "talk.first-visit", "talk.discovery",
           "talk.demo", "talk.objection-price", "talk.objection-timing", "talk.objection-supplier",
           "talk.objection-think", "talk.objection-decider", "talk.ask-for-order", "talk.stalled-deal",
           "talk.retention-call", "talk.win-back", "talk.dealer-visit"}
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")



def texts(model):
    """Every bilingual text in a model, however deep."""
    if hasattr(model, "zh") and hasattr(model, "en"):
        yield model
    for value in (model.__dict__.values() if hasattr(model, "__dict__") else ()):
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                yield from texts(item)


def test_every_moment_of_the_issue_has_a_talk_track(book):
    assert MOMENTS <= set(book.ids("talktrack"))
    assert len(book.ids("talktrack")) >= 14


def test_each_track_is_called_on_its_module_page_in_both_languages(book):
    for track in book.of_kind("talktrack"):
        page = book.get("module", track.module).page
        for name in (page, page.replace(".md", ".en.md")):
            text = (ROOT / "docs" / name).read_text(encoding="utf-8")
            assert f'{{{{ talktrack("{track.id}") }}}}' in text, (track.id, name)


def test_english_texts_hold_no_chinese_and_chinese_texts_are_chinese(book):
    for track in book.of_kind("talktrack"):
        for text in texts(track):
            assert not CJK.search(text.en), (track.id, text.en)
            assert CJK.search(text.zh), (track.id, text.zh)


def test_discovery_walks_every_6w1h1s_dimension(book):
    track = book.get("talktrack", "talk.discovery")
    assert "dev-6w1h1s" in track.frameworks and "6w1h1s-worksheet" in track.sheets
    titles = " ".join(step.title.en for step in track.steps)
    for dimension in ("Who", "What", "Where", "When", "How", "Why", "Will", "Sensitivity"):
        assert dimension in titles


def test_a_card_is_scored_by_the_scorecard_engine_with_its_weights(book):
    rubric, card = book.get("rubric", "rubric.roleplay"), book.get("roleplay", "roleplay.late-delivery")
    scorer = Scorer(rubric.scorecard_of(card))
    weights = [c.weight for c in card.observer_checklist]
    assert weights == [3, 2, 2, 3, 2, 2]
    assert scorer.score([2] * 6)[:2] == (100, "ready")
    assert scorer.score([0] * 6)[:2] == (0, "coach")
    # good, good, fair, poor, fair, good: 100 × (6 + 4 + 2 + 0 + 2 + 4) ÷ 28
    total, tier, _ = scorer.score([2, 2, 1, 0, 1, 2])
    assert total == pytest.approx(100 * 18 / 28) and tier == "again"


def test_every_role_play_card_has_a_working_rubric(book):
    rubric = book.get("rubric", "rubric.roleplay")
    cards = book.of_kind("roleplay")
    assert len(cards) >= 22  # six complaint cards and one per talk track
    for card in cards:
        scorecard = rubric.scorecard_of(card)
        assert [c.title.en for c in scorecard.criteria] == [c.en for c in card.observer_checklist]
        assert (scorecard.scale.min, scorecard.scale.max) == (0, 2) and scorecard.tiers == rubric.tiers


# The built site
def test_each_track_shows_on_its_module_page_with_the_rubrics_scripts(site, book):
    for track in book.of_kind("talktrack"):
        page = book.get("module", track.module).page
        for src in (page, page.replace(".md", ".en.md")):
            html = (site / page_url(src)).read_text(encoding="utf-8")
            assert f'id="{track.id}"' in html and f'data-widget="rubric-{track.roleplay.id}"' in html
            assert "assets/javascripts/calculators/scorecard.js" in html


def test_the_talk_tracks_page_links_every_track_to_its_place(site, book):
    for url in ("development/talk-tracks.html", "en/development/talk-tracks.html"):
        html = (site / url).read_text(encoding="utf-8")
        links = re.findall(r'<a href="([^"#]+)#(talk\.[a-z-]+)"', html)
        assert sorted(track_id for _, track_id in links) == sorted(book.ids("talktrack"))
        for href, track_id in links:
            target = (site / url).parent / href
            assert f'id="{track_id}"' in target.read_text(encoding="utf-8"), (url, href)


@pytest.mark.build
def test_a_track_on_another_modules_page_fails_the_build(project_copy, tmp_path):
    page = project_copy / "docs" / "planning" / "smart-goals.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ talktrack("talk.cold-call") }}\n', encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert ("docs/planning/smart-goals.md: talk track 'talk.cold-call' belongs to module 'compound-selling'; "
            "expected it on that module's page, docs/development/compound-selling.md") in result.stderr
