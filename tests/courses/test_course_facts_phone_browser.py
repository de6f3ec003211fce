"""A trainer on a phone, from the home page: opens the courses, then the half-day workshop, and reads its length
as English says it ("4 h · 1 session", not "1 sessions"); the week-long course keeps its plural."""

import pytest

pytestmark = pytest.mark.browser

COURSES = [("Complaint-handling workshop", "4 h · 1 session"), ("First week for new salespeople", "· 5 sessions")]


@pytest.mark.parametrize(("course", "length"), COURSES)
def test_a_course_length_reads_as_english(browser, server, course, length):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(server + "en/index.html")
        page.locator("article a", has_text="Run a course").first.click()
        page.locator("article a", has_text=course).first.click()
        total = page.locator(".pb-lesson__facts dt", has_text="Total time").first.locator("xpath=following-sibling::dd[1]")
        total.wait_for()
        assert total.inner_text().endswith(length), total.inner_text()
    finally:
        context.close()
