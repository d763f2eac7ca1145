"""The procedures residents come to the ward for (curated catalogue entries) and the VNeID tile, as a resident meets
them: a fact the catalogue leaves out reads "Vui lòng hỏi cán bộ" (never "Chưa rõ" or a guess), each fact shown has
its legal source on the page, the VNeID tile opens its guidance, which "Nghe hướng dẫn" reads in the language on
screen, and its buttons open the two catalogue entries."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from tests.citizen.conftest import click, texts
from tests.voice.test_guidance import VIETNAMESE, _with_voice

ASK = "Vui lòng hỏi cán bộ"


def summary_lines(detail) -> list[str]:
    card = detail.panel.body.itemAt(0).widget()
    assert card.objectName() == "SummaryCard"
    return [w.text() for w in card.findChildren(QLabel, "SummaryLine")]


def page_text(detail) -> str:
    return "\n".join(w.text() for w in detail.panel.area.widget().findChildren(QLabel))


def test_missing_facts_say_please_ask_the_staff(make_app, qtbot) -> None:
    app = make_app()
    app.window.show_kiosk()
    app.flow.go("procedures.detail", {"code": "9.000005"})  # vehicle registration: nothing could be cited
    detail = app.navigator.current
    assert detail.heading.text() == "Đăng ký xe"
    lines = summary_lines(detail)
    assert [line.split(": ", 1)[1] for line in lines] == [ASK] * 4  # bring, fee, how long, where
    text = page_text(detail)
    assert "Chưa rõ" not in text and "Chưa có thông tin" not in text
    assert not detail.submit.isVisible()  # no form for a curated procedure: nothing to submit here
    app.set_language("en")
    assert [line.split(": ", 1)[1] for line in summary_lines(app.navigator.current)] == ["Please ask the staff"] * 4


def test_a_cited_fact_is_shown_with_its_legal_source(make_app, qtbot) -> None:
    app = make_app()
    app.window.show_kiosk()
    app.flow.go("procedures.detail", {"code": "9.000006"})  # certified copies
    detail = app.navigator.current
    lines = summary_lines(detail)
    assert "2.000 đồng/trang" in lines[1] and "Thông tư 226/2016/TT-BTC" in lines[1]
    assert "15 giờ" in lines[2] and "Ủy ban nhân dân cấp xã" in lines[3]
    text = page_text(detail)
    assert "Nguồn của từng thông tin" in text
    assert "Lệ phí: Thông tư 226/2016/TT-BTC" in text and "(11/11/2016), Điều 4" in text
    assert "Thời hạn giải quyết: Nghị định 23/2015/NĐ-CP" in text and "(16/02/2015), Điều 7" in text
    assert "Nhóm vận hành trạm viết lại" in text  # labelled as our wording, not the portal's


def test_birth_registration_fee_and_time_from_the_law(make_app, qtbot) -> None:
    app = make_app()
    app.flow.go("procedures.detail", {"code": "9.000001"})
    lines = summary_lines(app.navigator.current)
    assert "Miễn lệ phí khi đăng ký khai sinh đúng hạn" in lines[1]
    assert "Ngay sau khi nhận đủ giấy tờ" in lines[2]
    assert "Giấy chứng sinh" in lines[0]


def test_the_vneid_tile_opens_its_guidance_and_the_catalogue_entries(make_app, qtbot) -> None:
    app = make_app()
    click(qtbot, app.home_screen.tiles["vneid"])
    screen = app.navigator.current
    assert screen.screen_id == "vneid"
    shown = "\n".join(texts(screen))
    assert "Công an phường" in shown and "thẻ căn cước gắn chíp" in shown
    assert "Nghị định 69/2024/NĐ-CP quy định về định danh và xác thực điện tử (25/06/2024)" in shown
    click(qtbot, screen.activate_button)
    assert app.navigator.current.screen_id == "procedures.detail"
    assert app.navigator.current.heading.text().startswith("Đăng ký, kích hoạt tài khoản định danh điện tử mức độ 2")
    click(qtbot, app.window.nav_bar.back)
    click(qtbot, screen.look_up_button)
    assert app.navigator.current.heading.text().startswith("Tra cứu kết quả")


def test_listen_reads_the_vneid_guidance_in_the_language_on_screen(make_app, qtbot) -> None:
    app = make_app()
    voice = _with_voice(app)
    click(qtbot, app.home_screen.tiles["vneid"])
    with qtbot.waitSignal(voice.spoken, timeout=20000) as spoken:
        click(qtbot, app.window.header.listen)
    said = spoken.args[0]
    assert said.startswith("Định danh điện tử VNeID") and "Công an phường" in said and "tin nhắn" in said
    with qtbot.waitSignal(voice.speech_ended, timeout=5000):
        click(qtbot, app.window.header.listen)
    app.set_language("en")
    with qtbot.waitSignal(voice.spoken, timeout=20000) as spoken:
        click(qtbot, app.window.header.listen)
    assert spoken.args[0].startswith("VNeID electronic ID") and "ward (commune) police" in spoken.args[0]
    assert not VIETNAMESE.search(spoken.args[0])


def test_the_dossier_picker_offers_only_procedures_with_a_form(make_app, qtbot) -> None:
    app = make_app(services=True)  # the picker lists the catalogue service's procedures
    click(qtbot, app.home_screen.tiles["dossier"])
    picker = app.navigator.screen("dossier")
    listed = [picker.list.item(i).text() for i in range(picker.list.count())]
    assert "Đăng ký thường trú" in listed and picker.pages.currentWidget() is picker.list
    assert "Đăng ký khai sinh" not in listed and "Đăng ký xe" not in listed  # curated: no form to fill yet
