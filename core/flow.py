"""The resident's journey as a Qt-free state machine: steps, idle timeouts, one failsafe step.

Runs on the GUI thread (called by FlowController), but has no Qt in it: events in, commands out,
so every rule here is tested without a window or a clock.

Rules (DESIGN §3.5, §6):
- every step except HOME has an idle timeout; when it runs out a warning with a countdown is shown,
  "more time" re-arms the timeout, and when the countdown ends the visit is wiped and HOME shown;
- going HOME for any reason (button, finish, timeout) wipes the visit;
- any failure lands on the single PROBLEM step, with a message code and, when data was saved,
  the reference; PROBLEM returns home by itself;
- unknown steps and late events are logged and ignored, never raised: a kiosk must not crash on a
  device message that arrives after the resident left.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

HOME = "home"
PROBLEM = "problem"


# ---- events (what happened) -------------------------------------------------------------------
@dataclass(frozen=True)
class Navigate:
    step: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Back:
    pass


@dataclass(frozen=True)
class GoHome:
    reason: str = "button"  # button | finished | timeout | technician


@dataclass(frozen=True)
class Activity:
    """The resident touched the screen."""


@dataclass(frozen=True)
class IdleElapsed:
    pass


@dataclass(frozen=True)
class WarningElapsed:
    pass


@dataclass(frozen=True)
class MoreTime:
    pass


@dataclass(frozen=True)
class Failure:
    code: str  # message code, e.g. "internal_error", "device_failed", "save_failed"
    reference: str | None = None  # set when the resident's data was saved


Event = Navigate | Back | GoHome | Activity | IdleElapsed | WarningElapsed | MoreTime | Failure


# ---- commands (what the controller must do) ---------------------------------------------------
@dataclass(frozen=True)
class Show:
    step: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ResetVisit:
    reason: str


@dataclass(frozen=True)
class ArmIdle:
    seconds: float


@dataclass(frozen=True)
class DisarmIdle:
    pass


@dataclass(frozen=True)
class ShowWarning:
    seconds: float


@dataclass(frozen=True)
class HideWarning:
    pass


Command = Show | ResetVisit | ArmIdle | DisarmIdle | ShowWarning | HideWarning


class Flow:
    """Pure transition logic. ``handle(event)`` returns the commands to execute, in order."""

    def __init__(self, idle_seconds: float = 90, warning_seconds: float = 30, problem_seconds: float = 30,
                 min_warning_seconds: float = 20) -> None:
        self.default_idle = idle_seconds
        self.warning_seconds = max(min_warning_seconds, warning_seconds)  # WCAG 2.2.1: at least 20 s to react
        self._idle: dict[str, float] = {HOME: 0, PROBLEM: problem_seconds}
        self.step = HOME
        self.params: dict[str, Any] = {}
        self._history: list[tuple[str, dict[str, Any]]] = []
        self.warning = False

    def register(self, step: str, idle_seconds: float | None = None) -> None:
        """Declare a step; ``idle_seconds`` None uses the default, 0 means no timeout."""
        if step not in (HOME, PROBLEM):
            self._idle[step] = self.default_idle if idle_seconds is None else idle_seconds

    def knows(self, step: str) -> bool:
        return step in self._idle

    def idle_for(self, step: str) -> float:
        return self._idle.get(step, self.default_idle)

    @property
    def depth(self) -> int:
        return len(self._history)

    def handle(self, event: Event) -> list[Command]:
        match event:
            case Navigate(step, params):
                if not self.knows(step):
                    log.error("navigation to unknown step %r ignored; showing the problem step", step)
                    return self._enter(PROBLEM, {"code": "unknown_step"}, push=False)
                if step == HOME:
                    return self._home("button")
                return self._enter(step, dict(params), push=True)
            case Back():
                if not self._history:
                    return self._home("button")
                step, params = self._history.pop()
                if step == HOME:
                    return self._home("button")
                return self._enter(step, params, push=False)
            case GoHome(reason):
                return self._home(reason)
            case Activity():
                if self.warning:
                    return []  # only the explicit "more time" button extends once warned
                return self._arm()
            case IdleElapsed():
                if self.step == HOME or self.warning:
                    return []
                if self.step == PROBLEM:
                    return self._home("timeout")  # the failsafe step returns home by itself
                self.warning = True
                log.info("idle warning on step %s", self.step)
                return [ShowWarning(self.warning_seconds)]
            case WarningElapsed():
                if not self.warning:
                    return []
                log.info("idle timeout on step %s: visit wiped", self.step)
                return self._home("timeout")
            case MoreTime():
                if not self.warning:
                    return []
                self.warning = False
                return [HideWarning(), *self._arm()]
            case Failure(code, reference):
                log.warning("failure %s on step %s (saved reference: %s)", code, self.step, bool(reference))
                params = {"code": code, "reference": reference}
                return self._enter(PROBLEM, params, push=False, clear_history=True)
        log.warning("unexpected event %r ignored", event)
        return []

    # ---- helpers ------------------------------------------------------------------------------
    def _arm(self) -> list[Command]:
        seconds = self.idle_for(self.step)
        return [ArmIdle(seconds)] if seconds > 0 else [DisarmIdle()]

    def _enter(self, step: str, params: dict[str, Any], *, push: bool, clear_history: bool = False) -> list[Command]:
        commands: list[Command] = []
        if self.warning:
            self.warning = False
            commands.append(HideWarning())
        if clear_history:
            self._history.clear()
        elif push:
            self._history.append((self.step, self.params))
        self.step, self.params = step, params
        return [*commands, Show(step, params), *self._arm()]

    def _home(self, reason: str) -> list[Command]:
        commands: list[Command] = [HideWarning()] if self.warning else []
        self.warning = False
        self._history.clear()
        self.step, self.params = HOME, {}
        return [*commands, ResetVisit(reason), Show(HOME, {}), DisarmIdle()]
