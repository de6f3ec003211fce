"""What a file run says, in English and Chinese: row errors, marks, column labels and summary lines.

One catalogue for both sides: the command line fills it in calculators/, the browser gets it as JSON
(playbook/calculators/widgets.py browser_data) and fills it in docs/assets/javascripts/calculators/, so a
file scored in either says the same words. `{name}` is a column, `{shown}` the cell as quoted.
What only the command line says (a file it cannot open, read or write) is in COMMAND_LINE, not sent to the browser.
"""

import os

NUMBERS = {"en": "such as 1,234.50, ¥800, 86万, 1.2万元, (1,234.50) or 12%",
           "zh": "例如 1,234.50、¥800、86万、1.2万元、(1,234.50) 或 12%"}

MESSAGES = {
    "empty": {"en": "{name} is empty; expected a number", "zh": "{name}为空；应填一个数字"},
    "yes-no": {"en": "{name} is a yes/no value; expected a number", "zh": "{name}是“是/否”；应填一个数字"},
    "not-number": {"en": "{name} {shown} is not a number; expected a number " + NUMBERS["en"],
                   "zh": "{name} {shown} 不是数字；应填数字，" + NUMBERS["zh"]},
    "not-finite": {"en": "{name} {shown} is infinite; expected a finite number",
                   "zh": "{name} {shown} 是无穷大；应填一个有限的数字"},
    "not-whole": {"en": "{name} {shown} is not a whole number", "zh": "{name} {shown} 不是整数"},
    "negative": {"en": "{name} {shown} is negative; expected at least 0", "zh": "{name} {shown} 是负数；应不小于 0"},
    "below": {"en": "{name} {shown} is below {min}; expected at least {min}",
              "zh": "{name} {shown} 小于 {min}；应不小于 {min}"},
    "not-below": {"en": "{name} {shown} must be below {max}", "zh": "{name} {shown} 应小于 {max}"},
    "above-one": {"en": "{name} {shown} is above 1; expected a fraction such as 0.8 for 80%",
                  "zh": "{name} {shown} 大于 1；应填比例，例如 80% 写 0.8"},
    "out-of-scale": {"en": "{name} {shown} is outside the scale; expected a rating from {low} to {high}",
                     "zh": "{name} {shown} 超出量表；应填 {low} 到 {high} 之间的分数"},
    "answer-out-of-scale": {"en": "{name} {shown} is outside the scale; expected a whole number from {low} to {high}",
                            "zh": "{name} {shown} 超出量表；应填 {low} 到 {high} 之间的整数"},
    "empty-date": {"en": "{name} empty; expected a date such as 2024-03-05, 2024/3/5 or 2024年3月5日",
                   "zh": "{name}为空；应填日期，例如 2024-03-05、2024/3/5 或 2024年3月5日"},
    "not-date": {"en": "{name} {shown} is not a date; expected a date such as 2024-03-05, 2024/3/5 or 2024年3月5日",
                 "zh": "{name} {shown} 不是日期；应填日期，例如 2024-03-05、2024/3/5 或 2024年3月5日"},
    "ambiguous-date": {"en": "{name} {shown} could be day/month or month/day; expected --date-format dmy or mdy",
                       "zh": "{name} {shown} 既可读作日/月也可读作月/日；请用 --date-format dmy 或 mdy 指明"},
    "empty-customer": {"en": "{name} is empty; expected a customer name or id", "zh": "{name}为空；应填客户名称或编号"},
    "empty-stage": {"en": "{name} empty; expected one of: {stages}", "zh": "{name}为空；应为以下之一：{stages}"},
    "unknown-stage": {"en": "{name} {shown} is not a known stage; expected one of: {stages}",
                      "zh": "{name} {shown} 不是已知的阶段；应为以下之一：{stages}"},
    "extra-cells": {"en": "has {count} cells but the header has {width}; extra cells: {cells}",
                    "zh": "有 {count} 个单元格，但表头只有 {width} 列；多出的单元格：{cells}"},
    "line": {"en": "line {line}: {message}", "zh": "第 {line} 行：{message}"},
    "total-row": {"en": "total row: left out of every total and rank", "zh": "合计行：不计入任何合计和排名"},
    "summary": {"en": "rows read: {read}, scored: {scored}, with errors: {failed}",
                "zh": "读取 {read} 行，已计算 {scored} 行，有错误 {failed} 行"},
    "summary-totals": {"en": "total rows left out: {count} (lines {lines})",
                       "zh": "未计入的合计行：{count} 行（第 {lines} 行）"},
    "summary-title": {"en": "header on line {line}; lines above it skipped as a title",
                      "zh": "表头在第 {line} 行；上面的行视为标题，已跳过"},
    "summary-duplicate": {"en": "column {name} appears more than once (columns {columns}); the first is used",
                          "zh": "列 {name} 出现了不止一次（第 {columns} 列）；使用第一列"},
    "summary-mixed": {"en": "column {name} mixes shares ({share}) and percents ({percent}); check lines {lines}",
                      "zh": "列 {name} 混用了比例（{share}）和百分数（{percent}）；请检查第 {lines} 行"},
    "summary-value-share": {"en": "value share: {shares}", "zh": "金额占比：{shares}"},
    "summary-rfm-date": {"en": "analysis date: {date}; customers: {customers}",
                         "zh": "分析日期：{date}；客户数：{customers}"},
    "summary-rfm-segments": {"en": "customers per segment: {counts}", "zh": "各客户群的客户数：{counts}"},
    "summary-rfm-breaks": {"en": "breaks (20/40/60/80 %): {breaks}", "zh": "分档界限（20/40/60/80 %）：{breaks}"},
    "summary-pipeline": {"en": "total: amount {amount}, weighted {weighted}", "zh": "合计：金额 {amount}，加权 {weighted}"},
    "summary-nps": {"en": "NPS: {nps}; promoters {promoters} ({promoter_pct}%), passives {passives} ({passive_pct}%), "
                           "detractors {detractors} ({detractor_pct}%); answers: {total}",
                    "zh": "NPS：{nps}；推荐者 {promoters}（{promoter_pct}%），被动者 {passives}（{passive_pct}%），"
                          "贬损者 {detractors}（{detractor_pct}%）；回答数：{total}"},
    "summary-csat": {"en": "CSAT: {csat}%; satisfied answers {satisfied} of {total} (scale 1–{scale}, satisfied from "
                           "{satisfied_from})",
                     "zh": "CSAT：{csat}%；满意的回答 {satisfied} / {total}（量表 1–{scale}，{satisfied_from} 分起算满意）"},
    "summary-ces": {"en": "CES: {ces}; answers: {total} (scale 1–{scale})",
                    "zh": "CES：{ces}；回答数：{total}（量表 1–{scale}）"},
}


# `{path}` is the file as given on the command line; `{reason}` the system's own words (English).
COMMAND_LINE = {
    "error": {"en": "error: {message}", "zh": "错误：{message}"},
    "no-file": {"en": "{path}: no such file", "zh": "{path}：没有这个文件"},
    "unreadable": {"en": "{path}: cannot be read ({reason})", "zh": "{path}：无法读取（{reason}）"},
    "unwritable": {"en": "{path}: cannot be written ({reason})", "zh": "{path}：无法写入（{reason}）"},
    "no-folder": {"en": "{path}: the folder {folder} does not exist; expected a result file in an existing folder",
                  "zh": "{path}：文件夹 {folder} 不存在；结果文件应写在已有的文件夹里"},
    "xlsx-to-file": {"en": "an .xlsx result needs a file; expected -o result.xlsx",
                     "zh": ".xlsx 结果要写进文件；应加 -o result.xlsx"},
    "no-row": {"en": "{path}: there is no row {row}; expected --header-row within the file",
               "zh": "{path}：文件没有第 {row} 行；--header-row 应在文件的行数以内"},
    "empty-file": {"en": "{path}: the file is empty; expected a header row and data rows",
                   "zh": "{path}：文件是空的；应有一行表头和若干数据行"},
    "not-encoding": {"en": "{path}: the file is not {encoding}; expected UTF-8 or GBK, or pass --encoding",
                     "zh": "{path}：文件不是 {encoding} 编码；应为 UTF-8 或 GBK，或用 --encoding 指明"},
    "unknown-encoding": {"en": "{path}: unknown encoding '{encoding}'; expected one such as utf-8, gbk or gb18030",
                         "zh": "{path}：无法识别编码“{encoding}”；应为 utf-8、gbk 或 gb18030 这样的编码"},
    "not-csv": {"en": "{path}: cannot be read as CSV ({reason})", "zh": "{path}：无法按 CSV 读取（{reason}）"},
    "not-xlsx": {"en": "{path}: cannot be read as an Excel workbook ({reason})",
                 "zh": "{path}：无法按 Excel 工作簿读取（{reason}）"},
    "no-sheet": {"en": "{path}: no sheet named '{sheet}'; expected one of: {sheets}",
                 "zh": "{path}：没有名为“{sheet}”的工作表；应为以下之一：{sheets}"},
    "missing-column": {"en": "{path}: column '{column}' is missing; expected a column named {names}, or --map "
                             "{field}=YOUR_HEADER (the file has: {header})",
                       "zh": "{path}：缺少“{column}”列；应有名为 {names_zh} 的列，或用 --map {field}=你的表头 指明"
                             "（文件的表头：{header}）"},
}


def say(code: str, lang: str = "en", **params) -> str:
    """The sentence `code` in `lang` ('en' or 'zh') with `params` filled in."""
    return (MESSAGES.get(code) or COMMAND_LINE[code])[lang].format(**params)


def user_language(environ=os.environ) -> str:
    """The command line's language where neither --lang nor a file's header tells it: the locale's, as gettext
    reads it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG; the first set): 'zh' for zh_CN, zh_TW …, else 'en'."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(name):
            return "zh" if environ[name].lower().startswith("zh") else "en"
    return "en"


def language_of(header) -> str:
    """'zh' when any column name holds a Chinese character, else 'en'."""
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for name in header for ch in str(name)) else "en"


# Names of what a summary counts, and the labels of NPS and CSAT answers.
WORDS = {
    "tiers": {"en": "tiers", "zh": "各等级行数"},
    "classes": {"en": "classes", "zh": "各类行数"},
    "orders per segment": {"en": "orders per segment", "zh": "各客户群的订单数"},
    "deals per stage": {"en": "deals per stage", "zh": "各阶段的商机数"},
    "answers": {"en": "answers", "zh": "各类回答数"},
    "customers": {"en": "customers per tier", "zh": "各等级客户数"},
    "promoter": {"en": "promoter", "zh": "推荐者"},
    "passive": {"en": "passive", "zh": "被动者"},
    "detractor": {"en": "detractor", "zh": "贬损者"},
    "satisfied": {"en": "satisfied", "zh": "满意"},
    "recency": {"en": "recency", "zh": "最近一次（天）"},
    "frequency": {"en": "frequency", "zh": "频率"},
    "monetary": {"en": "monetary", "zh": "金额"},
    "by_stage": {"en": "by stage", "zh": "按阶段"},
    "by_salesperson": {"en": "by salesperson", "zh": "按销售人员"},
    "by_region": {"en": "by region", "zh": "按区域"},
    "not satisfied": {"en": "not satisfied", "zh": "不满意"},
}


def word(key: str, lang: str) -> str:
    return WORDS[key][lang] if key in WORDS else key


# The names of the columns a file run adds, in the run's language: a Chinese file's result reads in Chinese in
# Excel. Not the input's names (金额 is RFM's input), so a header never holds one name twice by the run's doing.
COLUMNS = {
    "score": {"en": "score", "zh": "得分"}, "tier": {"en": "tier", "zh": "等级"},
    "share": {"en": "share", "zh": "金额占比"}, "cumulative": {"en": "cumulative", "zh": "累计占比"},
    "class": {"en": "class", "zh": "ABC 类别"}, "rank": {"en": "rank", "zh": "排名"},
    "recency": {"en": "recency", "zh": "距今天数"}, "frequency": {"en": "frequency", "zh": "订单数"},
    "monetary": {"en": "monetary", "zh": "消费总额"},
    "r": {"en": "r", "zh": "R 分"}, "f": {"en": "f", "zh": "F 分"}, "m": {"en": "m", "zh": "M 分"},
    "segment": {"en": "segment", "zh": "客户群"},
    "probability": {"en": "probability", "zh": "成交概率"}, "weighted": {"en": "weighted", "zh": "加权金额"},
    "category": {"en": "category", "zh": "类别"},
    "revenue": {"en": "revenue", "zh": "总收入"}, "clv": {"en": "clv", "zh": "客户终身价值"},
    "error": {"en": "error", "zh": "错误"},
}


def column_names(keys: list, lang: str) -> list:
    """The added columns' names and the error column's, in `lang`."""
    return [COLUMNS[key][lang] for key in [*keys, "error"]]
