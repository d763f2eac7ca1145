"""``kiosk update``: signed package updates with a self-test and rollback. Runs as root (tram-kiosk-update).

1. Fetch ``<source>/<channel>/manifest.json`` (the hub serves it; ``[update] url`` or ``<hub url>/updates``).
2. Take the newest package above the installed version. Its manifest entry is signed with the ward's
   ed25519 release key (``[update] public_key``): the signature covers channel, file name, version and
   SHA-256, and the downloaded file must match that SHA-256. Anything else is refused.
3. Keep a verified copy of the installed version's package, so there is always something to roll back to.
4. Wait until no visit is on screen and no submission is mid-sync (the queue's meta table, written by the
   GUI's sync worker and the sync service).
5. ``dpkg -i`` the new package, run ``kiosk --self-test`` of the new version, restart the session and wait
   for it to be active (Type=notify: active means the home screen said READY=1). Any failure puts the
   previous package back (and restarts it).
The steps run in a CLI process; nothing here touches Qt.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.appliance.installed import PACKAGE, PREFIX

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
MAX_MANIFEST_BYTES = 1_000_000
VISIT_STALE = timedelta(minutes=40)  # longer than any visit can last (idle timeouts), so a crashed GUI cannot block
SELF_TEST_TIMEOUT_S = 600


class UpdateError(Exception):
    """An update that must not go ahead (bad signature, no rollback package, download failed)."""


@dataclass(frozen=True)
class Release:
    version: str
    file: str
    sha256: str
    signature: str

    def statement(self, channel: str) -> bytes:
        """What the release key signs: the package is bound to its channel, name, version and content."""
        return f"tram-kiosk update v1\n{channel}\n{self.file}\n{self.version}\n{self.sha256}\n".encode()


# -- keys and signing (the ward's release manager; tests) ------------------------------------------------------

def generate_key() -> tuple[str, str]:
    """(private key, public key), both base64 of the raw 32 bytes (the same form as the ward's payee key)."""
    from core.payee import generate_keypair

    return generate_keypair()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def package_version(deb: Path) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), "Version"], capture_output=True, text=True,
                          check=True).stdout.strip()


def sign_manifest(private_key: str, channel: str, debs: Sequence[Path]) -> dict[str, Any]:
    """The manifest the hub serves for ``channel``: every package with its signed statement."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_key))
    packages = []
    for deb in debs:
        unsigned = Release(package_version(deb), deb.name, sha256_file(deb), "")
        signature = base64.b64encode(key.sign(unsigned.statement(channel))).decode()
        packages.append({"version": unsigned.version, "file": deb.name, "sha256": unsigned.sha256,
                         "signature": signature})
    return {"channel": channel, "packages": packages}


# -- reading a manifest (untrusted input) ----------------------------------------------------------------------

def parse_manifest(raw: bytes, channel: str, public_key: str) -> list[Release]:
    """The releases whose signature verifies with ``public_key``; a bad entry is logged and left out."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key, validate=True))
    except ValueError as exc:
        raise UpdateError("[update] public_key is not a base64 ed25519 public key") from exc
    try:
        doc = json.loads(raw)
    except ValueError as exc:
        raise UpdateError("the manifest is not JSON") from exc
    if not isinstance(doc, dict) or doc.get("channel") != channel or not isinstance(doc.get("packages"), list):
        raise UpdateError(f"the manifest is not one for channel {channel!r}")
    out = []
    for entry in doc["packages"]:
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in
                                                  ("version", "file", "sha256", "signature")):
            log.warning("update manifest: malformed entry skipped")
            continue
        release = Release(entry["version"], entry["file"], entry["sha256"].lower(), entry["signature"])
        if "/" in release.file or not release.file.startswith(f"{PACKAGE}_") or not release.file.endswith(".deb"):
            log.warning("update manifest: unexpected file name %r skipped", release.file[:80])
            continue
        try:
            key.verify(base64.b64decode(release.signature, validate=True), release.statement(channel))
        except (InvalidSignature, ValueError):
            log.warning("update manifest: bad signature on %s skipped", release.file)
            continue
        out.append(release)
    return out


def version_gt(a: str, b: str) -> bool:
    """Debian version order (dpkg --compare-versions)."""
    return subprocess.run(["dpkg", "--compare-versions", a, "gt", b], check=False).returncode == 0


# -- the updater -------------------------------------------------------------------------------------------------

@dataclass
class Outcome:
    state: str  # up_to_date | available | deferred | installed | rolled_back | refused
    detail: str = ""
    version: str = ""


class Updater:
    """One update attempt. The system parts (dpkg, the kiosk binary, the restart) are parameters so the
    tests install real packages into a scratch root with ``dpkg --root``."""

    def __init__(self, config: Any, data_dir: Path, *, dpkg: Sequence[str] = ("dpkg",),
                 kiosk_bin: Path = Path(PREFIX) / "kiosk", restart: Callable[[], bool] | None = None,
                 fetch: Callable[[str], bytes] | None = None, installed_version: Callable[[], str] | None = None,
                 self_test_env: dict[str, str] | None = None) -> None:
        self.config, self.data_dir = config, data_dir
        self.dpkg, self.kiosk_bin = list(dpkg), kiosk_bin
        self.restart = restart or self._restart_session
        self.fetch = fetch or self._http_get
        self.installed_version = installed_version or self._dpkg_version
        self.self_test_env = self_test_env
        self.cache = data_dir / "updates"

    # -- where from ----------------------------------------------------------------------------------------------
    def source(self) -> str:
        from offline_queue.runtime import resolve_hub_url

        base = self.config.update.url or (resolve_hub_url(self.config, self.data_dir).rstrip("/") + "/updates")
        return f"{base.rstrip('/')}/{self.config.update.channel}"

    def releases(self) -> list[Release]:
        if not self.config.update.public_key:
            raise UpdateError("no [update] public_key: updates are not verified, so none is installed")
        raw = self.fetch(f"{self.source()}/{MANIFEST}")
        return parse_manifest(raw, self.config.update.channel, self.config.update.public_key)

    def check(self) -> tuple[Release | None, list[Release]]:
        releases = self.releases()
        current = self.installed_version()
        newer = [r for r in releases if not current or version_gt(r.version, current)]
        best = None
        for r in newer:
            if best is None or version_gt(r.version, best.version):
                best = r
        return best, releases

    # -- the whole attempt ---------------------------------------------------------------------------------------
    def run(self, auto: bool = False, check_only: bool = False) -> Outcome:
        try:
            best, releases = self.check()
        except UpdateError as exc:
            return Outcome("refused", str(exc))
        if best is None:
            return Outcome("up_to_date", f"{self.installed_version() or 'nothing'} installed")
        if check_only:
            return Outcome("available", f"{best.version} on channel {self.config.update.channel}", best.version)
        current = self.installed_version()
        try:
            new_deb = self.download(best)
            previous = self.rollback_package(current, releases)
        except UpdateError as exc:
            return Outcome("refused", str(exc), best.version)
        busy = self.busy()
        if busy:
            return Outcome("deferred", busy, best.version)
        return self.install(new_deb, best.version, previous, current)

    def download(self, release: Release) -> Path:
        """The package file, checked against its signed SHA-256 (an existing verified copy is reused)."""
        self.cache.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = self.cache / release.file
        if path.exists() and sha256_file(path) == release.sha256:
            return path
        tmp = path.with_name(path.name + ".part")
        tmp.write_bytes(self.fetch(f"{self.source()}/{release.file}"))
        if sha256_file(tmp) != release.sha256:
            tmp.unlink()
            raise UpdateError(f"{release.file} does not match its signed checksum")
        os.replace(tmp, path)
        return path

    def rollback_package(self, current: str, releases: list[Release]) -> Path | None:
        """A verified package of the installed version (kept from the last update, or fetched)."""
        if not current:
            return None
        for release in releases:
            if release.version == current:
                return self.download(release)
        kept = sorted(self.cache.glob(f"{PACKAGE}_{current}_*.deb"))
        if kept and package_version(kept[0]) == current:
            return kept[0]
        raise UpdateError(f"no package of the installed version {current} to roll back to; not updating")

    def busy(self) -> str:
        """Why now is not a good time ('' when it is): a visit on screen, or a submission being sent.

        Read as the data folder's owner: root must not create queue files the services cannot open."""
        from kiosk.appliance.privileges import as_data_owner

        try:
            return as_data_owner(self.data_dir, self._busy)
        except RuntimeError as exc:
            return f"cannot read the queue: {exc}"

    def _busy(self) -> str:
        from offline_queue.runtime import open_store

        store = open_store(self.config, self.data_dir)
        try:
            if store.counts().get("sending"):
                return "a submission is being sent"
            meta = store.meta()
            if meta.get("visit_active") == "1":
                changed = meta.get("visit_changed_at")
                try:
                    since = store.clock() - datetime.fromisoformat(changed) if changed else timedelta(0)
                except ValueError:
                    since = timedelta(0)
                if since < VISIT_STALE:
                    return "a resident is using the station"
            return ""
        finally:
            store.engine.dispose()

    def install(self, deb: Path, version: str, previous: Path | None, current: str) -> Outcome:
        log.info("update: installing %s (from %s)", version, current or "nothing")
        problem = self._dpkg_install(deb)
        if not problem:
            problem = self._self_test()
        if not problem and not self.restart():
            problem = "the new version did not show its home screen in time"
        if not problem:
            log.info("update: %s installed and running", version)
            return Outcome("installed", f"{current or 'nothing'} -> {version}", version)
        log.error("update to %s failed: %s", version, problem)
        if previous is None:
            return Outcome("refused", f"{problem}; nothing to roll back to", version)
        again = self._dpkg_install(previous)
        self.restart()
        if again:
            return Outcome("refused", f"{problem}; ROLLBACK FAILED: {again}", version)
        return Outcome("rolled_back", f"{problem}; {current} is back", current)

    # -- system parts --------------------------------------------------------------------------------------------
    def _dpkg_install(self, deb: Path) -> str:
        done = subprocess.run([*self.dpkg, "--force-confold", "-i", str(deb)], capture_output=True, text=True,
                              timeout=900, check=False)
        if done.returncode != 0:
            return f"dpkg failed: {done.stderr.strip()[-300:]}"
        return ""

    def _self_test(self) -> str:
        env = dict(self.self_test_env or os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env.pop("NOTIFY_SOCKET", None)
        try:
            done = subprocess.run([str(self.kiosk_bin), "--self-test"], capture_output=True, text=True,
                                  timeout=SELF_TEST_TIMEOUT_S, env=env, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"self-test did not run: {exc}"
        if done.returncode != 0:
            tail = (done.stdout + done.stderr).strip().splitlines()[-3:]
            return "self-test failed: " + " | ".join(tail)
        return ""

    def _restart_session(self) -> bool:
        """Restart the session and wait for it to be active: Type=notify, so after the app's READY=1."""
        if not Path("/run/systemd/system").is_dir():
            return True  # not a systemd machine (development): the self-test is the check
        subprocess.run(["systemctl", "try-restart", "--no-block", "tram-kiosk.service", "tram-kiosk-sync.service"],
                       check=False, timeout=30)
        enabled = subprocess.run(["systemctl", "is-enabled", "tram-kiosk.service"], capture_output=True, text=True,
                                 check=False).stdout.strip()
        if enabled != "enabled":
            return True
        deadline = time.monotonic() + self.config.update.start_timeout_seconds
        while time.monotonic() < deadline:
            state = subprocess.run(["systemctl", "is-active", "tram-kiosk.service"], capture_output=True,
                                   text=True, check=False).stdout.strip()
            if state == "active":
                return True
            if state == "failed":
                return False
            time.sleep(2)
        return False

    def _dpkg_version(self) -> str:
        root = [a for a in self.dpkg if a.startswith("--root=") or a.startswith("--admindir=")]
        done = subprocess.run(["dpkg-query", *root, "-W", "-f=${Version}", PACKAGE], capture_output=True, text=True,
                              check=False)
        return done.stdout.strip() if done.returncode == 0 else ""

    def _http_get(self, url: str) -> bytes:
        import requests

        hub = self.config.hub
        try:
            reply = requests.get(url, timeout=(hub.connect_timeout_seconds, 300), verify=hub.ca_bundle or True)
        except requests.RequestException as exc:
            raise UpdateError(f"cannot fetch {url}: {type(exc).__name__}") from exc
        if reply.status_code != 200:
            raise UpdateError(f"cannot fetch {url}: HTTP {reply.status_code}")
        return reply.content


def main(config: Any, data_dir: Path, auto: bool = False, check_only: bool = False) -> int:
    if auto and not config.update.automatic:
        return 0
    outcome = Updater(config, data_dir).run(auto=auto, check_only=check_only)
    print(f"update: {outcome.state}" + (f" ({outcome.detail})" if outcome.detail else ""))
    return 1 if outcome.state in ("rolled_back", "refused") else 0
