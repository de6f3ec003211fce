"""Build time: the real site (macros render the data) against the same pages already expanded to plain
Markdown and built by plain mkdocs-material with the same plugins but macros. Median of 5 builds each
(built in turns, real then plain, so a change in the machine's speed during the run affects both),
at today's size and at 10x content (each module page copied 9 times with its module data), then the
time `mkdocs serve` takes to rebuild after one YAML file changes. Wall-clock and CPU time (user + system:
steadier on a machine other builds share).

    python benchmarks/build_bench.py [--runs 5] [--sizes 1x,10x]
"""

import argparse
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from _project import ENV, copy_project, median_builds

DUMP_HOOK = '''
"""Benchmark only: write each page's Markdown after macros ran, with its front matter (and without the marks
of its HTML blocks, which only the playbook's Markdown extension reads: playbook/core/raw_html.py)."""
import os, pathlib, yaml
from mkdocs.plugins import event_priority
from playbook.core.raw_html import unmarked

@event_priority(-100)
def on_page_markdown(markdown, page, **kwargs):
    out = pathlib.Path(os.environ["DUMP_DIR"]) / page.file.src_uri
    out.parent.mkdir(parents=True, exist_ok=True)
    meta = {k: v for k, v in page.meta.items() if k != "module"}
    head = "---\\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\\n\\n" if meta else ""
    out.write_text(head + unmarked(markdown), encoding="utf-8")
'''


def scale_content(project: Path, copies: int):
    """Copy every module page (both languages), its module data and the talk tracks it shows `copies` times
    under new ids."""
    tracks = [(path, yaml.safe_load(path.read_text(encoding="utf-8")))
              for path in sorted((project / "playbook_data" / "talktracks").glob("*.yml"))]
    for module_file in sorted((project / "playbook_data" / "modules").glob("*.yml")):
        module = yaml.safe_load(module_file.read_text(encoding="utf-8"))
        for k in range(1, copies + 1):
            new_id, new_page = f"{module['id']}-copy{k}", module["page"].replace(".md", f"-copy{k}.md")
            (module_file.parent / f"{new_id}.yml").write_text(
                yaml.safe_dump({**module, "id": new_id, "page": new_page}, allow_unicode=True), encoding="utf-8")
            renames = {f"module: {module['id']}": f"module: {new_id}"}
            for path, track in tracks:  # a talk track is shown on its module's page only: each copy has its own
                if track["module"] == module["id"]:
                    ids = {track["id"]: f"{track['id']}-copy{k}", track["roleplay"]["id"]: f"{track['roleplay']['id']}-copy{k}"}
                    renames.update({f'"{old}"': f'"{new}"' for old, new in ids.items()})
                    _write_renamed(path, path.with_name(f"{path.stem}-copy{k}.yml"),
                                   {**{f"id: {old}\n": f"id: {new}\n" for old, new in ids.items()},
                                    f"module: {module['id']}\n": f"module: {new_id}\n"})
            for suffix in (".md", ".en.md"):
                source = project / "docs" / module["page"].replace(".md", suffix)
                _write_renamed(source, project / "docs" / new_page.replace(".md", suffix), renames)


def _write_renamed(source: Path, target: Path, renames: dict):
    text = source.read_text(encoding="utf-8")
    for old, new in renames.items():
        text = text.replace(old, new)
    target.write_text(text, encoding="utf-8")


def expanded_twin(project: Path, twin: Path):
    """`twin`: the same site with every macro already expanded and the macros plugin removed."""
    dump = twin / "expanded"
    (project / "dump_markdown.py").write_text(DUMP_HOOK, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    dump_config = config + "\nhooks:\n  - dump_markdown.py\n"
    (project / "mkdocs.dump.yml").write_text(dump_config, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.dump.yml", "-d", str(twin / "out")],
                   cwd=project, check=True, env={**ENV, "DUMP_DIR": str(dump)})
    (project / "dump_markdown.py").unlink()
    (project / "mkdocs.dump.yml").unlink()
    copy_project(twin / "site-src")
    plain = twin / "site-src"
    for page in dump.rglob("*.md"):
        target = plain / "docs" / page.relative_to(dump)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    # No macros plugin, and no generated course pages: their expanded Markdown is in docs/ now.
    without_macros = re.sub(r"\n  - macros:\n(?:      .*\n)+", "\n", config)
    without_macros = without_macros.replace("\n  - playbook:\n", "\n  - playbook:\n      course_pages: false\n", 1)
    (plain / "mkdocs.yml").write_text(without_macros, encoding="utf-8")
    return plain


def serve_rebuild_seconds(project: Path) -> float:
    """Start `mkdocs serve`, touch one YAML file, and time until the rebuild is done."""
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{free_port()}"],
                              cwd=project, stderr=subprocess.PIPE, text=True, env=ENV)
    try:
        _wait_for(server, "Serving on")
        time.sleep(1)
        data_file = project / "playbook_data" / "modules" / "smart-goals.yml"
        start = time.perf_counter()
        data_file.write_text(data_file.read_text(encoding="utf-8") + "\n# touched\n", encoding="utf-8")
        _wait_for(server, "Documentation built in")
        return time.perf_counter() - start
    finally:
        server.terminate()
        server.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(process, text: str):
    seen = []
    for line in process.stderr:
        if text in line:
            return
        seen.append(line)
    raise RuntimeError(f"mkdocs serve ended before printing {text!r}:\n{''.join(seen[-15:])}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1x,10x", help="which of 1x and 10x to build")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for label, copies in (("1x", 0), ("10x", 9)):
            if label not in args.sizes.split(","):
                continue
            real = copy_project(tmp / label / "real")
            scale_content(real, copies)
            plain = expanded_twin(real, tmp / label / "plain")
            pages = len(list((real / "docs").rglob("*.md")))
            real_times, plain_times = median_builds([real, plain], tmp / "out", args.runs)
            print(f"{label:>4}: {pages:4d} page files, median of {args.runs} [range of the ratio over the runs]", flush=True)
            for kind, at in (("wall", 0), ("CPU", 1)):
                t_real, t_plain = (statistics.median(t[at] for t in times) for times in (real_times, plain_times))
                ratios = [r[at] / p[at] for r, p in zip(real_times, plain_times)]
                print(f"      {kind:4s} macros {t_real:6.2f} s  plain {t_plain:6.2f} s  ratio {t_real / t_plain:4.2f} "
                      f"[{min(ratios):.2f}–{max(ratios):.2f}]", flush=True)
        if "1x" in args.sizes.split(","):
            print(f"serve: rebuild after one YAML change {serve_rebuild_seconds(tmp / '1x' / 'real'):.2f} s "
                  "(benchmarks/edit_loop_bench.py measures the edit loop)")


if __name__ == "__main__":
    main()
