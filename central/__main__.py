"""Entry point: ``python -m central`` and the ``kiosk-hub`` console script (main thread of the hub process)."""

from __future__ import annotations

import sys


def main() -> None:
    from central.cli import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
