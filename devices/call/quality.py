"""How good the call's network is, from aiortc's statistics (pure; the peer samples `pc.getStats()`).

A lobby's Wi-Fi or a building's shared line flaps: the judge needs `poor_after` bad samples in a row to go to
sound only, and `good_after` good ones to bring the picture back, so the call does not switch every second."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

LOSS_POOR = 0.08  # 8 % of packets lost: video breaks up (and eats the bandwidth sound needs)
RTT_POOR = 0.8  # seconds: a conversation with video stumbles well before; sound still works
REPORT_FRESH = timedelta(seconds=4)  # an older RTCP report is about a stream that stopped (our paused picture)


@dataclass(frozen=True)
class Sample:
    sent_loss: float | None  # fraction of our packets the doctor's browser reports lost (RTCP), 0..1
    rtt: float | None  # seconds, from the RTCP reports
    received: int  # packets received from the doctor so far
    lost: int  # packets from the doctor lost so far


def sample(stats: Iterable[Any], now: datetime | None = None) -> Sample:
    """A Sample from the values of aiortc's RTCStatsReport (remote-inbound-rtp: what the browser reports about
    what we send; inbound-rtp: what we receive). A report older than REPORT_FRESH is left out: aiortc keeps the
    last one of a stream we stopped sending (sound only), and its old loss would keep the call there for ever."""
    now = now or datetime.now(UTC)
    sent_loss: float | None = None
    rtt: float | None = None
    received = lost = 0
    for s in stats:
        kind = getattr(s, "type", "")
        if kind == "remote-inbound-rtp":
            at = getattr(s, "timestamp", None)
            if isinstance(at, datetime) and at.tzinfo is not None and at < now - REPORT_FRESH:
                continue
            fraction = getattr(s, "fractionLost", None)
            if isinstance(fraction, (int, float)):
                value = fraction / 256 if fraction > 1 else float(fraction)  # RTCP carries it in 1/256ths
                sent_loss = max(sent_loss or 0.0, value)
            if isinstance(getattr(s, "roundTripTime", None), (int, float)):
                rtt = max(rtt or 0.0, float(s.roundTripTime))
        elif kind == "inbound-rtp":
            received += int(getattr(s, "packetsReceived", 0) or 0)
            lost += max(0, int(getattr(s, "packetsLost", 0) or 0))
    return Sample(sent_loss, rtt, received, lost)


class QualityJudge:
    def __init__(self, loss: float = LOSS_POOR, rtt: float = RTT_POOR, poor_after: int = 2,
                 good_after: int = 4) -> None:
        self.loss, self.rtt, self.poor_after, self.good_after = loss, rtt, poor_after, good_after
        self.poor = False
        self.last: dict[str, float] = {}  # the latest measures, for the log
        self._previous: Sample | None = None
        self._run = 0  # samples in a row that disagree with the current state

    def update(self, s: Sample) -> bool | None:
        """Feed one sample; the new state (True: poor) when it changes, else None."""
        before, self._previous = self._previous, s
        received_loss = 0.0
        if before is not None:
            got, missed = s.received - before.received, s.lost - before.lost
            if got + missed >= 20:  # too few packets say nothing
                received_loss = max(0.0, missed / (got + missed))
        loss = max(received_loss, s.sent_loss or 0.0)
        self.last = {"loss": round(loss, 3), "rtt": round(s.rtt or 0.0, 3)}
        bad = loss >= self.loss or (s.rtt or 0.0) >= self.rtt
        self._run = self._run + 1 if bad != self.poor else 0
        if self._run >= (self.poor_after if bad else self.good_after):
            self.poor, self._run = bad, 0
            return bad
        return None
