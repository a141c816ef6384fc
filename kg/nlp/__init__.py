"""The spaCy side of kg: load the extraction pipeline from its config file.

Importing this package registers kg's factories and rule functions, so
``nlp.add_pipe("kg_mentions")`` also works in a user's own pipeline.
"""

from __future__ import annotations

import gc
from importlib.resources import files
from typing import Any

import spacy
from spacy.language import Language
from spacy.util import load_config_from_str, load_model_from_config

from kg.nlp import extensions, mentions, relations, tagger  # noqa: F401  (register factories)

CONFIG = files(__package__).joinpath("pipeline.cfg")


def load_nlp(overrides: dict[str, Any] | None = None) -> Language:
    """Build the pipeline from ``pipeline.cfg`` with dotted ``overrides`` applied."""
    config = load_config_from_str(CONFIG.read_text(encoding="utf-8"), overrides=overrides or {})
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    # initialize() loads the model and the lexicons (jieba's dictionary, the gazetteer:
    # millions of small objects that live as long as the process); move them out of the
    # cyclic garbage collector's sight, otherwise every collection walks them again,
    # which halved extraction speed in the benchmark. For the same reason no collection runs
    # while they are made (each would walk the millions made so far): one runs after.
    enabled = gc.isenabled()
    gc.disable()
    try:
        nlp.initialize()
    finally:
        if enabled:
            gc.enable()
    gc.collect()
    gc.freeze()
    return nlp


__all__ = ["load_nlp", "spacy"]
