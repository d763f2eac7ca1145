"""The demo's own sample receipt (BN01-261121-0007) is found by a demo hub (issue 17), never over a real dossier."""

from __future__ import annotations

from fastapi.testclient import TestClient

from core.wire import demo_sample_ref
from devices.printer.samples import sample_receipt
from tests.hub.conftest import enroll, item


def test_a_demo_hub_finds_the_sample_receipt_of_the_station_that_asks(client: TestClient,
                                                                      auth: dict[str, str]) -> None:
    sample = sample_receipt("dossier").local_reference
    assert sample == demo_sample_ref("BN01")
    first = client.get(f"/v1/dossiers/{sample}", headers=auth)
    assert first.status_code == 200 and first.json()["local_ref"] == sample
    assert first.json()["status_label_vi"] == "Đã tiếp nhận"
    assert client.get(f"/v1/dossiers/{sample}", headers=auth).json() == first.json()  # made once
    other = enroll(client, station="BN09")  # another station: its own sample, not BN01's
    assert client.get(f"/v1/dossiers/{sample}", headers=other).status_code == 404
    assert client.get("/v1/dossiers/BN01-261121-0008", headers=auth).status_code == 404  # only the sample


def test_a_real_dossier_with_the_sample_reference_is_the_one_answered(client: TestClient,
                                                                      auth: dict[str, str]) -> None:
    sent = client.post("/v1/submissions", json={"items": [item(local_ref=demo_sample_ref("BN01"))]}, headers=auth)
    real = sent.json()["results"][0]["reference"]
    answer = client.get(f"/v1/dossiers/{demo_sample_ref('BN01')}", headers=auth).json()
    assert answer["reference"] == real and answer["fee"] == {"amount": 20000, "paid": False}
