"""What the score-file page offers for rfm (playbook/calculators/widgets.py): an orders file's RFM segments, with
the command line's options as fields, which calculators/rfm/filescore.js reads."""

from calculators.cells import DATE_FORMATS
from playbook.calculators.widgets import FileField, file_kind

from calculators.rfm import TIES


def file_kinds(lang, ui) -> list:
    return file_kind("rfm", lang)


def file_fields(lang, ui) -> list:
    return [
        FileField("date", "analysis_date", ui["calc-file-date"], "date"),
        FileField("date-format", "date_format", ui["calc-file-date-format"],
                  choices=[("", ui["calc-file-auto"]), *((f, ui[f"calc-file-{f}"]) for f in DATE_FORMATS)]),
        FileField("ties", "ties", ui["calc-file-ties"], choices=[(t, ui[f"calc-file-ties-{t}"]) for t in TIES]),
        FileField("thresholds", "thresholds", ui["calc-file-thresholds"],
                  placeholder="recency=7,30,90,180; frequency=1,2,4,8"),
    ]
