"""Stage 1, offline: a posting's lines as headings, bullets and sentences, each given a role.

- Lines are headings, bullets ("-", "*", "•", "●", "1.", "1)", "a)", "①", "一、") or prose, which is split
  into sentences. Bullets run together on one pasted line ("...skills:- 4 years of Java- Git") are split
  apart first. A heading is a line ending in ":" or "?" (or a markdown heading or a bold line) or a short
  line that is exactly a known heading; "Requirements: Python, Go" is a heading with its first item on
  the line.
- Headings are recognised by meaning in English, German, Spanish, French and Portuguese (and some Chinese,
  Japanese, Korean, Russian): required ("Requirements", "Qualifications", "To be successful in this role
  you have", "What you bring", "Das bringst du mit", "Requisitos", "Profil recherché", "O que buscamos"),
  preferred ("Nice to have", "Ein Plus, aber kein Muss", "Deseable"), responsibilities ("What you'll do",
  "Deine Aufgaben", "Funciones"), and the sections that are never content: about the company, benefits,
  salary, how to apply, legal and equal-opportunity text, physical demands and allowed substitutions. An
  unknown heading followed by a list continues a requirements list it follows (a sub-heading such as
  "Technologies you are comfortable with"); otherwise it opens a section read sentence by sentence.
- Boilerplate is kept out wherever it stands, even inside a requirements list: equal-opportunity and legal
  statements, pay ranges, benefits, application instructions.
- In a required section an item with a "preferred" cue ("a plus", "ideally", "nice to have") is preferred.
  Outside known sections each sentence is sorted by cues: preferred cues, then "you will <verb>" or an
  opening verb (responsibility), then requirement cues ("must", "experience with", "5+ years", "degree",
  "Kenntnisse", "experiencia"), then "responsible for". A sentence without cues counts only when the
  posting has no requirement or responsibility section at all, as context.
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
Section = Literal[
    "required", "preferred", "responsibility", "stack", "open", "about", "benefits", "salary", "apply",
    "legal", "conditions",
]  # fmt: skip
STACK: Section = "stack"
OPEN: Section = "open"
NOT_CONTENT: frozenset[str] = frozenset({"about", "benefits", "salary", "apply", "legal", "conditions"})

# Heading words per section, over ``_heading_key`` text (normalized: lower case, accents folded, apostrophes
# dropped, other punctuation turned into spaces). Checked in this order, first match wins, so "preferred
# qualifications" is preferred, "to be successful in this role you have" required, "about us" about.
_HEADING_WORDS: tuple[tuple[str, str], ...] = (
    (
        PREFERRED,
        r"nice to haves?|(preferred|desired|desirable|bonus|optional|additional)( \w+)*|bonus points?|pluses"
        r"|(a |big )?plus|good to haves?|extra credit|ideally( \w+)*|(it )?would be (great|nice)( \w+)*"
        r"|(wed|we would|we d) love( \w+)*|(ein )?plus( aber kein muss)?|wunschenswert|von vorteil|pluspunkte"
        r"|idealerweise|atouts?|un plus|souhaite\w*|deseables?|valorables?|se valorara|seria un plus"
        r"|diferencia(l|is)|desejavel|sera um diferencial|加分项?|优先|歓迎\w*|尚可|우대 ?사항|будет плюсом"
        r"|желательно",
    ),
    (
        "conditions",
        r"physical (requirements|demands)( \w+)*|working conditions|work environment|substitutions?( \w+)*"
        r"|equivalen(cy|ts?)( \w+)*",
    ),
    (
        REQUIRED,
        r"(minimum |basic |required |key |essential |core )?(requirements?|qualifications?|competenc(y"
        r"|ies))( \w+)*"
        r"|\w+( \w+)* (requirements?|qualifications?|competencies)|required( \w+)*|must ?haves?"
        r"|((what )?(youll|you will|you) (bring|need|have))( \w+)*|\w+( \w+)* you (have|bring|need|possess)"
        r"|what (were|we are|we re) looking for( \w+)*|who (you are|we are looking for)|about you|you are"
        r"|(you|your) should have|(required |key |core |technical )?skills( \w+)*|(your )?(background"
        r"|profile)"
        r"|(education|experience|credentials?|licensure|certifications?)( \w+)*|essentials?"
        r"|anforderungen( \w+)*|(deine |ihre )?qualifikation(en)?( \w+)*|(ihr|dein) profil|das bringst du mit"
        r"|was (du|sie) mitbring(st|en)|(das|was) (bringst du|bringen sie) mit|was wir (uns )?(von dir "
        r"|von ihnen )?"
        r"(wunschen|erwarten)|was du mitbringst|du bringst mit|voraussetzungen|profil recherche|exigences"
        r"|competences( requises)?|(votre |ton )?profil|qualifications requises|requisitos( \w+)*"
        r"|conocimientos( \w+)*|perfil( \w+)*|que buscamos|buscamos|lo que (necesitas|pedimos)"
        r"|\w+( \w+)* (habilidades|experiencia)|requisitos|o que (buscamos|esperamos|voce precisa)( \w+)*"
        r"|qualificacoes|requisitos e qualificacoes|任职要求|岗位要求|职位要求|任职资格|要求|応募資格|必須\w*"
        r"|求める人材|требования|자격 ?요건|필수 ?요건",
    ),
    (
        RESPONSIBILITY,
        r"(key |main |your |core |primary )?(responsibilities|duties|tasks|accountabilities)( \w+)*"
        r"|\w+( \w+)* (responsibilities|duties|tasks)|what (youll|you will|you would|you d) (do|be doing"
        r"|work on)( \w+)*"
        r"|what you get to do( \w+)*|day to day( \w+)*|(ihre |deine )?aufgaben( \w+)*|\w+( \w+)* aufgaben"
        r"|dein (neuer )?job|deine rolle|das erwartet dich bei( \w+)*|(vos )?missions?( principales)?"
        r"|vos taches"
        r"|responsabilites|responsabilidades( \w+)*|funciones( \w+)*|que haras|tus funciones"
        r"|seras responsable( \w+)*"
        r"|\w+( \w+)* desafios( \w+)*|desafios|atribuicoes|o que voce vai fazer( \w+)*|suas responsabilidades"
        r"|岗位职责|工作职责|工作内容|职责|業務内容|仕事内容|обязанности|задачи|주요 ?업무|담당 ?업무",
    ),
    (
        "salary",
        r"(compensation|salary|pay)( \w+)*|\w+( \w+)* (salary|compensation)|gehalt|verguetung|salario( \w+)*"
        r"|remuneracion|salaire|remuneracao",
    ),
    (
        "benefits",
        r"(our |your |the )?(benefits?|perks)( \w+)*|\w+( \w+)* benefits|what (we|you) (offer|get)( \w+)*"
        r"|we offer|whats in it for you|why (join|work)( \w+)*|why \w+( \w+)?|(wir bieten"
        r"|das bieten wir)( \w+)*"
        r"|dafur bieten wir( \w+)*|unser angebot|(das )?erwartet (dich|sie)|warum \w+( \w+)*|(unsere "
        r"|deine )?benefits"
        r"|was wir (dir |ihnen )?bieten|avantages|nous offrons|ce que nous offrons|beneficios|ofrecemos"
        r"|que (te )?ofrecemos|lo que ofrecemos|se ofrece|condiciones( \w+)*|beneficios e vantagens"
        r"|o que oferecemos|福利\w*|待遇|условия|мы предлагаем",
    ),
    (
        "apply",
        r"how to apply|apply( \w+)*|application process|our hiring process( \w+)*"
        r"|\w+( \w+)* hiring process( \w+)*"
        r"|next steps|bewerbung( \w+)*|so bewirbst du dich|wie geht es weiter|como aplicar|postulacion"
        r"|inscribete( \w+)*|candidature|comment postuler|como se candidatar",
    ),
    (
        "legal",
        r"equal (opportunity|employment)( \w+)*|eeo( \w+)*|(important )?notice|disclaimer|legal( \w+)*"
        r"|privacy( \w+)*|diversity( \w+)*|additional (information|notes)|gut zu wissen"
        r"|zusatzliche informationen"
        r"|informacion adicional|please note",
    ),
    (
        "about",
        r"about( \w+)*|who we are|(our )?(values|culture|team|company|mission|story|core values)( \w+)*"
        r"|(company|business) (description|overview)|(unternehmens|firmen)beschreibung|uber uns|wer wir sind"
        r"|du als teil( \w+)*|descripcion de la empresa|sobre nosotros|quienes somos|qui sommes nous"
        r"|a propos( \w+)*|sobre (nos|a empresa)|quem somos|关于我们|公司\w*",
    ),
    (
        STACK,
        r"(our |the )?(tech|technology|technical) stack( \w+)*|(our )?stack|technologies( \w+)*|tools( \w+)*"
        r"|tech|techstack|tecnologias|技术栈|技術スタック",
    ),
    (
        OPEN,
        r"(job |role |position )?(description|overview|summary)|the (opportunity|role|position)"
        r"|about the (role|job)"
        r"|stellenbeschreibung|descripcion( del (empleo|puesto))?|description du poste|descricao( da vaga)?"
        r"|vaga"
        r"|职位描述|岗位描述",
    ),
)
_HEADINGS = tuple((kind, re.compile(words)) for kind, words in _HEADING_WORDS)
# Inside a longer heading ("Bonus points if you have:"): whole words only, except in CJK text.
_HEADINGS_INSIDE = tuple(
    (kind, re.compile(rf"(?:^|(?<= ))(?:{words})(?= |$)|(?:{words})(?=[^\x00-\u2fff])"))
    for kind, words in _HEADING_WORDS
)

_BULLET = re.compile(
    r"^(?:[-*+]\s+|[\u2022·\u25aa\u25e6\u2023\u2043\u25cf\u25cb\u25a0\u25a1\u27a2\u25ba\u25b6\u2713\u2714]\s*"
    r"|\(?\d{1,2}[.)](?!\d)\s*|\d{1,2}[、．]\s*|\(?[a-zA-Z]\)\s+|[①-⑳]\s*|[一二三四五六七八九十]+[、.．]\s*)"
)
# Bullets pasted onto one line: "...experiencia:- Al menos 4 años- Experiencia en Java" or "●".
_RUN_ON_BULLET = re.compile(r"(?<=[\w.:)!?])-\s?(?=[A-ZÁÉÍÓÚÑ¿¡])|\s*[\u25cf\u2022]\s*(?=\S)")
_QUESTION_OPEN = re.compile(r"(?<=\S)(?=¿)")
_INLINE_HEADING = re.compile(r"^([^:：]{1,60})[:：]\s*(.*)$")
_PREFERRED_CUE = re.compile(
    r"\b(preferred|preferably|preference|a plus|big plus|nice to have|nice-to-have|bonus|ideally|desirable"
    r"|desired"
    r"|advantageous|an advantage|good to have|would be (great|nice|a plus)|not required|optional|extra credit"
    r"|is a plus|wunschenswert|von vorteil|idealerweise|ist ein vorteil|valorable|se valorara|deseable"
    r"|souhaite|un plus|atout|desejavel|diferencial|будет плюсом|желательно)\b|优先|加分|歓迎|尚可|우대"
)
_RESPONSIBILITY_START = re.compile(
    r"^((you will|you'll|you would)\s+(?!need|have|bring|possess|be expected)|(design|build|develop|own|lead"
    r"|maintain|write|create|implement|collaborate|work (with|on|closely)|drive|improve|mentor|support"
    r"|manage|participate|deliver|ship|partner|run|operate|scale|tune|review|define|architect|assume"
    r"|document|monitor|administer|assist|communicate|inform|make|delegate|perform|record|prepare|conduct"
    r"|scan|apply|post|investigate|accurately|ensure|provide|coordinate|promote|reviews|implements)\b)"
    r"|^du (bist|arbeitest|entwickelst|unterstutzt|leistest|gehst|baust|betreust|ubernimmst|verantwortest)\b"
    r"|^(desarrollar|disenar|gestionar|participar|colaborar|implementar|mantener|optimizar|ser un referente"
    r"|adopcion|procesamiento|diseno|integracion|manejo de roles|desenvolver|atuar|developper|concevoir)\b"
    r"|^(负责|参与)"
)
_REQUIREMENT_CUE = re.compile(
    r"\b(must|required|requires?|requirements?|need to have|you (have|bring|possess)"
    r"|you'?ll (need|have|bring)|you will (need|have|bring)|we'?re looking for|we are looking for"
    r"|looking for (someone|an?|candidates?)|the ideal candidate"
    r"|experience (with|in|of|using|building|en|avec|dans)|proficien\w*|knowledge of"
    r"|familiar(ity)? with|understanding of|background in|degree|expertise in|expert in|skilled in|strong"
    r"|solid|hands-on|ability to|fluent|fluency|licen[cs]ed?|certification|certified|graduate of"
    r"|erfahrung|kenntnisse|vertraut mit|umgang mit|abgeschlossene?s?|studium|ausbildung|du (hast|bringst"
    r"|verfugst)"
    r"|sie (haben|bringen|verfugen)|fließend|fliessend|experiencia|conocimientos?|manejo de|dominio de"
    r"|titulad[oa]"
    r"|licenciatura|imprescindible|indispensable|requisito|experiencia|conhecimentos?|formacao|dominio"
    r"|maitrise|connaissances?|diplome|vous (avez|maitrisez)|опыт|знание)\b"
    r"|熟悉|精通|掌握|具备|具有|要求|经验|学历|経験|必須"
)
_EXPERIENCE_CUE = re.compile(
    r"experience|background|track record|professional|industry|working|erfahrung|experiencia|experiencia"
    r"|опыт|经验|経験|경력"
)
_RESPONSIBILITY_CUE = re.compile(
    r"\b(responsible for|you will|you'll|du wirst|sie werden|seras responsable|sera responsable|вы будете)\b"
    r"|负责"
)
# Text that is never a requirement or a duty, wherever it stands.
_BOILERPLATE = re.compile(
    r"equal (employment )?opportunit|without regard to|affirmative action|reasonable accommodation"
    r"|protected (veteran|class|group)|regardless of (age|race|gender)|\brace, colou?r|national origin"
    r"|export (control|administration|licens)|fraudulent|job scams|legitimacy of job|e-verify"
    r"|\bpay range\b|\bbase pay\b|salary range|\bcompensation (is|package|structure|will vary)|\$\s?\d|€\s?\d"
    r"|\b401\s?\(?k\)?|health (insurance|plans?|benefits)|dental|vision insurance|paid time off|\bpto\b"
    r"|unlimited vacation|stock options|employee stock|commuter|parental leave"
    r"|click here|apply (now|today|here)|send (us )?your (cv|resume)|learn more (on|about|at)"
    r"|all rights reserved|used under license|not affiliated with"
    r"|gleichbehandlung|unabhangig von (geschlecht|alter|herkunft)|schwerbehinderte|bewirb dich"
    r"|wir freuen uns auf"
    r"|igualdad de oportunidades|sin distincion|manda tu aplicacion|envia tu cv|postulate"
    r"|#[a-z]+-?[a-z0-9]*\b$|^#\w+"
)


@dataclass
class Item:
    text: str  # the posting's own words, whitespace collapsed, bullet marker removed
    section: str
    bullet: bool
    role: Role | None = None  # None: not used
    norm: str = field(default="", repr=False)


def _heading_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", normalize(text).replace("'", "").replace("’", "")).split())


def _classify_heading(key: str, *, search: bool) -> str | None:
    if search:
        return next((kind for kind, pattern in _HEADINGS_INSIDE if pattern.search(key)), None)
    return next((kind for kind, pattern in _HEADINGS if pattern.fullmatch(key)), None)


def _short(key: str, words: int) -> bool:
    return len(key.split()) <= words and len(key) <= 120


def _heading(body: str, bullet: bool) -> tuple[str | None, str] | None:
    """(section kind or None when unknown, rest of the line) when ``body`` is a heading, else None."""
    marked = body.startswith("#") or (body[:2] in ("**", "__") and body[-2:] in ("**", "__"))
    text = body.strip("#*_ ")
    inline = _INLINE_HEADING.match(text)
    if inline and inline.group(2).strip("*_ "):
        key = _heading_key(inline.group(1))
        kind = _classify_heading(key, search=False) if _short(key, 6) else None
        return (kind, inline.group(2).strip("*_ ")) if kind else None
    colon = inline is not None
    question = text.endswith("?") and not colon
    head = (inline.group(1) if inline else text).strip("¿?*_ ")
    key = _heading_key(head)
    if not key or not _short(key, 16 if (colon or question) else 8):
        return None
    if colon or marked or question:
        kind = _classify_heading(key, search=True)
        if kind is None and (question or not _short(key, 8)):
            return None
        return (kind, "") if not bullet or kind else None
    if bullet or not _short(key, 5) or head[0].islower() or re.search(r"[.!。]$", head):
        return None
    kind = _classify_heading(key, search=False)
    return (kind, "") if kind else None


def _lines(description: str) -> list[str]:
    """The description's lines, with run-on bullets and inline "¿...?" headings on lines of their own."""
    raw = description.splitlines()
    joined: list[str] = []
    for line in raw:
        if joined and "¿" in joined[-1] and "?" not in joined[-1].rsplit("¿", 1)[1]:
            joined[-1] = f"{joined[-1]} {line.strip()}"  # "¿Qué te" / "ofrecemos?" broken across lines
        else:
            joined.append(line)
    out: list[str] = []
    for line in joined:
        pieces = [line]
        if len(_RUN_ON_BULLET.findall(line)) >= 2 or "\u25cf" in line:
            pieces = [p for p in _RUN_ON_BULLET.split(line) if p.strip()]
            pieces = [pieces[0], *(f"- {p.strip()}" for p in pieces[1:])]
        for piece in pieces:
            parts = _QUESTION_OPEN.split(piece)
            out.extend(parts[:1])
            for part in parts[1:]:  # "...nodeJS.¿Qué te ofrecemos?- Pertenecer" -> heading, bullet
                question, _, rest = part.partition("?")
                out.append(f"{question}?")
                if rest.strip(" -"):
                    out.append(f"- {rest.strip(' -')}")
    return out


def _items(description: str) -> list[Item]:
    items: list[Item] = []
    section: str = OPEN
    lines = [" ".join(raw.split()) for raw in _lines(description)]
    for number, line in enumerate(lines):
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
                items.append(Item(body, kind or section, True))
                continue
            section = kind or _unknown_heading(section, lines, number)
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


def _unknown_heading(section: str, lines: list[str], number: int) -> str:
    """An unknown heading followed by a list continues a requirements list; otherwise it opens a section."""
    following = next((line for line in lines[number + 1 :] if line.strip()), "")
    if section in (REQUIRED, PREFERRED) and _BULLET.match(following):
        return section
    return OPEN


def _assign_roles(items: list[Item]) -> None:
    structured = any(item.section in (REQUIRED, PREFERRED, RESPONSIBILITY) for item in items)
    for item in items:
        text = item.norm
        if ADDRESSED_TO_A_PROGRAM.search(text) or item.section in NOT_CONTENT or _BOILERPLATE.search(text):
            item.role = None
        elif item.section == REQUIRED:
            item.role = PREFERRED if _PREFERRED_CUE.search(text) and not _required_too(text) else REQUIRED
        elif item.section in (PREFERRED, RESPONSIBILITY):
            item.role = item.section  # type: ignore[assignment]
        elif item.section == STACK:
            item.role = CONTEXT
        elif _PREFERRED_CUE.search(text) and not _required_too(text):
            item.role = PREFERRED
        elif _RESPONSIBILITY_START.search(text):
            item.role = RESPONSIBILITY
        elif _REQUIREMENT_CUE.search(text) or (years_in(text) and _EXPERIENCE_CUE.search(text)):
            item.role = REQUIRED
        elif _RESPONSIBILITY_CUE.search(text):
            item.role = RESPONSIBILITY
        else:
            item.role = None if structured else CONTEXT


_REQUIRED_TOO = re.compile(r"\brequired\b[;,]|\bis required\b|\brequired\.?$")


def _required_too(norm: str) -> bool:
    """ "Associate's degree required; BSN preferred": the item states a requirement besides a preference."""
    return _REQUIRED_TOO.search(norm) is not None and "not required" not in norm


def read_items(description: str) -> list[Item]:
    """The posting's items in order, each with its section and role."""
    items = _items(description)
    _assign_roles(items)
    return items
