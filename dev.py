#!/usr/bin/env python3
"""JobWise developer commands. Standard library only: it works before anything is installed.

python dev.py demo      set up, migrate the embedded SQLite database, run the demo
python dev.py test      set up, lint, run the whole suite on Postgres and Redis with coverage
python dev.py migrate   apply all migrations to DATABASE_URL
python dev.py up        run the full stack from the Procfile (gunicorn, workers, beat, Flower)
python dev.py openapi   write .context/api/openapi-spec.yaml from the app
python dev.py client    regenerate the typed Python client in clients/python from that spec
python dev.py setup     create .venv, install requirements.txt and the jobwise command (others do it first)
"""

from __future__ import annotations

import argparse
import hashlib
import os
import secrets
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements.txt"
PYPROJECT = ROOT / "pyproject.toml"
STAMP = VENV / ".requirements.sha256"
SPEC = ROOT / ".context" / "api" / "openapi-spec.yaml"
CLIENT = ROOT / "clients" / "python"
CLIENT_CONFIG = ROOT / "clients" / "openapi-python-client.yaml"
LOCAL_POSTGRES = "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres"
LOCAL_REDIS = "redis://127.0.0.1:6379/0"
COVERAGE_MINIMUM = 80


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(*args: object, env: dict[str, str] | None = None) -> None:
    """Run a command from the project root; stop with its exit code if it fails."""
    command = [str(a) for a in args]
    result = subprocess.run(command, cwd=ROOT, env={**os.environ, **(env or {})}, check=False)
    if result.returncode != 0:
        sys.exit(result.returncode)


def setup() -> Path:
    """Create .venv and install the pinned requirements, unless they are already installed."""
    if sys.version_info < (3, 11):  # noqa: UP036 -- dev.py runs on whatever python the user has
        sys.exit(f"JobWise needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not venv_python().exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes() + PYPROJECT.read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        print("Installing requirements (about a minute the first time) ...", flush=True)
        pip = (venv_python(), "-m", "pip", "install", "--disable-pip-version-check", "-q")
        run(*pip, "-r", REQUIREMENTS)
        # The `jobwise` command (pyproject.toml), editable: the CLI's code is used from clients/ as it is.
        run(*pip, "--no-deps", "--editable", ROOT)
        STAMP.write_text(wanted)
    return venv_python()


def migrate() -> None:
    """Create the database if it is a missing Postgres one, then upgrade it to the newest migration."""
    python = setup()
    run(python, ROOT / "scripts" / "ensure_database.py")
    run(python, "-m", "alembic", "upgrade", "head")


def demo(args: list[str]) -> None:
    python = setup()
    migrate()
    run(python, ROOT / "scripts" / "demo.py", *args)


def test(pytest_args: list[str]) -> None:
    python = setup()
    env = {
        "DATABASE_URL": os.environ.get("DATABASE_URL", LOCAL_POSTGRES),
        "REDIS_URL": os.environ.get("REDIS_URL", LOCAL_REDIS),
    }
    run(python, "-m", "ruff", "check", ".")
    run(python, "-m", "ruff", "format", "--check", ".")
    # The console script: ``python -m importlinter.cli`` has no __main__ and silently checks nothing.
    run(python.parent / ("lint-imports.exe" if os.name == "nt" else "lint-imports"), env=env)
    run(
        python, "-m", "pytest",
        "--cov", "--cov-report=term:skip-covered", f"--cov-fail-under={COVERAGE_MINIMUM}",
        *pytest_args,
        env=env,
    )  # fmt: skip


def up() -> None:
    """The full stack on the local Postgres, Redis and this machine's cores; .env or the environment win."""
    defaults = {
        "DATABASE_URL": "postgresql+psycopg2://postgres@127.0.0.1:5432/jobwise",
        "REDIS_URL": LOCAL_REDIS,
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/1",
        "PORT": "8000",
        "FLOWER_BASIC_AUTH": f"admin:{secrets.token_urlsafe(12)}",
    }
    for name, value in defaults.items():
        os.environ.setdefault(name, value)
    migrate()  # what the Procfile's release process does on a platform
    print(f"Flower: http://127.0.0.1:5555 (basic auth {os.environ['FLOWER_BASIC_AUTH']})", flush=True)
    procfile = ROOT / ("Procfile.windows" if os.name == "nt" else "Procfile")
    scripts = venv_python().parent  # gunicorn, celery and flower are run by name from the Procfile
    run(
        setup(),
        "-m",
        "honcho",
        "start",
        "-f",
        procfile,
        *long_running_processes(procfile),
        env={"PATH": f"{scripts}{os.pathsep}{os.environ['PATH']}"},
    )


def long_running_processes(procfile: Path) -> list[str]:
    """The Procfile's process names but ``release``: it runs once and exits, which would stop honcho."""
    names = []
    for line in procfile.read_text(encoding="utf-8").splitlines():
        name, separator, _ = line.partition(":")
        if separator and name.strip() and not name.lstrip().startswith("#"):
            names.append(name.strip())
    return [name for name in names if name != "release"]


def openapi() -> None:
    SPEC.parent.mkdir(parents=True, exist_ok=True)
    run(setup(), "-m", "flask", "--app", "wsgi", "openapi", "write", "--format", "yaml", SPEC)
    print(f"Wrote {SPEC.relative_to(ROOT)}")


def client(args: list[str]) -> None:
    """Generate the Python client from the committed spec into clients/python (or the folder given)."""
    python = setup()
    output = Path(args[0]).resolve() if args else CLIENT
    shutil.rmtree(output, ignore_errors=True)
    scripts = python.parent  # openapi-python-client runs ruff (a post hook) by name
    run(
        scripts / ("openapi-python-client.exe" if os.name == "nt" else "openapi-python-client"),
        "generate", "--path", SPEC, "--meta", "pdm", "--config", CLIENT_CONFIG, "--output-path", output,
        "--fail-on-warning",  # a skipped model or response (a name collision, say) fails the generation
        env={"PATH": f"{scripts}{os.pathsep}{os.environ['PATH']}", "RUFF_NO_CACHE": "true"},
    )  # fmt: skip
    import_unset_where_used(output)
    print(f"Wrote {output}")


def import_unset_where_used(output: Path) -> None:
    """openapi-python-client 0.29.1 annotates a required body of several media types (POST /jobs/import)
    ``... | Unset = UNSET`` without importing ``Unset``, so the module fails to import (upstream issue
    openapi-python-client#1451, fix pending in #1478). Add the import until a release has the fix."""
    for path in sorted((output / "jobwise_client" / "api").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        for number, line in enumerate(lines):
            if line.startswith("from ...types import ") and "Unset" not in line.split(" import ", 1)[1].split(
                ","
            ):
                names = [name.strip() for name in line.split(" import ", 1)[1].split(",")]
                if "| Unset" in text and "Unset" not in names:
                    constants = [
                        name for name in names if name.isupper()
                    ]  # isort's order: constants, classes
                    classes = sorted(name for name in [*names, "Unset"] if not name.isupper())
                    lines[number] = "from ...types import " + ", ".join(constants + classes) + "\n"
                    path.write_text("".join(lines), encoding="utf-8")
                break


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["demo", "test", "migrate", "up", "openapi", "client", "setup"])
    parser.add_argument(
        "args",
        nargs=argparse.REMAINDER,
        help="passed on to pytest (test) or the demo (demo); client: a folder other than clients/python",
    )
    options = parser.parse_args()
    if options.command == "test":
        test(options.args)
    elif options.command == "demo":
        demo(options.args)
    elif options.command == "client":
        client(options.args)
    else:
        {"migrate": migrate, "up": up, "openapi": openapi, "setup": setup}[options.command]()


if __name__ == "__main__":
    main()
