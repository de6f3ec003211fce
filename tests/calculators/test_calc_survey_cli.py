"""A survey file (NPS, CSAT, CES) on the command line: every answer kept, the score said in the run's language."""

import pytest

from .test_calc_cli import cli, read_csv, write_csv  # noqa: F401 (a fixture)


def test_nps_on_a_survey_file(cli, tmp_path):
    answers = [["10"], ["9"], ["7"], ["3"], [""], ["11"]]
    source = write_csv(tmp_path / "survey.csv", answers, "utf-8-sig", ["评分"])
    code, _, err = cli("nps", source, "-o", tmp_path / "o.csv", "--lang", "en")
    assert code == 0
    out = read_csv(tmp_path / "o.csv")
    assert len(out) == 6  # the blank line is not a row; every answer is
    assert [r[1] for r in out[1:5]] == ["promoter", "promoter", "passive", "detractor"]
    assert "NPS: 25; promoters 2 (50%), passives 1 (25%), detractors 1 (25%); answers: 4" in err
    assert "with errors: 1" in err


@pytest.mark.parametrize("metric, lang, line", [
    ("csat", "en", "CSAT: 50%; satisfied answers 2 of 4 (scale 1–5, satisfied from 4)"),
    ("csat", "zh", "CSAT：50%；满意的回答 2 / 4（量表 1–5，4 分起算满意）"),
    ("ces", "en", "CES: 3.25; answers: 4 (scale 1–7)"), ("ces", "zh", "CES：3.25；回答数：4（量表 1–7）")])
def test_a_survey_files_score_is_said_in_the_runs_language(cli, tmp_path, metric, lang, line):
    source = write_csv(tmp_path / "survey.csv", [["5"], ["4"], ["3"], ["1"]], "utf-8", ["评分"])
    code, _, err = cli(metric, source, "-o", tmp_path / "o.csv", "--lang", lang)
    assert code == 0 and err.strip().splitlines()[-1] == line
