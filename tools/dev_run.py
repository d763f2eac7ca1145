"""`make run`: start a demo hub on 127.0.0.1 in the background, then the kiosk; stop the hub when the kiosk exits.

The kiosk app never starts a hub itself (it does not import central/): this development tool does, when the
kiosk's config asks for a local hub (``hub.local_hub = true``) and names no hub URL. It hands the hub's URL over
the way the queue reads it (``<data dir>/hub_url``, offline_queue.runtime.resolve_hub_url); with a local hub
the kiosk enrols with the demo code. Extra arguments go to ``kiosk``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    from core import paths
    from kiosk.config import ConfigError, load_config, resolve_config_path
    from offline_queue.runtime import DEMO_CODE, HUB_URL_FILE

    kiosk = [str(Path(sys.executable).with_name("kiosk")), *argv]
    config_arg = argv[argv.index("--config") + 1] if "--config" in argv[:-1] else None
    try:
        config = load_config(resolve_config_path(config_arg))
    except ConfigError as exc:
        print(f"dev_run: {exc}", file=sys.stderr)
        return 2
    if not config.hub.local_hub or config.hub.url:
        return subprocess.call(kiosk)
    try:
        from central.local import LocalHub
    except ModuleNotFoundError:
        print("dev_run: the hub package is not installed: the kiosk runs offline", file=sys.stderr)
        return subprocess.call(kiosk)
    data_dir = paths.data_dir(config.data_dir)
    url_file = data_dir / HUB_URL_FILE
    hub = LocalHub(data_dir / "hub", demo_code=DEMO_CODE).start()
    print(f"dev_run: demo hub at {hub.url} (log {hub.log_path})", file=sys.stderr)
    try:
        url_file.write_text(hub.url + "\n", encoding="utf-8")
        return subprocess.call(kiosk)
    finally:
        url_file.unlink(missing_ok=True)  # the hub is gone: a later kiosk must not look for it there
        hub.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
