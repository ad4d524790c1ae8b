"""The package's import graph, read with `ast`, and the layer rules it must keep.

Every `import` counts, at module level or inside a function (a lazy import is still a
dependency): a module may import only from the layers its own layer lists, and no chain of
imports may lead back to where it started.
"""

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

# Which layers each layer may import. Layers are matched by the longest module prefix.
RULES: dict[str, tuple[str, ...]] = {
    "diary.base": (),
    "diary.store": ("diary.base",),
    "diary.core": ("diary.base", "diary.store"),
    "diary.importers": ("diary.base", "diary.core"),
    "diary.render": ("diary.base", "diary.core", "diary.store.models"),
    "diary.cli": ("diary",),
    "diary.devtools": ("diary",),
    "diary.__main__": ("diary.cli",),
    "diary": (),
}

Graph = Mapping[str, set[str]]


@dataclass(frozen=True)
class Edge:
    source: str
    target: str

    def __str__(self) -> str:
        return f"{self.source} -> {self.target}"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(package: Path) -> dict[str, set[str]]:
    """Each module of the package and the modules of the package it imports."""
    root = package.parent
    names = {module_name(path, root): path for path in sorted(package.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in names.items():
        is_package = path.name == "__init__.py"
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for target in _targets(node, name, is_package):
                if target.split(".")[0] != package.name:
                    continue
                while target not in names and "." in target:
                    target = target.rsplit(".", 1)[0]
                if target != name:
                    targets.add(target)
        graph[name] = targets
    return graph


def _targets(node: ast.AST, module: str, is_package: bool) -> Iterable[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level:
            anchor = module.split(".")
            anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
            base = ".".join(anchor + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        return [f"{base}.{alias.name}" for alias in node.names] + [base]
    return []


def layer(module: str, rules: Mapping[str, tuple[str, ...]] = RULES) -> str:
    matches = [name for name in rules if module == name or module.startswith(name + ".")]
    return max(matches, key=len)


def _within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def violations(graph: Graph, rules: Mapping[str, tuple[str, ...]] = RULES) -> list[Edge]:
    """Edges that leave a module's own layer for a layer it may not use."""
    found = []
    for source, targets in sorted(graph.items()):
        own = layer(source, rules)
        for target in sorted(targets):
            if _within(target, own) and layer(target, rules) == own:
                continue
            if not any(_within(target, allowed) for allowed in rules[own]):
                found.append(Edge(source, target))
    return found


def cycles(graph: Graph) -> list[list[str]]:
    """Groups of modules that import each other, directly or through others (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)
