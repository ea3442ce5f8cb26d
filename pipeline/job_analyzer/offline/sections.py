"""Stage 1, offline: a posting's lines as headings, bullets and sentences, each given a role.

- Lines are headings, bullets ("-", "*", "•", "1.", "1)", "a)", "①", "一、") or prose, which is split into
  sentences. A heading is a line ending in ":" (or a markdown heading or a bold line) or a short line that
  is exactly a known heading; "Requirements: Python, Go" is a heading with its first item on the line. The
  heading table (English, some German, French, Spanish, Chinese, Japanese, Korean, Russian) sorts sections
  into required ("Requirements", "Must have", "Qualifications"), preferred ("Nice to have", "Preferred",
  "Bonus"), responsibilities ("Responsibilities", "What you'll do"), stack ("Tech stack") and other ("About
  us", "Benefits"); an unknown heading ending in ":" opens a section read like a posting without headings.
- In a required section an item with a "preferred" cue ("a plus", "ideally", "nice to have") is preferred.
  Outside known sections each sentence is sorted by cues: preferred cues, then "you will <verb>" or an
  opening verb (responsibility), then requirement cues ("must", "experience with", "5+ years", "degree"),
  then "responsible for". A sentence without cues counts only when the posting has no requirement or
  responsibility section at all, as context.
- A sentence addressed to a program (``pipeline.job_analyzer.instructions``) gets no role, even inside a
  requirements list. "- Rust expert" as a bullet of the posting's own requirements is a requirement like
  any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pipeline.job_analyzer.instructions import ADDRESSED_TO_A_PROGRAM
from pipeline.text import normalize, split_sentences, years_in

Role = Literal["required", "preferred", "responsibility", "context"]
REQUIRED: Role = "required"
PREFERRED: Role = "preferred"
RESPONSIBILITY: Role = "responsibility"
CONTEXT: Role = "context"
_STACK, _OTHER, _OPEN = "stack", "other", "open"  # section kinds besides the three above

# Heading keys are ``normalize``d, apostrophes dropped, other punctuation turned into spaces.
_HEADING_WORDS = {
    PREFERRED: (
        r"nice to haves?|(preferred|desired|desirable|bonus|optional)( \w+)*|bonus points?|pluses"
        r"|(a |big )?plus|good to haves?|extra credit|ideally( \w+)*|(it )?would be (great|nice)( \w+)*"
        r"|(wed|we would|we d) love( \w+)*|wunschenswert|von vorteil|pluspunkte|atouts?|un plus|souhaite"
        r"|deseable|valorable|se valorara|加分项?|优先|歓迎\w*|尚可|우대 ?사항|будет плюсом|желательно"
    ),
    RESPONSIBILITY: (
        r"(key |main |your |core )?(responsibilities|duties|tasks)( \w+)*"
        r"|what (youll|you will|you would|you d) (do|be doing|work on)( \w+)*"
        r"|(the|your|this) (role|job|position|mission|impact)|about (the|this) (role|job|position)"
        r"|role (overview|description)|in this role( \w+)*|day to day( \w+)*|(ihre |deine )?aufgaben"
        r"|(vos )?missions?|responsabilites|responsabilidades|funciones"
        r"|岗位职责|工作职责|工作内容|职责|業務内容|仕事内容|обязанности|задачи|주요 ?업무|담당 ?업무"
    ),
    REQUIRED: (
        r"(minimum |basic |required |key |essential |core )?(requirements?|qualifications?)( \w+)*"
        r"|must ?haves?|((what )?(youll|you will|you) (bring|need))( \w+)*"
        r"|what (were|we are) looking for( \w+)*|who (you are|we are looking for)|about you"
        r"|you (have|are|should have)|(required |key |core |technical )?skills( \w+)*"
        r"|(your )?(experience|background|profile)|essentials?|anforderungen|(ihr|dein) profil"
        r"|was (du|sie) mitbring(st|en)|profil recherche|exigences|competences( requises)?|requisitos|perfil"
        r"|任职要求|岗位要求|职位要求|任职资格|要求|応募資格|必須\w*|求める人材"
        r"|требования|자격 ?요건|필수 ?요건"
    ),
    _STACK: (
        r"(our |the )?(tech|technology|technical) stack( \w+)*|(our )?stack|technologies( \w+)*"
        r"|tools( \w+)*|tech|技术栈|技術スタック"
    ),
    _OPEN: r"(job |role |position )?(description|overview|summary)|the opportunity|职位描述|岗位描述",
    _OTHER: (
        r"about( \w+)*|who we are|(our )?(benefits|perks|values|culture|team|company|mission)( \w+)*"
        r"|what we offer|we offer|(what|why) (you get|join us|us)|compensation( \w+)*|salary( \w+)*"
        r"|pay( \w+)*|how to apply|apply|equal (opportunity|employment)( \w+)*|eeo( \w+)*|location"
        r"|work location|logistics|wir bieten|das bieten wir|avantages|beneficios|условия|мы предлагаем"
        r"|福利\w*|公司\w*|关于我们|待遇"
    ),
}  # checked in this order: "preferred qualifications" is preferred, "about you" required, "about us" other
_HEADINGS = tuple((kind, re.compile(words)) for kind, words in _HEADING_WORDS.items())
# Inside a longer heading ("Bonus points if you have:"): whole words only, except in CJK text.
_HEADINGS_INSIDE = tuple(
    (kind, re.compile(rf"(?:^|(?<= ))(?:{words})(?= |$)|(?:{words})(?=[^\x00-\u2fff])"))
    for kind, words in _HEADING_WORDS.items()
)

_BULLET = re.compile(
    r"^(?:[-*+]\s+|[\u2022·\u25aa\u25e6\u2023\u2043\u25cf\u25cb\u25a0\u25a1\u27a2\u25ba\u25b6\u2713\u2714]\s*|\(?\d{1,2}[.)](?!\d)\s*|\d{1,2}[、．]\s*|\(?[a-zA-Z]\)\s+"
    r"|[①-⑳]\s*|[一二三四五六七八九十]+[、.．]\s*)"
)
_INLINE_HEADING = re.compile(r"^([^:：]{1,60})[:：]\s*(.*)$")
_PREFERRED_CUE = re.compile(
    r"\b(preferred|preferably|a plus|big plus|nice to have|nice-to-have|bonus|ideally|desirable|desired"
    r"|advantageous|an advantage|good to have|would be (great|nice|a plus)|not required|optional|extra credit"
    r"|wunschenswert|von vorteil|idealerweise|valorable|se valorara|souhaite|un plus|atout|будет плюсом"
    r"|желательно)\b|优先|加分|歓迎|尚可|우대"
)
_RESPONSIBILITY_START = re.compile(
    r"^((you will|you'll|you would)\s+(?!need|have|bring|possess|be expected)|(design|build|develop|own|lead"
    r"|maintain|write|create|implement|collaborate|work (with|on|closely)|drive|improve|mentor|support"
    r"|manage|participate|deliver|ship|partner|run|operate|scale|tune|review|define|architect)\b)|^(负责|参与)"
)
_REQUIREMENT_CUE = re.compile(
    r"\b(must|required|requires?|requirements?|need to have|you (have|bring|possess)"
    r"|you'?ll (need|have|bring)|you will (need|have|bring)|we'?re looking for|we are looking for"
    r"|looking for (someone|an?|candidates?)"
    r"|experience (with|in|of|using|building|en|avec|dans)|proficien\w*|knowledge of"
    r"|familiar(ity)? with|understanding of|background in|degree|expertise in|expert in|skilled in|strong"
    r"|solid|hands-on|ability to|fluent|fluency|erfahrung|kenntnisse|experiencia|conocimientos|maitrise"
    r"|опыт|знание)\b|熟悉|精通|掌握|具备|具有|要求|经验|学历|経験|必須"
)
_EXPERIENCE_CUE = re.compile(
    r"experience|background|track record|professional|industry|working|erfahrung|experiencia"
    r"|опыт|经验|経験|경력"
)
_RESPONSIBILITY_CUE = re.compile(r"\b(responsible for|you will|you'll|du wirst|sie werden|вы будете)\b|负责")


@dataclass
class Item:
    text: str  # the posting's own words, whitespace collapsed, bullet marker removed
    section: str
    bullet: bool
    role: Role | None = None  # None: not used
    norm: str = field(default="", repr=False)


def _heading_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", normalize(text).replace("'", "")).split())


def _classify_heading(key: str, *, search: bool) -> str | None:
    if search:
        return next((kind for kind, pattern in _HEADINGS_INSIDE if pattern.search(key)), None)
    return next((kind for kind, pattern in _HEADINGS if pattern.fullmatch(key)), None)


def _short(key: str, words: int) -> bool:
    return len(key.split()) <= words and len(key) <= 60


def _heading(body: str, bullet: bool) -> tuple[str, str] | None:
    """(section kind, rest of the line) when ``body`` is a heading, else None."""
    marked = body.startswith("#") or (body[:2] in ("**", "__") and body[-2:] in ("**", "__"))
    text = body.strip("#*_ ")
    inline = _INLINE_HEADING.match(text)
    if inline and inline.group(2).strip("*_ "):
        key = _heading_key(inline.group(1))
        kind = _classify_heading(key, search=False) if _short(key, 6) else None
        return (kind, inline.group(2).strip("*_ ")) if kind else None
    colon = inline is not None
    head = inline.group(1) if inline else text
    key = _heading_key(head.strip("*_ "))
    if not key or not _short(key, 8):
        return None
    if colon or marked:
        kind = _classify_heading(key, search=True)
        return (kind or _OPEN, "") if not bullet or kind else None
    if bullet or not _short(key, 5) or head[0].islower() or re.search(r"[.!?。]$", head):
        return None
    kind = _classify_heading(key, search=False)
    return (kind, "") if kind else None


def _items(description: str) -> list[Item]:
    items: list[Item] = []
    section = _OPEN
    for raw in description.splitlines():
        line = " ".join(raw.split())
        marker = _BULLET.match(line)
        body = line[marker.end() :].strip() if marker else line
        if not re.search(r"\w", body):
            continue
        bullet = marker is not None
        if not bullet and items and items[-1].bullet and body[0].islower():
            items[-1].text = f"{items[-1].text} {body}"  # a bullet wrapped onto the next line
            continue
        heading = _heading(body, bullet)
        if heading is not None:
            kind, rest = heading
            if bullet:
                items.append(Item(rest, kind, True))
                continue
            section = kind
            if rest:
                items.extend(Item(s, section, False) for s in split_sentences(rest))
            continue
        if bullet:
            items.append(Item(body, section, True))
        else:
            items.extend(Item(s, section, False) for s in split_sentences(body))
    for item in items:
        item.norm = normalize(item.text)
    return items


def _assign_roles(items: list[Item]) -> None:
    structured = any(item.section in (REQUIRED, PREFERRED, RESPONSIBILITY) for item in items)
    for item in items:
        text = item.norm
        if ADDRESSED_TO_A_PROGRAM.search(text):
            item.role = None
        elif item.section == REQUIRED:
            item.role = PREFERRED if _PREFERRED_CUE.search(text) else REQUIRED
        elif item.section in (PREFERRED, RESPONSIBILITY):
            item.role = item.section
        elif item.section == _STACK:
            item.role = CONTEXT
        elif item.section == _OTHER:
            item.role = None
        elif _PREFERRED_CUE.search(text):
            item.role = PREFERRED
        elif _RESPONSIBILITY_START.search(text):
            item.role = RESPONSIBILITY
        elif _REQUIREMENT_CUE.search(text) or (years_in(text) and _EXPERIENCE_CUE.search(text)):
            item.role = REQUIRED
        elif _RESPONSIBILITY_CUE.search(text):
            item.role = RESPONSIBILITY
        else:
            item.role = None if structured else CONTEXT


def read_items(description: str) -> list[Item]:
    """The posting's items in order, each with its section and role."""
    items = _items(description)
    _assign_roles(items)
    return items
