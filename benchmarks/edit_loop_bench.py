"""The edit loop of `mkdocs serve`: from saving a file to both languages' pages (and, for data and pages,
both search indexes) served with the change. Two servers on two copies of the project run side by side:
one with the rebuild caches off (PLAYBOOK_CACHE=off: what a plain rebuild costs) and one with them on; the
same edits go to each in turns, so a change in the machine's load weighs on both. Medians and ranges per
kind of edit, and the ratio of the medians.

    python benchmarks/edit_loop_bench.py [--runs 3]

With `--against DIR` (an earlier checkout, e.g. `git archive <commit> | tar -x -C DIR`) both servers keep their
caches: DIR's and this tree's, the ratio this tree's medians against DIR's.
"""

import argparse
import re
import statistics
import sys
import tempfile
from pathlib import Path

from _project import ROOT, copy_project

sys.path.insert(0, str(ROOT))
from tests.live_serve import LiveSite, search_text  # noqa: E402

CHECKLIST_PAGES = ("development/first-contact.html", "en/development/first-contact.html")
MODULE_PAGES = ("planning/smart-goals.html", "en/planning/smart-goals.html")


def edit_checklist(project: Path, n: int) -> dict:
    path = project / "playbook_data/checklists/first-meeting.yml"
    texts = {"zh": f"客户开口的时间比我长{n}", "en": f"The customer spoke for longer than I did {n}"}
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if "- id: customer-talked" in line) + 1
    was = dict(re.findall(r'(zh|en): "([^"]*)"', lines[at]))
    lines[at] = f'    text: {{zh: "{texts["zh"]}", en: "{texts["en"]}"}}\n'
    path.write_text("".join(lines), encoding="utf-8")
    return {"pages": dict(zip(CHECKLIST_PAGES, texts.values())), "search": texts, "was": was}


def edit_page(project: Path, n: int) -> dict:
    texts = {"zh": f"复盘时先看目标是否写清楚了{n}", "en": f"When you review, first ask whether the goal was clear {n}"}
    headings = {"zh": f"复盘提示{n}", "en": f"A review tip {n}"}  # a section of its own: its start is indexed
    for lang, suffix in (("zh", ".md"), ("en", ".en.md")):
        page = project / "docs/planning" / f"smart-goals{suffix}"
        page.write_text(page.read_text(encoding="utf-8") + f"\n## {headings[lang]}\n\n{texts[lang]}\n",
                        encoding="utf-8")
    return {"pages": dict(zip(MODULE_PAGES, texts.values())), "search": texts}


def edit_string(project: Path, n: int) -> dict:
    path = project / "playbook_data/strings.yml"
    texts = {"zh": f"这一课一览{n}", "en": f"This lesson at a glance {n}"}
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("  lesson-overview:"))
    lines[at] = f'  lesson-overview: {{zh: "{texts["zh"]}", en: "{texts["en"]}"}}\n'
    path.write_text("".join(lines), encoding="utf-8")
    return {"pages": dict(zip(MODULE_PAGES, texts.values())), "search": {}}


def edit_template(project: Path, n: int) -> dict:
    path = project / "playbook/printables/templates/checklist.html"
    mark = f"pb-edit-{n}"
    text = re.sub(r'<form( data-edit="pb-edit-\d+")? class="pb-checklist"', f'<form data-edit="{mark}" class="pb-checklist"',
                  path.read_text(encoding="utf-8"), count=1)
    path.write_text(text, encoding="utf-8")
    return {"pages": {page: mark for page in CHECKLIST_PAGES}, "search": {}}


EDITS = {"checklist YAML": edit_checklist, "module page": edit_page, "UI string": edit_string,
         "data template": edit_template}


def seconds_to_serve(site: LiveSite, edit, n: int) -> tuple[float, float]:
    """(wall-clock, server CPU) seconds from saving the edit to every page and index showing it."""
    indexes = {lang: search_text(site, lang) for lang in ("zh", "en")}
    cpu = site.cpu_seconds()
    want = edit(site.project, n)
    # An index entry keeps the start of its section: an edited text is looked for where its old text was
    search = {lang: text for lang, text in want["search"].items()
              if lang not in want.get("was", {}) or want["was"][lang] in indexes[lang]}

    def served():
        return all(text in site.get(path) for path, text in want["pages"].items()) and \
            all(text in search_text(site, lang) for lang, text in search.items())

    wall = site.wait(served, 1800, "the edit")
    return wall, site.cpu_seconds() - cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="edits of each kind per server")
    parser.add_argument("--kinds", default=",".join(EDITS), help="which kinds of edit, comma-separated")
    parser.add_argument("--against", type=Path, help="an earlier checkout to compare with, both servers cached")
    args = parser.parse_args()
    edits = {kind: EDITS[kind] for kind in args.kinds.split(",")}
    with tempfile.TemporaryDirectory() as tmp:
        sites = {}
        try:
            servers = ((("earlier", args.against, {}), ("cached", ROOT, {})) if args.against else
                       (("plain rebuild", ROOT, {"PLAYBOOK_CACHE": "off"}), ("cached", ROOT, {})))
            for label, root, env in servers:
                project = copy_project(Path(tmp) / label.replace(" ", "-"), root)
                sites[label] = LiveSite(project, env, ready_within=None)
            for site in sites.values():  # both first builds at once
                site.ready(1800)
            times = {(kind, label): [] for kind in edits for label in sites}
            for n in range(1, args.runs + 1):
                for kind, edit in edits.items():
                    for label, site in sites.items():
                        times[kind, label].append(seconds_to_serve(site, edit, n))
        finally:
            for site in sites.values():
                site.close()
    print(f"save → both languages served, {args.runs} edits each: median [range]; wall clock, then the server's CPU")
    for kind in edits:
        for at, what in ((0, "wall"), (1, "CPU")):
            cells = []
            for label in sites:
                values = [t[at] for t in times[kind, label]]
                cells.append(f"{label} {statistics.median(values):6.2f} s [{min(values):.2f}–{max(values):.2f}]")
            baseline = next(iter(sites))  # the plain rebuild, or the earlier checkout
            ratio = (statistics.median(t[at] for t in times[kind, "cached"])
                     / statistics.median(t[at] for t in times[kind, baseline]))
            print(f"  {kind:15s} {what:4s} {'   '.join(cells)}   ratio {ratio:.2f}", flush=True)


if __name__ == "__main__":
    main()
