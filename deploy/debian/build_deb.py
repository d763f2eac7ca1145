"""Build tram-kiosk_<version>_<arch>.deb from the PyInstaller bundle (``make deb``).

    .venv/bin/python deploy/debian/build_deb.py --bundle dist/kiosk --out dist

Lays out a package root (the bundle in /opt/tram-kiosk, units, udev rules, Weston session, the
conffile /etc/tram-kiosk/kiosk.toml generated from the config schema, docs) and runs
``dpkg-deb --root-owner-group`` with fast compression so CI stays quick. ``--bare`` leaves out the
maintainer scripts and system files (the update tests build small packages that install into a
scratch root with ``dpkg --root``).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEPLOY = HERE.parent
ROOT = DEPLOY.parent
PACKAGE = "tram-kiosk"
PREFIX = "opt/tram-kiosk"


def arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def _copy(src: Path, dst: Path, mode: int = 0o644) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    os.chmod(dst, mode)


def _write(dst: Path, text: str | bytes, mode: int = 0o644) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_bytes(text.encode() if isinstance(text, str) else text)
    os.chmod(dst, mode)


def _changelog(version: str) -> bytes:
    when = datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or datetime.now(UTC).timestamp(),
                                  UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    text = (f"{PACKAGE} ({version}) stable; urgency=medium\n\n"
            f"  * Release {version}; see the project history for the changes.\n\n"
            f" -- Tram cong dan so developers <tram-kiosk@lists.debian.net>  {when}\n")
    return gzip.compress(text.encode(), compresslevel=9, mtime=0)


def lay_out(stage: Path, bundle: Path, version: str, bare: bool = False) -> None:
    """Fill ``stage`` with the package's files and DEBIAN/ control data."""
    opt = stage / PREFIX
    shutil.copytree(bundle, opt, symlinks=True)
    for name in ("kiosk-session", "kiosk-repair-screen"):
        _copy(DEPLOY / "weston" / name, opt / "bin" / name, 0o755)
    doc = stage / "usr/share/doc" / PACKAGE
    _copy(HERE / "copyright", doc / "copyright")
    _write(doc / "changelog.gz", _changelog(version))
    conffiles: list[str] = []
    if not bare:
        sys.path.insert(0, str(ROOT))
        from kiosk.appliance.installed import installed_config_toml

        etc = stage / "etc/tram-kiosk"
        _write(etc / "kiosk.toml", installed_config_toml())
        _copy(DEPLOY / "weston/weston.ini", etc / "weston.ini")
        _copy(DEPLOY / "weston/weston-repair.ini", etc / "weston-repair.ini")
        conffiles = ["/etc/tram-kiosk/kiosk.toml", "/etc/tram-kiosk/weston.ini", "/etc/tram-kiosk/weston-repair.ini"]
        for unit in sorted((DEPLOY / "systemd").iterdir()):
            _copy(unit, stage / "lib/systemd/system" / unit.name)
        _copy(DEPLOY / "udev/70-tram-kiosk.rules", stage / "lib/udev/rules.d/70-tram-kiosk.rules")
        _copy(HERE / "lintian-overrides", stage / "usr/share/lintian/overrides" / PACKAGE)
        install_md = ROOT / "docs/install.md"
        if install_md.exists():
            _copy(install_md, doc / "install.md")
        bindir = stage / "usr/bin"
        bindir.mkdir(parents=True, exist_ok=True)
        (bindir / "tram-kiosk").symlink_to(f"/{PREFIX}/kiosk")
    control = stage / "DEBIAN"
    control.mkdir(parents=True, exist_ok=True)
    size_kib = sum(f.lstat().st_size for f in stage.rglob("*") if not f.is_dir()) // 1024 + 1
    text = (HERE / "control.in").read_text(encoding="utf-8")
    text = text.replace("@VERSION@", version).replace("@ARCH@", arch()).replace("@SIZE@", str(size_kib))
    if bare:  # test packages install into an empty scratch root
        text = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("Depends:"))
    _write(control / "control", text)
    if conffiles:
        _write(control / "conffiles", "".join(f + "\n" for f in conffiles))
    if not bare:
        for script in ("postinst", "prerm", "postrm"):
            _copy(HERE / script, control / script, 0o755)
    sums = []
    for f in sorted(stage.rglob("*")):
        rel = f.relative_to(stage).as_posix()
        if rel.startswith("DEBIAN/") or f.is_dir() or f.is_symlink():
            continue
        sums.append(f"{hashlib.md5(f.read_bytes()).hexdigest()}  {rel}\n")  # dpkg's md5sums format
    _write(control / "md5sums", "".join(sums))
    for d in [stage, *(p for p in stage.rglob("*") if p.is_dir() and not p.is_symlink())]:
        os.chmod(d, 0o755)
    for lib in stage.joinpath(PREFIX).rglob("*.so*"):
        if lib.is_file() and not lib.is_symlink():
            os.chmod(lib, 0o644)  # shared objects are loaded, not executed (Debian policy 8.1)


def build(bundle: Path, out: Path, version: str, stage: Path | None = None, bare: bool = False,
          compression: tuple[str, ...] = ("-Zgzip", "-z1")) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    stage = stage or out / f".stage-{PACKAGE}-{version}"
    if stage.exists():
        shutil.rmtree(stage)
    os.umask(0o022)
    lay_out(stage, bundle, version, bare)
    deb = out / f"{PACKAGE}_{version}_{arch()}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", *compression, "--build", str(stage), str(deb)],
                   check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(stage)
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", default=str(ROOT / "dist/kiosk"), help="the PyInstaller onedir bundle")
    parser.add_argument("--out", default=str(ROOT / "dist"))
    parser.add_argument("--version", default="", help="default: kiosk.__version__")
    parser.add_argument("--bare", action="store_true", help="no maintainer scripts, units or conffiles")
    args = parser.parse_args(argv)
    version = args.version
    if not version:  # pyproject.toml is the version's one source
        import tomllib

        version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    bundle = Path(args.bundle)
    if not (bundle / "kiosk").is_file():
        print(f"build_deb: no bundle at {bundle} (run `make build` first)", file=sys.stderr)
        return 2
    print(build(bundle, Path(args.out), version, bare=args.bare))
    return 0


if __name__ == "__main__":
    sys.exit(main())
