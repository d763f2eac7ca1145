"""Accent-, case-, Telex- and typo-tolerant ranked search over procedures (pure; any thread; index built once).

Each procedure's text is folded into tokens with a weight per place they occur (name > summary > field >
documents/forms > steps/conditions). A query token matches an index token exactly, as a prefix (partial word),
after undoing Telex/VNI leftovers, or within a small edit distance; the procedure's score sums, per query token,
the best (match quality × weight). So a match in the name always outranks one only in documents or steps.

A procedure is listed only when it is about the query: every query word matches it somewhere, and at least half
of them match its name, summary or code (a word found only deep in another procedure's steps does not make it
relevant). The title typed whole, with or without accents, comes first. No relevant procedure: an empty list,
which the screen shows as "không tìm thấy" instead of unrelated procedures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from core.catalogue.models import Procedure
from core.catalogue.text import _FORM_CODE, _TOKEN, _canon, edit_distance, fold, tokens, untelex

W_CODE, W_NAME, W_NAME_EN, W_SUMMARY, W_FIELD, W_DOCS, W_BODY = 12.0, 10.0, 8.0, 5.0, 4.0, 2.0, 1.0
Q_EXACT, Q_PREFIX, Q_FUZZY = 1.0, 0.8, 0.6
MIN_TOPIC_SHARE = 0.5  # of the query words that must match the name, summary or code
W_TOPIC = W_SUMMARY
EXACT_TITLE_BONUS = 40.0
_LEVEL_SUFFIX = re.compile(r"\s*\(thuc hien tai cap [a-z ]+\)\s*$")
MAX_QUERY_TOKENS = 12  # a pasted paragraph must not make a kiosk search slow
_CODE_PREFIX = re.compile(r"[0-9]\.?[0-9]{0,6}")


@dataclass(frozen=True, slots=True)
class SearchHit:
    procedure: Procedure
    score: float
    where: str  # best place the query matched: "code", "name", "summary", "field", "documents" or "steps"


_PLACE = {W_CODE: "code", W_NAME: "name", W_NAME_EN: "name", W_SUMMARY: "summary", W_FIELD: "field",
          W_DOCS: "documents", W_BODY: "steps"}


class SearchIndex:
    def __init__(self, procedures: Iterable[Procedure], field_names: dict[str, tuple[str, str]]) -> None:
        self._procs = list(procedures)
        self._weights: list[dict[str, float]] = []
        self._names = [" ".join(tokens(p.name_vi)) for p in self._procs]
        # The title without "(thực hiện tại cấp …)": typing the title whole finds it first.
        self._titles = [_LEVEL_SUFFIX.sub("", " ".join(tokens(p.name_vi))) for p in self._procs]
        for p in self._procs:
            w: dict[str, float] = {}
            fvi, fen = field_names.get(p.field, ("", ""))
            places = [
                (W_CODE, [p.code.replace(".", ""), *p.portal_ids.values()]),
                (W_NAME, [p.name_vi]), (W_NAME_EN, [p.name_en]),
                (W_SUMMARY, [p.summary_vi, p.summary_en]), (W_FIELD, [fvi, fen]),
                (W_DOCS, [*p.forms, *(d.name for d in p.documents), *(f.label_vi for f in p.form_fields)]),
                (W_BODY, [*p.steps, *p.conditions, p.result_vi]),
            ]
            for weight, texts in places:
                for text in texts:
                    for tok in tokens(text):
                        if w.get(tok, 0.0) < weight:
                            w[tok] = weight
            self._weights.append(w)
        self._vocab = sorted({t for w in self._weights for t in w})
        self._vocab_set = frozenset(self._vocab)
        self._cache: dict[str, dict[str, float]] = {}

    def _matches(self, raw: str, last: bool = False) -> dict[str, float]:
        """Index tokens matching one folded query token, with the match quality. A prefix of two letters counts
        only for the last word (the resident is still typing it): "co" must not find every "cong", "cong an"."""
        key = f"{raw}\x00{last}"
        if key in self._cache:
            return self._cache[key]
        variants = {_canon(raw), untelex(raw)}
        # A real word is taken as typed: fuzzy matching is for words the index does not know ("dang" must not
        # also find "dung", nor "thuong" find "thong").
        known = any(v in self._vocab_set for v in variants)
        found: dict[str, float] = {}
        for v in self._vocab:
            q = 0.0
            for t in variants:
                if v == t:
                    q = Q_EXACT
                    break
                if (len(t) >= 3 or (last and len(t) >= 2)) and v.startswith(t):
                    q = max(q, Q_PREFIX)
                elif not known and len(t) >= 4 and t.isalpha():  # no fuzzy codes: TK05 is not TK01
                    limit = 2 if len(t) >= 7 else 1
                    if edit_distance(t, v, limit) <= limit:
                        q = max(q, Q_FUZZY)
            if q:
                found[v] = q
        if len(self._cache) < 4096:
            self._cache[key] = found
        return found

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        if limit <= 0:
            return []
        query = query[:500]
        folded = fold(query)
        raw_tokens = _TOKEN.findall(folded)[:MAX_QUERY_TOKENS]
        code_q = query.strip()
        code_prefix = code_q if len(code_q) >= 3 and _CODE_PREFIX.fullmatch(code_q) else None
        matches = [self._matches(t, last=n == len(raw_tokens) - 1) for n, t in enumerate(raw_tokens)]
        phrase = " ".join(tokens(query))
        hits: list[SearchHit] = []
        for i, p in enumerate(self._procs):
            w = self._weights[i]
            score, best, best_weight = 0.0, 0.0, W_BODY
            missing = on_topic = 0
            for found in matches:
                s, weight = max(((q * w[t], w[t]) for t, q in found.items() if t in w), default=(0.0, W_BODY))
                score += s
                missing += s == 0
                on_topic += s > 0 and (weight >= W_TOPIC or (weight == W_DOCS and any(
                    _FORM_CODE.fullmatch(t) for t in found)))  # a form code (TK05) names its procedures
                if s > best:
                    best, best_weight = s, weight
            if code_prefix and p.code.startswith(code_prefix):
                score += 100.0 if p.code == code_prefix else 50.0
                best_weight = W_CODE
            elif missing or on_topic < MIN_TOPIC_SHARE * len(matches):
                continue  # not about what was asked
            if phrase and len(phrase) >= 3 and phrase in self._names[i]:
                score += 15.0  # the whole query appears in order in the name
            if phrase and phrase == self._titles[i]:
                score += EXACT_TITLE_BONUS
            if score > 0:
                hits.append(SearchHit(p, round(score, 3), _PLACE[best_weight]))
        hits.sort(key=lambda h: (-h.score, h.procedure.code))
        return hits[:limit]
