"""Every environment variable Cove reads is in the README's tables."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
# An environment read: env_str("COVE_X"), env_bool(...), os.environ.get("COVE_X"),
# os.environ["COVE_X"], os.getenv("COVE_X").
READ = re.compile(r"(?:env_\w+\(|environ\.get\(|getenv\(|environ\[)\s*"
                  r"[\"']((?:COVE_|DATABASE_URL)[A-Z0-9_]*)[\"']")


def variables_read() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "cove").rglob("*.py"):
        if "tests" in path.parts:
            continue
        found |= set(READ.findall(path.read_text(encoding="utf-8")))
    return found


def test_the_scan_finds_the_variables_settings_reads():
    assert {"COVE_DATA_DIR", "COVE_SSL_REDIRECT", "COVE_ALLOW_PLAIN_HTTP",
            "DATABASE_URL"} <= variables_read()


def test_every_environment_variable_cove_reads_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`((?:COVE_|DATABASE_URL)[A-Z0-9_]*)`", readme))
    assert sorted(variables_read() - listed) == []
