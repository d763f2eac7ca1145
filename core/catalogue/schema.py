"""A tiny JSON Schema validator for the subset our catalogue schema uses (pure; any thread).

Supports: type (incl. lists and "null"), enum, const, required, properties, additionalProperties (bool or
schema), minProperties, items, minItems, minLength, pattern, minimum. That is all procedures.schema.json needs;
anything else in a schema is ignored, so keep the schema inside this subset (a test checks the keywords).
"""

from __future__ import annotations

import json
import re
from typing import Any

SUPPORTED = frozenset({
    "$schema", "$id", "title", "description", "type", "enum", "const", "required", "properties",
    "additionalProperties", "minProperties", "items", "minItems", "minLength", "pattern", "minimum",
})

_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,), "array": (list,), "string": (str,), "boolean": (bool,), "null": (type(None),),
    "integer": (int,), "number": (int, float),
}


def _is_type(value: Any, name: str) -> bool:
    if name in ("integer", "number") and isinstance(value, bool):
        return False  # JSON true is not a number
    return isinstance(value, _TYPES[name])


def validate(value: Any, schema: dict[str, Any], path: str = "$") -> list[str]:
    """Return human-readable errors (empty list = valid). Never raises on any JSON-like value."""
    return [f"{where}: {what}" for where, what in problems(value, schema, path)]


def member(path: str, key: str) -> str:
    """The JSONPath of ``key`` under ``path``: ``$.fees`` for plain names, ``$["odd key"]`` for the rest."""
    return f"{path}.{key}" if _PLAIN_KEY.match(key) else f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def problems(value: Any, schema: dict[str, Any], path: str = "$") -> list[tuple[str, str]]:
    """Every error as (exact JSONPath of the offending value, what is wrong). Never raises on JSON-like values."""
    errors: list[tuple[str, str]] = []
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is_type(value, t) for t in types):
            return [(path, f"expected {'/'.join(types)}, got {_json_type(value)}")]
    if "const" in schema and value != schema["const"]:
        errors.append((path, f"must be {schema['const']!r}"))
    if "enum" in schema and value not in schema["enum"]:
        errors.append((path, f"{_short(value)} not one of {schema['enum']!r}"))
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            errors.append((path, f"shorter than {schema['minLength']}"))
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append((path, f"{value[:40]!r} does not match {schema['pattern']}"))
    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if is_number and "minimum" in schema and value < schema["minimum"]:
        errors.append((path, f"below {schema['minimum']}"))
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append((path, f"fewer than {schema['minItems']} items"))
        if "items" in schema:
            for i, item in enumerate(value):
                errors.extend(problems(item, schema["items"], f"{path}[{i}]"))
    if isinstance(value, dict):
        errors.extend(_object_problems(value, schema, path))
    return errors


def _object_problems(value: dict[str, Any], schema: dict[str, Any], path: str) -> list[tuple[str, str]]:
    errors = [(path, f"missing {key!r}") for key in schema.get("required", []) if key not in value]
    if len(value) < schema.get("minProperties", 0):
        errors.append((path, f"fewer than {schema['minProperties']} properties"))
    props = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for key, item in value.items():
        if key in props:
            errors.extend(problems(item, props[key], member(path, key)))
        elif extra is False:
            errors.append((member(path, key), f"unexpected {key!r}"))
        elif isinstance(extra, dict):
            errors.extend(problems(item, extra, member(path, key)))
    return errors


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null", int: "integer",
             float: "number"}
    return names.get(type(value), type(value).__name__)


def _short(value: Any) -> str:
    text = repr(value) if isinstance(value, (str, int, float, bool, type(None))) else _json_type(value)
    return text[:60]


def keywords(schema: Any) -> set[str]:
    """Every keyword used anywhere in ``schema`` (property names under "properties" are not keywords)."""
    found: set[str] = set()
    if isinstance(schema, dict):
        for key, sub in schema.items():
            found.add(key)
            if key == "properties":
                for prop in sub.values():
                    found |= keywords(prop)
            elif isinstance(sub, dict):
                found |= keywords(sub)
    return found
