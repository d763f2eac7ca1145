"""The Debian package built by ``make deb``: unpacked into a scratch root, its installed kiosk self-tests.

``make test`` builds the package after the suite and runs this file with KIOSK_DEB set; without it the
tests skip (by hand: ``make deb && KIOSK_DEB=dist/tram-kiosk_….deb .venv/bin/pytest tests/appliance``).
"""

from __future__ import annotations

import os
import subprocess
import tomllib
from pathlib import Path

import pytest

from kiosk.config import load_config
from tests.appliance.units import analyze, can_unshare

ROOT = Path(__file__).resolve().parents[2]


# Only the package named explicitly: a stale one left in dist/ must not be tested against newer code.
DEB = Path(os.environ["KIOSK_DEB"]) if os.environ.get("KIOSK_DEB") else None
pytestmark = pytest.mark.skipif(DEB is None, reason="set KIOSK_DEB to a built package (make test does, after make deb)")


@pytest.fixture(scope="module")
def scratch_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("root")
    subprocess.run(["dpkg-deb", "-x", str(DEB), str(root)], check=True)
    return root


def field(name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(DEB), name], capture_output=True, text=True, check=True).stdout.strip()


def test_package_metadata_and_system_dependencies():
    assert field("Package") == "tram-kiosk"
    depends = field("Depends")
    for dep in ("weston", "libzbar0", "adduser", "systemd", "fontconfig"):
        assert dep in depends
    listing = subprocess.run(["dpkg-deb", "-I", str(DEB)], capture_output=True, text=True, check=True).stdout
    for script in ("postinst", "prerm", "postrm", "conffiles"):
        assert script in listing


def test_postinst_creates_the_user_data_folder_and_protects_the_config():
    script = subprocess.run(["dpkg-deb", "--ctrl-tarfile", str(DEB)], capture_output=True, check=True).stdout
    import io
    import tarfile

    with tarfile.open(fileobj=io.BytesIO(script)) as tar:
        postinst = tar.extractfile("./postinst").read().decode()
        conffiles = tar.extractfile("./conffiles").read().decode().split()
    assert "/etc/tram-kiosk/kiosk.toml" in conffiles
    assert "adduser --system --group --home /var/lib/tram-kiosk" in postinst
    assert "for group in video dialout lp" in postinst
    assert "install -d -o tram -g tram -m 0750 /var/lib/tram-kiosk" in postinst
    assert "chmod 0640 /etc/tram-kiosk/kiosk.toml" in postinst
    assert subprocess.run(["sh", "-n"], input=postinst, text=True, check=False).returncode == 0


def test_the_conffile_is_the_commented_schema_with_installed_defaults(scratch_root):
    path = scratch_root / "etc/tram-kiosk/kiosk.toml"
    text = path.read_text(encoding="utf-8")
    assert text.count("\n# ") > 100  # every setting explained
    config = load_config(path)
    assert config.data_dir == "/var/lib/tram-kiosk"
    assert config.hub.local_hub is False and config.hub.sync_in_gui is False
    assert tomllib.loads(text)["hub"]["sync_in_gui"] is False


def test_the_installed_kiosk_passes_its_self_test(scratch_root, tmp_path):
    kiosk = scratch_root / "opt/tram-kiosk/kiosk"
    assert os.access(kiosk, os.X_OK)
    assert (scratch_root / "usr/bin/tram-kiosk").is_symlink()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8",
           "XDG_RUNTIME_DIR": str(tmp_path)}
    done = subprocess.run([str(kiosk), "--self-test"], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "0 problems" in done.stdout
    # the appliance commands are in the bundle too
    helped = subprocess.run([str(kiosk), "--help"], env=env, capture_output=True, text=True, timeout=120, check=True)
    for command in ("doctor", "sync-service", "update", "devices"):
        assert command in helped.stdout


@pytest.mark.skipif(not can_unshare(), reason="needs root (unshare -m) to mount the package's /opt for systemd")
def test_installed_units_verify_against_the_installed_files(scratch_root):
    units = scratch_root / "lib/systemd/system"
    names = sorted(p.name for p in units.iterdir())
    assert names == ["tram-kiosk-repair.service", "tram-kiosk-sync.service", "tram-kiosk-update.service",
                     "tram-kiosk-update.timer", "tram-kiosk.service"]
    done = analyze(scratch_root / "opt", units, "verify", "--man=no", *(f"./{n}" for n in names))
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr
    assert (scratch_root / "lib/udev/rules.d/70-tram-kiosk.rules").is_file()
    assert os.access(scratch_root / "opt/tram-kiosk/bin/kiosk-session", os.X_OK)
