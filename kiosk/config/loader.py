"""Load, validate and describe the configuration. Pure functions; TOML in, ``KioskConfig`` out.

A config file is untrusted input: every problem becomes a ``ConfigError`` that names the file,
the key and what is wrong, so a technician can fix it without reading code.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import types
import typing
from pathlib import Path
from typing import Any

from kiosk.config.fields import meta_of
from kiosk.config.schema import KioskConfig

CONFIG_FILENAME = "kiosk.toml"
ENV_CONFIG = "KIOSK_CONFIG"


class ConfigError(ValueError):
    """A config file that cannot be used; the message names file, key and problem."""

    def __init__(self, file: str, key: str, problem: str) -> None:
        self.file, self.key, self.problem = file, key, problem
        where = f"{file}: {key}: " if key else f"{file}: "
        super().__init__(where + problem)


def default_config() -> KioskConfig:
    """The built-in defaults: every device simulated, a local hub."""
    return KioskConfig()


def resolve_config_path(cli_path: str | None) -> Path | None:
    """``--config FILE``, else $KIOSK_CONFIG, else the platform config dir, else None (defaults)."""
    if cli_path:
        return Path(cli_path)
    if os.environ.get(ENV_CONFIG):
        return Path(os.environ[ENV_CONFIG])
    from core.paths import config_dir

    candidate = config_dir() / CONFIG_FILENAME
    return candidate if candidate.is_file() else None


def load_config(path: Path | str | None) -> KioskConfig:
    """Read and validate a TOML file; ``None`` gives the defaults."""
    if path is None:
        return default_config()
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(str(path), "", f"cannot read the file ({exc.strerror or exc})") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(str(path), "", "the file is not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), "", f"not valid TOML: {exc}") from exc
    return parse_config(data, source=str(path))


def parse_config(data: dict[str, Any], source: str = "<config>") -> KioskConfig:
    return _build(KioskConfig(), data, source, prefix="")


def _build(default: Any, data: Any, source: str, prefix: str) -> Any:
    if not isinstance(data, dict):
        raise ConfigError(source, prefix.rstrip("."), "expected a table")
    hints = typing.get_type_hints(type(default))
    fields = {f.name: f for f in dataclasses.fields(default)}
    changes: dict[str, Any] = {}
    for key, value in data.items():
        dotted = prefix + key
        if key not in fields:
            raise ConfigError(source, dotted, f"unknown setting (known: {', '.join(sorted(fields))})")
        current = getattr(default, key)
        if dataclasses.is_dataclass(current):
            changes[key] = _build(current, value, source, dotted + ".")
        else:
            changes[key] = _check_value(fields[key], hints[key], value, source, dotted)
    return dataclasses.replace(default, **changes)


def _check_value(field: dataclasses.Field, hint: Any, value: Any, source: str, key: str) -> Any:
    expected = _plain_type(hint)
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if expected is bool and not isinstance(value, bool):
        raise ConfigError(source, key, f"expected true or false, got {value!r}")
    if expected in (int, float) and (isinstance(value, bool) or not isinstance(value, expected)):
        raise ConfigError(source, key, f"expected a number, got {value!r}")
    if expected is str and not isinstance(value, str):
        raise ConfigError(source, key, f"expected text, got {value!r}")
    if expected is list and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
        raise ConfigError(source, key, f"expected a list of text, got {value!r}")
    meta = meta_of(field)
    if meta is not None:
        if meta.choices is not None:
            items = value if isinstance(value, list) else [value]
            bad = [v for v in items if v not in meta.choices and expected is not list]
            if bad:
                raise ConfigError(source, key, f"{value!r} is not one of {', '.join(map(str, meta.choices))}")
        if meta.minimum is not None and value < meta.minimum:
            raise ConfigError(source, key, f"{value!r} is below the minimum {meta.minimum:g}")
        if meta.maximum is not None and value > meta.maximum:
            raise ConfigError(source, key, f"{value!r} is above the maximum {meta.maximum:g}")
        if meta.check is not None and (problem := meta.check(value)):
            raise ConfigError(source, key, problem)
    return value


def _plain_type(hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _plain_type(args[0])
    return origin or hint


def iter_settings(obj: Any = None, prefix: str = "") -> typing.Iterator[tuple[str, dataclasses.Field, Any]]:
    """Every leaf setting as (dotted key, field, current value), in schema order."""
    obj = KioskConfig() if obj is None else obj
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if dataclasses.is_dataclass(value):
            yield from iter_settings(value, prefix + f.name + ".")
        else:
            yield prefix + f.name, f, value


def sample_toml(config: KioskConfig | None = None) -> str:
    """A commented TOML file generated from the schema (``kiosk config sample``)."""
    config = config or KioskConfig()
    lines = ["# Trạm công dân số - kiosk configuration", "# Generated from the schema by `kiosk config sample`.",
             "# Every setting is optional; the values shown are the defaults.", ""]
    _sample_section(config, "", lines)
    return "\n".join(lines).rstrip() + "\n"


def _sample_section(obj: Any, prefix: str, lines: list[str]) -> None:
    leaves, tables = [], []
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        (tables if dataclasses.is_dataclass(value) else leaves).append((f, value))
    for f, value in leaves:
        meta = meta_of(f)
        if meta:
            lines.append(f"# {meta.label} / {meta.label_vi}")
            if meta.help:
                lines.append(f"# {meta.help}")
            if meta.choices:
                lines.append(f"# one of: {', '.join(map(str, meta.choices))}")
        lines.append(f"{f.name} = {_toml_value(value)}")
        lines.append("")
    for f, value in tables:
        meta = meta_of(f)
        lines.append(f"[{prefix}{f.name}]" + (f"  # {meta.label} / {meta.label_vi}" if meta else ""))
        lines.append("")
        _sample_section(value, prefix + f.name + ".", lines)


def _toml_value(value: Any) -> str:
    import tomli_w

    return tomli_w.dumps({"v": value}).split("=", 1)[1].strip()
