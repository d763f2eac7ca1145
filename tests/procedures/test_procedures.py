"""Procedures as a resident meets them: browse a field, read a procedure, search with the on-screen keyboard,
scan a poster's QR code (official → opens, anything else → warned and never opened)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLabel

from core.formats import Kind
from tests.citizen.conftest import click, press_keys, texts

OFFICIAL = "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.004222"
FAKE = "https://dichvucong.gov.vn.thanhtoan-lephi.com/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.004222"


def qr_text(pixmap) -> str:
    import io

    import zxingcpp
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(bytes(buffer.data()))))
    return found[0].text if found else ""


def current(app) -> str:
    return app.navigator.current.screen_id


def test_browse_a_field_and_read_the_fees_and_forms(make_app, qtbot) -> None:
    app = make_app()
    click(qtbot, app.home_screen.tiles["procedures"])
    start = app.navigator.current
    assert current(app) == "procedures"
    assert "Thủ tục hành chính" in texts(start)
    button = start.field_buttons["cu_tru"]
    assert button.title.text() == "Đăng ký, quản lý cư trú" and "6" in button.subtitle.text()
    click(qtbot, button)
    listing = app.navigator.current
    assert current(app) == "procedures.list" and listing.heading.text() == "Đăng ký, quản lý cư trú"
    click(qtbot, listing.items["1.004222"])
    detail = app.navigator.current
    assert current(app) == "procedures.detail"
    shown = "\n".join(texts(detail))
    assert "Đăng ký thường trú" in shown
    assert "Nộp trực tiếp: lệ phí 20.000 đ" in shown and "Nộp trực tuyến: lệ phí 10.000 đ" in shown
    assert "Mẫu: CT01" in shown and "Bản chính: 1" in shown
    assert "Cập nhật ngày 21/11/2026" in shown
    assert qr_text(detail.qr.pixmap()) == OFFICIAL, "the phone gets the official page (read by zxing-cpp)"
    # the big scroll buttons move the page
    assert detail.panel.down.isEnabled()
    click(qtbot, detail.panel.down)
    assert detail.panel.area.verticalScrollBar().value() > 0
    click(qtbot, detail.submit)
    assert current(app) == "dossier"
    assert app.flow.flow.params == {"code": "1.004222"}


def test_detail_in_english_and_unknown_code(make_app, qtbot) -> None:
    app = make_app()
    app.flow.go("procedures.detail", {"code": "1.004222"})
    click(qtbot, app.window.header.language)
    detail = app.navigator.current
    shown = "\n".join(texts(detail))
    assert detail.heading.text() == "Register permanent residence"
    assert "In person: fee 20.000 đ" in shown and "Apply for this procedure" in shown
    app.flow.go("procedures.detail", {"code": "9.999999"})
    assert detail.heading.text() == "Procedure not found" and not detail.submit.isVisible()


def test_search_by_typing_on_the_keyboard(make_app, qtbot) -> None:
    app = make_app()
    click(qtbot, app.home_screen.tiles["procedures"])
    click(qtbot, app.navigator.current.search_button)
    search = app.navigator.current
    assert current(app) == "procedures.search"
    press_keys(qtbot, search.keyboard, "dang ky thuong tru")
    assert search.query.text() == "dang ky thuong tru"
    assert next(iter(search.results)) == "1.004222"
    click(qtbot, search.keyboard.keys["clear"])
    press_keys(qtbot, search.keyboard, "ddawng kys thuwowngf trus")  # Telex: "đăng ký thường trú"
    assert search.query.text() == "đăng ký thường trú"
    assert next(iter(search.results)) == "1.004222"
    click(qtbot, search.results["1.004222"])
    assert current(app) == "procedures.detail" and app.navigator.current.code == "1.004222"


def test_scanning_an_official_link_opens_its_detail(scanner_app, qtbot) -> None:
    app = scanner_app()
    click(qtbot, app.home_screen.tiles["procedures"])
    click(qtbot, app.navigator.current.scan_button)
    assert current(app) == "procedures.scan"
    scanner = app.ctx.services.scanner
    assert scanner.active
    scanner.inject(OFFICIAL)
    assert current(app) == "procedures.detail" and app.navigator.current.code == "1.004222"
    assert not scanner.active, "leaving the scan screen releases the camera"


def test_a_portal_id_is_mapped_and_an_unknown_code_is_said_so(scanner_app, qtbot) -> None:
    app = scanner_app()
    app.flow.go("procedures.scan")
    scan = app.navigator.current
    app.ctx.services.scanner.inject("9.999999")  # well-formed, official shape, not in our catalogue
    assert current(app) == "procedures.scan"
    assert scan.message.isVisible() and "chưa có trong danh mục" in scan.message.text()
    app.ctx.services.scanner.inject("https://dichvucong.bocongan.gov.vn/bocongan/bothutuc/tthc?matt=26052")
    assert current(app) == "procedures.detail" and app.navigator.current.code == "2.000200"


def test_a_non_official_link_is_warned_about_and_never_opened(scanner_app, qtbot) -> None:
    app = scanner_app()
    app.flow.go("procedures.scan")
    scan = app.navigator.current
    for text in (FAKE, "http://dichvucong.gov.vn/p/home/dvc.html?ma_thu_tuc=1.004222", "https://bit.ly/3abc"):
        app.ctx.services.scanner.inject(text)
        assert current(app) == "procedures.scan"
        assert scan.scan.feedback_code == "not_official"
        assert scan.scan.feedback.isVisible() and "không phải mã chính thức" in scan.scan.feedback.text().lower()


def test_the_simulated_camera_reads_a_poster_code(scanner_app, qtbot) -> None:
    app = scanner_app(camera={"kind": "simulated"})
    app.flow.go("procedures.scan")
    scanner = app.ctx.services.scanner
    qtbot.waitUntil(lambda: scanner.state.value == "ready", timeout=20000)
    scanner.show_payload("https://dichvucong.bocongan.gov.vn/bocongan/bothutuc/tthc?matt=29497")
    qtbot.waitUntil(lambda: current(app) == "procedures.detail", timeout=20000)
    assert app.navigator.current.code == "1.001456"


def test_no_camera_offers_typing_instead(make_app, qtbot) -> None:
    app = make_app()  # no services at all: no scanner
    app.flow.go("procedures.scan")
    scan = app.navigator.current.scan
    assert scan.missing.isVisible()
    click(qtbot, scan.manual_button)
    assert current(app) == "procedures.search"
    assert Kind.PROCEDURE  # the purpose the scan screen asks for


def test_large_text_grows_the_procedure_texts_too(make_app, qtbot) -> None:
    app = make_app()
    app.flow.go("procedures")
    title = app.navigator.current.field_buttons["cu_tru"].title
    normal = title.fontInfo().pixelSize()
    click(qtbot, app.window.header.large_text)
    assert title.fontInfo().pixelSize() > normal
    app.flow.home("timeout")
    app.flow.go("procedures")
    assert app.navigator.current.field_buttons["cu_tru"].title.fontInfo().pixelSize() == normal


PORTAL_CODE = re.compile(r"\b\d\.\d{6}\b")


def test_residents_never_see_portal_codes(make_app, qtbot) -> None:
    """List rows, the detail page and search results name procedures in words; "1.004222" is for staff."""
    app = make_app()
    app.flow.go("procedures.list", {"field": "cu_tru"})
    listing = app.navigator.current
    assert listing.items and "Lệ phí: 10.000 đ – 20.000 đ" in texts(listing)
    app.flow.go("procedures.search", {"query": "dang ky thuong tru"})
    search = app.navigator.current
    app.flow.go("procedures.detail", {"code": "1.004222"})
    detail = app.navigator.current
    for screen in (listing, search, detail):
        shown = "\n".join(texts(screen))
        assert not PORTAL_CODE.search(shown), (screen.screen_id, PORTAL_CODE.findall(shown))
    app.flow.go("procedures.search", {})
    assert not PORTAL_CODE.search(app.navigator.current.status.text())  # the typing hint names no code


def test_the_detail_page_opens_with_what_to_bring_the_fee_the_time_and_where(make_app, qtbot) -> None:
    app = make_app()
    app.window.show_kiosk()
    app.flow.go("procedures.detail", {"code": "1.004222"})
    detail = app.navigator.current
    qtbot.waitUntil(lambda: detail.panel.area.viewport().height() > 100)
    first = detail.panel.body.itemAt(0).widget()
    assert first.objectName() == "SummaryCard"
    lines = [w.text() for w in first.findChildren(QLabel, "SummaryLine")]
    assert [line.split(":")[0] for line in lines] == ["Mang theo", "Lệ phí", "Thời hạn giải quyết", "Nơi nộp"]
    assert "Tờ khai thay đổi thông tin cư trú" in lines[0]
    assert lines[1] == "Lệ phí: Nộp trực tiếp 20.000 đ · Nộp trực tuyến 10.000 đ"
    assert "Công an cấp xã" in lines[3]
    # above the fold: the whole summary is in view before any scrolling, the opening hours are not
    viewport = detail.panel.area.viewport()
    assert detail.panel.area.verticalScrollBar().value() == 0
    assert first.geometry().bottom() <= viewport.height()
    hours = next(w for w in detail.panel.area.widget().findChildren(QLabel) if "Giờ hành chính" in w.text())
    assert hours.mapTo(detail.panel.area.widget(), hours.rect().topLeft()).y() > first.geometry().bottom()


def test_search_puts_the_exact_title_first_and_says_nothing_found(make_app) -> None:
    app = make_app()
    app.flow.go("procedures.search", {"query": "dang ky thuong tru"})
    search = app.navigator.current
    codes = list(search.results)
    assert codes[0] == "1.004222"
    assert all(search.catalogue.get(c).field == "cu_tru" for c in codes)  # no passport procedure
    app.flow.go("procedures.search", {"query": "gia vang hom nay"})
    assert search.results == {} and search.status.text().startswith("Không tìm thấy")
