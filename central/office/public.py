"""The public status page a resident opens on a phone: /s/{submission id}. No sign-in; the unguessable
submission UUID (printed in the receipt's QR) is the key, so references cannot be walked one by one. Shows status,
the officer's note and the next step — never a name, an ID number, an address or a field of the form."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from starlette.responses import Response

from central.office import queries
from central.office.render import page

router = APIRouter(tags=["public"])


@router.get("/s/{submission_id}", summary="Public, mobile status page of one submission")
def public_status(submission_id: str, request: Request) -> Response:
    try:
        key = str(uuid.UUID(submission_id[:40]))
    except ValueError:
        key = ""
    c = queries.by_uuid(request.app.state.db, key) if key else None
    if c is None or c.row.kind not in ("dossier", "report"):
        response = page(request, "public_status.html", status_code=404, c=None, latest=None)
    else:
        latest_note = next((e for e in reversed(c.events) if e.note), None)
        response = page(request, "public_status.html", c=c, latest=c.events[-1] if c.events else None,
                        latest_note=latest_note)
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex"
    return response
