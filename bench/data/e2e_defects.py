"""Plant citation/reference defects into a manuscript model, with their ground truth.

Each planter edits the model in place and returns a :class:`Planted`: the rule(s)
that should fire, rules that may also fire at the same place without being a false
alarm (a misspelt name may honestly come out as cited-not-listed + listed-not-cited),
and the targets (citation ids / entry ids) a finding must touch to count.

Planters only pick entries whose first author is the only entry of that surname
(so the truth is unambiguous) and never touch an entry twice.
"""

from __future__ import annotations

import copy
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from bench.data.e2e_model import Cite, Group, Manuscript, Ref

KEYS = "qwertyuiop asdfghjkl zxcvbnm"


@dataclass
class Planted:
    """One planted defect: what it is, what should be found, where."""

    kind: str
    rules: tuple[str, ...]
    targets: set[tuple[str, str]]
    also: tuple[str, ...] = ()
    detail: str = ""


def fold(s: str) -> str:
    """Lower-case letters only, diacritics removed."""
    s = unicodedata.normalize("NFKD", s)
    return re.sub(r"[^a-z]", "", "".join(ch for ch in s if not unicodedata.combining(ch)).lower())


class Planter:
    """Picks safe places and plants defects into one manuscript."""

    def __init__(self, ms: Manuscript, rng: random.Random, pool: list[Ref]) -> None:
        self.ms, self.rng, self.pool = ms, rng, pool
        self.used: set[str] = set()
        self.counts = Counter(c.rid for c in ms.cites())
        firsts = Counter(self._first(r) for r in ms.refs)
        self.unique = {r.id for r in ms.refs if firsts[self._first(r)] == 1 and self._first(r)}
        self.surnames = {fold(s) for r in ms.refs for s, _ in r.authors}

    @staticmethod
    def _first(r: Ref) -> str:
        return fold(r.collab or (r.authors[0][0] if r.authors else ""))

    def _pick(self, ok: Callable[[Ref], bool]) -> Ref | None:
        cands = [r for r in self.ms.refs if r.id in self.unique and r.id not in self.used and ok(r)]
        if not cands:
            return None
        r = self.rng.choice(cands)
        self.used.add(r.id)
        return r

    def _cites_of(self, rid: str) -> list[Cite]:
        return [c for c in self.ms.cites() if c.rid == rid]

    def _targets(self, rid: str) -> set[tuple[str, str]]:
        return {("cite", str(c.n)) for c in self._cites_of(rid)}

    def _donor(self) -> Ref | None:
        mine = {self._first(r) for r in self.ms.refs}
        cands = [
            r for r in self.pool if r.authors and self._first(r) not in mine and r.kind == "journal"
        ]
        return copy.deepcopy(self.rng.choice(cands)) if cands else None

    # --- planters -------------------------------------------------------------------
    def delete_cited(self) -> Planted | None:
        r = self._pick(lambda r: 1 <= self.counts[r.id] <= 3 and not r.suffix)
        if r is None:
            return None
        self.ms.refs.remove(r)
        self.ms.ghosts[r.id] = r
        return Planted("delete-cited-entry", ("cited-not-listed",), self._targets(r.id))

    def uncite(self) -> Planted | None:
        groups = [p for p in self.ms.pieces if isinstance(p, Group)]

        def ok(r: Ref) -> bool:
            gs = [g for g in groups if any(c.rid == r.id for c in g.cites)]
            return 1 <= self.counts[r.id] <= 2 and all(len(g.cites) >= 2 for g in gs)

        r = self._pick(ok)
        if r is None:
            return None
        for g in groups:
            g.cites = [c for c in g.cites if c.rid != r.id]
        return Planted("remove-citations", ("listed-not-cited",), {("ref", r.id)})

    def add_uncited(self) -> Planted | None:
        d = self._donor()
        if d is None:
            return None
        d.id = f"added-{d.id}"
        self.ms.refs.append(d)
        self.used.add(d.id)
        return Planted("add-uncited-entry", ("listed-not-cited",), {("ref", d.id)})

    def year_shift(self) -> Planted | None:
        r = self._pick(lambda r: self.counts[r.id] >= 1 and not r.suffix and bool(r.year))
        if r is None:
            return None
        c = self.rng.choice(self._cites_of(r.id))
        c.year = str(int(r.year or 0) + self.rng.choice((-3, -2, -1, 1, 2, 3)))
        return Planted(
            "year-changed",
            ("year-mismatch",),
            {("cite", str(c.n))},
            also=("inconsistent-citation",),
            detail=f"{r.year}->{c.year}",
        )

    def misspell(self) -> Planted | None:
        r = self._pick(
            lambda r: self.counts[r.id] >= 1 and bool(r.authors) and len(fold(r.authors[0][0])) >= 4
        )
        if r is None:
            return None
        c = self.rng.choice(self._cites_of(r.id))
        name = r.authors[0][0]
        for _ in range(20):
            edits = 2 if len(fold(name)) >= 7 and self.rng.random() < 0.3 else 1
            bad = name
            for _ in range(edits):
                bad = self._edit(bad)
            if fold(bad) not in self.surnames and fold(bad) != fold(name):
                break
        c.rename = (0, bad)
        return Planted(
            "surname-misspelt",
            ("author-mismatch",),
            {("cite", str(c.n))},
            also=("cited-not-listed", "inconsistent-citation"),
            detail=f"{name}->{bad}",
        )

    def _edit(self, name: str) -> str:
        # keep the capital (typists rarely miss it) and hyphens, apostrophes, spaces
        spots = [j for j in range(1, len(name)) if name[j].isalpha() and name[j - 1].isalpha()]
        if not spots:
            return name
        i = self.rng.choice(spots)
        op = self.rng.choice(("sub", "del", "ins", "swap"))
        ch = name[i].lower()
        if op == "swap" and i < len(name) - 1 and name[i + 1].isalpha():
            return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
        if op == "del":
            return name[:i] + name[i + 1 :]
        if op == "ins":
            return name[:i] + name[i] + name[i:]
        k = KEYS.find(ch)
        near = (
            [KEYS[j] for j in (k - 1, k + 1) if 0 <= j < len(KEYS) and KEYS[j] != " "]
            if k >= 0
            else ["e"]
        )
        return name[:i] + self.rng.choice(near) + name[i + 1 :]

    def coauthor(self) -> Planted | None:
        r = self._pick(
            lambda r: (
                self.counts[r.id] >= 1 and bool(r.authors) and not r.etal and len(r.authors) <= 2
            )
        )
        if r is None:
            return None
        c = self.rng.choice(self._cites_of(r.id))
        if len(r.authors) == 2:
            c.drop = True
            detail = "dropped co-author"
        else:
            d = self._donor()
            c.add = d.authors[0][0] if d else "Hartono"
            detail = f"added {c.add}"
        return Planted(
            "coauthor-changed",
            ("author-mismatch",),
            {("cite", str(c.n))},
            also=("cited-not-listed", "inconsistent-citation"),
            detail=detail,
        )

    def duplicate(self) -> Planted | None:
        r = self._pick(lambda r: self.counts[r.id] >= 1)
        if r is None:
            return None
        d = copy.deepcopy(r)
        d.id = f"dup-{r.id}"
        if self.rng.random() < 0.5:
            d.doi = ""  # a second copy pasted from elsewhere
            d.title = d.title[:1].upper() + d.title[1:].lower()
        r.no_suffix = d.no_suffix = True  # typed twice, not 2019a/2019b
        self.ms.refs.insert(self.ms.refs.index(r) + 1, d)
        self.used.add(d.id)
        return Planted(
            "entry-duplicated",
            ("duplicate-reference",),
            {("ref", r.id), ("ref", d.id)} | self._targets(r.id),
            also=("ambiguous-citation", "listed-not-cited"),
        )

    def ambiguous(self) -> Planted | None:
        r = self._pick(lambda r: self.counts[r.id] >= 1 and bool(r.authors) and not r.suffix)
        d = self._donor() if r else None
        if r is None or d is None:
            return None
        d.id, d.authors, d.year, d.etal = f"twin-{r.id}", list(r.authors), r.year, r.etal
        d.doi = ""
        r.no_suffix = d.no_suffix = True
        self.ms.refs.insert(self.ms.refs.index(r) + 1, d)
        self.used.add(d.id)
        return Planted(
            "same-author-year-no-letter",
            ("ambiguous-citation",),
            self._targets(r.id) | {("ref", r.id), ("ref", d.id)},
        )

    def inconsistent(self) -> Planted | None:
        r = self._pick(lambda r: self.counts[r.id] >= 2 and not r.suffix and bool(r.year))
        if r is None:
            return None
        self.ms.refs.remove(r)
        self.ms.ghosts[r.id] = r
        cs = self._cites_of(r.id)
        c = self.rng.choice(cs[1:])
        c.year = str(int(r.year or 0) + self.rng.choice((-1, 1)))
        return Planted(
            "unlisted-cited-two-years",
            ("cited-not-listed", "inconsistent-citation"),
            self._targets(r.id),
        )


AUTHOR_YEAR_KINDS = (
    "delete_cited",
    "uncite",
    "add_uncited",
    "year_shift",
    "misspell",
    "coauthor",
    "duplicate",
    "ambiguous",
    "inconsistent",
)
NUMERIC_KINDS = ("delete_cited", "uncite", "add_uncited", "duplicate")


def plant_all(
    ms: Manuscript, rng: random.Random, pool: list[Ref], *, numeric: bool
) -> list[Planted]:
    """One defect of every applicable kind, each on its own entry."""
    p = Planter(ms, rng, pool)
    out: list[Planted] = []
    for kind in NUMERIC_KINDS if numeric else AUTHOR_YEAR_KINDS:
        got = getattr(p, kind)()
        if got is not None:
            out.append(got)
    return out
