"""Content of area 4 (customer development): coverage in both languages, 6W1H1S, the worksheet, self-checks."""

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from playbook.printables.pdf import print_page
from playbook.upkeep.coverage import pages_in_both_languages
from tests.modules.test_modules import area_topics, modules_covering

ROOT = Path(__file__).resolve().parents[2]
AREA = "development"
DIMENSIONS = ["Who", "What", "Where", "When", "How", "Why", "Will", "Sensitivity"]
WORKSHEET = "6w1h1s-worksheet"
OBJECTIONS = 5


def _topics(book) -> list[str]:
    return area_topics(book, [AREA])


def _modules(book) -> list:
    return modules_covering(book, _topics(book))


def test_area_4_holds_the_fifteen_topics_of_the_seed_map(book):
    topics = _topics(book)
    assert len(topics) == 15, topics
    assert all(topic.startswith("dev.") for topic in topics), topics


def test_every_topic_of_area_4_has_a_module_page_in_both_languages(book):
    both = pages_in_both_languages(book, ROOT)
    missing = [topic for topic in _topics(book) if not both[topic]]
    assert not missing, f"topics without a module page in zh and en: {missing}"


def test_6w1h1s_framework_has_the_eight_dimensions_in_order(book):
    entries = book.get("framework", "dev-6w1h1s").entries
    names = [entry.name.en.split()[0] for entry in entries]
    assert names == DIMENSIONS


def test_worked_example_fills_in_the_same_eight_dimensions(book):
    entries = book.get("framework", "dev-6w1h1s-example").entries
    assert [entry.name.en for entry in entries] == DIMENSIONS


def test_worksheet_has_one_section_per_dimension_in_order(book):
    sections = book.get("sheet", WORKSHEET).sections
    assert [s.title.en.split()[1] for s in sections] == DIMENSIONS


def test_objection_talk_tracks_cover_five_objections_with_say_and_avoid(book):
    framework = book.get("framework", "dev-objection-talk-tracks")
    assert {"say", "avoid"} <= {c.key for c in framework.columns}
    assert len(framework.entries) >= OBJECTIONS


class _FormControls(HTMLParser):
    """Label texts of the controls inside one sheet form: `for=` labels and labels wrapping a control."""

    CONTROLS = {"input", "textarea", "select"}

    def __init__(self, sheet_id: str):
        super().__init__()
        self.sheet_id, self.depth = sheet_id, 0
        self.control_ids, self.labels = set(), []  # labels: [target id or None, text, wraps a control]
        self._label = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("data-sheet") == self.sheet_id:
            self.depth = 1
        elif tag == "form" and self.depth:
            self.depth += 1
        if not self.depth:
            return
        if tag == "label":
            self._label = [attrs.get("for"), "", False]
        elif tag in self.CONTROLS:
            self.control_ids.add(attrs.get("id"))
            if self._label is not None:
                self._label[2] = True

    def handle_endtag(self, tag):
        if tag == "form" and self.depth:
            self.depth -= 1
        elif tag == "label" and self._label is not None:
            self.labels.append(self._label)
            self._label = None

    def handle_data(self, data):
        if self._label is not None:
            self._label[1] += data

    def labelled(self) -> set[str]:
        """The texts of labels that name a control in the form."""
        return {" ".join(text.split()) for target, text, wraps in self.labels
                if wraps or (target and target in self.control_ids)}


@pytest.mark.parametrize("lang, prefix", [("zh", ""), ("en", "en/")])
def test_built_worksheet_has_a_labelled_input_for_every_field(site, book, lang, prefix):
    module_page = book.get("module", "customer-analysis").page.replace(".md", ".html")
    html = (site / f"{prefix}{module_page}").read_text(encoding="utf-8")
    parser = _FormControls(WORKSHEET)
    parser.feed(html)
    labelled = parser.labelled()
    fields = [f for section in book.get("sheet", WORKSHEET).sections for f in section.fields]
    missing = [f.id for f in fields if " ".join(f.label[lang].split()) not in labelled]
    assert fields and not missing, f"{prefix}{module_page}: fields without a labelled input: {missing}"


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_blank_6w1h1s_worksheet_prints_on_one_a4_page(page, server, tmp_path, prefix):
    page.goto(f"{server}{prefix}development/customer-analysis.html")
    page.evaluate("window.print = () => {}")  # the button prepares the print, page.pdf prints
    page.locator("form[data-sheet='6w1h1s-worksheet'] button[data-action='print']").click()
    pdf = tmp_path / "worksheet.pdf"
    print_page(page, pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info
