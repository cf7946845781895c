"""No import cycles: between modules anywhere, and between apps outside `core`.

Every `import` counts, at the top of a module or inside a function (an import deferred to
dodge a cycle is still a cycle); imports under `if TYPE_CHECKING:` do not, as they never
run. `core` holds both the foundation every app builds on (policy, errors, forms) and a few
things that gather all apps (the demo, the home page); the first rule covers it.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import cove

ROOT = Path(cove.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, known: set[str]) -> set[str]:
    found: set[str] = set()

    class Visitor(ast.NodeVisitor):
        def visit_If(self, node: ast.If) -> None:
            if "TYPE_CHECKING" in ast.unparse(node.test):
                for child in node.orelse:
                    self.visit(child)
                return
            self.generic_visit(node)

        def visit_Import(self, node: ast.Import) -> None:
            found.update(alias.name for alias in node.names)

        def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
            if node.module:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)

    Visitor().visit(ast.parse(path.read_text()))
    return {name for name in found if name in known}


def _graph() -> dict[str, set[str]]:
    paths = {_module_name(p): p for p in ROOT.rglob("*.py")
             if "migrations" not in p.parts and "tests" not in p.parts}
    known = set(paths)
    return {name: _imports(path, known) - {name} for name, path in paths.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _app(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else module


def test_no_module_imports_itself_in_a_circle():
    assert _cycles(_graph()) == []


def test_no_two_apps_import_each_other():
    apps: dict[str, set[str]] = defaultdict(set)
    for module, imported in _graph().items():
        if _app(module) == "core":
            continue
        apps[_app(module)] |= {_app(other) for other in imported
                               if _app(other) not in {"core", _app(module)}}
    assert _cycles(dict(apps)) == []


def test_the_vault_stays_below_accounts():
    graph = _graph()
    assert not [(m, o) for m, imported in graph.items() if _app(m) == "vault"
                for o in imported if _app(o) == "accounts"]


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
