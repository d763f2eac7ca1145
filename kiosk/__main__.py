"""Entry point: ``python -m kiosk`` and the ``kiosk`` console script."""

from __future__ import annotations

import sys


def main() -> None:
    import multiprocessing

    # in the frozen bundle, the receipt render helper (devices.printer.render_pool) is this same executable:
    # freeze_support() makes it run the helper's code and not a second kiosk (a no-op outside a bundle)
    multiprocessing.freeze_support()
    from kiosk.cli import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
