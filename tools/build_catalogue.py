"""Build core/assets/catalogue/procedures.json from scraped portal pages + a curated overlay (build time, no threads).

The pages in ``tests/data/procedures/doc_congdan_<code>.txt`` are the national portal's detail pages flattened to
one line of text (section labels mostly lost). We recover what is reliably recoverable from them — name, steps,
channels with fee and time limit per channel, documents with original/copy counts and form codes, conditions,
legal documents cited, implementing agency when printed — and take everything the pages do not carry (field,
English names, plain-language summaries, dossier form fields, portal IDs, result) from ``overlay.json``.

Hand-curated procedures and legal processing times come from ``curated.json`` (see tools/curated_catalogue.py).

Output is deterministic: sorted keys, sorted procedures, no timestamps except the ones stored in the overlay.

Usage: python tools/build_catalogue.py [--pages DIR] [--overlay FILE] [--out FILE] [--check]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from curated_catalogue import add_legal_times, curated_records  # a sibling build-time module

REPO = Path(__file__).resolve().parent.parent
CATALOGUE_DIR = REPO / "core" / "assets" / "catalogue"
DEFAULT_OVERLAY = CATALOGUE_DIR / "overlay.json"
DEFAULT_CURATED = CATALOGUE_DIR / "curated.json"
DEFAULT_OUT = CATALOGUE_DIR / "procedures.json"
SCHEMA_VERSION = 1
ADMIN_LEVELS = {"trung ương": "central", "tỉnh": "province", "huyện": "district", "xã": "commune"}

FEE_RE = re.compile(r"(Lệ phí|Phí):\s*((?:\d[\d.]*)|Miễn phí)?\s*Đồng\s*Xem chi tiết")
COUNT_RE = re.compile(r"Bản chính:\s*(\d+)\s*-\s*Bản sao:\s*(\d+)")
STEP_RE = re.compile(r"(?:^|\s)-?\s*Bước\s+(\d+)\s*:")
FORM_RE = re.compile(r"\b((?:CT|CC|DC|TK)\d{2}[a-z]?)\b")
LEGAL_RE = re.compile(
    r"(Thông tư số \d+/\d{4}/TT-[A-ZĐ]+|Nghị định(?: số)? \d+/\d{4}/NĐ-CP"
    r"|Luật [Xx]uất cảnh, nhập cảnh của công dân Việt Nam|Luật Cư trú|Luật Căn cước|Bộ luật Dân sự)"
)
# A channel description starts with one of these phrases at a sentence boundary (the portal prints one block per
# channel: fee lines, then "how to submit", then reception hours and time limit).
CHANNEL_START_RE = re.compile(
    r"(?:[Nn]ộp hồ sơ (?:trực tiếp|trực tuyến|qua dịch vụ bưu chính|thông qua qua dịch vụ bưu chính)"
    r"|[Nn]ộp bổ sung hồ sơ qua dịch vụ bưu chính|Trực tiếp (?:tại|nộp hồ sơ)|Thông qua (?:Cổng|số điện thoại)"
    r"|Thực hiện trực tuyến|Cấp lưu động|Số điện thoại hoặc hộp thư|Trang thông tin điện tử của cơ quan"
    r"|Ứng dụng trên thiết bị|Trường hợp (?:công dân )?thuộc quy định tại điểm \w, điểm \w khoản 1 Điều 31 Luật Cư trú)"
)
# Where the document list starts when nothing else separates it from the last channel block.
DOC_START_RE = re.compile(
    r"(?:\*\s|Phiếu (?:được|này|thu|đề nghị)|Tờ khai|Giấy tờ|Giấy chứng minh|[Đđ]ơn trình báo|Văn bản|Hồ sơ |"
    r"Trường hợp (?:công dân chưa|người đề nghị)|0\d (?:ảnh|tờ khai|đơn)|Ảnh mới|Hộ chiếu phổ thông còn|Khi có người)"
)
NOTE_PREFIXES = ("Lưu ý", "Số lượng hồ sơ", "Trường hợp nộp hồ sơ trực tuyến thì")
ATTACHMENT_RE = re.compile(r"\s+(?:Mẫu|Mau) [A-Z]{2}\d{2}\w* [^()]*?\.docx?$")
TIME_HINT_RE = re.compile(r"\d+\s*ngày|ngay khi|Thời hạn giải quyết")
LAST_BLOCK_KEEP = ("Thời gian tiếp nhận", "Thời hạn", "ngày làm việc", "ngay khi", "trường hợp phức tạp",
                   "Có thể khai tờ khai", "Thông qua số điện thoại", "- Nộp hồ sơ")


def clean(text: str) -> str:
    """Collapse whitespace and trim list punctuation left over from the flattened HTML."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^[-+*•;,.:\s]+", "", text)
    return text.rstrip(" -+*;,").strip()


def _is_boundary(text: str, pos: int) -> bool:
    before = text[max(0, pos - 14):pos].rstrip()
    return (not before or before[-1] in ".;:)-+" or before.endswith("Xem chi tiết")
            or (text[pos].isupper() and before[-1] != ","))


def parse_amount(raw: str | None) -> int | None:
    """'20.000' -> 20000, 'Miễn phí' -> 0, missing -> None (the page printed 'Lệ phí: Đồng' with no figure)."""
    if raw is None:
        return None
    if raw == "Miễn phí":
        return 0
    return int(raw.replace(".", ""))


def split_sections(text: str) -> dict[str, str]:
    text = unicodedata.normalize("NFC", text)
    start = text.index("Chi tiết thủ tục hành chính") + len("Chi tiết thủ tục hành chính")
    cond_at = text.index("Yêu cầu, điều kiện thực hiện", start)
    end = text.index("Chọn cơ quan thực hiện", cond_at)
    head = text[start:cond_at]
    name_end = head.index("Xem chi tiết")
    return {"name": clean(head[:name_end]), "body": head[name_end + len("Xem chi tiết"):],
            "conditions": text[cond_at + len("Yêu cầu, điều kiện thực hiện"):end]}


def channel_starts(body: str, after: int) -> list[int]:
    return [m.start() for m in CHANNEL_START_RE.finditer(body) if m.start() > after and _is_boundary(body, m.start())]


def parse_steps(body: str, until: int) -> list[str]:
    marks = list(STEP_RE.finditer(body[:until]))
    steps = []
    for i, m in enumerate(marks):
        stop = marks[i + 1].start() if i + 1 < len(marks) else until
        steps.append(clean(body[m.end():stop]))
    return [s for s in steps if s]


def _channel_kind(desc: str) -> str:
    head = desc[:90].lower()
    if "bưu chính" in head[:60]:
        return "post"
    if "trực tiếp" in head:
        return "in_person"
    if any(k in head for k in ("trực tuyến", "thông qua", "cổng dịch vụ công", "điện tử", "ứng dụng", "điện thoại")):
        return "online"
    return "in_person"


def _processing_time(block: str) -> str | None:
    sentences = re.split(r"(?<=\.)\s+(?=[-+A-ZĐ0-9TtKk])", block)
    hits = [clean(s) for s in sentences[1:] if TIME_HINT_RE.search(s) and "Thời gian tiếp nhận" not in s]
    return " ".join(hits) if hits else None


def _trim_last_block(block: str) -> tuple[str, str]:
    """Split the last channel block from the document list that follows it (no label separates them)."""
    sentences = re.split(r"(?<=[.;])\s+", block)
    keep = [sentences[0]]
    for s in sentences[1:]:
        if any(k in s for k in LAST_BLOCK_KEEP) or TIME_HINT_RE.search(s) or (keep[-1].endswith(";") and "Cổng" in s):
            keep.append(s)
            continue
        break
    kept_len = len(" ".join(keep))
    docs = [m.start() for m in DOC_START_RE.finditer(block, 10)
            if block[m.start()].isupper() or block[:m.start()].rstrip()[-1:] in (".", ";", ":", ")")]
    cut = min([kept_len, *docs])
    return block[:cut], block[cut:]


def parse_channels(region: str) -> tuple[list[dict[str, Any]], str]:
    """Return the channels and the leftover text (start of the document list)."""
    fees_before: list[tuple[int, Any]] = [(m.start(), m) for m in FEE_RE.finditer(region)]
    starts = channel_starts(region, -1)
    if not starts:
        return [], region
    channels: list[dict[str, Any]] = []
    prev_end = 0
    for i, s in enumerate(starts):
        nxt = starts[i + 1] if i + 1 < len(starts) else len(region)
        fee_ms = [m for pos, m in fees_before if prev_end <= pos < s]
        block = region[s:nxt]
        block_no_fee = FEE_RE.split(block)[0]
        channels.append({"raw": block_no_fee, "fees": [
            {"kind": "le_phi" if m.group(1) == "Lệ phí" else "phi", "amount": parse_amount(m.group(2))}
            for m in fee_ms]})
        prev_end = s + len(block_no_fee)
    last, rest = _trim_last_block(channels[-1]["raw"])
    channels[-1]["raw"] = last
    out: list[dict[str, Any]] = []
    case = None
    for ch in channels:
        desc = clean(ch["raw"])
        if desc.endswith(":"):  # "In case X, declare through:" heads the channels listed after it
            case = desc
            continue
        if desc.startswith("Cấp lưu động") and out:
            out[-1]["description"] += " " + desc  # mobile issuing is a variant of the in-person channel
            continue
        out.append({"kind": _channel_kind(desc), "description": desc, "fees": ch["fees"], "case": case,
                    "processing_time": _processing_time(ch["raw"])})
    return out, rest


def parse_documents(region: str) -> tuple[list[dict[str, Any]], str | None]:
    docs: list[dict[str, Any]] = []
    pos = 0
    for m in COUNT_RE.finditer(region):
        chunk = clean(region[pos:m.start()])
        pos = m.end()
        forms = sorted(set(FORM_RE.findall(chunk)))
        case = None
        if "... " in chunk:  # the portal truncates the case heading of a document group with "..."
            case, chunk = chunk.split("... ", 1)
            case = clean(case) + "…"
        head = re.match(r"^(.{0,120}?gồm:)\s*-?\s*(.+)$", chunk)
        if head:
            case, chunk = clean(head.group(1)), head.group(2)
        name = clean(ATTACHMENT_RE.sub("", chunk))
        docs.append({"case": case, "name": name, "original": int(m.group(1)), "copies": int(m.group(2)),
                     "forms": forms, "is_note": name.startswith(NOTE_PREFIXES) or m.group(1) == m.group(2) == "0"})
    unique: list[dict[str, Any]] = []
    for d in docs:  # the portal repeats a document once per channel on some pages
        if d not in unique:
            unique.append(d)
    docs = unique
    tail = clean(region[pos:])
    agency = tail if tail and len(tail) < 120 else None
    return [d for d in docs if d["name"]], agency


def parse_conditions(text: str) -> list[str]:
    parts = re.split(r"(?:^|\s)[-+]\s+", text)
    return [c for c in (clean(p) for p in parts) if c]


def legal_refs(text: str) -> list[str]:
    seen: list[str] = []
    for m in LEGAL_RE.finditer(text):
        ref = m.group(1).replace("Luật xuất cảnh", "Luật Xuất cảnh")
        if ref not in seen:
            seen.append(ref)
    return seen


def parse_page(text: str) -> dict[str, Any]:
    """Parse one flattened portal page into a partial procedure record (no overlay data)."""
    sec = split_sections(text)
    body = sec["body"]
    steps_marks = list(STEP_RE.finditer(body))
    last_step = steps_marks[-1].end() if steps_marks else 0
    fee = FEE_RE.search(body, last_step)
    starts = channel_starts(body, last_step + 5)
    cut = min([x for x in [fee.start() if fee else None, starts[0] if starts else None] if x is not None],
              default=len(body))
    channels, rest = parse_channels(body[cut:])
    documents, agency = parse_documents(rest)
    forms = sorted({f for d in documents for f in d["forms"]})
    return {
        "name_vi": sec["name"],
        "steps": parse_steps(body, cut),
        "channels": channels,
        "documents": documents,
        "forms": forms,
        "conditions": parse_conditions(sec["conditions"]),
        "legal_basis": legal_refs(text),
        "agency_from_page": agency,
    }


def admin_level(name: str) -> str | None:
    """'… (thực hiện tại cấp tỉnh)' -> 'province'; pages without the suffix return None."""
    m = re.search(r"thực hiện tại cấp (trung ương|tỉnh|huyện|xã)\)", name)
    return ADMIN_LEVELS[m.group(1)] if m else None


def expand_form_fields(spec: Any, templates: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Overlay form_fields is either a list of fields or {"template": name, "extra": [...], "drop": [...],
    "choices": {key: [...]}}; "choices" gives a template's free-text field this procedure's usual answers (shown
    as buttons, typing stays possible)."""
    if isinstance(spec, list):
        return spec
    suggested = spec.get("choices", {})
    base = [{**f, "choices": suggested[f["key"]]} if f["key"] in suggested else f
            for f in templates[spec["template"]] if f["key"] not in set(spec.get("drop", []))]
    return base + list(spec.get("extra", []))


def build(pages_dir: Path, overlay_path: Path, curated_path: Path = DEFAULT_CURATED) -> dict[str, Any]:
    overlay = json.loads(overlay_path.read_text(encoding="utf-8"))
    curated = json.loads(curated_path.read_text(encoding="utf-8"))
    templates = overlay["form_templates"]
    procedures = []
    for path in sorted(pages_dir.glob("doc_congdan_*.txt")):
        code = path.stem.removeprefix("doc_congdan_")
        if code not in overlay["procedures"]:
            raise SystemExit(f"{path.name}: no overlay entry for {code}; add one to {overlay_path}")
        parsed = parse_page(path.read_text(encoding="utf-8"))
        cur = overlay["procedures"][code]
        agency = dict(cur["agency"])
        rec = {
            "code": code,
            "name_vi": parsed["name_vi"],
            "name_en": cur["name_en"],
            "summary_vi": cur["summary_vi"],
            "summary_en": cur["summary_en"],
            "field": cur["field"],
            "agency": agency,
            "agency_printed": parsed["agency_from_page"],
            "level": cur.get("level"),
            "admin_level": admin_level(parsed["name_vi"]) or cur.get("admin_level"),
            "channels": parsed["channels"],
            "steps": parsed["steps"],
            "documents": parsed["documents"],
            "forms": parsed["forms"],
            "conditions": parsed["conditions"],
            "legal_basis": parsed["legal_basis"],
            "result_vi": cur["result_vi"],
            "result_en": cur["result_en"],
            "form_fields": expand_form_fields(cur["form_fields"], templates),
            "portal_ids": cur.get("portal_ids", {}),
            "source_url": overlay["source"]["url_template"].format(code=code),
            "portal_url": overlay["source"]["portal_url_template"].format(code=code),
            "fetched_at": overlay["source"]["fetched_at"],
            "origin": "portal",
        }
        add_legal_times(rec, curated)
        procedures.append(rec)
    missing = set(overlay["procedures"]) - {p["code"] for p in procedures}
    if missing:
        raise SystemExit(f"overlay has entries without a page: {sorted(missing)}")
    procedures += curated_records(curated, {p["code"] for p in procedures})
    clash = set(overlay["fields"]) & set(curated["fields"])
    if clash:
        raise SystemExit(f"curated fields already in the overlay: {sorted(clash)}")
    return {
        "schema_version": SCHEMA_VERSION,
        "source": {k: v for k, v in overlay["source"].items() if not k.endswith("_template")},
        "fields": {**overlay["fields"], **curated["fields"]},
        "procedures": procedures,
    }


def render(catalogue: dict[str, Any]) -> bytes:
    return (json.dumps(catalogue, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def default_pages_dir() -> Path:
    return REPO / "tests" / "data" / "procedures"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=None, help="directory of doc_congdan_<code>.txt pages")
    ap.add_argument("--overlay", type=Path, default=DEFAULT_OVERLAY)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--curated", type=Path, default=DEFAULT_CURATED)
    ap.add_argument("--check", action="store_true", help="exit 1 if --out differs from a fresh build")
    args = ap.parse_args(argv)
    data = render(build(args.pages or default_pages_dir(), args.overlay, args.curated))
    if args.check:
        same = args.out.exists() and args.out.read_bytes() == data
        print("up to date" if same else f"{args.out} is stale; run tools/build_catalogue.py")
        return 0 if same else 1
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
