"""What every area gets when it installs itself into the app: config, threads, bus, services.

An area (procedures, dossier, health, ...) provides ``install(ctx: AppContext) -> None`` that
builds its screens, adds them to ``ctx.navigator`` and wires its journey controller to the
services. Services are GUI-thread facades over worker threads (callbacks run on the GUI thread).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.threads import ThreadOwner
    from kiosk.bus import AppBus
    from kiosk.config import KioskConfig
    from kiosk.flow_controller import FlowController
    from screens.shell.navigator import Navigator


@dataclass
class Services:
    """Facades filled in by the composition root; None when an area is not installed."""

    storage: Any = None  # kiosk.services.storage.StorageService
    sync: Any = None  # kiosk.services.sync.SyncService
    hub: Any = None  # kiosk.services.hub.HubService
    printer: Any = None  # kiosk.services.printer.PrinterService
    scanner: Any = None  # kiosk.services.scanner.ScannerService
    health: Any = None  # kiosk.services.health.HealthService
    consult: Any = None  # kiosk.services.consult.ConsultService (video consultation)
    catalogue: Any = None  # core.catalogue.Catalogue (pure; loaded at start, switched between visits)
    catalogue_updates: Any = None  # kiosk.services.catalogue.CatalogueUpdates


@dataclass
class AppContext:
    config: KioskConfig
    data_dir: Path
    threads: ThreadOwner
    bus: AppBus
    navigator: Navigator
    flow: FlowController
    services: Services = field(default_factory=Services)
