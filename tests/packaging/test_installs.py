"""The two installable parts, built and installed as a ward would: a wheel with every asset inside, a station
install that runs its self-test from a folder far from the repository, and a hub install without the kiosk's
heavy libraries. Each installs from its lock file (requirements/<part>.lock) into a fresh venv."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
import urllib.request
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from central.local import free_port

REPO = Path(__file__).resolve().parents[2]


def _run(*cmd: str | Path, cwd: Path, timeout: float = 900, env: dict[str, str] | None = None,
         check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env=env)
    if check and done.returncode != 0:
        raise AssertionError(f"{cmd} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once for the whole run: setuptools builds in the repository's build/ folder, which two pytest-xdist
    workers must not share at the same time."""
    shared = tmp_path_factory.getbasetemp().parent / "wheel"
    shared.mkdir(exist_ok=True)
    with open(shared / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not list(shared.glob("tram_cong_dan_so-*.whl")):
            _run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", shared, REPO, cwd=shared)
    [built] = shared.glob("tram_cong_dan_so-*.whl")
    return built


def _fresh_venv(root: Path, part: str, wheel: Path) -> Path:
    """A venv outside the repository with one part installed from its lock file, then the wheel itself."""
    venv.EnvBuilder(with_pip=True).create(root)
    py = root / "bin" / "python"
    _run(py, "-m", "pip", "install", "--quiet", "--require-hashes", "-r", REPO / "requirements" / f"{part}.lock",
         cwd=root)
    _run(py, "-m", "pip", "install", "--quiet", "--no-deps", wheel, cwd=root)
    return py


def _importable(py: Path, module: str, cwd: Path) -> bool:
    return _run(py, "-c", f"import {module}", cwd=cwd, check=False).returncode == 0


def _clean_env(**extra: str) -> dict[str, str]:
    """The test's environment without anything that points back into the repository."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return env | extra


def test_the_wheel_carries_every_asset_the_app_reads(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    on_disk = {p.relative_to(REPO).as_posix() for p in (REPO / "core" / "assets").rglob("*")
               if p.is_file() and p.suffix not in (".tmp",)}
    assert on_disk, "no assets in the source tree?"
    assert on_disk <= names, f"missing from the wheel: {sorted(on_disk - names)[:10]}"
    for needed in ("core/assets/catalogue/procedures.json", "core/assets/catalogue/procedures.schema.json",
                   "offline_queue/migrations/env.py", "central/migrations/env.py"):
        assert needed in names
    assert any(n.startswith("core/assets/fonts/") and n.endswith(".ttf") for n in names)
    assert any(n.startswith("core/assets/i18n/") and n.endswith(".qm") for n in names), "translations not built"
    assert not any(n.startswith(("tests/", "bench/", "tools/")) for n in names)


@pytest.fixture(scope="session")
def station_venv(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("station-venv")
    yield _fresh_venv(root, "kiosk", wheel)


def test_a_station_install_runs_its_self_test_far_from_the_repository(station_venv: Path,
                                                                       tmp_path: Path) -> None:
    kiosk = station_venv.parent / "kiosk"
    config = tmp_path / "kiosk.toml"
    config.write_text(f'data_dir = "{tmp_path / "data"}"\n[logging]\ndir = "{tmp_path / "logs"}"\n')
    done = _run(kiosk, "--config", config, "--self-test", cwd=tmp_path, timeout=300, check=False,
                env=_clean_env(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path)))
    assert done.returncode == 0, f"self-test failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    assert not _importable(station_venv, "fastapi", tmp_path), "a station install must not carry the web server"
    assert not _importable(station_venv, "uvicorn", tmp_path)


def test_a_hub_install_has_no_kiosk_libraries_and_serves(tmp_path_factory: pytest.TempPathFactory,
                                                         wheel: Path, tmp_path: Path) -> None:
    py = _fresh_venv(tmp_path_factory.mktemp("hub-venv"), "hub", wheel)
    for heavy in ("PySide6", "cv2", "pyzbar", "zxingcpp", "escpos"):
        assert not _importable(py, heavy, tmp_path), f"{heavy} must not be installed on a hub"
    assert _importable(py, "psycopg", tmp_path), "a hub install must reach PostgreSQL"
    help_text = _run(py.parent / "kiosk-hub", "--help", cwd=tmp_path, env=_clean_env()).stdout
    assert "serve" in help_text
    port = free_port()
    hub = subprocess.Popen([py.parent / "kiosk-hub", "serve", "--demo", "--host", "127.0.0.1", "--port", str(port),
                            "--db", str(tmp_path / "hub.db")], cwd=tmp_path, env=_clean_env(),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert _healthy(f"http://127.0.0.1:{port}/healthz"), "the installed hub did not answer /healthz"
    finally:
        hub.terminate()
        hub.wait(10)


def _healthy(url: str, within: float = 60.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                return r.status == 200
        except OSError:
            time.sleep(0.2)
    return False
