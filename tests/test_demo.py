"""The README's first command, as a user runs it: embedded (SQLite, Celery eager, offline), real PDFs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
SERVICE_SETTINGS = (
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "RATELIMIT_STORAGE_URI",
    "JOBWISE_LLM_CONFIG",
)


def test_demo_runs_embedded_and_writes_real_pdfs(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in SERVICE_SETTINGS}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'demo.db'}"  # a fresh embedded database, not instance/
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "dev.py", "demo", "--out", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ATS score" in result.stdout
    assert str(out / "resume.pdf") in result.stdout

    for name, expected in (("resume.pdf", "Senior Backend Engineer"), ("cover_letter.pdf", "Parcelhub")):
        reader = PdfReader(out / name)
        text = "\n".join(page.extract_text() for page in reader.pages)
        assert "Jordan Alvarez" in text
        assert expected in text
        assert reader.metadata.author == "Jordan Alvarez"
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert 0 <= report["ats_score"] <= 1
    assert report["ats_report"]["requirements"], "the requirement-by-evidence matrix is in the report"
    assert [s["status"] for s in report["stages"]] == ["succeeded"] * 5
