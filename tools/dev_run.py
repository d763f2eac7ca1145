"""`make run`: start a demo hub on 127.0.0.1 in the background, then the kiosk pointed at it; stop the hub after.

The kiosk app never starts a hub itself (it does not import central/): this development tool does, when the
kiosk's config asks for a local hub (``hub.local_hub = true``) and names no hub URL. The kiosk gets the hub's
URL and demo enrolment code through a config file written next to its data (mode 0600), made from the
resident's own config with only those two settings changed. Extra arguments go to ``kiosk``.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    from core import paths
    from kiosk.config import ConfigError, load_config, resolve_config_path, sample_toml

    kiosk = [str(Path(sys.executable).with_name("kiosk"))]
    config_arg = argv[argv.index("--config") + 1] if "--config" in argv[:-1] else None
    try:
        config = load_config(resolve_config_path(config_arg))
    except ConfigError as exc:
        print(f"dev_run: {exc}", file=sys.stderr)
        return 2
    if not config.hub.local_hub or config.hub.url:
        return subprocess.call(kiosk + argv)
    try:
        from central.local import LocalHub
    except ModuleNotFoundError:
        print("dev_run: the hub package is not installed: the kiosk runs offline", file=sys.stderr)
        return subprocess.call(kiosk + argv)
    data_dir = paths.data_dir(config.data_dir)
    hub = LocalHub(data_dir / "hub")
    hub.start()
    print(f"dev_run: demo hub at {hub.url} (enrolment code {hub.demo_code}); log {hub.log_path}", file=sys.stderr)
    try:
        config = dataclasses.replace(config, hub=dataclasses.replace(config.hub, url=hub.url,
                                                                      enrolment_code=hub.demo_code))
        dev_config = data_dir / "dev-kiosk.toml"
        fd = os.open(dev_config, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(sample_toml(config))
        rest = list(argv)
        if config_arg is not None:
            i = rest.index("--config")
            del rest[i:i + 2]
        return subprocess.call([*kiosk, "--config", str(dev_config), *rest])
    finally:
        hub.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
