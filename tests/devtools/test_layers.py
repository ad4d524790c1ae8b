"""The layer rules of docs/architecture.md, kept by walking the real import graph."""

from pathlib import Path

from diary.devtools.layers import Edge, cycles, import_graph, violations
from tests.conftest import ROOT


def test_the_package_keeps_its_layers() -> None:
    graph = import_graph(ROOT / "diary")
    assert "diary.base.errors" in graph and "diary.core.diary.viewings" in graph
    assert [str(edge) for edge in violations(graph)] == []


def test_the_package_has_no_import_cycle() -> None:
    assert cycles(import_graph(ROOT / "diary")) == []


def test_the_ground_floor_and_the_store_import_nothing_above_them() -> None:
    graph = import_graph(ROOT / "diary")
    for module, targets in graph.items():
        if module.startswith(("diary.base", "diary.store")):
            assert all(t.startswith(("diary.base", "diary.store")) for t in targets), module


def test_an_edge_against_the_rules_is_reported() -> None:
    graph = {
        "diary.base.clock": set(),
        "diary.store.engine": {"diary.base.clock", "diary.core.films.lookup"},
        "diary.core.films.lookup": {"diary.store.engine", "diary.importers.pages"},
        "diary.importers.pages": {"diary.core.films.findings"},
        "diary.core.films.findings": set(),
        "diary.render.facts": {"diary.core.films.findings", "diary.cli.output"},
        "diary.cli.output": set(),
    }
    assert violations(graph) == [
        Edge("diary.core.films.lookup", "diary.importers.pages"),
        Edge("diary.render.facts", "diary.cli.output"),
        Edge("diary.store.engine", "diary.core.films.lookup"),
    ]


def test_a_cycle_is_reported_once_whatever_its_length() -> None:
    graph = {
        "diary.core.a": {"diary.core.b"},
        "diary.core.b": {"diary.core.c"},
        "diary.core.c": {"diary.core.a", "diary.core.d"},
        "diary.core.d": set(),
        "diary.cli.x": {"diary.cli.y"},
        "diary.cli.y": {"diary.cli.x"},
    }
    assert cycles(graph) == [
        ["diary.cli.x", "diary.cli.y"],
        ["diary.core.a", "diary.core.b", "diary.core.c"],
    ]


def test_lazy_and_relative_imports_count(tmp_path: Path) -> None:
    package = tmp_path / "diary"
    (package / "store").mkdir(parents=True)
    (package / "core").mkdir()
    for folder in (package, package / "store", package / "core"):
        (folder / "__init__.py").write_text('"""A package."""\n')
    (package / "core" / "films.py").write_text("from . import people\n")
    (package / "core" / "people.py").write_text("X = 1\n")
    (package / "store" / "engine.py").write_text(
        "def open_it():\n    from diary.core.films import thing\n    return thing\n"
    )
    graph = import_graph(package)
    assert graph["diary.core.films"] == {"diary.core", "diary.core.people"}
    assert graph["diary.store.engine"] == {"diary.core.films"}
    assert violations(graph) == [Edge("diary.store.engine", "diary.core.films")]
