"""The calculators' data kinds: their models live in calculators/, which must work without MkDocs."""

from calculators.data import strings_files  # noqa: F401  each calculator's own UI strings, for the one loader
from calculators.scorecard import Scorecard
from calculators.settings import CalculatorSettings
from calculators.smart_goal import GoalChecker

FOLDERS = {"calculators": CalculatorSettings, "checkers": GoalChecker, "scorecards": Scorecard}
KIND_OF = {CalculatorSettings: "calculator", GoalChecker: "checker", Scorecard: "scorecard"}
