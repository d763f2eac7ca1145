"""Receipt printing cost: from "print" to the last byte handed to the connection (simulated Dummy printer),
beside drawing the same text with Pillow alone, measured in the same run.

The kiosk's path is layout → wrapped Vietnamese raster + QR → ESC/POS commands → connection writes.
The baseline draws the receipt's text lines (already wrapped, no QR, no encoding) onto a 1-bit image
with the same font. Prints medians and the ratio for each sample and width; exits 0.
Run: ``.venv/bin/python bench/receipt.py`` (BENCH_RUNS=20 by default).
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import sys
import time
from pathlib import Path

# the repository root instead of bench/ (whose queue.py would shadow the standard library's queue)
sys.path[0] = str(Path(__file__).resolve().parent.parent)

RUNS = int(os.environ.get("BENCH_RUNS", "20"))


def pillow_only(lines: list[tuple[str, str]], width: int):
    from PIL import Image, ImageDraw

    from devices.printer.raster import MARGIN, line_metrics, style_font

    height = sum(line_metrics(style)[1] for style, _ in lines)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    y = 0
    for style, text in lines:
        draw.text((MARGIN, y), text, font=style_font(style), fill=0)
        y += line_metrics(style)[1]
    return image.convert("1", dither=Image.Dither.NONE)


def median_seconds(fn) -> float:
    fn()  # warm-up: font files, python-escpos import, profile database
    samples = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def main() -> int:
    from devices.printer.driver import PrinterDriver
    from devices.printer.raster import MARGIN, style_font, wrap_text
    from devices.printer.receipt import TextBlock, layout
    from devices.printer.samples import SAMPLE_KINDS, sample_receipt
    from kiosk.config import default_config

    config = default_config()
    print(f"{'sample':8} {'width':>5} {'print→bytes':>12} {'pillow only':>12} {'ratio':>6} {'bytes':>7}")
    for width in (384, 576):
        driver = PrinterDriver(dataclasses.replace(config.printer, paper_width_dots=width))
        for kind in SAMPLE_KINDS:
            receipt = sample_receipt(kind)
            lines = [(b.style, line) for b in layout(receipt) if isinstance(b, TextBlock)
                     for line in wrap_text(b.text, style_font(b.style), width - 2 * MARGIN)]
            kiosk = median_seconds(lambda r=receipt, d=driver: d.print_receipt(r))
            base = median_seconds(lambda ls=lines, w=width: pillow_only(ls, w))
            print(f"{kind:8} {width:5} {kiosk * 1000:10.1f}ms {base * 1000:10.1f}ms {kiosk / base:6.1f} "
                  f"{len(driver.last_output):7}")
        driver.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
