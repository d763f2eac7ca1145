"""Household BHYT: a catalogue that holds the two BHYT procedures (the real entries are added to the shipped
catalogue by the catalogue work; until then a test copies an existing entry under the BHYT codes), and helpers."""

from __future__ import annotations

import copy
import json
from typing import Any

from core.catalogue import Catalogue
from core.catalogue.catalogue import default_path
from screens.bhyt.model import procedure_code

NAMES = {"register": ("Đăng ký tham gia bảo hiểm y tế hộ gia đình", "Family health insurance registration"),
         "renew": ("Gia hạn thẻ bảo hiểm y tế hộ gia đình", "Family health insurance renewal")}


def catalogue_with_bhyt(with_bhyt: bool = True) -> Catalogue:
    """The shipped catalogue, plus (or minus) the two BHYT procedures under the codes the BHYT data names."""
    data: dict[str, Any] = json.loads(default_path().read_text(encoding="utf-8"))
    codes = {procedure_code(a) for a in NAMES}
    data["procedures"] = [p for p in data["procedures"] if p["code"] not in codes]
    if with_bhyt:
        template = next(p for p in data["procedures"] if p["code"] == "1.004222")
        for action, (vi, en) in NAMES.items():
            entry = copy.deepcopy(template)
            entry.update(code=procedure_code(action), name_vi=vi, name_en=en, portal_ids={})
            data["procedures"].append(entry)
    return Catalogue(data)
