"""Where things live: platform directories and the bundled assets (package data of `core`, found through
importlib.resources, so an installed wheel and a PyInstaller bundle find them as a source checkout does)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import platformdirs

APP_NAME = "tram-cong-dan-so"


def asset(*parts: str) -> Path:
    """Path of a file under core/assets/ (fonts, images, sounds, catalogue, translations)."""
    return Path(str(files("core").joinpath("assets", *parts)))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME))


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME))


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME))


def data_dir(configured: str) -> Path:
    """The configured data directory (created, owner-only), or the platform default."""
    path = Path(configured) if configured else default_data_dir()
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
