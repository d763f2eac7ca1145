"""Kiosk route: redeem a prepared dossier's QR once (the answers, then the draft is deleted)."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from central.api import KioskDep, _db
from central.prepare import store
from central.problems import Problem
from core.formats.prepared import DraftError

log = logging.getLogger(__name__)
router = APIRouter(prefix="/v1")


class RedeemRequest(BaseModel):
    code: str = Field(max_length=200)  # the scanned QR text, untrusted


@router.post("/drafts/redeem", summary="A prepared dossier's answers, once; the draft is deleted")
async def redeem(body: RedeemRequest, request: Request, kiosk: KioskDep) -> dict[str, Any]:
    try:
        found = await run_in_threadpool(store.redeem, _db(request), body.code)
    except DraftError as exc:
        log.warning("kiosk %s: prepared draft refused (%s)", kiosk.id, exc.code)
        if exc.code == "draft.expired":
            raise Problem(410, "draft-expired", detail="This prepared dossier has expired.") from None
        raise Problem(422, "draft-invalid", detail="This is not a valid prepared-dossier code.") from None
    except store.DraftGone:
        raise Problem(404, "draft-used", detail="This prepared dossier was already used or deleted.") from None
    log.info("kiosk %s redeemed a prepared draft for procedure %s", kiosk.id, found.procedure_code)
    return {"procedure_code": found.procedure_code, "answers": found.answers}
