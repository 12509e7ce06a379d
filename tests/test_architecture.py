"""The package's shape, read from its source: the folders are stages, each importing
only the stages before it; no two modules import each other, even by a way round;
reportlab and python-docx stay in the stages that write files.

Function-level imports count as much as module-level ones: deferring an import keeps
a start fast, it does not make a stage independent of the one it imports.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "jpdocs"

# The stages in order: a module may import from its own folder and from the ones before.
# The command line (cli/) is the last: it calls every stage.
STAGES = ["", "spec", "content", "fonts", "writers", "pdf", "build", "annual", "app", "cli"]
WRITING = {"writers", "fonts", "pdf", "annual"}    # may import reportlab and python-docx


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> tuple[set[str], set[str]]:
    """The package's modules this one imports (by their names relative to jpdocs), and
    the top-level names of the outside packages it imports."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    ours, outside = set(), set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top, _, rest = alias.name.partition(".")
                if top == "jpdocs":
                    ours.add(rest)
                else:
                    outside.add(top)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            elif (node.module or "").split(".")[0] == "jpdocs":
                module = node.module.partition(".")[2]
            else:
                outside.add(node.module.split(".")[0])
                continue
            for alias in node.names:
                sub = f"{module}.{alias.name}".lstrip(".")
                ours.add(sub if sub in MODULES else module)
    return {m for m in ours if m in MODULES and m != name}, outside


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _stage(name: str) -> str:
    first = name.split(".")[0]
    return first if (PACKAGE / first).is_dir() else ""


def test_the_graph_is_read_whole():
    """The reading itself: every stage has modules, and the edges known to exist are found."""
    assert {_stage(m) for m in MODULES} == set(STAGES)
    assert "spec.load" in GRAPH["content.agreement.compose"][0]
    assert "content.model" in GRAPH["writers.pdf"][0]
    assert "reportlab" in GRAPH["writers.pdf"][1]
    assert "build.documents" in GRAPH["build.batch"][0]        # a function-level import
    assert {"cli.sign", "build.batch"} <= GRAPH["cli"][0] | GRAPH["cli.build"][0]   # the command line's


def test_each_stage_imports_only_the_stages_before_it():
    wrong = []
    for name, (ours, _) in GRAPH.items():
        mine = STAGES.index(_stage(name))
        for target in ours:
            if STAGES.index(_stage(target)) > mine or (_stage(name) == "" and _stage(target) != ""):
                wrong.append(f"{name} → {target}")
    assert wrong == []


def test_no_module_imports_itself_by_a_way_round():
    """No import circle: a depth-first walk never meets a module still on its path."""
    circles, state = [], {}

    def walk(name, path):
        state[name] = "open"
        for target in sorted(GRAPH[name][0]):
            if state.get(target) == "open":
                circles.append(" → ".join(path[path.index(target):] + [target]))
            elif target not in state:
                walk(target, path + [target])
        state[name] = "done"

    for name in sorted(GRAPH):
        if name not in state:
            walk(name, [name])
    assert circles == []


def test_reportlab_and_python_docx_stay_where_files_are_written():
    wrong = sorted(f"{name} imports {lib}" for name, (_, outside) in GRAPH.items()
                   for lib in outside & {"reportlab", "docx"} if _stage(name) not in WRITING)
    assert wrong == []
