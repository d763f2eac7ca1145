"""Question answering over the catalogue and the curated FAQ: BM25 over folded tokens and word pairs.

Residents ask in their own words, with or without accents, with typos and Telex leftovers. Every question and
every document (a procedure's name, summary, field and documents, plus the FAQ phrasings that point to it) is
folded into the same ASCII tokens as the catalogue search (core.catalogue.text), with Telex undone and small
typos matched to the vocabulary. Scores are BM25; adjacent word pairs ("ho chieu", "tam tru") count extra, since
Vietnamese meaning lives in two-syllable words. An answer is given only when the best score clears a threshold
and stands far enough above the runner-up that is not an alternative level of the same procedure; otherwise the
resident is told the station does not know and is offered a person. Nothing is ever invented: an answer is a
procedure's own catalogue record or a curated FAQ text."""

from __future__ import annotations

import itertools
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.catalogue.models import Procedure
from core.catalogue.text import _TOKEN, _canon, edit_distance, fold, untelex
from core.paths import asset

MAX_QUESTION_CHARS = 300
MIN_SCORE = 4.0  # below this the best match shares too little with the question (measured in bench/qa.py)
K1, B = 1.2, 0.5
PAIR_BOOST = 1.5
# Syllables that carry no meaning of their own in a question ("làm sao để ... thì phải ... ạ").
# "thẻ" and "thế" fold alike, so "the" stays; "làm" stays too ("làm hộ chiếu" is applying for one).
STOP = frozenset(_canon(t) for t in ("la", "sao", "nao", "thi", "phai", "gi", "co", "khong", "a", "de", "cho",
                                     "toi", "em", "anh", "chi", "ong", "ba", "cua", "minh", "o", "duoc", "muon",
                                     "hoi", "vay", "nhe", "ko", "k", "va", "voi", "nhu", "ai", "tai", "nay", "roi",
                                     "mot", "cai", "oi", "ah", "u", "thu", "tuc", "giup", "xin"))
# What the resident wants to know, asked in fixed expressions that would otherwise read as topic words
# ("mất bao lâu" is "how long", not "lost"): removed from the topic, kept as the aspect to show first.
ASPECTS = {"time": ("mat bao lau", "bao lau", "mat may ngay", "may ngay", "bao nhieu ngay", "khi nao co"),
           "fee": ("het bao nhieu tien", "mat bao nhieu tien", "ton bao nhieu tien", "bao nhieu tien", "het bao nhieu",
                           "mat bao nhieu", "le phi", "chi phi", "ton bao nhieu",
                   "bao nhieu"),
           "where": ("o dau", "cho nao", "noi nao", "den dau"),
           "documents": ("giay to gi", "can giay to", "mang theo gi", "can mang", "ho so gom")}
MIN_COVERAGE = 0.5  # a weak best match must account for at least half of what the question is about
SURE_SCORE = 12.0  # a match this strong answers even when the question carries details the data lacks


@dataclass(frozen=True)
class FaqEntry:
    id: str
    procedure: str | None
    phrasings: tuple[str, ...]
    answer_vi: str = ""
    answer_en: str = ""


@dataclass(frozen=True)
class Candidate:
    key: str  # "procedure:<code>" or "faq:<id>"
    score: float


@dataclass(frozen=True)
class Answer:
    """Either a procedure (answer from its catalogue record) or a curated FAQ text; ``candidates`` best first."""

    procedure: Procedure | None
    faq: FaqEntry | None
    confidence: float  # 0..1, for logs and the bench
    candidates: tuple[Candidate, ...]
    aspect: str | None = None  # what to show first: "time", "fee", "where", "documents"


@dataclass(frozen=True)
class NoAnswer:
    """The station does not know: say so and offer to call staff. ``candidates`` are for the technician log."""

    candidates: tuple[Candidate, ...]


def load_faq(path: Path | None = None) -> list[FaqEntry]:
    data = json.loads((path or asset("faq", "faq.json")).read_text(encoding="utf-8"))
    return [FaqEntry(str(e["id"]), e.get("procedure"), tuple(e["phrasings"]), e.get("answer_vi", ""),
                     e.get("answer_en", "")) for e in data["entries"]]


def aspect_of(question: str) -> tuple[str | None, str]:
    """(what the resident asks about — "time", "fee", "where", "documents" or None —, the question without it)."""
    text = " " + " ".join(_TOKEN.findall(fold(question))) + " "
    found = None
    for phrase, aspect in _PHRASES:
        if f" {phrase} " in text:
            found = found or aspect
            text = text.replace(f" {phrase} ", " ")
    return found, text.strip()


# Longest first, so "hết bao nhiêu tiền" goes whole rather than leaving "hết" behind.
_PHRASES = sorted(((p, a) for a, ps in ASPECTS.items() for p in ps), key=lambda pa: -len(pa[0]))


def _terms(text: str) -> list[str]:
    words = [_canon(t) for t in _TOKEN.findall(fold(text))]
    return [w for w in words if w not in STOP]


def _with_pairs(words: Sequence[str]) -> list[str]:
    return [*words, *(f"{a}_{b}" for a, b in itertools.pairwise(words))]


class Answerer:
    def __init__(self, procedures: Iterable[Procedure], faq: Iterable[FaqEntry],
                 field_names: dict[str, str] | None = None) -> None:
        self._procedures = {p.code: p for p in procedures}
        self._faq = {f.id: f for f in faq}
        docs: dict[str, list[str]] = {}
        for p in self._procedures.values():
            text = [p.name_vi, p.name_vi, p.summary_vi, (field_names or {}).get(p.field, ""),
                    *(d.name for d in p.documents[:6])]
            docs[f"procedure:{p.code}"] = _with_pairs(_terms(" . ".join(text)))
        for f in self._faq.values():
            key = f"procedure:{f.procedure}" if f.procedure in self._procedures else f"faq:{f.id}"
            for phrase in f.phrasings:  # each phrasing counts like a second name
                docs.setdefault(key, []).extend(_with_pairs(_terms(phrase)) * 2)
        self._docs = {k: Counter(v) for k, v in docs.items()}
        self._lengths = {k: sum(c.values()) for k, c in self._docs.items()}
        self._avg = sum(self._lengths.values()) / max(1, len(self._lengths))
        df: Counter[str] = Counter(t for c in self._docs.values() for t in c)
        n = len(self._docs)
        self._idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        self._vocab = sorted(t for t in self._idf if "_" not in t)

    @classmethod
    def from_catalogue(cls, catalogue: Any, faq: Iterable[FaqEntry] | None = None) -> Answerer:
        fields = {f.key: f.name_vi for f in catalogue.fields()}
        return cls(catalogue.all(), load_faq() if faq is None else faq, fields)

    def _normalise(self, word: str) -> str:
        """The vocabulary word a typed word stands for: itself, its Telex-undone form, or a near spelling."""
        if word in self._idf:
            return word
        plain = untelex(word)
        if plain in self._idf:
            return plain
        if len(word) >= 4:
            limit = 2 if len(word) >= 7 else 1
            close = [v for v in self._vocab if edit_distance(word, v, limit) <= limit]
            if close:
                return min(close, key=lambda v: (edit_distance(word, v, limit), -self._idf[v]))
        return word

    def rank(self, question: str) -> list[Candidate]:
        return self._rank(self._words(question))[0]

    def _words(self, question: str) -> list[str]:
        _, topic = aspect_of(question[:MAX_QUESTION_CHARS])
        return [self._normalise(w) for w in _terms(topic)][:24]

    def _coverage(self, words: list[str], key: str) -> float:
        """Share of the question's weight (idf; an unknown word weighs most) found in the document ``key``."""
        top = max(self._idf.values(), default=1.0)
        weights = {w: self._idf.get(w, top) for w in words}
        total = sum(weights.values())
        found = sum(v for w, v in weights.items() if w in self._docs[key])
        return found / total if total else 0.0

    def _rank(self, words: list[str]) -> tuple[list[Candidate], list[str]]:
        query = _with_pairs(words)
        scores: list[Candidate] = []
        for key, counts in self._docs.items():
            norm = K1 * (1 - B + B * self._lengths[key] / self._avg)
            score = 0.0
            for term in set(query):
                tf = counts.get(term, 0)
                if tf:
                    boost = PAIR_BOOST if "_" in term else 1.0
                    score += boost * self._idf[term] * tf * (K1 + 1) / (tf + norm)
            if score > 0:
                scores.append(Candidate(key, round(score, 3)))
        scores.sort(key=lambda c: (-c.score, c.key))
        return scores, words

    def ask(self, question: str) -> Answer | NoAnswer:
        aspect, _ = aspect_of(question[:MAX_QUESTION_CHARS])
        ranked, words = self._rank(self._words(question))
        top = tuple(ranked[:5])
        if not ranked or ranked[0].score < MIN_SCORE:
            return NoAnswer(top)
        if ranked[0].score < SURE_SCORE and self._coverage(words, ranked[0].key) < MIN_COVERAGE:
            return NoAnswer(top)
        best = ranked[0]
        kind, _, ident = best.key.partition(":")
        confidence = min(1.0, best.score / (2 * MIN_SCORE))
        if kind == "procedure":
            return Answer(self._procedures[ident], None, confidence, top, aspect)
        return Answer(None, self._faq[ident], confidence, top, aspect)
