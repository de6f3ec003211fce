"""Fillable sheets: worksheets, cards, surveys and reports with fields to write in."""

from typing import Literal

from pydantic import Field, model_validator

from playbook.core.schema.common import FieldError, Id, Strict, Text, Whole
from playbook.core.schema.content import Checklist, Printable


class Scale(Strict):
    min: Whole = Field(ge=0, le=10, description="the lowest answer, such as 0 or 1")
    max: Whole = Field(ge=1, le=10, description="the highest answer, such as 5 or 10")
    low: Text = Field(description="what the lowest answer means, in both languages")
    high: Text = Field(description="what the highest answer means, in both languages")

    @model_validator(mode="after")
    def _max_above_min(self):
        if self.max <= self.min:
            raise FieldError(("max",), f"max {self.max} is not above min {self.min}; expected max above min")
        return self


class SheetField(Strict):
    id: Id = Field(description="an id unique within the sheet")
    label: Text = Field(description="the field's label in both languages")
    hint: Text | None = Field(default=None, description="a short help text under the field")
    kind: Literal["text", "lines", "number", "scale"] = Field(
        default="text", description="'text', 'lines' (room to write), 'number' or 'scale'"
    )
    lines: Whole = Field(default=3, ge=1, le=12, description="rows of room to write, for kind 'lines'")
    scale: Scale | None = Field(default=None, description="the answer scale, for kind 'scale'")

    @model_validator(mode="after")
    def _scale_goes_with_kind(self):
        if (self.kind == "scale") != (self.scale is not None):
            raise ValueError("a field has a 'scale' exactly when its kind is 'scale'; expected both or neither")
        return self


class SheetSection(Strict):
    title: Text = Field(description="the section's heading in both languages")
    intro: Text | None = Field(default=None, description="one sentence under the heading")
    fields: list[SheetField] = Field(min_length=1, description="the fields of the section")


class Sheet(Printable):
    """A form to fill in on screen (kept in the browser only) or on paper."""

    sections: list[SheetSection] = Field(min_length=1, description="the sections of the sheet")

    @model_validator(mode="after")
    def _field_ids_are_unique(self):
        seen = set()
        for s, section in enumerate(self.sections):
            for f, field in enumerate(section.fields):
                if field.id in seen:
                    raise FieldError(("sections", s, "fields", f, "id"),
                                     f"field id '{field.id}' is used twice; expected each field id once in a sheet")
                seen.add(field.id)
        return self


FOLDERS = {"checklists": Checklist, "sheets": Sheet}
KIND_OF = {Checklist: "checklist", Sheet: "sheet"}
