"""The build tool: facts read from the real portal pages, determinism, and the committed JSON being current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.catalogue.conftest import REPO, page

OUT = REPO / "core" / "assets" / "catalogue" / "procedures.json"
OVERLAY = REPO / "core" / "assets" / "catalogue" / "overlay.json"


def test_committed_catalogue_equals_a_fresh_build(build_tool, pages_dir: Path) -> None:
    fresh = build_tool.render(build_tool.build(pages_dir, OVERLAY))
    assert OUT.read_bytes() == fresh, "core/assets/catalogue/procedures.json is stale: run tools/build_catalogue.py"


def test_building_twice_gives_identical_bytes(build_tool, pages_dir: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    for out in (a, b):
        assert build_tool.main(["--pages", str(pages_dir), "--out", str(out)]) == 0
    assert a.read_bytes() == b.read_bytes()
    assert build_tool.main(["--pages", str(pages_dir), "--out", str(a), "--check"]) == 0


def test_every_page_is_in_the_catalogue(catalogue, pages_dir: Path) -> None:
    codes = sorted(p.stem.removeprefix("doc_congdan_") for p in pages_dir.glob("doc_congdan_*.txt"))
    assert len(codes) >= 22
    assert [p.code for p in catalogue.all() if p.origin == "portal"] == codes


def test_permanent_residence_fees_per_channel_and_form(catalogue, pages_dir: Path) -> None:
    text = page(pages_dir, "1.004222")
    assert "Phí: 20.000 Đồng" in text and "Phí: 10.000 Đồng" in text  # the oracle is the page itself
    p = catalogue.get("1.004222")
    assert p.name_vi == "Đăng ký thường trú"
    assert p.fee("in_person") == 20000
    assert p.fee("online") == 10000
    assert [f.amount for f in p.channel("in_person").fees] == [20000, 0]  # 0 = the "Miễn phí" exempt case
    assert "CT01" in p.forms
    declaration = p.required_documents[0]
    assert declaration.forms == ("CT01",) and (declaration.original, declaration.copies) == (1, 0)
    assert "Thông tư số 66/2023/TT-BCA" in p.legal_basis
    assert p.portal_ids["mps"] == "26360"


def test_temporary_residence_has_three_fee_lines_per_channel(catalogue, pages_dir: Path) -> None:
    assert "Phí: 15.000 Đồng" in page(pages_dir, "1.004194")
    p = catalogue.get("1.004194")
    assert [f.amount for f in p.channel("in_person").fees] == [10000, 15000, 0]
    assert [f.amount for f in p.channel("online").fees] == [5000, 7000, 0]
    assert "Nghị định 154/2024/NĐ-CP" in p.legal_basis


def test_provincial_passport_fees_forms_and_post_channel(catalogue, pages_dir: Path) -> None:
    assert "Phí: 160000 Đồng" in page(pages_dir, "1.001456")
    p = catalogue.get("1.001456")
    assert {c.kind for c in p.channels} == {"in_person", "online", "post"}
    assert [f.amount for f in p.channel("online").fees] == [160000, 200000]
    assert p.forms == ("TK01", "TK01a")
    assert p.admin_level == "province" and p.field == "xuat_nhap_canh"
    assert p.portal_ids["mps"] == "29497"


def test_lost_passport_deadline_form_and_no_fee(catalogue, pages_dir: Path) -> None:
    text = page(pages_dir, "1.001445")
    assert "Trong thời hạn 02 ngày làm việc" in text and "Phí:" not in text
    p = catalogue.get("1.001445")
    assert p.forms == ("TK05",)
    assert p.conditions[0].startswith("Trong thời hạn 02 ngày làm việc kể từ ngày phát hiện hộ chiếu")
    assert all(c.fees == () for c in p.channels)
    assert p.channel("online").processing_time.startswith("01 ngày làm việc")


def test_id_card_steps_forms_and_unpriced_fee(catalogue, pages_dir: Path) -> None:
    assert "Bước 7: Nhận kết quả" in page(pages_dir, "2.000200")
    p = catalogue.get("2.000200")
    assert len(p.steps) == 7 and p.steps[6].startswith("Nhận kết quả")
    assert p.forms == ("CC01", "DC01", "DC02")
    assert p.fee("in_person") is None  # the page prints "Lệ phí: Đồng" with no figure: unknown, not free
    assert p.agency_printed == "Phòng cảnh sát quản lý hành chính về trật tự xã hội"


def test_central_passport_time_limit_and_guest_notice_deadline(catalogue) -> None:
    p = catalogue.get("1.001471")
    limit = "Không quá 05 ngày làm việc kể từ ngày nhận đầy đủ hồ sơ theo quy định."
    assert p.channel("in_person").processing_time == limit
    assert len(p.processing_times) == 2  # 05 days normally, 03 days for the cases of Điều 15 khoản 4
    confirm = catalogue.get("2.001178")  # one block printed for all channels: 07 or 03 working days
    assert len(confirm.processing_times) == 1
    assert confirm.processing_times[0].startswith("Thời hạn giải quyết: 07 ngày làm việc")
    notice = catalogue.get("2.001159")
    assert "trước 23 giờ" in notice.conditions[0]
    assert {c.kind for c in notice.channels} == {"in_person", "online"}


def test_overlay_and_pages_cover_the_same_codes(pages_dir: Path) -> None:
    overlay = json.loads(OVERLAY.read_text(encoding="utf-8"))
    codes = {p.stem.removeprefix("doc_congdan_") for p in pages_dir.glob("doc_congdan_*.txt")}
    assert set(overlay["procedures"]) == codes


def test_pages_are_read_from_the_repository(build_tool) -> None:
    assert build_tool.default_pages_dir() == REPO / "tests" / "data" / "procedures"
    assert len(list(build_tool.default_pages_dir().glob("doc_congdan_*.txt"))) == 22


def test_a_page_without_overlay_entry_is_refused(build_tool, pages_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "doc_congdan_9.999999.txt").write_text(page(pages_dir, "1.004222"), encoding="utf-8")
    with pytest.raises(SystemExit, match=r"9\.999999"):
        build_tool.build(tmp_path, OVERLAY)
