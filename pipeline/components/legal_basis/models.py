"""The normalised value of a legal basis."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, field_validator

from pipeline.taxonomy import LEGAL_BASES


class LegalBasis(BaseModel):
    """The GDPR ground a notice gives for a processing: ``GDPR-6-1-a`` (consent) ... ``GDPR-9-2-j``."""

    model_config = ConfigDict(frozen=True)

    value: str

    @field_validator("value")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in LEGAL_BASES:
            raise ValueError(f"not a legal basis of the contract: {value!r}")
        return value

    def record(self) -> dict:
        """The fields of a ``LEGAL_BASIS`` span in the contract's JSON."""
        return {"value": self.value}
