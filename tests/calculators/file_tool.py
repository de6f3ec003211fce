"""The file tool's page and the command line given the same small files, for the browser tests."""

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, expect

from .site_pages import page_of

TOOL = ".pb-calc[data-file-tool]"
MESSY = ROOT / "tests" / "fixtures" / "files" / "messy-customers.csv"

# The same small files through the page and through the command line.
FILES = {
    "score:lead": ("leads.csv", ["score", "--scorecard", "lead"],
                   "客户,预算,决策权,需求,时机,匹配度\n华安,3,4,5,4,3\n\"东升, 五金\",5,5,5,5,5\n坏行,x,1,1,1,1\n"
                   "明达,1,1,1,1,1,多余\n新源,2,2,3,2,1\n"),
    "abc": ("customers.csv", ["abc"], "客户,销售额\n甲,420\n乙,260\n丙,110\n丁,-5\n戊,60,多余\n己,0.125\n"),
    "rfm": ("orders.csv", ["rfm"], "客户,日期,金额\n华安,2024-06-20,52000\n华安,2024/5/2,48000\n东升,2024-06-28,8000\n"
            "明达,2024-01-10,15000\n明达,2023-13-01,1\n长青,2023-08-19,3000.5\n"),
    "pipeline": ("deals.csv", ["pipeline"], "金额,阶段,销售人员,区域\n200000,谈判,王芳,华东\n80000,proposal,王芳,\n"
                 "150000,未知,李强,华南\n120000,won,李强,华南\n"),
    "nps": ("answers.csv", ["nps"], "评分\n10\n9\n7\n3\n11\n\n6\n"),
}


def cli_output(tmp_path: Path, kind: str, encoding: str, *extra) -> tuple[Path, bytes]:
    name, args, text = FILES[kind]
    source = tmp_path / f"{encoding}-{name}"
    source.write_bytes(text.encode(encoding))
    out = tmp_path / f"{encoding}-{name}.out.csv"
    run = subprocess.run([sys.executable, "-m", "calculators", args[0], str(source), *args[1:], *extra, "-o", str(out)],
                         cwd=ROOT, capture_output=True, text=True)
    assert out.exists(), run.stderr
    return source, out.read_bytes()


def open_tool(page, site: Path, lang: str, server: str = "", kind: str = ""):
    """The file tool on its page in `lang`, over HTTP from `server` or, without one, from file://; `kind` chosen."""
    relative = page_of(site, "data-file-tool", lang)
    page.goto(server + relative if server else (site / relative).as_uri())
    tool = page.locator(TOOL)
    if kind:
        tool.locator("select[name='kind']").select_option(kind)
    return tool


def command_line(tmp_path: Path, *args: str) -> bytes:
    """What `python -m calculators ARGS -o FILE` writes."""
    out = tmp_path / "cli.csv"
    subprocess.run([sys.executable, "-m", "calculators", *args, "-o", str(out)], cwd=ROOT, check=True,
                   capture_output=True)
    return out.read_bytes()


def cli_scored(source: Path, tmp_path: Path, *extra) -> bytes:
    """What `python -m calculators score FILE --scorecard customer-value` writes for `source`."""
    return command_line(tmp_path, "score", str(source), "--scorecard", "customer-value", *extra)


def downloaded(page, tool) -> bytes:
    """The bytes of the file the tool's download button gives."""
    with page.expect_download() as info:
        tool.locator(".pb-file__download").click()
    return Path(info.value.path()).read_bytes()


def score_in_page(page, source: Path, kind: str, timeout: float = 5000) -> bytes:
    tool = page.locator(TOOL)
    tool.locator("select[name='kind']").select_option(kind)
    tool.locator("input[type='file']").set_input_files(str(source))
    expect(tool).to_have_attribute("data-state", "done", timeout=timeout)
    return downloaded(page, tool)


# A browser that starts no Worker from a page opened from disk (the page then scores the file itself)
REFUSE_WORKERS = "window.Worker = function () { throw new DOMException('refused', 'SecurityError'); };"
