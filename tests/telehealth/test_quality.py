"""The call's network judge (pure): loss and round-trip time from aiortc's statistics, with hysteresis so a
flapping lobby network does not switch between video and sound only every second."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from devices.call.quality import QualityJudge, Sample, sample


def _stats(fraction: int | None = 0, rtt: float | None = 0.05, received: int = 0, lost: int = 0,
           at: datetime | None = None) -> list:
    return [SimpleNamespace(type="remote-inbound-rtp", fractionLost=fraction, roundTripTime=rtt,
                            timestamp=at or datetime.now(UTC)),
            SimpleNamespace(type="inbound-rtp", packetsReceived=received, packetsLost=lost),
            SimpleNamespace(type="transport", bytesSent=10)]


def test_a_sample_reads_rtcp_loss_in_256ths_the_round_trip_and_what_we_receive() -> None:
    s = sample(_stats(fraction=64, rtt=0.2, received=900, lost=12))
    assert s == Sample(sent_loss=0.25, rtt=0.2, received=900, lost=12)
    assert sample([]) == Sample(None, None, 0, 0)


def test_an_old_report_about_a_stream_we_stopped_sending_is_left_out() -> None:
    """Sound only: the browser no longer reports on our paused picture; its last, lossy report must not keep the
    call in sound only once the network is good again."""
    now = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    stale = sample(_stats(fraction=80, rtt=0.1, at=now - timedelta(seconds=10)), now=now)
    assert stale.sent_loss is None and stale.rtt is None
    assert sample(_stats(fraction=80, at=now - timedelta(seconds=1)), now=now).sent_loss == 80 / 256


def test_two_poor_samples_go_to_sound_only_and_four_good_ones_bring_the_picture_back() -> None:
    judge = QualityJudge()
    assert judge.update(Sample(0.0, 0.05, 100, 0)) is None
    assert judge.update(Sample(0.2, 0.05, 200, 0)) is None  # one bad sample: a blip, nothing changes
    assert judge.update(Sample(0.0, 0.05, 300, 0)) is None
    assert judge.update(Sample(0.0, 1.2, 400, 0)) is None  # slow
    assert judge.update(Sample(0.0, 1.5, 500, 0)) is True  # slow twice in a row: sound only
    assert judge.poor and judge.last["rtt"] == 1.5
    for received in (600, 700, 800):
        assert judge.update(Sample(0.0, 0.05, received, 0)) is None
    assert judge.update(Sample(0.0, 0.05, 900, 0)) is False


def test_loss_of_what_we_receive_counts_too_but_not_on_a_handful_of_packets() -> None:
    judge = QualityJudge()
    judge.update(Sample(None, None, 1000, 0))
    assert judge.update(Sample(None, None, 1005, 5)) is None and judge.last["loss"] == 0  # 10 packets: no verdict
    judge.update(Sample(None, None, 1085, 25))  # 80 received, 20 lost: 20 %
    assert judge.last["loss"] == 0.2 and not judge.poor
    assert judge.update(Sample(None, None, 1165, 45)) is True


@given(st.lists(st.tuples(st.floats(0, 1), st.floats(0, 5), st.integers(0, 100), st.integers(0, 100)),
                max_size=40))
def test_the_judge_only_reports_changes(values: list[tuple[float, float, int, int]]) -> None:
    judge, received, lost, state = QualityJudge(), 0, 0, False
    for loss, rtt, got, missed in values:
        received, lost = received + got, lost + missed
        changed = judge.update(Sample(loss, rtt, received, lost))
        if changed is not None:
            assert changed != state
            state = changed
        assert judge.poor == state
