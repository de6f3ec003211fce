"""What `python -m calculators` builds before it reads a file: the parser of the one sub-command asked for and the
pydantic models of the one YAML file it reads (calculators/cli.py `offered`, calculators/data.py), not every
calculator's; the help and an unknown command still list every command."""

import subprocess
import sys

import pytest

from calculators.registry import CALCULATORS, part

from .test_calc_cli import ROOT, run_cli

RUNS = {
    "score": ("customer,amount,frequency,margin,potential,clv\n甲,2304.22,5,1.8,5,54826\n",
              ["--scorecard", "customer-value"]),
    "abc": ("customer,amount\n甲,2304.22\n乙,14495.41\n", []),
    "rfm": ("customer,date,amount\n甲,2024-01-15,12847.51\n乙,2024-06-02,1524.68\n", []),
    "pipeline": ("amount,stage,salesperson,region\n4420.46,谈判,销售08,华南\n", []),
}
# The calculators' modules a file run imports of those that parse options (each calculator's cli.py: score's is
# looked for after clv's, the first in the registry) or build pydantic models (settings: 7 models, scorecard: 4).
EXPECTED = {
    "score": ["calculators.clv.cli", "calculators.scorecard", "calculators.scorecard.cli"],
    "abc": ["calculators.abc.cli", "calculators.settings"],
    "rfm": ["calculators.rfm.cli", "calculators.settings"],
    "pipeline": ["calculators.pipeline.cli", "calculators.settings"],
}
SHOWN = ("import sys; from calculators.cli import main; main(sys.argv[1:]); print(sorted(m for m in sys.modules if "
         "m.startswith('calculators.') and m.endswith('.cli') and m != 'calculators.cli' or "
         "m in ('calculators.settings', 'calculators.scorecard')))")


@pytest.mark.parametrize("command", RUNS)
def test_a_file_run_builds_only_its_own_parser_and_models(tmp_path, command):
    text, options = RUNS[command]
    (tmp_path / "in.csv").write_text(text, encoding="utf-8")
    argv = [command, str(tmp_path / "in.csv"), *options, "-o", str(tmp_path / "out.csv")]
    done = subprocess.run([sys.executable, "-c", SHOWN, *argv], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [str(EXPECTED[command])]
    assert len((tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines()) == text.count("\n")


def test_the_help_and_an_unknown_command_list_every_command():
    commands = [c for name in CALCULATORS for c in part(name, "cli").COMMANDS] + ["workbook"]
    code, out, _ = run_cli("--help")
    listed = [line.split()[0] for line in out.splitlines() if line.startswith("    ") and line[4] != " "]
    assert (code, listed) == (0, commands)
    code, _, err = run_cli("scroe", "file.csv")
    assert code == 2 and f"(choose from {', '.join(map(repr, commands))})" in err
