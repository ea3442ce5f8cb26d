"""The committed Python client (clients/python) is exactly what openapi-python-client makes of the committed
contract; `python dev.py client` regenerates it. tests/integration/test_generated_client.py drives it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

CLIENT = ROOT / "clients" / "python"


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_the_committed_client_is_generated_from_the_committed_spec(tmp_path):
    fresh = tmp_path / "client"
    subprocess.run(
        [sys.executable, ROOT / "dev.py", "client", fresh], cwd=ROOT, check=True, capture_output=True
    )
    committed, generated = files(CLIENT), files(fresh)
    assert sorted(committed) == sorted(generated), "run `python dev.py client` and commit clients/python"
    changed = [name for name in committed if committed[name] != generated[name]]
    assert changed == [], f"out of date: {changed[:10]}; run `python dev.py client` and commit clients/python"


def test_every_operation_has_a_typed_function():
    import jobwise_client.api as api

    modules = {path.stem for path in Path(api.__file__).parent.rglob("*.py") if path.stem != "__init__"}
    assert {"post_register", "post_login", "post_profile_import", "post_jobs", "post_job_search",
            "post_generations", "get_generation", "get_generation_document"} <= modules  # fmt: skip


def test_every_generated_module_imports():
    """A module the generator wrote but Python cannot import (openapi-python-client#1451: ``Unset`` used,
    not imported) is caught here, not by the first user of that endpoint."""
    import importlib

    import jobwise_client

    package = Path(jobwise_client.__file__).parent
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        importlib.import_module(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
