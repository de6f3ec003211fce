"""What a module file must agree with elsewhere: its area, stage and roles, and its page in both languages.

A table of named rules (RULES): each takes the playbook and the module and yields (path in the file, message)
for every problem it finds. A shared file that failed (topics, stages, roles) is reported once, not as an
unknown value in every module."""

from playbook.core.addresses import LANGUAGES, source
from playbook.core.problems import Problem
from playbook.core.schema.content import Module


def module_problems(book, source, model) -> list[Problem]:
    if not isinstance(model, Module):
        return []
    return [Problem(source.path, source.line_of(path), message)
            for _, rule in RULES for path, message in rule(book, model)]


def area_and_stage_are_known(book, module: Module):
    tags = module.tags
    for key, value, known, home in (("area", tags.area, book.areas, "topics.yml"),
                                    ("stage", tags.stage, book.stages, "stages.yml")):
        if home in book.files and value not in known:
            yield ("tags", key), f"unknown {key} '{value}'; expected one of: {', '.join(known)}"


def roles_are_known(book, module: Module):
    for index, role in enumerate(module.tags.roles):
        if "roles.yml" in book.files and role not in book.roles:
            yield ("tags", "roles", index), f"unknown role '{role}'; expected one of: {', '.join(book.roles)}"


def page_exists_in_both_languages(book, module: Module):
    for page in (source(module.page, lang) for lang in LANGUAGES):
        if not (book.root / "docs" / page).is_file():
            yield ("page",), f"page docs/{page} does not exist; expected the module's page in both languages"


RULES = (
    ("the area and the stage are known", area_and_stage_are_known),
    ("the roles are known", roles_are_known),
    ("the page exists in both languages", page_exists_in_both_languages),
)

CHECKS = (module_problems,)
