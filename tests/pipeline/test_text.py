"""pipeline.text: normalization, tokens, aliases and phrase matching shared by every stage."""

import pytest

from pipeline.text import (
    TextIndex,
    aliases,
    canonical,
    clean,
    extract_terms,
    find_terms,
    lookup,
    normalize,
    stem,
    tokenize,
)
from pipeline.text.vocabulary import related_groups, terms


def found(text: str, term: str) -> bool:
    return bool(find_terms(text, [term]))


# --- normalization ------------------------------------------------------------------------------------------


def test_normalize_applies_nfkc_case_folding_and_accent_folding():
    assert normalize("ＰＹＴＨＯＮ") == "python"  # full-width letters
    assert normalize("ﬁle") == "file"  # ligature
    assert normalize("Straße") == "strasse"
    assert normalize("Résumé") == "resume"
    assert normalize("Zoë  Ångström") == "zoe angstrom"
    assert normalize("ΜΗΧΑΝΙΚΌΣ") == normalize("μηχανικος")  # Greek case and tonos


def test_normalize_unifies_dashes_quotes_and_whitespace():
    assert (
        normalize("real\u2013time \u201cdata\u201d\u00a0and\u200b the\u2019s\n\n x")
        == 'real-time "data" and the\'s x'
    )


def test_accents_of_other_scripts_are_letters_and_stay():
    # Japanese dakuten makes another letter: "が" is not "か".
    assert normalize("が") != normalize("か")
    assert normalize("мой") != normalize("мои")  # Cyrillic "й" is a letter of its own
    assert normalize("हिन्दी") == "हिन्दी"


def test_clean_keeps_case_and_accents_for_exact_name_comparison():
    assert clean("  Zoë\u00a0 Ångström ") == "Zoë Ångström"
    assert clean("Zoë") != clean("Zoe")
    assert clean("Ｊｏｓé") == clean("José")  # NFKC only
    assert clean("line one\r\nline two") == "line one\nline two"


def test_resume_matches_resume_with_accents():
    assert found("Attach your résumé", "resume")
    assert found("Attach your resume", "résumé")


# --- tokens -------------------------------------------------------------------------------------------------


def test_technical_tokens_stay_whole():
    tokens = tokenize("C++, C#, .NET, Node.js, CI/CD, k8s, S3, ISO 27001, 24/7, ASP.NET and F#.")
    assert tokens == [
        "c++", "c#", ".net", "node.js", "ci/cd", "k8s", "s3", "iso", "27001", "24/7", "asp.net", "and", "f#",
    ]  # fmt: skip


def test_slashes_and_hyphens_separate_ordinary_words():
    assert tokenize("Flask/Django real-time") == ["flask", "django", "real", "time"]
    assert tokenize("Bachelor's") == ["bachelor"]


def test_cjk_text_is_one_token_per_character():
    assert tokenize("熟悉Python和Go语言") == ["熟", "悉", "python", "和", "go", "语", "言"]
    assert tokenize("データ分析") == ["デ", "ー", "タ", "分", "析"]


def test_iso_27001_is_matched_as_a_phrase():
    assert found("Experience with ISO 27001 audits", "ISO 27001")
    assert found("ISO27001 certified", "ISO 27001")
    assert not found("ISO 9001 and 27001 pages", "ISO 27001")


# --- stemming -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("APIs", "API"),
        ("apis", "api"),
        ("services", "service"),
        ("databases", "database"),
        ("libraries", "library"),
        ("caches", "cache"),
        ("testing", "test"),
        ("mentored", "mentoring"),
        ("programming", "program"),
    ],
)
def test_plurals_and_endings_match_both_ways(a, b):
    assert stem(tokenize(a)[0]) == stem(tokenize(b)[0])
    assert found(f"We use {a} daily", b)
    assert found(f"We use {b} daily", a)


def test_names_of_technologies_are_not_stemmed():
    assert stem("pandas") == "pandas"
    assert stem("kubernetes") == "kubernetes"
    assert stem("rails") == "rails"
    assert not found("a panda at the zoo", "pandas")
    # Nouns in -ing keep their meaning.
    assert not found("Software Engineer", "Software Engineering")
    assert not found("capital markets", "marketing")


def test_short_and_non_ascii_tokens_are_not_stemmed():
    assert stem("aws") == "aws"
    assert stem("redis") == "redis"
    assert stem("größe") == "größe"


# --- aliases ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Modern JS and Node", "JavaScript"),
        ("JavaScript everywhere", "JS"),
        ("Strong TS skills", "TypeScript"),
        ("We run k8s clusters", "Kubernetes"),
        ("Kubernetes operators", "k8s"),
        ("Postgres tuning", "PostgreSQL"),
        ("CI/CD pipelines", "continuous integration"),
        ("continuous integration and continuous delivery", "CI/CD"),
        ("continuous deployment with Argo", "CI/CD"),
        ("applied ML research", "machine learning"),
        ("NLP models", "natural language processing"),
        ("RESTful APIs", "REST APIs"),
        ("a REST API", "REST APIs"),
        ("REST APIs", "RESTful API"),
        ("Amazon Web Services", "AWS"),
        ("Google Cloud Platform", "GCP"),
        ("Golang microservices", "Go"),
        ("Built with Go", "Golang"),
    ],
)
def test_acronyms_and_synonyms_share_a_canonical_form(text, term):
    assert found(text, term)


def test_canonical_aliases_and_lookup():
    assert canonical("k8s") == "Kubernetes"
    assert canonical("JS") == "JavaScript"
    assert canonical("postgres") == "PostgreSQL"
    assert canonical("REST API") == "REST APIs"
    assert canonical("golang") == "Go"
    assert canonical("go") == "Go"  # a whole term (a skill-list entry) has no context rule
    assert canonical("  Widget   Foo ") == "Widget Foo"  # unknown terms come back cleaned
    assert aliases("Kubernetes") == ("Kubernetes", "k8s")
    assert aliases("k8s")[0] == "Kubernetes"
    assert aliases("Widget Foo") == ("Widget Foo",)
    assert lookup("Widget Foo") is None
    assert lookup("CI/CD").kind == "devops"


def test_find_terms_reports_canonical_forms():
    assert find_terms("We run k8s and Postgres", ["kubernetes", "postgres", "Kafka"]) == {
        "Kubernetes",
        "PostgreSQL",
    }


# --- phrases ------------------------------------------------------------------------------------------------


def test_phrases_are_matched_whole_never_by_their_separate_words():
    assert found("Applied machine learning to routing", "machine learning")
    assert found("machine-learning models", "machine learning")
    assert not found("Machine maintenance and learning on the job", "machine learning")
    assert not found("learning machine", "machine learning")
    assert not found("a machine, learning fast", "machine learning")
    assert not found("machine\nlearning", "machine learning")
    assert not found("distributed teams and systems", "distributed systems")


def test_extract_terms_is_leftmost_longest_in_order_of_appearance():
    text = "Amazon Web Services, Spring Boot and machine learning; also Python and AWS again"
    assert extract_terms(text) == ["AWS", "Spring Boot", "machine learning", "Python"]


def test_terms_outside_the_vocabulary_match_as_token_sequences():
    assert found("Our parcel tracking platform", "parcel tracking")
    assert not found("track parcels", "parcel tracking")


# --- ambiguous short aliases --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We go the extra mile",
        "Go the extra mile for customers.",
        "Let's go!",
        "Ready, set, go",
    ],
)
def test_go_as_an_english_word_is_not_the_go_language(text):
    assert not found(text, "Go")


@pytest.mark.parametrize(
    "text",
    [
        "Experience with Go and Kubernetes",
        "Python, Go or Rust",
        "- Go, Python",
        "Go programming experience",
        "Golang services",
        "熟悉Go语言",
    ],
)
def test_go_the_language_is_found(text):
    assert found(text, "Go")


def test_single_letters_need_technical_context():
    assert found("C/C++ experience", "C")
    assert found("R programming", "R")
    assert found("Python or R", "R")
    assert not found("C-level executives", "C")
    assert not found("Grade C", "C")
    assert not found("Our R&D team", "R")
    assert not found("TS/SCI clearance", "TypeScript")
    assert found("JS and TS", "TypeScript")


def test_ordinary_words_with_a_tech_name_need_its_spelling():
    assert not found("react to incidents", "React")
    assert not found("React to incidents quickly.", "React")
    assert found("We use React and Redux", "React")
    assert not found("rust on old bikes", "Rust")


# --- CJK ----------------------------------------------------------------------------------------------------


def test_cjk_keyword_is_found_inside_a_sentence():
    sentence = "我们正在寻找有机器学习经验的工程师"
    assert found(sentence, "机器学习")
    assert found(sentence, "machine learning")  # through the vocabulary's Chinese alias
    assert found("精通数据仓库设计", "数据仓库")
    assert not found("机器很好，学习很快", "机器学习")
    assert extract_terms("熟悉Python和Kubernetes，有机器学习经验") == [
        "Python",
        "Kubernetes",
        "machine learning",
    ]


# --- the index ----------------------------------------------------------------------------------------------


def test_one_index_answers_many_lookups_like_find_terms():
    text = "Built REST APIs in Python and Flask; ran Postgres on k8s; mentored engineers."
    index = TextIndex(text)
    queries = ["Python", "Django", "PostgreSQL", "Kubernetes", "mentoring", "REST API", "machine learning"]
    assert index.find(queries) == find_terms(text, queries)
    assert find_terms(index, queries) == {"Python", "PostgreSQL", "Kubernetes", "mentoring", "REST APIs"}
    assert [m.term for m in index.matches(["Python", "Flask"])] == ["Python", "Flask"]
    match = index.matches(["PostgreSQL"])[0]
    assert index.text[match.start : match.end] == "Postgres"


# --- the vocabulary -----------------------------------------------------------------------------------------


def test_vocabulary_has_a_few_hundred_terms_and_every_alias_leads_home():
    vocabulary = terms()
    assert len(vocabulary) >= 300
    for term in vocabulary:
        for alias in term.aliases:
            assert canonical(alias.text) == term.canonical, alias


def test_relatedness_table_names_vocabulary_terms_only():
    known = {term.canonical for term in terms()}
    for group in related_groups():
        assert set(group) <= known, set(group) - known
