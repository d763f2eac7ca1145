"""Hỏi đáp: answers to residents' questions from the procedure catalogue and a curated FAQ only (pure; any thread).

    answerer = Answerer.from_catalogue(catalogue)   # builds the index once (a few ms)
    result = answerer.ask("lam lai can cuoc bi mat")  # Answer (with the procedure it cites) or NoAnswer
"""

from core.qa.engine import Answer, Answerer, Candidate, NoAnswer, load_faq

__all__ = ["Answer", "Answerer", "Candidate", "NoAnswer", "load_faq"]
