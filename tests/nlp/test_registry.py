"""Every registered factory and rule function resolves by name, as config files use them."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.util import registry

import kg.nlp  # noqa: F401

RULES = ["kg.place_rules.v1", "kg.org_rules.v1", "kg.person_rules.v1", "kg.program_rules.v1", "kg.document_rules.v1"]
FILTERS = ["kg.statistical_filter.v1"]


@pytest.mark.parametrize("name", RULES)
def test_registry_rule_functions_resolve(name):
    assert registry.has("misc", name)
    rule = registry.misc.get(name)()
    assert callable(rule)
    assert isinstance(rule("省医保局副局长刘家城表示", frozenset(), []), list)


@pytest.mark.parametrize("name", FILTERS)
def test_registry_statistical_filter_resolves(name):
    keep = registry.misc.get(name)(labels=["PER"])
    text = "省医保局副局长刘家城表示"
    assert keep(text, 7, 10, "PER")
    assert not keep(text, 0, 4, "ORG")  # not among its labels


@pytest.mark.parametrize("name", ["kg_mentions", "kg_relations", "kg_tagger"])
def test_registry_factories_exist(name):
    assert Language.has_factory(name)


def test_registry_pipeline_config_loads_and_overrides(nlp):
    assert nlp.pipe_names == ["kg_tagger", "kg_mentions", "kg_relations"]
    from kg.nlp import load_nlp

    bare = load_nlp({"components.kg_mentions.rules.places.addresses": False})
    doc = bare("地址:福州市华林路84号福建日报大厦三楼")
    assert ("福州市", "LOC") in {(e.text, e.label_) for e in doc.ents}
