"""Nothing a person writes is readable at rest: canaries in, raw files searched.

Driven by the OpenAPI schema: every POST/PUT/PATCH operation of a feature is called with
canary strings in every string field, so new record kinds are covered without changes
here. Then the raw SQLite file and its WAL (or a pg_dump of the PostgreSQL database) are
searched byte for byte. The export must contain the canaries, which proves they were
stored rather than dropped.
"""

from __future__ import annotations

import itertools
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection

from cove.conftest import sign_up_person

pytestmark = pytest.mark.django_db(transaction=True)

# Operations that are about the account, not about content a person records.
NOT_RECORDS = re.compile(r"^/api/v1/(auth/|account/|sharing/|export)")
_numbers = itertools.count(1)


def canary() -> str:
    return f"zqcanary{next(_numbers):04d}x"


def resolve(schema: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = spec["components"]["schemas"][name]
    return schema


def example(schema: dict[str, Any], spec: dict[str, Any], planted: list[str]) -> Any:
    schema = resolve(schema, spec)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [s for s in schema[key] if resolve(s, spec).get("type") != "null"]
            return example(options[0], spec, planted) if options else None
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    kind = schema.get("type")
    if kind == "string":
        if schema.get("format") in {"date-time", "date", "time", "uuid", "email", "uri"}:
            return {"date-time": "2026-03-03T10:00:00Z", "date": "2026-03-03", "time": "10:00",
                    "uuid": "00000000-0000-0000-0000-000000000000",
                    "email": "someone@example.org", "uri": "https://example.org/"}[schema["format"]]
        value = canary()
        if schema.get("maxLength", 100) < len(value):
            return "ok"[: schema["maxLength"]]
        planted.append(value)
        return value
    if kind == "integer":
        low, high = schema.get("minimum", 0), schema.get("maximum", 10)
        return (low + high) // 2
    if kind == "number":
        return float(schema.get("minimum", 1))
    if kind == "boolean":
        return True
    if kind == "array":
        items = schema.get("items", {"type": "string"})
        count = max(1, schema.get("minItems", 1))
        return [example(items, spec, planted) for _ in range(count)]
    if kind == "object" or "properties" in schema:
        return {name: example(sub, spec, planted)
                for name, sub in schema.get("properties", {}).items()}
    return canary()


def collect_ids(value: Any, found: list[str]) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            is_id = key == "id" or key.endswith("_id")
            if is_id and isinstance(inner, str | int) and str(inner) not in found:
                found.append(str(inner))
            collect_ids(inner, found)
    elif isinstance(value, list):
        for inner in value:
            collect_ids(inner, found)


def plant_canaries(person) -> list[str]:
    spec = person.client.get("/api/v1/openapi.json").json()
    writes = []
    for route, methods in spec["paths"].items():
        if NOT_RECORDS.match(route):
            continue
        for method, operation in methods.items():
            if method in {"post", "put", "patch"}:
                writes.append((route.count("{"), route, method, operation))
    ids: list[str] = []
    planted_ok: list[str] = []
    for _depth, route, method, operation in sorted(writes, key=lambda w: (w[0], w[1])):
        body_schema = (operation.get("requestBody", {}).get("content", {})
                       .get("application/json", {}).get("schema"))
        params = re.findall(r"{(\w+)}", route)
        candidates = [[]] if not params else [
            [value] * len(params) for value in ids[-40:]
        ]
        if params and len(params) > 1:
            candidates += [list(combo) for combo in itertools.permutations(ids[-8:], len(params))]
        for values in candidates:
            path = route
            for name, value in zip(params, values, strict=False):
                path = path.replace("{" + name + "}", value, 1)
            planted: list[str] = []
            body = example(body_schema, spec, planted) if body_schema else None
            response = person.api(method, path.removeprefix("/api/v1"), body)
            if response.status_code < 300:
                planted_ok.extend(planted)
                if response.get("Content-Type", "").startswith("application/json") and response.content:
                    collect_ids(response.json(), ids)
                break
    return planted_ok


def raw_database_bytes() -> bytes:
    if connection.vendor == "sqlite":
        name = Path(settings.DATABASES["default"]["NAME"])
        return b"".join(
            p.read_bytes() for p in (name, Path(f"{name}-wal"), Path(f"{name}-shm")) if p.exists()
        )
    db = settings.DATABASES["default"]
    dump = subprocess.run(
        ["pg_dump", "-h", str(db.get("HOST") or "127.0.0.1"), "-p", str(db.get("PORT") or 5432),
         "-U", str(db.get("USER") or "postgres"), "--data-only", str(db["NAME"])],
        capture_output=True, check=True)
    return dump.stdout


def test_canaries_entered_through_the_api_are_not_in_the_raw_database():
    person = sign_up_person("canary-keeper")
    planted = plant_canaries(person)
    person.api("post", "/auth/reauth", {"passphrase": person.passphrase})
    exported = json.dumps(person.api("get", "/export").json())
    stored = [value for value in planted if value in exported]
    assert len(stored) >= 10, f"too few record kinds took canaries: {stored}"

    # With COVE_KEYSTORE_URL the keystore is a PostgreSQL database: no file to read.
    keystore_file = Path(settings.COVE_KEYSTORE_PATH)
    raw = raw_database_bytes() + (keystore_file.read_bytes() if keystore_file.exists() else b"")
    leaked = [value for value in stored if value.encode() in raw]
    assert leaked == []
