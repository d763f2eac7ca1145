"""The journey rules, without Qt: timeouts, the warning, wiping the visit, the failsafe step."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.flow import (
    HOME,
    PROBLEM,
    Activity,
    ArmIdle,
    Back,
    DisarmIdle,
    Failure,
    Flow,
    GoHome,
    HideWarning,
    IdleElapsed,
    MoreTime,
    Navigate,
    ResetVisit,
    Show,
    ShowWarning,
    WarningElapsed,
)


@pytest.fixture
def flow() -> Flow:
    f = Flow(idle_seconds=60, warning_seconds=25, problem_seconds=20)
    for step in ("procedures", "procedures.detail", "dossier.form"):
        f.register(step)
    f.register("tracking", idle_seconds=120)
    return f


def test_opening_a_service_shows_it_and_arms_its_idle_timeout(flow: Flow) -> None:
    assert flow.handle(Navigate("procedures")) == [Show("procedures", {}), ArmIdle(60)]
    assert flow.handle(Navigate("tracking")) == [Show("tracking", {}), ArmIdle(120)]


def test_warning_is_at_least_20_seconds_even_if_configured_shorter() -> None:
    f = Flow(idle_seconds=30, warning_seconds=5)
    f.register("x")
    f.handle(Navigate("x"))
    assert f.handle(IdleElapsed()) == [ShowWarning(20)]


def test_idle_shows_warning_then_more_time_rearms(flow: Flow) -> None:
    flow.handle(Navigate("dossier.form"))
    assert flow.handle(IdleElapsed()) == [ShowWarning(25)]
    assert flow.handle(Activity()) == [], "a stray touch must not silently dismiss the warning"
    assert flow.handle(MoreTime()) == [HideWarning(), ArmIdle(60)]
    assert flow.step == "dossier.form"


def test_warning_countdown_end_wipes_the_visit_and_goes_home(flow: Flow) -> None:
    flow.handle(Navigate("dossier.form"))
    flow.handle(IdleElapsed())
    cmds = flow.handle(WarningElapsed())
    assert cmds == [HideWarning(), ResetVisit("timeout"), Show(HOME, {}), DisarmIdle()]
    assert flow.step == HOME


def test_home_never_times_out(flow: Flow) -> None:
    assert flow.handle(IdleElapsed()) == []
    assert flow.handle(Activity()) == [DisarmIdle()]


def test_back_returns_to_the_previous_step_with_its_params(flow: Flow) -> None:
    flow.handle(Navigate("procedures", {"field": "Cư trú"}))
    flow.handle(Navigate("procedures.detail", {"code": "1.004222"}))
    assert flow.handle(Back()) == [Show("procedures", {"field": "Cư trú"}), ArmIdle(60)]
    cmds = flow.handle(Back())
    assert ResetVisit("button") in cmds and Show(HOME, {}) in cmds


def test_failure_lands_on_problem_with_reference_and_returns_home_by_itself(flow: Flow) -> None:
    flow.handle(Navigate("dossier.form"))
    cmds = flow.handle(Failure("print_failed", reference="BN01-261121-0007"))
    assert cmds == [Show(PROBLEM, {"code": "print_failed", "reference": "BN01-261121-0007"}), ArmIdle(20)]
    assert flow.handle(IdleElapsed()) == [ResetVisit("timeout"), Show(HOME, {}), DisarmIdle()]


def test_unknown_step_goes_to_problem_instead_of_crashing(flow: Flow) -> None:
    cmds = flow.handle(Navigate("no.such.screen"))
    assert cmds[0] == Show(PROBLEM, {"code": "unknown_step"})


def test_navigating_home_wipes_the_visit(flow: Flow) -> None:
    flow.handle(Navigate("procedures"))
    assert ResetVisit("finished") in flow.handle(GoHome("finished"))


events = st.one_of(
    st.builds(Navigate, st.sampled_from(["procedures", "procedures.detail", "tracking", "home", "bogus"])),
    st.just(Back()), st.just(GoHome()), st.just(Activity()), st.just(IdleElapsed()),
    st.just(WarningElapsed()), st.just(MoreTime()), st.builds(Failure, st.text(max_size=5)),
)


@given(st.lists(events, max_size=40))
def test_any_event_sequence_keeps_the_machine_consistent(seq: list) -> None:
    f = Flow(idle_seconds=60, warning_seconds=25)
    for step in ("procedures", "procedures.detail", "tracking"):
        f.register(step)
    for event in seq:
        cmds = f.handle(event)
        shows = [c for c in cmds if isinstance(c, Show)]
        if shows:
            assert shows[-1].step == f.step
        if f.step == HOME:
            assert not f.warning and f.depth == 0
        if isinstance(event, WarningElapsed) and cmds:
            assert f.step == HOME
