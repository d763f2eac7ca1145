"""The official billers list (issue 19): published by the ward, served to kiosks with an ETag, and the look-up
adapters of billers that tell the amount due by customer code.

``install(app)`` adds the kiosk routes; ``kiosk-hub billers publish FILE`` publishes a list (core.bills format).
"""

from __future__ import annotations

from typing import Any


def install(app: Any, adapters: dict[str, Any] | None = None) -> None:
    from central.billers.api import router

    app.state.biller_adapters = dict(adapters or {})
    app.include_router(router, tags=["billers"])
