"""Config files are untrusted: every problem names the file, the key and what is wrong."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.config import ConfigError, default_config, load_config, sample_toml
from kiosk.config.fields import meta_of
from kiosk.config.loader import iter_settings, parse_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_run_everything_simulated_with_a_local_hub() -> None:
    c = default_config()
    assert c.camera.kind == c.printer.kind == c.health.oximeter.kind == "simulated"
    assert c.hub.local_hub and c.hub.url == ""


def test_a_valid_file_overrides_only_what_it_names(tmp_path: Path) -> None:
    text = '[station]\nname = "Trạm Phường Hàng Bài"\n[health.scale]\nport = "/dev/ttyUSB1"\n'
    c = load_config(write(tmp_path, text))
    assert c.station.name == "Trạm Phường Hàng Bài"
    assert c.health.scale.port == "/dev/ttyUSB1"
    assert c.health.scale.protocol == "tanita", "untouched fields keep their section's defaults"


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        ('[printer]\nkind = "laser"\n', "printer.kind", "not one of"),
        ("[station]\nidle_seconds = 3\n", "station.idle_seconds", "below the minimum"),
        ('[station]\nidle_seconds = "90"\n', "station.idle_seconds", "expected a number"),
        ("[station]\nkiosk_mode = 1\n", "station.kiosk_mode", "expected true or false"),
        ("[station]\ncolour = 1\n", "station.colour", "unknown setting"),
        ("station = 3\n", "station", "expected a table"),
        ("[health.oximeter]\nport = 5\n", "health.oximeter.port", "expected text"),
    ],
)
def test_invalid_values_name_file_key_and_problem(tmp_path: Path, text: str, key: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    message = str(err.value)
    assert str(path) in message and key in message and problem in message


def test_broken_toml_and_binary_files_are_reported_not_raised(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(write(tmp_path, "[station\nname = 1"))
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(binary)
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.toml")


def test_sample_is_generated_from_the_schema_and_loads_back() -> None:
    sample = sample_toml()
    for key, field, _ in iter_settings():
        meta = meta_of(field)
        assert meta is not None and meta.label and meta.label_vi, f"{key} has no label"
        assert meta.label in sample
    assert parse_config(tomllib.loads(sample)) == default_config()


def test_config_check_command_exits_non_zero_with_the_message(tmp_path: Path) -> None:
    bad = write(tmp_path, '[printer]\nkind = "laser"\n')
    run = subprocess.run([sys.executable, "-m", "kiosk", "config", "check", str(bad)], capture_output=True, text=True)
    assert run.returncode == 1
    assert "printer.kind" in run.stderr and str(bad) in run.stderr
    good = write(tmp_path, "[station]\ncode = 'HB02'\n")
    assert subprocess.run([sys.executable, "-m", "kiosk", "config", "check", str(good)]).returncode == 0


toml_values = st.recursive(
    st.one_of(st.integers(), st.booleans(), st.text(max_size=10), st.floats(allow_nan=False)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=10,
)


@settings(max_examples=200)
@given(st.dictionaries(st.sampled_from(["station", "printer", "health", "hub", "camera", "x"]), toml_values,
                       max_size=4))
def test_any_parsed_toml_gives_a_config_or_a_config_error(data: dict) -> None:
    try:
        parse_config(data)
    except ConfigError:
        pass
