"""The BHYT screens speak and read as the resident sees them: "Nghe hướng dẫn" reads the step's title and
instruction (the typing page its own instruction), in Vietnamese first and in English; an officer's case page shows
the household in words (tests/bhyt/test_office.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.voice.test_guidance import VIETNAMESE, _with_voice

SCREENS = {"bhyt": "Bảo hiểm y tế hộ gia đình. Vui lòng chọn",
           "bhyt.members": "Những người tham gia bảo hiểm y tế. Vui lòng thêm từng người",
           "bhyt.member": "Thêm người. Vui lòng nhập họ và tên",  # the sample opens the typing page
           "bhyt.quote": "Thời hạn và số tiền đóng. Vui lòng chọn số tháng"}
ENGLISH = {"bhyt": "Family health insurance. Please choose", "bhyt.members": "Household members to cover. Please",
           "bhyt.member": "Add a person. Please type", "bhyt.quote": "Period and contribution. Please choose"}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_each_screen_reads_its_title_and_instruction(make_app, language) -> None:
    app = make_app()
    app.set_language(language)
    for screen_id, start in (SCREENS if language == "vi" else ENGLISH).items():
        screen = app.navigator.screen(screen_id)
        app.flow.go(screen_id, screen.sample_params())
        text = screen.spoken_text()
        assert text.startswith(start), (screen_id, text)
        assert bool(VIETNAMESE.search(text)) == (language == "vi")


def test_the_listen_button_reads_the_scan_then_the_typing_instruction(make_app, qtbot) -> None:
    app = make_app()
    voice = _with_voice(app)
    app.flow.go("bhyt.member")
    screen = app.navigator.current
    listen = app.window.header.listen
    with qtbot.waitSignal(voice.spoken, timeout=20000) as spoken:
        qtbot.mouseClick(listen, Qt.MouseButton.LeftButton)
    assert spoken.args[0] == "Thêm người. Vui lòng đưa thẻ căn cước của chính người này trước máy ảnh."
    qtbot.mouseClick(screen.scan.manual_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not voice.speaking, timeout=30000)  # a press while it reads would stop the reading
    with qtbot.waitSignal(voice.spoken, timeout=20000) as spoken:
        qtbot.mouseClick(listen, Qt.MouseButton.LeftButton)
    assert spoken.args[0].startswith("Thêm người. Vui lòng nhập họ và tên, số định danh 12 chữ số")
