"""`{{ worked_example("clv", "seed-form") }}`: a worked example computed by calculators/ at build time.

The inputs come from playbook_data/calculators/<file>.yml, the results from the Python reference, so a
page can never show a number the calculator would not give. Rendered as Markdown tables, labelled
from the file's `labels:` (and scorecard, tier, segment and stage titles), numbers rounded for reading.
"""

from calculators import InputError, run
from calculators.data import load_scorecard, settings
from playbook.core.page import PageContext
from playbook.core.safe_markdown import inline, text

HIDDEN = {"form", "metric", "scorecard", "first_margin_now", "analysis_date_source"}


def worked_example(macros, file: str, example_id: str) -> str:
    page = PageContext.of(macros.env)
    try:
        config = settings(file)
        example = next((e for e in config.examples if e.id == example_id), None)
        if example is None:
            known = ", ".join(e.id for e in config.examples)
            raise InputError(f"unknown example '{example_id}' in {file}.yml; expected one of: {known}")
        given = example.input_in(page.lang)  # English pages show English names
        result = run(example.calculator, given)
    except InputError as error:
        raise page.error(str(error)) from None
    names = Names(config, given, page.lang)
    inputs, outputs = _pair_lists(dict(given), dict(result))
    parts = [f"**{inline(example.title[page.lang])}**", _section(inputs, names, "input"),
             _section(outputs, names, "output")]
    return "\n\n".join(p for p in parts if p)


def _pair_lists(inputs: dict, outputs: dict) -> tuple:
    """Per-item results go beside their items: into an input table, or with an input list as a column."""
    for key, value in list(outputs.items()):
        if not (isinstance(value, list) and value and not isinstance(value[0], dict)):
            continue
        for in_key, items in inputs.items():
            if isinstance(items, list) and len(items) == len(value) and items and isinstance(items[0], dict):
                inputs[in_key] = [{**item, key: v} for item, v in zip(items, value)]
                del outputs[key]
                break
    lengths = {len(v) for v in outputs.values() if isinstance(v, list) and v and not isinstance(v[0], dict)}
    for in_key, items in list(inputs.items()):
        if isinstance(items, list) and items and not isinstance(items[0], dict) and len(items) in lengths:
            outputs = {in_key: items, **outputs}
            del inputs[in_key]
    return inputs, outputs


class Names:
    """Labels for keys and for the values that are keys themselves (tiers, segments, stages)."""

    def __init__(self, config, inputs: dict, lang: str):
        self.lang = lang
        self.keys = {k: t[lang] for k, t in config.labels.items()}
        self.values = {}
        if config.calculator == "scorecard":
            card = load_scorecard(inputs["scorecard"])
            self.keys.update((c.key, c.title[lang]) for c in card.criteria)
            self.values.update((t.key, t.title[lang]) for t in card.tiers)
        self.values.update((s.key, s.title[lang]) for s in config.segments)
        self.values.update((s.key, s.title[lang]) for s in config.stages)
        self.words = {"input": ("输入", "Inputs"), "output": ("结果", "Results"), "item": ("项目", "Item"),
                      "value": ("数值", "Value"), "given": ("给定", "given"),
                      "day after the last order": ("最后一单的次日", "the day after the last order")}

    def key(self, key) -> str:
        return self.keys.get(key, self.values.get(key, str(key)))

    def word(self, word: str) -> str:
        pair = self.words.get(word)
        return pair[0 if self.lang == "zh" else 1] if pair else word

    def value(self, value) -> str:
        if isinstance(value, bool):
            return "✓" if value else "✗"
        if isinstance(value, (int, float)):
            return _number(value)
        return self.values.get(value, self.word(value)) if isinstance(value, str) else str(value)


def _section(data: dict, names: Names, kind: str) -> str:
    """A bold heading; scalars in one table; mappings and lists of records each in a table of their own;
    lists of numbers side by side in one table, one row per item."""
    data = {k: v for k, v in data.items() if k not in HIDDEN}
    rows = [[names.key(k), names.value(v)] for k, v in data.items() if not isinstance(v, (list, dict))]
    blocks = [f"**{inline(names.word(kind))}**"]
    blocks += [_table([names.word("item"), names.word("value")], rows)] if rows else []
    columns = {k: v for k, v in data.items() if isinstance(v, list) and v and not isinstance(v[0], dict)}
    for key, value in data.items():
        if isinstance(value, (list, dict)) and key not in columns:
            blocks.append(_block(key, value, names, titled=kind == "output"))
    if len(columns) == 1 and kind == "input":
        key, value = next(iter(columns.items()))
        blocks.append(f"{text(names.key(key))}: {inline(_listed(value, names))}")
    elif columns:
        blocks.append(_columns(columns, names))
    return "\n\n".join(blocks) if len(blocks) > 1 else ""


def _block(key, value, names: Names, titled: bool) -> str:
    title = f"{text(names.key(key))}:\n\n" if titled else ""
    if isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()):
        columns = list(next(iter(value.values())))
        rows = [[names.value(k), *(names.value(v.get(c, "")) for c in columns)] for k, v in value.items()]
        return title + _table([names.word("item"), *map(names.key, columns)], rows)
    if isinstance(value, dict):
        return title + _table([names.word("item"), names.word("value")],
                              [[names.key(k), _listed(v, names)] for k, v in value.items()])
    columns = list(dict.fromkeys(c for row in value for c in row))
    rows = [[names.value(row.get(c, "")) for c in columns] for row in value]
    return title + _table([names.key(c) for c in columns], rows) if value else ""


def _columns(parallel: dict, names: Names) -> str:
    """Lists of equal length (an input list and its results) side by side, one row per item."""
    keys = list(parallel)
    length = max(len(v) for v in parallel.values())
    rows = [[names.value(parallel[k][i]) if i < len(parallel[k]) else "" for k in keys] for i in range(length)]
    return _table([names.key(k) for k in keys], rows)


def _listed(value, names: Names) -> str:
    return " · ".join(names.value(v) for v in value) if isinstance(value, list) else names.value(value)


def _number(value) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _table(header: list, rows: list) -> str:
    lines = ["| " + " | ".join(inline(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(inline(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
