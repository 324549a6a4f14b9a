"""The normalised value of a retention period."""

from __future__ import annotations

from typing import Literal, Optional

import re

from pydantic import BaseModel, ConfigDict, field_validator

from pipeline.taxonomy import ISO_DURATION_PATTERN

ISO_DURATION = re.compile(ISO_DURATION_PATTERN)

Bound = Literal["max", "min", "exact"]


class RetentionPeriod(BaseModel):
    """How long data is kept: an ISO 8601 length, or ``None`` for a period bound to an event."""

    model_config = ConfigDict(frozen=True)

    iso: Optional[str] = None
    bound: Bound = "exact"
    after: Optional[str] = None

    @field_validator("iso")
    @classmethod
    def _iso_8601(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not ISO_DURATION.match(value):
            raise ValueError(f"not an ISO 8601 duration: {value!r}")
        return value

    def record(self) -> dict:
        """The fields of a ``DURATION`` span in the contract's JSON."""
        return {"value": self.iso, "bound": self.bound, "after": self.after}
