"""Spoken guidance in the shell: the "Nghe hướng dẫn" button and the optional voice mode. GUI thread.

The button reads the current screen's ``spoken_text()`` (its title and instruction, in the language on screen)
through the voice service, which synthesises and plays it in its own thread (cached WAVs); a second press
stops the reading. The voice mode (turned on in the help overlay; the default comes from the configuration,
``[voice] read_each_step``) reads each step as it opens. Leaving a screen stops its reading; a new visit starts
silent, with the configured default. Audio cues asked for on the bus (``cue_requested``) are played here too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from screens.shell.screen import Screen

if TYPE_CHECKING:
    from kiosk.services.context import AppContext
    from kiosk.services.protocols import VoiceApi
    from screens.shell.header import Header
    from screens.shell.help_overlay import HelpOverlay

log = logging.getLogger(__name__)

SILENT_AREAS = ("technician",)  # staff screens are never read aloud on arrival


def read_on_arrival(screen: Screen) -> bool:
    # home is where an idle station waits: it must not talk to an empty hall after every timeout
    return screen.screen_id != "home" and not screen.screen_id.startswith(SILENT_AREAS)


class VoiceGuide(QObject):
    def __init__(self, ctx: AppContext, header: Header, help_overlay: HelpOverlay,
                 language: Callable[[], str]) -> None:
        super().__init__(header)  # lives and dies with the window: no reading is reported to a deleted button
        self.ctx = ctx
        self.header, self.help_overlay = header, help_overlay
        self._language = language
        self._settings = ctx.config.voice
        self.read_each_step = bool(self._settings.read_each_step)
        self.last_read = ""  # what was last asked to be read (tests and the logs' "read" count)
        self._connected: VoiceApi | None = None
        header.listen_requested.connect(self.listen)
        help_overlay.voice_mode_toggled.connect(self.set_read_each_step)
        ctx.navigator.screen_shown.connect(self._screen_shown)
        ctx.navigator.screen_added.connect(self._screen_added)
        ctx.flow.visit_reset.connect(lambda _reason: self.new_visit())
        ctx.bus.cue_requested.connect(self.cue)
        self.new_visit()

    # ---- the voice service (built after the shell; None on a build without it) ------------------------
    @property
    def voice(self) -> VoiceApi | None:
        voice = self.ctx.services.voice
        if voice is not None and voice is not self._connected:
            voice.speech_ended.connect(self._speech_ended)
            self._connected = voice
        return voice

    @property
    def available(self) -> bool:
        voice = self.voice
        return bool(self._settings.enabled) and (voice is None or voice.enabled)

    # ---- what the resident does -----------------------------------------------------------------------
    def listen(self) -> None:
        """"Nghe hướng dẫn": read the current step aloud; pressed again while reading, stop."""
        voice = self.voice
        if voice is None or not voice.enabled:
            log.info("voice: asked to read, but spoken guidance is not available")
            self.header.set_speaking(False)
            return
        if voice.speaking:
            self.stop()
            return
        self._read(self.ctx.navigator.current)

    def set_read_each_step(self, on: bool) -> None:
        self.read_each_step = on
        log.info("voice mode %s", "on" if on else "off")
        if on:
            self._read(self.ctx.navigator.current)  # says at once what the mode does
        else:
            self.stop()

    def stop(self) -> None:
        voice = self.voice
        if voice is not None:
            voice.silence()
        self.header.set_speaking(False)

    def cue(self, name: str) -> None:
        voice = self.voice
        if voice is not None:
            voice.cue(name)

    def new_visit(self) -> None:
        self.stop()
        self.read_each_step = bool(self._settings.read_each_step)
        self.header.listen.setVisible(self.available)
        self.help_overlay.set_voice_mode(self.read_each_step, self.available)

    def _speech_ended(self) -> None:
        self.header.set_speaking(False)

    # ---- reading --------------------------------------------------------------------------------------
    def _read(self, screen: Screen | None) -> None:
        voice = self.voice
        if screen is None or voice is None or not voice.enabled:
            return
        text = screen.spoken_text()
        if not text:
            return
        self.last_read = text
        voice.say(text, self._language())
        self.header.set_speaking(voice.speaking)

    def _screen_shown(self, screen: Screen) -> None:
        voice = self.voice
        if voice is not None and voice.speaking:
            self.stop()  # the reading belonged to the screen the resident left
        self.header.listen.setVisible(self.available)
        if self.read_each_step and read_on_arrival(screen):
            self._read(screen)

    def _screen_added(self, screen: Screen) -> None:
        # a step that changes in place (the next measurement, the next reading) is a new step to read
        screen.step_info_changed.connect(lambda s=screen: self._step_changed(s))

    def _step_changed(self, screen: Screen) -> None:
        if (self.read_each_step and screen is self.ctx.navigator.current and read_on_arrival(screen)
                and screen.spoken_text() != self.last_read):
            self._read(screen)
