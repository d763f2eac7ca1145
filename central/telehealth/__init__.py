"""Video consultations from the kiosk's health corner to an on-duty health worker (signalling only; issue 18)."""

from __future__ import annotations

from typing import Any

from central.config import HubConfig
from central.db import Database
from central.telehealth import models as models  # the tables belong to the hub's metadata (migrations check)


def install(app: Any, config: HubConfig, db: Database) -> None:
    from central.telehealth.router import router
    from central.telehealth.switchboard import Switchboard

    # No start-up clean-up: other hub processes on the same database may hold sockets (liveness does it).
    app.state.switchboard = Switchboard(db, config.ice_servers_json(), config.telehealth_duty_hours,
                                        config.telehealth_grace_seconds)
    app.include_router(router)
