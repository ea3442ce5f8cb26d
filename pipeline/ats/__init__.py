"""The ATS scorer's parts: what the PDF reads as, keywords, sections, format, knock-outs, suggestions.

``pipeline.quality_validator`` puts them together; every weight and limit lives in ``weights``.
"""
