"""What a file run says, in English and Chinese: row errors, marks, column labels and summary lines.

One catalogue for both sides: the command line fills it in calculators/, the browser gets it as JSON
(playbook/calculators/widgets.py browser_data) and fills it in docs/assets/javascripts/calculators/, so a
file scored in either says the same words. `{name}` is a column, `{shown}` the cell as quoted.
"""

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
}


def say(code: str, lang: str = "en", **params) -> str:
    """The sentence `code` in `lang` ('en' or 'zh') with `params` filled in."""
    return MESSAGES[code][lang].format(**params)


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
