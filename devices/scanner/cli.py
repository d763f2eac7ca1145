"""``kiosk qr decode|parse|make|watch``: QR tools for technicians and developers. Main thread, CLI.

Heavy imports (OpenCV, zxing-cpp, pyzbar, segno) happen inside the handlers so ``kiosk --help`` stays fast.
Decoded payloads are printed (the technician asked for them) but never logged.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this area's subcommands to ``kiosk``."""
    qr = sub.add_parser("qr", help="decode, classify and make QR codes; watch the camera")
    qsub = qr.add_subparsers(dest="qr_command", required=True, metavar="ACTION")

    decode = qsub.add_parser("decode", help="decode image files: one JSON line per image")
    decode.add_argument("images", nargs="+", metavar="IMAGE")
    decode.add_argument("--decoders", default="zxing,pyzbar",
                        help="comma-separated order: zxing, pyzbar, opencv (default: zxing,pyzbar)")
    decode.add_argument("--no-ladder", action="store_true",
                        help="first look and fallback decoders only, none of the extra steps")
    decode.add_argument("--live", action="store_true",
                        help="as the live scanner sees it: the image held in front of the camera for 3 s at 15 fps "
                             "(same cascade and budgets as the kiosk); adds the frame it was read on, or the advice")
    decode.add_argument("--classify", action="store_true", help="add the classification of each text")
    decode.set_defaults(func=_decode, no_config=True)

    parse = qsub.add_parser("parse", help="classify a scanned text (ID card, procedure, receipt, VietQR, ...)")
    parse.add_argument("text", help="the text; '-' reads standard input")
    parse.set_defaults(func=_parse, no_config=True)

    make = qsub.add_parser("make", help="write a PNG of a QR code (ID-card style: UTF-8 without ECI)")
    make.add_argument("text")
    make.add_argument("--out", required=True, metavar="FILE.png")
    make.add_argument("--eci", action="store_true", help="add a UTF-8 ECI header (what the kiosk prints)")
    make.add_argument("--scale", type=int, default=8)
    make.set_defaults(func=_make, no_config=True)

    watch = qsub.add_parser("watch", help="open the configured camera and print every code it reads")
    watch.add_argument("--seconds", type=float, default=20.0)
    watch.set_defaults(func=_watch)


def _decode(args: argparse.Namespace, config: Any) -> int:
    import cv2

    from devices.scanner.cascade import CascadeSettings, DecoderCascade

    names = tuple(n.strip() for n in args.decoders.split(",") if n.strip())
    try:
        cascade = DecoderCascade(CascadeSettings(decoders=names, ladder=not args.no_ladder))
    except ValueError as exc:
        print(f"kiosk qr decode: {exc}", file=sys.stderr)
        return 2
    status = 0
    for path in args.images:
        image = cv2.imread(path, cv2.IMREAD_COLOR) if Path(path).is_file() else None
        if image is None:
            print(json.dumps({"file": path, "error": "unreadable image"}))
            status = 1
            continue
        started = time.perf_counter()
        extra: dict[str, Any] = {}
        if args.live:
            results, extra = _held(cascade, image)
        else:
            results = cascade.decode_still(image)
        ms = round((time.perf_counter() - started) * 1000, 2)
        codes = []
        for d in results:
            item: dict[str, Any] = {"text": d.text, "backend": d.backend}
            if d.repaired:
                item["repaired"] = True
            if args.classify:
                from core.formats import classify

                item["classification"] = classify(d.text).to_json()
            codes.append(item)
        print(json.dumps({"file": path, "codes": codes, "ms": ms, **extra}, ensure_ascii=False))
    return status


def _held(cascade: Any, image: Any, seconds: float = 3.0, fps: int = 15) -> tuple[list[Any], dict[str, Any]]:
    """The live path on one image: frames fed at ``fps`` on a simulated clock until read or ``seconds`` pass."""
    clock = [0.0]
    cascade._clock = lambda: clock[0]
    cascade.reset()
    for frame in range(1, int(seconds * fps) + 1):
        if results := cascade.decode_frame(image):
            return results, {"frame": frame}
        clock[0] += 1 / fps
    return [], {"frames": int(seconds * fps), "guidance": cascade.guidance.value}


def _parse(args: argparse.Namespace, config: Any) -> int:
    from core.formats import classify

    text = sys.stdin.read() if args.text == "-" else args.text
    result = classify(text)
    print(json.dumps(result.to_json(), ensure_ascii=False))
    return 0 if result.ok else 1


def _make(args: argparse.Namespace, config: Any) -> int:
    import segno

    segno.make_qr(args.text, encoding="utf-8", eci=args.eci).save(args.out, scale=args.scale, border=4)
    print(args.out)
    return 0


def _watch(args: argparse.Namespace, config: Any) -> int:
    from core.formats import classify
    from devices.base import DeviceError
    from devices.scanner.cascade import CascadeSettings, DecoderCascade, Deduper
    from devices.scanner.sources import make_source

    camera = config.camera
    source = make_source(camera)
    if source is None:
        print("camera.kind is 'none'", file=sys.stderr)
        return 2
    try:
        source.open()
    except DeviceError as exc:
        print(f"camera: {exc}", file=sys.stderr)
        return 1
    cascade = DecoderCascade(CascadeSettings.from_camera(camera))
    dedupe = Deduper(camera.dedupe_seconds)
    frames, end = 0, time.monotonic() + args.seconds
    print(f"watching {source.description} for {args.seconds:g} s", file=sys.stderr)
    try:
        while time.monotonic() < end:
            tick = time.monotonic()
            try:
                frame = source.read()
            except DeviceError as exc:
                print(f"camera: {exc}", file=sys.stderr)
                return 1
            frames += 1
            for d in cascade.decode_frame(frame):
                if dedupe.is_new(d.text):
                    print(json.dumps({"text": d.text, "backend": d.backend,
                                      "kind": classify(d.text).kind.value}, ensure_ascii=False), flush=True)
            if source.paced:
                time.sleep(max(0.0, 1 / camera.fps - (time.monotonic() - tick)))
    finally:
        source.close()
    print(f"{frames} frames", file=sys.stderr)
    return 0
