"""The house's layering: no import cycles, and no module importing from a layer above its own.

The layers, lowest first. A module may import from its own layer and the layers below; every module of
``src/review_engine`` must be declared here (a new module without a layer fails the test).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "review_engine"
PACKAGE = "review_engine"

LAYERS: list[tuple[str, tuple[str, ...]]] = [
    # shared leaves: the document model, numerals, data folders, YAML with positions, findings, the
    # condition language, working days, jurisdiction profiles
    ("base", ("version", "encoding", "empty", "model", "numerals", "resources", "yamlsource", "findings", "userregex",
              "conditions", "workdays", "profile", "recache")),
    ("reading", ("reading", "drafts", "record")),
    ("parsing", ("parsing",)),
    ("facts", ("facts",)),
    ("registry", ("registry",)),
    ("kinds", ("kinds",)),
    ("ruleset", ("ruleset",)),
    ("engine", ("engine", "audit")),
    ("report", ("report",)),
    ("cli", ("cli", "__init__")),
]


def layer_of(module: str) -> int:
    """The layer index of a dotted module name below the package (``facts.text`` → facts)."""
    head = module.split(".")[0]
    for index, (_, members) in enumerate(LAYERS):
        if head in members:
            return index
    raise KeyError(module)


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts.pop()
        out[".".join(parts)] = path
    return out


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Modules of the package that ``name`` imports (at top level, in functions, or for type checking)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    base = name.split(".") if name != "__init__" else []
    found: set[str] = set()
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base if is_package else base[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)] if node.level > 1 else anchor
                stem = ".".join([*anchor, *(node.module.split(".") if node.module else [])])
            elif node.module and (node.module == PACKAGE or node.module.startswith(PACKAGE + ".")):
                stem = node.module[len(PACKAGE) + 1:]
            else:
                continue
            for alias in node.names:
                full = f"{stem}.{alias.name}" if stem else alias.name
                targets.append(full if full in known else stem)
        elif isinstance(node, ast.Import):
            targets = [a.name[len(PACKAGE) + 1:] for a in node.names if a.name.startswith(PACKAGE + ".")]
        for target in targets:
            target = target or "__init__"
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imports(name, path, known) for name, path in mods.items()}


def test_every_module_has_a_layer(graph):
    missing = [m for m in graph if _safe_layer(m) is None]
    assert not missing, f"modules without a declared layer: {missing}"


def _safe_layer(module: str) -> int | None:
    try:
        return layer_of(module)
    except KeyError:
        return None


def test_no_import_from_a_higher_layer(graph):
    upward = []
    for name, targets in graph.items():
        for target in targets:
            if layer_of(target) > layer_of(name):
                upward.append(f"{name} ({LAYERS[layer_of(name)][0]}) -> {target} ({LAYERS[layer_of(target)][0]})")
    assert not upward, "imports from a higher layer:\n" + "\n".join(sorted(upward))


def test_no_import_cycles(graph):
    cycles = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(stack[stack.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_the_checker_sees_arrows(graph):
    """The test can fail: the engine imports the rule set, the rule set the kinds."""
    assert "ruleset.loader" in graph["engine"] or any(t.startswith("ruleset") for t in graph["engine"])
    assert any(t.startswith("kinds") for t in graph["ruleset.loader"])


def test_long_modules_say_why():
    """No module over 450 lines without a reason written at its top (in its docstring)."""
    unexplained = []
    for name, path in modules().items():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > 450:
            doc = ast.get_docstring(ast.parse(text)) or ""
            if "Longer than 450 lines because" not in doc:
                unexplained.append(f"{path.relative_to(SRC)} ({text.count(chr(10))} lines)")
    assert not unexplained, "long modules without a reason at the top: " + ", ".join(unexplained)
