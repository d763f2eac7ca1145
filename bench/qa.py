"""Hỏi đáp: how often the station answers residents' questions right, and how fast.

Questions: bench/data/qa_questions.json, written by the team apart from the FAQ phrasings, the way residents ask
(colloquial, unaccented, misspelt). Prints top-1 and top-3 accuracy over the answerable ones, how many
out-of-scope questions got an answer anyway (should be 0), and the time per question against the catalogue's own
ranked search on the same text, measured in the same run. Goals: top-3 >= 90 %, top-1 >= 80 %, no false answer
to an out-of-scope question, < 100 ms per question.

Run: .venv/bin/python -m bench.qa
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from core.catalogue import load_catalogue
from core.qa import Answer, Answerer

QUESTIONS = Path(__file__).resolve().parent / "data" / "qa_questions.json"


def _key(candidate_key: str) -> str:
    kind, _, ident = candidate_key.partition(":")
    return ident if kind == "procedure" else candidate_key


def main() -> int:
    catalogue = load_catalogue()
    started = time.perf_counter()
    answerer = Answerer.from_catalogue(catalogue)
    build_ms = (time.perf_counter() - started) * 1000
    questions = json.loads(QUESTIONS.read_text(encoding="utf-8"))["questions"]
    top1 = top3 = answerable = false_answers = refused = 0
    ours, baseline, misses = [], [], []
    for item in questions:
        q, expect = item["q"], set(item["expect"])
        t0 = time.perf_counter()
        result = answerer.ask(q)
        ours.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        catalogue.search_hits(q, 10)
        baseline.append(time.perf_counter() - t0)
        if expect == {"none"}:
            false_answers += isinstance(result, Answer)
            continue
        answerable += 1
        keys = [_key(c.key) for c in result.candidates]
        answered = isinstance(result, Answer)
        refused += not answered
        if answered and keys and keys[0] in expect:
            top1 += 1
        else:
            misses.append((q, keys[:3], sorted(expect)))
        top3 += bool(expect & set(keys[:3]))
    out_of_scope = len(questions) - answerable
    p95 = sorted(ours)[int(0.95 * (len(ours) - 1))] * 1000
    print(f"questions: {answerable} answerable, {out_of_scope} out of scope (written by the team)")
    print(f"top-1 {top1 / answerable:.0%} ({top1}/{answerable}, goal >= 80 %)   top-3 {top3 / answerable:.0%} "
          f"(goal >= 90 %)   said 'I do not know' to {refused} answerable")
    print(f"false answers to out-of-scope questions: {false_answers}/{out_of_scope} (goal 0)")
    print(f"time per question: median {statistics.median(ours) * 1000:.2f} ms, p95 {p95:.2f} ms (goal < 100 ms); "
          f"{statistics.median(ours) / statistics.median(baseline):.2f}x the catalogue search on the same text; "
          f"index built in {build_ms:.0f} ms")
    for q, got, want in misses:
        print(f"  miss: {q!r}: got {got}, want one of {want}")
    ok = top1 / answerable >= 0.8 and top3 / answerable >= 0.9 and false_answers == 0 and p95 < 100
    print("PASS" if ok else "FAIL")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
