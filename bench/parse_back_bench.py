"""Parse-back: how many employers, titles, schools and degrees a resume parser recovers from JobWise PDFs.

The resumes: the demo profile, every golden case and tests/data/full_resume.json, each written for its
posting by the offline chain and rendered in both templates. Our ATS-style reader
(``pipeline/quality_validator/resume_reader.py``) is measured directly. An independent parser is measured
from its output: ``--write DIR`` writes the PDFs and ``DIR/expected.json``; run the parser over them into a
JSON file mapping each PDF path to {"work": [{"company", "jobTitle"}], "education": [{"school", "degree"}]}
(the shape OpenResume's parser returns; see .context/notes/ISSUE-14-ats.md for how it was run) and pass it
with ``--compare FILE``. A field counts only when it comes back clean: the same words, nothing glued on.

Usage:
  python bench/parse_back_bench.py                        # our reader, per template
  python bench/parse_back_bench.py --write DIR            # write the PDFs (works on older checkouts too)
  python bench/parse_back_bench.py --compare DIR/expected.json RESULT.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.document_generator import GenerationOptions, generate_documents  # noqa: E402
from pipeline.inputs import Posting, profile_from_json_resume  # noqa: E402
from pipeline.job_analyzer import analyze_job  # noqa: E402
from pipeline.profile_compiler import compile_profile  # noqa: E402
from pipeline.render import render_resume_pdf  # noqa: E402

TEMPLATES = ("classic", "modern")
FIELDS = ("employer", "title", "school", "degree")


def cases() -> list[tuple[str, dict, dict]]:
    """(name, JSON Resume, posting) for the demo, each golden case and the full resume."""
    job = json.loads((ROOT / "examples" / "job.json").read_text("utf-8"))
    found = [("demo", json.loads((ROOT / "examples" / "profile.json").read_text("utf-8")), job)]
    golden = ROOT / "tests" / "golden"
    for path in sorted((golden / "cases").glob("*.json")):
        case = json.loads(path.read_text("utf-8"))
        if "profile_file" in case:  # a real-world pair: a real posting, a profile file
            posting = json.loads((golden / "postings" / f"{case['posting_file']}.json").read_text("utf-8"))
            profile = json.loads((golden / "profiles" / f"{case['profile_file']}.json").read_text("utf-8"))
            found.append((path.stem, profile, posting["posting"]))
        else:
            found.append((path.stem, case["profile"], case["posting"]))
    full = json.loads((ROOT / "tests" / "data" / "full_resume.json").read_text("utf-8"))
    found.append(("full_resume", full, job))
    return found


def rendered(template: str):
    """(name, the resume document, the PDF bytes) per case, in one template."""
    for name, doc, posting in cases():
        profile = profile_from_json_resume(doc)
        analysis = analyze_job(Posting(**posting))
        compiled = compile_profile(profile, analysis, today="2026-11")
        options = GenerationOptions(template=template)
        documents = generate_documents(profile, analysis, compiled, options)
        yield name, profile, documents.resume, render_resume_pdf(documents.resume, options).content


def expected_fields(resume) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {field: [] for field in FIELDS}
    for section in resume.sections:
        for entry in section.entries:
            if section.kind == "experience":
                fields["employer"].append(entry.organization)
                fields["title"].append(entry.title)
            elif section.kind == "education":
                fields["school"].append(entry.organization or entry.title)
                if entry.organization:
                    fields["degree"].append(entry.title)
    return fields


def latin(text: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in text)


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", text).casefold())


def ours() -> None:
    from pipeline.quality_validator.parse_back import expected_from_resume, parse_back
    from pipeline.quality_validator.resume_reader import read_resume

    print("our ATS-style reader: fields recovered / expected, per template (all scripts)")
    for template in TEMPLATES:
        totals: dict[str, list[int]] = {}
        for _, profile, resume, pdf in rendered(template):
            result = parse_back(read_resume(pdf), expected_from_resume(resume, profile))
            for field, (found, total) in result.by_field.items():
                totals.setdefault(field, [0, 0])
                totals[field][0] += found
                totals[field][1] += total
        row = "  ".join(f"{field} {found}/{total}" for field, (found, total) in sorted(totals.items()))
        print(f"  {template:8s} {row}")


def write(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    expected = {}
    for template in TEMPLATES:
        for name, _, resume, pdf in rendered(template):
            path = directory / f"{name}-{template}.pdf"
            path.write_bytes(pdf)
            expected[str(path)] = {"latin": latin(resume.name), **expected_fields(resume)}
    (directory / "expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False), "utf-8")
    print(f"wrote {len(expected)} PDFs and expected.json to {directory}")


def compare(expected_file: Path, result_file: Path) -> None:
    """Clean recoveries: an expected value found as a whole field of the parser's output."""
    expected = json.loads(expected_file.read_text("utf-8"))
    results = json.loads(result_file.read_text("utf-8"))
    keys = {"employer": ("work", "company"), "title": ("work", "jobTitle"),
            "school": ("education", "school"), "degree": ("education", "degree")}  # fmt: skip
    for scope in ("all", "latin"):
        totals = {field: [0, 0] for field in FIELDS}
        for path, want in expected.items():
            if scope == "latin" and not want["latin"]:
                continue
            got = results.get(path, {})
            for field in FIELDS:
                group, key = keys[field]
                parsed = [words(item.get(key, "")) for item in got.get(group, [])]
                for value in want[field]:
                    totals[field][1] += 1
                    totals[field][0] += words(value) in parsed
        row = "  ".join(f"{field} {found}/{total}" for field, (found, total) in totals.items())
        print(f"{result_file.name} ({scope} resumes): {row}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("EXPECTED", "RESULT"))
    args = parser.parse_args()
    if args.write:
        write(args.write)
    elif args.compare:
        compare(*args.compare)
    else:
        ours()


if __name__ == "__main__":
    main()
