"""What every area gets when it installs itself into the app: config, threads, bus, navigator, flow, services.

An area (procedures, dossier, health, ...) provides ``install(ctx: AppContext) -> None`` that builds its
screens, adds them to ``ctx.navigator`` and wires its journey controller to the services. Every field is typed
with a Protocol (kiosk/services/protocols.py): areas depend on what a facade offers, never on its class, and
never on the app that composes them. Services are GUI-thread facades over worker threads (callbacks run on
the GUI thread).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.catalogue import Catalogue
    from core.threads import ThreadOwner
    from kiosk.config import KioskConfig
    from kiosk.services.protocols import (
        BusApi,
        CatalogueUpdatesApi,
        ConsultApi,
        DiagnosticsApi,
        FlowApi,
        HealthApi,
        HubApi,
        NavigatorApi,
        PrinterApi,
        ScannerApi,
        StationCacheApi,
        StorageApi,
        SubmitApi,
        SyncApi,
        VoiceApi,
    )


@dataclass
class Services:
    """Facades filled in by the composition root; None when an area or a device is not on this build."""

    storage: StorageApi | None = None
    sync: SyncApi | None = None
    hub: HubApi | None = None
    printer: PrinterApi | None = None
    scanner: ScannerApi | None = None
    health: HealthApi | None = None
    voice: VoiceApi | None = None
    diagnostics: DiagnosticsApi | None = None
    catalogue: Catalogue | None = None  # pure, loaded at start, switched between visits
    consult: ConsultApi | None = None  # the video consultation (kiosk.services.consult)
    catalogue_updates: CatalogueUpdatesApi | None = None  # hub catalogue switched between visits
    # app-wide, built by the app itself (they exist even before the device facades are started)
    submit: SubmitApi | None = None
    station_cache: StationCacheApi | None = None


@dataclass
class AppContext:
    config: KioskConfig
    data_dir: Path
    threads: ThreadOwner
    bus: BusApi
    navigator: NavigatorApi
    flow: FlowApi
    services: Services = field(default_factory=Services)
