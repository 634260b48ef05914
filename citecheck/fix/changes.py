"""What ``fix`` may change: one field of one entry, and why.

Fields use citecheck's own names (``doi``, ``year``, ``volume``, ``issue``,
``pages``, ``container``, ``title``); each file format maps them to its own
(BibTeX ``number``/``journal``, CSL-JSON ``DOI``/``page``/``container-title``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FIELDS = ("doi", "year", "volume", "issue", "pages", "container", "title")
# Fields changed by default: facts a registry knows better than a typist. Titles
# and journal names carry capitalisation, abbreviations and LaTeX markup on
# purpose, so they change only when asked for by name.
DEFAULT_FIELDS = frozenset({"doi", "year", "volume", "issue", "pages"})


@dataclass(frozen=True)
class Change:
    """Set ``field`` of the entry ``key`` in reference file ``path`` to ``value``."""

    path: str
    key: str
    field: str
    value: str
    rule: str
    reason: str
    old: str | None = None  # what the reference said, when the finding tells


@dataclass(frozen=True)
class Skipped:
    """A change that was not made, and why (shown to the user)."""

    change: Change
    why: str


@dataclass
class FileEdit:
    """The outcome for one file: its new text and what was and was not changed."""

    path: str
    old_text: str
    new_text: str
    applied: list[Change]
    skipped: list[Skipped]
    encoding: str = "utf-8"  # the codec that turns the text back into the file's bytes

    @property
    def changed(self) -> bool:
        """True when the file's text differs."""
        return self.new_text != self.old_text


# Characters that would change the meaning of a value in a BibTeX file or break it:
# braces and backslashes (LaTeX), "%" (a comment in LaTeX output), line breaks.
UNSAFE = frozenset("{}\\%\n\r")


def unsafe_value(value: str) -> bool:
    """True when ``value`` cannot be written into a reference file as it is."""
    return not value.strip() or any(ch in UNSAFE for ch in value)


_DOI_PREFIX = re.compile(r"^\s*((?:https?://(?:dx\.)?doi\.org/)|(?:doi:\s*))", re.IGNORECASE)


def keep_doi_prefix(current: str, doi: str) -> str:
    """``doi`` written the way the file wrote the old one (bare, ``doi:`` or a URL)."""
    prefix = _DOI_PREFIX.match(current)
    return (prefix.group(1) if prefix else "") + doi
