"""`kiosk update` end to end: real signed packages from a real HTTP server, installed with dpkg into a scratch
root (dpkg --root: the system's dpkg database is never touched), self-test, rollback."""

from __future__ import annotations

import dataclasses
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from kiosk.appliance.update import Updater, generate_key, parse_manifest, sign_manifest
from kiosk.config import KioskConfig
from offline_queue.runtime import open_store
from tests.queue.conftest import dossier

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not shutil.which("dpkg-deb"), reason="needs dpkg")


def build_package(tmp: Path, version: str, self_test_ok: bool = True) -> Path:
    """A small tram-kiosk package whose `kiosk --self-test` passes or fails, built by the real builder."""
    bundle = tmp / f"bundle-{version}"
    bundle.mkdir()
    code = 0 if self_test_ok else 1
    (bundle / "kiosk").write_text(f'#!/bin/sh\ncase "$1" in\n  --self-test) echo "self-test: {code} problems"; '
                                  f'exit {code};;\n  --version) echo {version};;\nesac\n')
    (bundle / "kiosk").chmod(0o755)
    out = tmp / "built"
    subprocess.run([sys.executable, str(ROOT / "deploy/debian/build_deb.py"), "--bare", "--bundle", str(bundle),
                    "--out", str(out), "--version", version], check=True, capture_output=True)
    return next(out.glob(f"tram-kiosk_{version}_*.deb"))


class Channel:
    """What the hub serves: /updates/<channel>/manifest.json and the package files, over real HTTP."""

    def __init__(self, root: Path, private_key: str, channel: str = "stable") -> None:
        self.dir = root / channel
        self.dir.mkdir(parents=True)
        self.private_key, self.channel = private_key, channel
        handler = functools.partial(_Quiet, directory=str(root))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def publish(self, *debs: Path) -> None:
        for deb in debs:
            shutil.copy(deb, self.dir / deb.name)
        manifest = sign_manifest(self.private_key, self.channel, [self.dir / d.name for d in debs])
        (self.dir / "manifest.json").write_text(json.dumps(manifest))

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args) -> None:
        pass


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("debs")
    return {"1.0": build_package(tmp, "1.0"), "1.1": build_package(tmp, "1.1"),
            "1.2": build_package(tmp, "1.2", self_test_ok=False), "1.3": build_package(tmp, "1.3")}


@pytest.fixture
def keys() -> tuple[str, str]:
    return generate_key()


@pytest.fixture
def channel(tmp_path, keys):
    ch = Channel(tmp_path / "served", keys[0])
    yield ch
    ch.close()


@pytest.fixture
def scratch(tmp_path, packages) -> Path:
    """An empty system root with its own dpkg database, and version 1.0 installed in it."""
    root = tmp_path / "root"
    for d in ("info", "updates", "triggers"):
        (root / "var/lib/dpkg" / d).mkdir(parents=True)
    (root / "var/lib/dpkg/status").touch()
    subprocess.run(["dpkg", f"--root={root}", "-i", str(packages["1.0"])], check=True, capture_output=True)
    return root


def installed(root: Path) -> str:
    return subprocess.run(["dpkg-query", f"--root={root}", "-W", "-f=${Version}", "tram-kiosk"], capture_output=True,
                          text=True, check=True).stdout


def running_version(root: Path) -> str:
    return subprocess.run([str(root / "opt/tram-kiosk/kiosk"), "--version"], capture_output=True, text=True,
                          check=True).stdout.strip()


def make_updater(tmp_path, root, channel, public_key, restart=lambda: True) -> Updater:
    cfg = KioskConfig()
    config = dataclasses.replace(cfg, data_dir=str(tmp_path / "data"),
                                 update=dataclasses.replace(cfg.update, url=channel.url + "/", public_key=public_key))
    (tmp_path / "data").mkdir(exist_ok=True)
    return Updater(config, tmp_path / "data", dpkg=("dpkg", f"--root={root}"), kiosk_bin=root / "opt/tram-kiosk/kiosk",
                   restart=restart)


def test_update_installs_the_new_version_then_rolls_back_a_bad_one(tmp_path, scratch, channel, keys, packages):
    channel.publish(packages["1.0"], packages["1.1"])
    updater = make_updater(tmp_path, scratch, channel, keys[1])
    assert updater.run(check_only=True).state == "available"
    outcome = updater.run()
    assert (outcome.state, outcome.version) == ("installed", "1.1"), outcome
    assert installed(scratch) == "1.1" and running_version(scratch) == "1.1"
    assert updater.run().state == "up_to_date"

    # 1.2 fails its self-test: 1.1 comes back (from the verified copy kept in the data folder)
    channel.publish(packages["1.2"])
    outcome = updater.run()
    assert outcome.state == "rolled_back" and "self-test failed" in outcome.detail, outcome
    assert installed(scratch) == "1.1" and running_version(scratch) == "1.1"


def test_first_start_failure_rolls_back(tmp_path, scratch, channel, keys, packages):
    channel.publish(packages["1.0"], packages["1.3"])
    starts = []
    updater = make_updater(tmp_path, scratch, channel, keys[1], restart=lambda: starts.append(running_version(scratch))
                           or running_version(scratch) != "1.3")
    outcome = updater.run()
    assert outcome.state == "rolled_back" and "home screen" in outcome.detail
    assert starts == ["1.3", "1.0"]  # the new version was started, failed, and the old one started again
    assert installed(scratch) == "1.0"


def test_bad_signature_wrong_key_or_tampered_file_installs_nothing(tmp_path, scratch, channel, keys, packages):
    channel.publish(packages["1.0"], packages["1.1"])
    other_public = generate_key()[1]
    assert make_updater(tmp_path, scratch, channel, other_public).run().state == "up_to_date"  # nothing verifies
    # same signed manifest, different bytes behind the name
    shutil.copy(packages["1.3"], channel.dir / packages["1.1"].name)
    outcome = make_updater(tmp_path, scratch, channel, keys[1]).run()
    assert outcome.state == "refused" and "checksum" in outcome.detail
    assert installed(scratch) == "1.0"
    assert make_updater(tmp_path, scratch, channel, "").run().state == "refused"  # no key: no updates


def test_waits_for_the_visit_and_the_sync_to_finish(tmp_path, scratch, channel, keys, packages):
    channel.publish(packages["1.0"], packages["1.1"])
    updater = make_updater(tmp_path, scratch, channel, keys[1])
    store = open_store(updater.config, updater.data_dir)
    store.set_meta(visit_active="1", visit_changed_at=store.clock().isoformat())
    assert updater.run(auto=True).state == "deferred"
    store.set_meta(visit_active="0")
    item = store.enqueue("dossier", dossier(1), {"full_name": "Lê Thị Hoa"}, [])
    store.claim_due(10)  # mid-sync
    outcome = updater.run(auto=True)
    assert outcome.state == "deferred" and "being sent" in outcome.detail
    store.recover_inflight()
    assert installed(scratch) == "1.0"
    assert updater.run(auto=True).state == "installed"
    assert item.uuid in {v.uuid for v in store.list(limit=10)}  # the update never touches the queue
    store.engine.dispose()


def test_no_rollback_package_means_no_update(tmp_path, scratch, channel, keys, packages):
    channel.publish(packages["1.1"])  # the hub no longer has 1.0 and nothing was kept
    outcome = make_updater(tmp_path, scratch, channel, keys[1]).run()
    assert outcome.state == "refused" and "roll back" in outcome.detail
    assert installed(scratch) == "1.0"


@pytest.mark.parametrize("raw", [b"", b"[]", b'{"channel": "pilot", "packages": []}', b"\xff\xfe",
                                 b'{"channel": "stable", "packages": [{"version": 1}]}',
                                 b'{"channel": "stable", "packages": [{"version": "9", "file": "../../etc/passwd",'
                                 b' "sha256": "00", "signature": "AA=="}]}'])
def test_hostile_manifests_never_crash(raw, keys):
    try:
        assert parse_manifest(raw, "stable", keys[1]) == []
    except Exception as exc:
        assert type(exc).__name__ == "UpdateError"


@pytest.mark.skipif(os.geteuid() != 0, reason="about running as root")
def test_root_reads_the_queue_as_its_owner_and_leaves_no_root_owned_files():
    """`kiosk update` runs as root: the queue files it causes to exist must belong to the station's user."""
    from tests.appliance.test_session import ensure_user

    user = ensure_user()
    base = Path(tempfile.mkdtemp(prefix="tram-update-", dir="/tmp"))
    try:
        base.chmod(0o755)
        data = base / "data"
        data.mkdir(mode=0o750)
        os.chown(data, user.pw_uid, user.pw_gid)
        cfg = KioskConfig()
        updater = Updater(dataclasses.replace(cfg, data_dir=str(data)), data)
        assert updater.busy() == ""
        files = list(data.iterdir())
        assert any(f.name == "kiosk.db" for f in files)
        assert {f.stat().st_uid for f in files} == {user.pw_uid}, [(f.name, f.stat().st_uid) for f in files]
    finally:
        shutil.rmtree(base, ignore_errors=True)
