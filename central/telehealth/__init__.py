"""Video consultations from the kiosk's health corner to an on-duty health worker (signalling only; issue 18)."""

from __future__ import annotations

from typing import Any

from central.config import HubConfig
from central.db import Database
from central.telehealth import models as models  # the tables belong to the hub's metadata (migrations check)


def install(app: Any, config: HubConfig, db: Database) -> None:
    from central.telehealth import store
    from central.telehealth.router import router
    from central.telehealth.switchboard import Switchboard

    store.end_all_shifts(db)  # nobody is connected to a process that just started
    app.state.switchboard = Switchboard(db, config.ice_servers_json(), config.telehealth_duty_hours,
                                        config.telehealth_grace_seconds)
    app.include_router(router)
