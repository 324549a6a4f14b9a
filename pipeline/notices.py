"""Whether a notice can be read by the pipeline: text, and French.

Reading notices (files, folders, stdin, encodings) is ``pipeline.io``'s; its names are
re-exported here for the modules that import them from this one.
"""

from __future__ import annotations

import re

from pipeline.io import STDIN, Notice, NoticeError, decode, expand, notice_id, read, read_each  # noqa: F401


# French function words: the share of them among a text's words tells French from other languages
FRENCH_WORDS = frozenset(
    """le la les l de des du d un une et ou à au aux en dans par pour sur avec sans sous ne pas
    que qui quoi dont où ce cet cette ces se sa son ses leur leurs vous votre vos nous notre nos
    il ils elle elles est sont être avez avons peut peuvent sera seront été ont afin lorsque
    si mais donc ainsi également tout tous toute toutes autres autre données""".split()
)
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def french_share(text: str, sample: int = 20_000) -> float:
    """Share of French function words among the first words of ``text``."""
    words = [w.lower() for w in WORD.findall(text[:sample])]
    if not words:
        return 0.0
    return sum(w in FRENCH_WORDS for w in words) / len(words)


def check_text(text: str, name: str) -> None:
    """Refuse a raw text with nothing to read, or control characters of a binary file."""
    if not text.strip():
        raise NoticeError(f"{name}: empty file")
    control = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if control > 0.01 * min(len(text), 8192):
        raise NoticeError(f"{name}: binary file, not text")


def check_french(clean_text: str, name: str, min_french_share: float) -> None:
    """Refuse a notice in another language, judged on its clean text: a page's markup (a long
    ``<head>``, scripts) is no language."""
    share = french_share(clean_text)
    if share < min_french_share:
        raise NoticeError(
            f"{name}: does not look like French ({share:.0%} French function words, "
            f"{min_french_share:.0%} needed); only French notices are supported"
        )
