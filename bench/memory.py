"""Memory over many visits: RSS growth of the kiosk over 1,000 simulated visits driven through the real main loop.

Each visit is what a resident does on the screens that hold the most widgets: home → procedure list → choose a
procedure (already identified) → the dossier form, filled in → photos → review → back to the form to edit →
review → consent → submit (saved by the real queue worker, printed on the simulated printer) → the done screen
→ tracking → home (the visit ends and is wiped). Every step runs from a timer inside ``QApplication.exec``,
one step per event-loop turn, so deferred deletions and queued signals happen as they do on a kiosk. The first
visits warm the caches up (fonts, styles, the catalogue's search); RSS is then sampled every visit and the
growth over the measured visits is the least-squares slope × visits (one freed-then-reused page does not count as
growth). RSS counts the kiosk's helper processes too (receipts are rendered in one), so moving work out of the
process cannot hide its memory. Goal (issue 12): < 5 MB over 1,000 visits. Exits 1 when the goal is missed.

Run: .venv/bin/python -m bench.memory [--visits 1000] [--warmup 100]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from bench import running_kiosk

ROOT = Path(__file__).resolve().parent.parent
GOAL_MB, GOAL_VISITS = 5.0, 1000
CODE = "1.004222"  # Đăng ký thường trú: the longest form in the sample catalogue
ANSWERS = {"phone": "0912345678", "request_content": "Đăng ký thường trú tại nhà con trai",
           "new_address": "Số 5 Lê Lợi, Phường Bến Nghé, TP. Hồ Chí Minh"}


def rss_mb() -> float:
    """Resident memory of the kiosk process and of its helper processes (the receipt renderer), in MB."""
    pids = [str(os.getpid())]
    for task in Path("/proc/self/task").iterdir():
        try:
            pids += (task / "children").read_text().split()
        except OSError:
            continue
    pages = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm") as f:
                pages += int(f.read().split()[1])
        except (OSError, IndexError, ValueError):
            continue  # a helper that ended between the listing and the reading
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def slope(values: list[float]) -> float:
    n = len(values)
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    num = sum((i - mean_x) * (v - mean_y) for i, v in enumerate(values))
    den = sum((i - mean_x) ** 2 for i in range(n)) or 1.0
    return num / den


def identity():
    from core.formats import parse_cccd

    for line in (ROOT / "tests" / "data" / "cccd_qr_samples.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            return parse_cccd(line.strip())
    raise SystemExit("no CCCD sample in tests/data")


def visit_steps(app, card):
    """One visit as a list of steps; each is run in its own event-loop turn."""
    nav, flow = app.navigator, app.flow

    def fill() -> None:
        form = nav.current
        assert form.screen_id == "dossier.form", form.screen_id
        for key, text in ANSWERS.items():
            row = form.rows.get(key)
            if row is not None:
                editor = row.editor
                editor.clear()
                editor.insert(text) if hasattr(editor, "insert") else editor.insertPlainText(text)

    def identify() -> None:
        flow.visit.identity = card

    def consent() -> None:
        screen = nav.current
        screen.agree.setChecked(True)
        screen.submit_button.click()

    def saved() -> bool:
        return nav.current.screen_id == "receipt.done"

    return [
        lambda: flow.go("dossier"),
        identify,
        lambda: nav.screen("dossier").chosen.emit(CODE),
        fill,
        lambda: flow.go("dossier.photos"),
        lambda: flow.go("dossier.review"),
        lambda: flow.go("dossier.form"),
        lambda: flow.go("dossier.review"),
        lambda: flow.go("dossier.consent"),
        consent,
        saved,  # the queue's worker thread commits it; the done screen follows, the receipt prints
        lambda: flow.go("tracking"),
        lambda: flow.home("button"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=100)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QTimer

    qapp, app = running_kiosk(Path(tempfile.mkdtemp(prefix="bench-memory-")))
    card = identity()
    total = args.warmup + args.visits
    samples: list[float] = []
    state = {"visit": 0, "steps": []}

    def tick() -> None:
        if not state["steps"]:
            if state["visit"] >= args.warmup:
                samples.append(rss_mb())
            if state["visit"] == total:
                qapp.exit(0)  # quit() would ask the kiosk window, which refuses to close
                return
            state["visit"] += 1
            state["steps"] = visit_steps(app, card)
        if state["steps"][0]() is not False:  # False: not yet (a worker thread is still busy), ask again
            state["steps"].pop(0)
        QTimer.singleShot(0, tick)

    QTimer.singleShot(0, tick)
    qapp.exec()
    assert app.navigator.current.screen_id == "home"
    app.shutdown()

    growth = slope(samples) * GOAL_VISITS  # the goal is per 1,000 visits, however many were run
    ok = growth < GOAL_MB
    print(f"memory: RSS {samples[0]:.1f} MB after {args.warmup} warm-up visits, {samples[-1]:.1f} MB after "
          f"{args.visits} more (each: form, photos, review, form, review, consent, saved and printed, tracking, home)")
    print(f"memory: growth {growth:+.2f} MB per {GOAL_VISITS} visits (slope {slope(samples) * 1024:+.1f} kB/visit)"
          f"   goal < {GOAL_MB:.0f} MB: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
