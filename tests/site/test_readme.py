"""The README's examples and the calculators page's run as written (FastAPI's rule: an example shown is an example
tested)."""

import re
import shlex
import subprocess
import sys

import pytest

from calculators.cli import main

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def calculator_examples() -> list[str]:
    return re.findall(r"^\.venv/bin/python (-m calculators .*)$", README, flags=re.M)


def test_the_readme_has_calculator_examples():
    assert len(calculator_examples()) >= 3


def exit_code(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as done:  # --help exits through argparse
        return done.code


def test_every_calculator_example_runs(tmp_path, monkeypatch, capsys):
    # each example in this process (`-m calculators` is calculators.cli.main); the last test runs the real one
    monkeypatch.chdir(tmp_path)
    for example in calculator_examples():
        args = shlex.split(example)
        if "-o" in args:  # write results into the temporary folder, not the checkout
            args[args.index("-o") + 1] = str(tmp_path / args[args.index("-o") + 1])
        args = [str(ROOT / a) if a.startswith(("docs/", "tests/")) else a for a in args]
        assert args[:2] == ["-m", "calculators"], example
        code = exit_code(args[2:])
        assert code == 0, f"{example}\n{capsys.readouterr().err}"
        if "-o" in args:
            assert (tmp_path / args[args.index("-o") + 1]).stat().st_size > 0


def test_the_error_line_the_readme_quotes_is_what_the_example_file_gives(tmp_path):
    quoted = re.search(r"`(第 \d+ 行：.+? 不是数字)", README).group(1)
    subprocess.run([sys.executable, "-m", "calculators", "score", str(ROOT / "docs/assets/examples/customers.csv"),
                    "--scorecard", "customer-value", "-o", str(tmp_path / "out.csv")], capture_output=True)
    assert " ".join(quoted.split()) in (tmp_path / "out.csv").read_text(encoding="utf-8-sig").replace('""', '"')


@pytest.mark.parametrize("page, header", [
    ("index.md", None), ("index.en.md", "customer,amount,frequency,margin,potential,clv")])
def test_the_error_line_the_calculators_page_quotes_is_what_the_example_file_gives(tmp_path, page, header):
    # The Chinese page quotes the example file's line; the English page the same file with English headers
    text = (ROOT / "docs" / "calculators" / page).read_text(encoding="utf-8")
    quoted = re.search(r"`((?:第 \d+ 行：|line \d+: ).+?)；?…`", text).group(1).rstrip(";")
    lines = (ROOT / "docs/assets/examples/customers.csv").read_text(encoding="utf-8").splitlines()
    source = tmp_path / "customers.csv"
    source.write_text("\n".join([header or lines[0], *lines[1:]]) + "\n", encoding="utf-8")
    assert main(["score", str(source), "--scorecard", "customer-value", "-o", str(tmp_path / "out.csv")]) == 0
    written = (tmp_path / "out.csv").read_text(encoding="utf-8-sig").replace('""', '"')
    assert quoted in written and written.split("\n")[0].rstrip().endswith("得分,等级,错误" if header is None else
                                                                            "score,tier,error")
