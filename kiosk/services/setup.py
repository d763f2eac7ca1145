"""Builds the service facades from config. Runs on the GUI thread, at start-up.

A facade whose area is not on this build is left as None; the screens that need it show a
friendly "not available" message instead of failing.
"""

from __future__ import annotations

import importlib
import logging

from kiosk.services.context import AppContext, Services
from kiosk.services.protocols import Startable

log = logging.getLogger(__name__)

# attribute on Services -> (module, class)
FACADES = {
    "storage": ("kiosk.services.storage", "StorageService"),
    "sync": ("kiosk.services.sync", "SyncService"),
    "hub": ("kiosk.services.hub", "HubService"),
    "printer": ("kiosk.services.printer", "PrinterService"),
    "scanner": ("kiosk.services.scanner", "ScannerService"),
    "health": ("kiosk.services.health", "HealthService"),
    "voice": ("kiosk.services.voice", "VoiceService"),
    "consult": ("kiosk.services.consult", "ConsultService"),
}


def build_services(ctx: AppContext, catalogue: bool = True) -> Services:
    """The facades this build has. ``catalogue=False``: the procedure catalogue is left for
    :func:`load_catalogue` (the kiosk loads it after home's first frame, before any area is built)."""
    services = ctx.services
    for name, (module_name, class_name) in FACADES.items():
        if getattr(services, name) is not None:
            continue
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                log.info("service %s not on this build", name)
                continue
            raise
        setattr(services, name, getattr(module, class_name).from_context(ctx))
    if catalogue:
        load_catalogue(ctx)
    return services


def load_catalogue(ctx: AppContext) -> None:
    """The procedure catalogue residents see and its updates from sync (a no-op once loaded).

    Reading, checking and indexing it takes ~0.1 s, none of it needed to show home."""
    services = ctx.services
    if services.catalogue is None and services.catalogue_updates is None:
        try:
            from kiosk.services.catalogue import CatalogueUpdates, load_current
        except ModuleNotFoundError:
            log.info("procedure catalogue not on this build")
        else:
            # the last good version pulled from the hub, else the built-in one; newer ones arrive with sync
            services.catalogue, info = load_current(ctx.data_dir)
            services.catalogue_updates = CatalogueUpdates.from_context(ctx, info)


def start_services(services: Services) -> None:
    facades: dict[str, Startable | None] = {
        "storage": services.storage, "sync": services.sync, "hub": services.hub, "printer": services.printer,
        "scanner": services.scanner, "health": services.health, "voice": services.voice}
    for name, facade in facades.items():
        if facade is not None:
            try:
                facade.start()
            except Exception:  # a device that cannot start must not stop the kiosk (DESIGN §3.4)
                log.exception("service %s failed to start", name)

