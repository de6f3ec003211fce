"""Content of areas 1-3 (foundations, market, planning): every topic is taught on a module page in both
languages, and the sheets a salesperson fills in are on those pages. (tests/modules/test_modules.py checks
every module's page.)"""

from playbook.upkeep import coverage
from tests.conftest import ROOT
from tests.modules.test_modules import BLOCK_CALL, source

AREAS = ("foundations", "market", "planning")
# The printable sheets issue 4 asks for: a salesperson fills them in, so they must be on a page.
REQUIRED_CHECKLISTS = ("competitor-analysis-sheet", "target-market-evaluation", "monthly-sales-plan",
                       "bottom-up-forecast-worksheet")


def test_every_topic_of_areas_1_to_3_has_a_module_page_in_both_languages(book):
    topics = [t.id for area in AREAS for t in book.areas[area].topics]
    both = coverage.pages_in_both_languages(book, ROOT)
    missing = [t for t in topics if not both[t]]
    assert topics, "no topics found for areas 1-3 in playbook_data/topics.yml"
    assert missing == [], f"topics of areas 1-3 without a module page in zh and en: {missing}"


def test_required_sheets_are_on_pages_of_areas_1_to_3(book):
    modules = [m for m in book.of_kind("module") if m.tags.area in AREAS]
    rendered = {item_id for m in modules for lang in ("zh", "en")
                for kind, item_id in BLOCK_CALL.findall(source(m, lang)) if kind == "checklist"}
    missing = [c for c in REQUIRED_CHECKLISTS if c not in rendered]
    assert missing == [], f"checklists not rendered on any page of areas 1-3: {missing}"
