"""Offline catalogue of administrative procedures (TTHC): load, browse, resolve codes/links, search (pure; any thread).

    from core.catalogue import load_catalogue
    cat = load_catalogue()            # core/assets/catalogue/procedures.json, schema-validated
    cat.get("1.004222").fee("online") # 10000
    cat.search("ddang kys thuowngf tru")[0].code  # "1.004222"
"""

from __future__ import annotations

from core.catalogue.catalogue import Catalogue, CatalogueError, default_path, load_catalogue, schema_path
from core.catalogue.models import (
    Agency,
    Channel,
    Choice,
    Document,
    Fee,
    FieldInfo,
    FormField,
    Procedure,
)
from core.catalogue.search import SearchHit

__all__ = [
    "Agency", "Catalogue", "CatalogueError", "Channel", "Choice", "Document", "Fee", "FieldInfo", "FormField",
    "Procedure", "SearchHit", "default_path", "load_catalogue", "schema_path",
]
