"""The layering contract (pyproject.toml, docs/architecture.md) holds, and would catch a
breach: lint-imports is run on a copy of the project with one forbidden import added."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
APPS = PYPROJECT["tool"]["importlinter"]["root_packages"]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
MAX_MODULE_LINES = 400


def lint_imports(cwd):
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture
def project_copy(tmp_path):
    for app in APPS:
        shutil.copytree(
            ROOT / app,
            tmp_path / app,
            ignore=shutil.ignore_patterns("templates", "static", "locale", "fixtures", "*.pyc"),
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_project_keeps_its_layers(project_copy):
    result = lint_imports(project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "forbidden"),
    [
        ("regions/lookup.py", "from resources.models import ResourcePage"),  # ground → content
        ("resources/listing.py", "from home.navigation import main_navigation"),  # upwards
        ("search/query.py", "from editorial.teams import setup_all"),  # same floor
        ("home/frontpage.py", "from builder.tree import ensure_home_page"),  # into the top app
    ],
)
def test_an_import_against_the_layers_fails_the_check(project_copy, module, forbidden):
    path = project_copy / module
    path.write_text(f"{forbidden}  # noqa\n{path.read_text()}")
    result = lint_imports(project_copy)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
    importer = module.removesuffix(".py").replace("/", ".")
    assert importer in result.stdout


def test_no_module_of_the_project_is_over_400_lines():
    too_long = {
        str(path.relative_to(ROOT)): lines
        for folder in [*APPS, "tests", "scripts", "benchmarks"]
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert too_long == {}
