"""Test helpers: read back what the kiosk printed (our decoder + zxing-cpp)."""

from __future__ import annotations

import zxingcpp

from tests.printer.escpos_decode import decode, page_image


def qr_texts(data: bytes, width: int) -> list[str]:
    """Every QR code zxing-cpp finds on the paper these bytes would print."""
    page = page_image(decode(data), width).convert("L")
    return [r.text for r in zxingcpp.read_barcodes(page, formats=zxingcpp.BarcodeFormat.QRCode)]
