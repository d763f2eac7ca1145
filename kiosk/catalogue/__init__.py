"""Offline catalogue of administrative procedures (TTHC): load, browse, resolve codes/links, search (pure; any thread).

    from kiosk.catalogue import load_catalogue
    cat = load_catalogue()            # assets/catalogue/procedures.json, schema-validated
    cat.get("1.004222").fee("online") # 10000
    cat.search("ddang kys thuowngf tru")[0].code  # "1.004222"
"""

from __future__ import annotations

from kiosk.catalogue.catalogue import Catalogue, CatalogueError, default_path, load_catalogue, schema_path
from kiosk.catalogue.models import (
    Agency,
    Channel,
    Choice,
    Document,
    Fee,
    FieldInfo,
    FormField,
    Procedure,
)
from kiosk.catalogue.search import SearchHit

__all__ = [
    "Agency", "Catalogue", "CatalogueError", "Channel", "Choice", "Document", "Fee", "FieldInfo", "FormField",
    "Procedure", "SearchHit", "default_path", "load_catalogue", "schema_path",
]
