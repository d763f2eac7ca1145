"""``kiosk receipt render`` and ``kiosk printer test``: the technician's view of the printer."""

from __future__ import annotations

import pytest
from PIL import Image

from kiosk.cli import main
from tests.printer.escpos_decode import decode
from tests.printer.helpers import qr_texts


def config_file(tmp_path, **printer) -> str:
    lines = ["[printer]"] + [f"{k} = {v!r}".replace("'", '"') for k, v in printer.items()]
    path = tmp_path / "kiosk.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("sample", "width", "lang"), [("dossier", 576, "vi"), ("payment", 384, "vi"),
                                                        ("report", 576, "en"), ("health", 384, "en")])
def test_render_writes_the_printer_bytes_and_a_preview(tmp_path, capsys, sample, width, lang):
    out, png = tmp_path / "r.bin", tmp_path / "r.png"
    rc = main(["--config", config_file(tmp_path), "receipt", "render", "--sample", sample, "--width", str(width),
               "--lang", lang, "--out", str(out), "--png", str(png)])
    assert rc == 0
    data = out.read_bytes()
    assert decode(data).cuts == 1
    assert len(qr_texts(data, width)) == 1
    with Image.open(png) as preview:
        assert preview.width == width
    assert f"{width} dots" in capsys.readouterr().out


def test_printer_test_page_on_the_simulated_printer(tmp_path, capsys):
    out = tmp_path / "test.bin"
    assert main(["--config", config_file(tmp_path), "printer", "test", "--out", str(out)]) == 0
    assert qr_texts(out.read_bytes(), 576) == ["TCDS|TEST|Trạm công dân số"]
    assert "test page sent" in capsys.readouterr().out


@pytest.mark.parametrize(("printer", "words"), [
    ({"simulated_mode": "paper_out"}, "paper_out"),
    ({"simulated_mode": "offline"}, "offline"),
    ({"kind": "none"}, "no printer configured"),
    ({"kind": "network", "host": "127.0.0.1", "port": 9}, "offline"),
])
def test_printer_test_fails_loudly(tmp_path, capsys, printer, words):
    assert main(["--config", config_file(tmp_path, **printer), "printer", "test"]) == 1
    err = capsys.readouterr().err
    assert words in err


def test_printer_status(tmp_path, capsys):
    assert main(["--config", config_file(tmp_path), "printer", "status"]) == 0
    assert "paper ok" in capsys.readouterr().out
    assert main(["--config", config_file(tmp_path, simulated_mode="offline"), "printer", "status"]) == 1


@pytest.mark.parametrize("width", [384, 576])
def test_render_is_exactly_what_the_printer_gets(tmp_path, width):
    from devices.printer.driver import PrinterDriver
    from devices.printer.samples import sample_receipt
    from tests.printer.conftest import make_config

    out = tmp_path / "r.bin"
    assert main(["--config", config_file(tmp_path, paper_width_dots=width), "receipt", "render",
                 "--sample", "health", "--out", str(out)]) == 0
    driver = PrinterDriver(make_config(paper_width_dots=width).printer)
    driver.print_receipt(sample_receipt("health"))
    assert driver.last_output == out.read_bytes()
