"""Kiosk routes: the official billers list (conditional GET with an ETag) and the amount due by customer code."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Header, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from central.api import KioskDep, _db, _path_text
from central.billers import store
from central.billers.adapter import LookupFailed
from central.problems import Problem
from core.bills import BillersList

log = logging.getLogger(__name__)
router = APIRouter(prefix="/v1")


@router.get("/billers", summary="The official billers list (empty until the ward publishes one)")
def billers(request: Request, kiosk: KioskDep, if_none_match: str | None = Header(default=None)) -> Response:
    published = store.latest(_db(request))
    if published is None:
        return JSONResponse({"version": 0, **BillersList().as_json()}, headers={"Cache-Control": "no-cache"})
    headers = {"ETag": published.etag, "Cache-Control": "no-cache"}
    if if_none_match and published.etag in [tag.strip() for tag in if_none_match.split(",")]:
        return Response(status_code=304, headers=headers)
    return JSONResponse({"version": published.version, **published.billers.as_json()}, headers=headers)


@router.get("/billers/{biller_id}/due/{customer_code}", summary="Amount due by customer code (bill-lookup/1)")
async def amount_due(request: Request, kiosk: KioskDep, biller_id: str, customer_code: str) -> JSONResponse:
    biller_id, customer_code = _path_text(biller_id), _path_text(customer_code)
    published = await run_in_threadpool(store.latest, _db(request))
    biller = published.billers.by_id(biller_id) if published else None
    adapter = request.app.state.biller_adapters.get(biller_id)
    if biller is None or adapter is None:
        raise Problem(404, "no-biller-lookup", detail="This biller is not listed or offers no look-up.")
    try:
        due = await run_in_threadpool(adapter.lookup, customer_code)
    except ValueError:
        raise Problem(422, "bad-customer-code", detail="A customer code is 3-30 letters, digits or '-'.") from None
    except LookupFailed as exc:
        log.warning("biller %s look-up failed: %s", biller_id, exc)
        raise Problem(502, "biller-unavailable", detail="The biller's service did not answer.") from None
    if due is None:
        raise Problem(404, "nothing-due", detail="No bill is due for this customer code.")
    return JSONResponse({"biller_id": biller_id, "customer_code": due.customer_code, "amount": due.amount,
                         "period": due.period})
