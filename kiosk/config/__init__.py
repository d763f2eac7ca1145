"""Typed kiosk configuration: one schema (labels and help per field), loaded from TOML. Qt-free."""

from kiosk.config.loader import ConfigError, default_config, load_config, resolve_config_path, sample_toml
from kiosk.config.schema import KioskConfig

__all__ = ["ConfigError", "KioskConfig", "default_config", "load_config", "resolve_config_path", "sample_toml"]
