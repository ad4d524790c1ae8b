"""The distribution: built without warnings, the sdist carries tests and docs, the wheel runs."""

import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

DISTRIBUTION = "film-diary"
# What a source distribution must carry besides the package: enough to check the program.
CHECKED_FOLDERS = ("tests", "docs", "examples", "benchmarks", "scripts")
LEFT_BEHIND = shutil.ignore_patterns(
    ".git", ".venv", "venv", ".ci", "build", "dist", "*.egg-info", "__pycache__", "*.py[cod]",
    ".*_cache", ".hypothesis", "*.db", "*.db-*",
)  # fmt: skip


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path, str]:
    """A copy of the source tree and the sdist and wheel built from it, with the build's log."""
    work = tmp_path_factory.mktemp("dist")
    tree = work / "tree"
    shutil.copytree(ROOT, tree, ignore=LEFT_BEHIND)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(work / "out"), "."],
        capture_output=True,
        text=True,
        cwd=tree,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (sdist,) = (work / "out").glob("*.tar.gz")
    (wheel,) = (work / "out").glob("*.whl")
    return tree, sdist, wheel, result.stdout + result.stderr


def test_metadata_names_the_distribution_licence_and_python() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == DISTRIBUTION
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert project["requires-python"] == ">=3.11"
    assert project["scripts"] == {"diary": "diary.cli.main:main"}
    assert "License :: OSI Approved :: MIT License" not in project["classifiers"]  # SPDX only


def test_building_says_no_warning(built: tuple[Path, Path, Path, str]) -> None:
    *_, log = built
    warnings = [line for line in log.splitlines() if "warn" in line.lower()]
    assert warnings == []


def test_sdist_carries_the_tests_docs_and_examples(built: tuple[Path, Path, Path, str]) -> None:
    tree, sdist, _, _ = built
    with tarfile.open(sdist) as archive:
        inside = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    wanted = {"LICENSE", "README.md", "pyproject.toml", "constraints.txt", "MANIFEST.in"}
    wanted.add("diary/data/best_picture.json")
    for folder in CHECKED_FOLDERS:
        files = (p for p in (tree / folder).rglob("*") if p.is_file())
        wanted |= {p.relative_to(tree).as_posix() for p in files}
    assert sorted(wanted - inside) == []
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in inside)


def test_wheel_holds_the_program_and_its_data_only(built: tuple[Path, Path, Path, str]) -> None:
    _, _, wheel, _ = built
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        info = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(info).decode()
    assert "diary/data/best_picture.json" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert not any(n.startswith(("tests/", "benchmarks/", "docs/")) for n in names)
    assert f"Name: {DISTRIBUTION}\n" in metadata
    assert "License-Expression: MIT\n" in metadata and "Requires-Python: >=3.11\n" in metadata


def test_the_wheel_installs_a_working_diary_command(
    built: tuple[Path, Path, Path, str], tmp_path: Path
) -> None:
    """Installed beside the dependencies already here, the wheel's `diary` script runs."""
    _, _, wheel, _ = built
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--target", str(target), str(wheel)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    env = dict(os.environ, PYTHONPATH=str(target), DIARY_DB=str(tmp_path / "d.db"))
    script = target / "bin" / "diary"
    result = subprocess.run(
        [sys.executable, str(script), "--version"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("diary ")
    # the program ran from the installed copy, not from this checkout
    where = subprocess.run(
        [sys.executable, "-c", "import diary; print(diary.__file__)"],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert where.stdout.strip().startswith(str(target)), where.stdout + where.stderr


def pins() -> dict[str, str]:
    found = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            found[canonicalize_name(name)] = version.strip()
    return found


def test_constraints_pin_every_dependency_within_its_range() -> None:
    """CI installs with -c constraints.txt: a dependency added to pyproject.toml without
    refreshing the pins (scripts/refresh-constraints) would float to whatever is newest."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        wanted += extra
    pinned = pins()
    problems = []
    for text in wanted:
        requirement = Requirement(text)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        version = pinned.get(canonicalize_name(requirement.name))
        if version is None:
            problems.append(f"{requirement.name} is not pinned")
        elif not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement.name}=={version} is outside {requirement.specifier}")
    assert problems == [], "run scripts/refresh-constraints and commit constraints.txt"


def test_ci_and_the_readme_install_with_the_constraints() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'pip install -c constraints.txt -e ".[test]"' in readme
    assert 'pip install --quiet -c constraints.txt -e ".[test]"' in (
        ROOT / ".ci" / "run"
    ).read_text(encoding="utf-8")
    assert (ROOT / "scripts" / "refresh-constraints").stat().st_mode & 0o111
