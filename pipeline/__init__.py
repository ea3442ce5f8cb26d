"""The five generation stages as pure functions: typed data in, typed data out.

Nothing here touches Flask, Celery, a database or the environment; everything a stage needs arrives as an
argument. ``workers`` loads inputs by id, calls a stage and saves its result.

Layout (an import-linter ``layers`` contract in pyproject.toml keeps the direction, top to bottom):

- stages that render: ``quality_validator`` (stage 4) and ``pdf_exporter`` (stage 5)
- ``render``: templates, page fitting, fonts, right-to-left text, plain text, DOCX
- ``document_generator`` (stage 3), then ``profile_compiler`` (stage 2), then ``job_analyzer`` (stage 1)
- shared tools: ``llm`` (the model protocol and its litellm adapter), ``text`` (normalizing, tokens and
  stems, vocabulary terms, sentences, facts), ``inputs`` (profile and posting types, JSON Resume)
- ``errors`` and ``serialization``

Each stage package holds its ``types.py`` (frozen dataclasses, ``Literal`` enums), its variants
(``offline`` and ``llm``), which import ``types`` and lower layers but never their package, and an
``__init__.py`` exposing the one public function, which chooses the variant.
"""
