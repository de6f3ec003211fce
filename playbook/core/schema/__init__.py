"""Which model validates which file under playbook_data/.

A folder holds one item per file (`checklists/pre-visit.yml`), except `glossary/`, whose files
hold a list of terms each (one file per area, so authors of different chapters never edit one file).
A new kind of content adds its model here and nowhere else.
"""

from calculators.scorecard import Scorecard
from calculators.settings import CalculatorSettings
from calculators.smart_goal import GoalChecker

from playbook.core.schema.content import Checklist, Framework, GlossaryFile, Module, Quiz, Term
from playbook.courses.schema import Course
from playbook.decisions.schema import DecisionTree
from playbook.modules.schema import Exercise
from playbook.paths.schema import Path
from playbook.scripts.rubric_schema import Rubric
from playbook.scripts.schema import RolePlay, Script
from playbook.printables.schema import Sheet
from playbook.talktracks.schema import TalkTrack
from playbook.core.schema.taxonomy import RolesFile, StagesFile, StringsFile, TopicsFile

FOLDERS = {
    "calculators": CalculatorSettings,
    "checkers": GoalChecker,
    "checklists": Checklist,
    "courses": Course,
    "decisions": DecisionTree,
    "exercises": Exercise,
    "frameworks": Framework,
    "glossary": GlossaryFile,
    "modules": Module,
    "paths": Path,
    "quizzes": Quiz,
    "rubrics": Rubric,
    "scorecards": Scorecard,
    "scripts": Script,
    "sheets": Sheet,
    "talktracks": TalkTrack,
}

TOP_LEVEL = {
    "topics.yml": TopicsFile,
    "roles.yml": RolesFile,
    "stages.yml": StagesFile,
    "strings.yml": StringsFile,
}

# The kind name macros and messages use: `checklist("pre-visit")`, "unknown checklist id".
KIND_OF = {Checklist: "checklist", Framework: "framework", Module: "module", Quiz: "quiz", Sheet: "sheet",
           Term: "term", Script: "script", RolePlay: "roleplay", Course: "course",
           DecisionTree: "decision", Exercise: "exercise", Path: "path"}
KIND_OF.update({Scorecard: "scorecard", CalculatorSettings: "calculator", GoalChecker: "checker",
                Rubric: "rubric", TalkTrack: "talktrack"})
