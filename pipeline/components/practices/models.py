"""The values ``privacy_practices`` gives: a link between two spans, the safeguard of a transfer."""

from __future__ import annotations

from typing import Callable, Literal

from pydantic import BaseModel, ConfigDict, Field

#: the safeguards of a transfer outside the European Economic Area (GDPR Chapter V)
SAFEGUARDS: tuple[str, ...] = ("adequacy", "scc", "bcr", "consent", "other")
#: the labels a ``DATA`` span is linked to
LINKED_LABELS: tuple[str, ...] = ("PURPOSE", "LEGAL_BASIS", "DURATION", "RECIPIENT")


class Safeguard(BaseModel):
    """What a notice names as the safeguard of a transfer to a third country, with where it says so:
    ``adequacy`` (an adequacy decision), ``scc`` (standard contractual clauses), ``bcr`` (binding
    corporate rules), ``consent`` (explicit consent to the transfer) or ``other`` (the Data Privacy
    Framework, a code of conduct, a certification). ``start`` and ``end`` are offsets of the words
    that name it, in the text it was read from."""

    model_config = ConfigDict(frozen=True)

    value: Literal["adequacy", "scc", "bcr", "consent", "other"]
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    def record(self, to_raw: Callable[[int, int], tuple[int, int]], raw: str) -> dict:
        """The ``safeguard`` field of a ``RECIPIENT`` span in the contract's JSON: the value and its
        evidence in the raw notice (``to_raw`` maps this text's offsets to the raw text's)."""
        start, end = to_raw(self.start, self.end)
        return {"value": self.value, "start": start, "end": end, "text": raw[start:end]}
