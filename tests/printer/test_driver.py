"""The driver over python-escpos: simulated modes, paper status, and real transports (file, TCP, pty serial)."""

from __future__ import annotations

import dataclasses
import os
import pty
import socket
import struct
import threading
import time
import tty

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.printer.driver import PrinterDriver, PrintError, parse_paper_status
from devices.printer.receipt import ReceiptItem
from devices.printer.samples import sample_receipt
from tests.printer.conftest import make_config
from tests.printer.escpos_decode import decode
from tests.printer.helpers import qr_texts


def driver(**printer) -> PrinterDriver:
    return PrinterDriver(make_config(**printer).printer)


@pytest.mark.parametrize(("reply", "status"), [
    (b"\x12", "ok"), (b"\x1e", "near_end"), (b"\x72", "out"), (b"\x7e", "out"),
    (b"", "unknown"), (b"\xff", "unknown"), (b"\x00", "unknown"),
])
def test_paper_status_reply(reply, status):
    assert parse_paper_status(reply) == status


@settings(deadline=None)  # microseconds each, but a loaded CI box can stall any one call
@given(st.binary(max_size=20))
def test_any_status_reply_gives_a_known_value(reply):
    assert parse_paper_status(reply) in ("ok", "near_end", "out", "unknown")


def test_simulated_printer_prints_and_cuts():
    d = driver()
    receipt = sample_receipt("dossier")
    sent = d.print_receipt(receipt)
    assert sent == len(d.last_output) > 0
    assert decode(d.last_output).cuts == 1
    assert qr_texts(d.last_output, 576) == [receipt.qr_payload]
    assert d.paper_status() == "ok"


def test_simulated_paper_out_fails_before_sending_anything():
    d = driver(simulated_mode="paper_out")
    with pytest.raises(PrintError) as err:
        d.print_receipt(sample_receipt("dossier"))
    assert err.value.reason == "paper_out" and err.value.bytes_sent == 0
    assert d.last_output == b""


def test_simulated_offline_fails_with_offline():
    d = driver(simulated_mode="offline")
    with pytest.raises(PrintError) as err:
        d.print_receipt(sample_receipt("dossier"))
    assert err.value.reason == "offline" and err.value.bytes_sent == 0
    assert err.value.retryable


def test_slow_printer_past_its_deadline_times_out_after_sending_bytes():
    d = driver(simulated_mode="slow")
    with pytest.raises(PrintError) as err:
        # 20 chunks at >= 0.05 s each: past 0.5 s for sure, and the first chunk goes even on a stalled machine
        d.print_receipt(sample_receipt("health"), deadline_seconds=0.5)
    assert err.value.reason == "timeout"
    assert err.value.bytes_sent > 0 and not err.value.retryable  # never re-sent automatically


def test_mode_switch_at_runtime():
    d = driver()
    d.print_receipt(sample_receipt("report"))
    d.set_simulated_mode("paper_out")
    assert d.paper_status() == "out"
    d.set_simulated_mode("offline")
    with pytest.raises(PrintError):
        d.print_receipt(sample_receipt("report"))
    d.set_simulated_mode("ok")
    assert d.print_receipt(sample_receipt("report")) > 0
    with pytest.raises(ValueError):
        d.set_simulated_mode("on_fire")


def test_file_printer_gets_the_same_bytes_as_the_dummy(tmp_path):
    device = tmp_path / "lp0"
    device.touch()
    d = driver(kind="file", file_path=str(device))
    assert d.paper_status() == "unknown"  # cannot read a file: unknown stays unknown
    sent = d.print_receipt(sample_receipt("payment"))
    d.close()
    data = device.read_bytes()
    assert len(data) == sent
    assert qr_texts(data, 576) == [sample_receipt("payment").qr_payload]


def test_missing_device_file_is_offline(tmp_path):
    d = driver(kind="file", file_path=str(tmp_path / "no-such-dir" / "lp0"))
    with pytest.raises(PrintError) as err:
        d.print_receipt(sample_receipt("dossier"))
    assert err.value.reason == "offline"


class FakeNetworkPrinter:
    """A TCP peer on 127.0.0.1 that answers DLE EOT 4 with ``status`` and records the rest."""

    def __init__(self, status: bytes | None = b"\x12") -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.status = status
        self.received = bytearray()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.server.accept()
        with conn:
            while chunk := conn.recv(65536):
                if chunk.startswith(b"\x10\x04\x04"):
                    if self.status is not None:
                        conn.sendall(self.status)
                    chunk = chunk[3:]
                self.received += chunk

    def close(self) -> None:
        self.server.close()
        self.thread.join(2)


def test_network_printer_status_and_print():
    peer = FakeNetworkPrinter(b"\x12")
    d = driver(kind="network", host="127.0.0.1", port=peer.port, status_timeout_seconds=1)
    receipt = sample_receipt("dossier")
    sent = d.print_receipt(receipt)
    d.close()
    peer.close()
    assert len(peer.received) == sent  # the receipt; the status query is not counted
    assert qr_texts(bytes(peer.received), 576) == [receipt.qr_payload]


def test_network_printer_reporting_paper_out():
    peer = FakeNetworkPrinter(b"\x72")
    d = driver(kind="network", host="127.0.0.1", port=peer.port, status_timeout_seconds=1)
    with pytest.raises(PrintError) as err:
        d.print_receipt(sample_receipt("dossier"))
    d.close()
    peer.close()
    assert err.value.reason == "paper_out"
    assert bytes(peer.received) == b""


def test_silent_network_printer_status_is_unknown_not_a_hang():
    peer = FakeNetworkPrinter(status=None)
    d = driver(kind="network", host="127.0.0.1", port=peer.port, status_timeout_seconds=0.3)
    d.open()
    assert d.paper_status() == "unknown"
    assert d.paper_status(timeout=30) == "unknown"  # not asked again: answers at once, no waiting reader piles up
    d.close()
    peer.close()


def test_network_printer_dropping_the_connection_mid_receipt_is_not_retryable():
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 2048)  # a printer with a tiny input buffer
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]

    def drop_while_printing() -> None:
        conn, _ = server.accept()
        conn.recv(3)  # the status query
        conn.sendall(b"\x12")
        time.sleep(0.3)  # "printing": reads nothing, so the kiosk's writes back up
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()  # RST: the cable is pulled

    peer = threading.Thread(target=drop_while_printing, daemon=True)
    peer.start()
    # a long report (about 200 kB of raster): more than the socket buffers take while the printer reads nothing
    long_report = dataclasses.replace(sample_receipt("report"),
                                      items=tuple(ReceiptItem(f"Dòng {n}", "Phản ánh đèn đường") for n in range(60)))
    d = driver(kind="network", host="127.0.0.1", port=port, status_timeout_seconds=1)
    with pytest.raises(PrintError) as err:
        d.print_receipt(long_report)
    peer.join(2)
    server.close()
    assert err.value.reason == "offline"
    assert err.value.bytes_sent > 0 and not err.value.retryable  # part of it may be on paper: no automatic re-send


def test_network_printer_not_listening_is_offline():
    with socket.create_server(("127.0.0.1", 0)) as s:
        port = s.getsockname()[1]
    d = driver(kind="network", host="127.0.0.1", port=port)
    with pytest.raises(PrintError) as err:
        d.print_receipt(sample_receipt("dossier"))
    assert err.value.reason == "offline"


def test_serial_printer_over_a_pty():
    controller, peripheral = pty.openpty()
    tty.setraw(peripheral)
    path = os.ttyname(peripheral)
    received = bytearray()
    done = threading.Event()

    def printer_side() -> None:  # answers the paper query like an Epson, then reads until the cut
        while not done.is_set():
            chunk = os.read(controller, 65536)
            if chunk.startswith(b"\x10\x04\x04"):
                os.write(controller, b"\x12")
                chunk = chunk[3:]
            received.extend(chunk)
            if received.endswith(b"\x1dV\x00"):
                done.set()

    reader = threading.Thread(target=printer_side, daemon=True)
    reader.start()
    d = driver(kind="serial", serial_port=path, serial_baudrate=115200, status_timeout_seconds=1)
    try:
        sent = d.print_receipt(sample_receipt("report"))
        assert done.wait(5)
    finally:
        d.close()
        os.close(peripheral)
        os.close(controller)
    assert len(received) == sent
    assert qr_texts(bytes(received), 576) == [sample_receipt("report").qr_payload]
