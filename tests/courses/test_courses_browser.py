"""A course in the browser: the learner view shows its agenda and links to each handout where it is, and the course
quiz keeps its score."""

import pytest

from tests.conftest import expect

pytestmark = pytest.mark.browser


def test_the_learner_view_shows_the_agenda_in_the_navigation(book, server, page):
    workshop = book.get("course", "complaint-workshop")
    page.goto(server + "en/courses/complaint-workshop.html")
    rows = page.locator(".pb-agenda tbody tr")
    assert rows.count() == sum(len(s.blocks) for s in workshop.sessions)
    assert rows.first.locator("td").first.inner_text() == "13:30–13:50"
    assert page.locator(".md-nav__link--active", has_text=workshop.title.en).count() >= 1
    assert page.locator(".pb-trainer, .pb-roleplay").count() == 0


def test_the_course_quiz_hides_answers_scores_and_remembers(server, page):
    page.goto(server + "en/courses/complaint-workshop-quiz.html")
    score = page.locator(".pb-quiz__score")
    questions = page.locator("details[data-question]")
    total = questions.count()
    assert total >= 4 and score.inner_text() == f"0 of {total} marked, 0 right"
    first = questions.first
    assert not first.locator("p").first.is_visible()  # the answer stays folded
    first.locator("summary").click()
    assert first.locator("p").first.is_visible()
    first.get_by_role("button", name="I had it").click()
    questions.nth(1).locator("summary").click()
    questions.nth(1).get_by_role("button", name="Not yet").click()
    assert score.inner_text() == f"2 of {total} marked, 1 right"
    page.reload()
    assert score.inner_text() == f"2 of {total} marked, 1 right"
    assert first.get_attribute("data-mark") == "right"
    page.get_by_role("button", name="Start again").click()
    assert score.inner_text() == f"0 of {total} marked, 0 right"
    page.reload()
    assert score.inner_text() == f"0 of {total} marked, 0 right"


@pytest.mark.parametrize("lang,prefix", [("zh", ""), ("en", "en/")])
def test_a_handout_linked_from_the_course_page_opens_at_the_handout(book, browser, server, lang, prefix):
    """A trainer on a phone taps a checklist or sheet under "materials" and lands on it, not at the top of its
    module's page (several screens above it)."""
    course = book.get("course", "key-account-day")
    ids = [handout for session in course.sessions for block in session.blocks for handout in block.handouts]
    assert ids, "the course hands something out"
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        for handout in ids:
            item = book.get(book.kind_of(handout), handout)
            page.goto(server + f"{prefix}courses/{course.id}.html")
            page.locator(".pb-activity a", has_text=item.title[lang]).first.tap()
            page.wait_for_url(lambda url: "/courses/" not in url)
            expect(page.locator(f"[id='{handout}-title']")).to_be_in_viewport()
    finally:
        context.close()
