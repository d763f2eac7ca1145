"""A static check, no run-time code: mypy proves that every facade class offers the Protocol screens are typed with.

It lives in the app package because the app is the one place that knows both the facades (kiosk.services,
screens.receipt.station_cache) and the seams (kiosk.services.protocols).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.services.catalogue import CatalogueUpdates
    from kiosk.services.consult import ConsultService
    from kiosk.services.diagnostics import DiagnosticsService
    from kiosk.services.health import HealthService
    from kiosk.services.hub import HubService
    from kiosk.services.printer import PrinterService
    from kiosk.services.protocols import (
        CatalogueUpdatesApi,
        ConsultApi,
        DiagnosticsApi,
        HealthApi,
        HubApi,
        PrinterApi,
        ScannerApi,
        StationCacheApi,
        StorageApi,
        SubmitApi,
        SyncApi,
        VoiceApi,
    )
    from kiosk.services.scanner import ScannerService
    from kiosk.services.storage import StorageService
    from kiosk.services.submit import SubmitPipeline
    from kiosk.services.sync import SyncService
    from kiosk.services.voice import VoiceService
    from screens.receipt.station_cache import StationCache

    Seams = tuple[StorageApi, SyncApi, HubApi, PrinterApi, ScannerApi, HealthApi, SubmitApi, StationCacheApi, VoiceApi,
                  DiagnosticsApi, ConsultApi, CatalogueUpdatesApi]

    def _conforms(storage: StorageService, sync: SyncService, hub: HubService, printer: PrinterService,
                  scanner: ScannerService, health: HealthService, submit: SubmitPipeline,
                  cache: StationCache, voice: VoiceService, diagnostics: DiagnosticsService,
                  consult: ConsultService, updates: CatalogueUpdates) -> Seams:
        return storage, sync, hub, printer, scanner, health, submit, cache, voice, diagnostics, consult, updates
