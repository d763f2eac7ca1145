"""Translations with Qt's own system: ``tr()`` in code, ``.ts`` sources, ``.qm`` built by lrelease.

Source strings are English; Vietnamese is the default language. Each area of the app keeps its
own ``core/assets/i18n/<area>_vi.ts`` so teams do not edit one file at once.

Command line (developers):  python -m kiosk.i18n update|build|check|todo AREA|fill AREA FILE.json
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N_DIR = ROOT / "core" / "assets" / "i18n"
LANGUAGES = ("vi",)  # English is the source language

# area -> source folders/files scanned by lupdate (relative to the repository root)
AREAS: dict[str, tuple[str, ...]] = {
    "shell": ("kiosk", "screens/shell", "screens/widgets", "screens/technician"),
    "citizen": ("screens/procedures", "screens/identity", "screens/report", "screens/keyboard"),
    "dossier": ("screens/dossier", "screens/tracking", "screens/payment", "screens/receipt"),
    "scan": ("screens/scan",),
    "health": ("screens/health",),
    "consult": ("screens/consult",),
    "services": ("screens/bills", "screens/questions"),
    "prepared": ("screens/prepared",),
    "vneid": ("screens/vneid",),
    "bhyt": ("screens/bhyt",),
}


def ts_path(area: str, lang: str = "vi") -> Path:
    return I18N_DIR / f"{area}_{lang}.ts"


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def _sources(area: str) -> list[str]:
    files: list[str] = []
    for entry in AREAS[area]:
        path = ROOT / entry
        if path.is_dir():
            files += sorted(str(p) for p in path.rglob("*.py"))
        elif path.exists():
            files.append(str(path))
    return files


def update(areas: list[str] | None = None) -> None:
    """Re-scan the code for ``tr()`` strings; keeps existing translations, drops obsolete ones."""
    for area in areas or list(AREAS):
        sources = _sources(area)
        if not sources:
            continue
        for lang in LANGUAGES:
            subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                            *sources, "-ts", str(ts_path(area, lang))], check=True)


def build() -> list[Path]:
    """Compile every .ts into a .qm beside it."""
    built = []
    for ts in sorted(I18N_DIR.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        # A running kiosk memory-maps its .qm files: write a new file and swap it in, never rewrite in place.
        tmp = qm.with_suffix(".qm.tmp")
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(tmp)], check=True)
        if qm.exists() and qm.read_bytes() == tmp.read_bytes():
            tmp.unlink()
        else:
            os.replace(tmp, qm)
        built.append(qm)
    return built


def unfinished(ts: Path) -> list[str]:
    """Source strings of a .ts file that have no finished translation."""
    todo = []
    for msg in ET.parse(ts).getroot().iter("message"):
        tr = msg.find("translation")
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip():
            todo.append(msg.findtext("source") or "")
    return todo


def fill(area: str, mapping: dict[str, str], lang: str = "vi") -> int:
    """Write translations from a {source: translation} mapping into the area's .ts file."""
    path = ts_path(area, lang)
    tree = ET.parse(path)
    count = 0
    for msg in tree.getroot().iter("message"):
        source = msg.findtext("source")
        if source in mapping:
            tr = msg.find("translation")
            tr.text = mapping[source]
            tr.attrib.pop("type", None)
            count += 1
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return count


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "build"
    if cmd == "update":
        update(argv[1:] or None)
    elif cmd == "build":
        build()
    elif cmd == "todo":
        for source in unfinished(ts_path(argv[1])):
            print(json.dumps(source, ensure_ascii=False))
    elif cmd == "fill":
        mapping = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        print(f"{fill(argv[1], mapping)} translations written")
    elif cmd == "check":
        bad = {ts.name: unfinished(ts) for ts in sorted(I18N_DIR.glob("*.ts"))}
        bad = {k: v for k, v in bad.items() if v}
        for name, todo in bad.items():
            print(f"{name}: {len(todo)} untranslated: {todo[:5]}")
        return 1 if bad else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
