"""The statistical tagger: a linear-chain CRF over characters, for what rules cannot cover.

Rules know the health press (long nested body names, titles, programs); the
CRF, trained on general news and on the development split of the in-domain
articles (``training/train_ner.py``), knows names in contexts no rule
anticipates. It writes its spans (PER, ORG, LOC, PROG and DOC, the types of
``ANNOTATION.md``) to ``doc.spans[spans_key]``; the mention ruler offers those
of the types it is configured for as candidates (``kg.statistical_filter.v1``
decides which are plausible), and a rule's span wins wherever the two disagree
unless the tagger is very sure (``kg_mentions``' ``statistical_equal_at``).

The model ships in the package (``kg/resources/ner.crfsuite``) and is loaded
in ``initialize`` or on first use, never at import.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from importlib.resources import as_file, files
from itertools import compress
from pathlib import Path

import pycrfsuite
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.extensions import text_of  # also registers Span._.kg_confidence
from kg.nlp.features import FeatureLexicon, Featurizer, lexicon_path

DEFAULT_MODEL = "ner.crfsuite"
#: The model's file name inside the component's folder of ``nlp.to_disk(dir)``.
MODEL_FILE = "model.crfsuite"


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """``[start, end)`` spans from BIO tags; an ``I-`` without its ``B-`` opens a span.

    Only the tags other than ``O`` are visited (found by a C loop): nearly every character is ``O``,
    and a gap between two visited positions is an ``O`` that ends the open span."""
    spans: list[tuple[int, int, str]] = []
    start, label, last = -1, "", -2
    for i in compress(range(len(tags)), map("O".__ne__, tags)):
        tag = tags[i]
        if start >= 0 and (i != last + 1 or not tag.startswith("I-") or tag[2:] != label):
            spans.append((start, last + 1, label))
            start = -1
        if start < 0:
            start, label = i, tag[2:]
        last = i
    if start >= 0:
        spans.append((start, last + 1, label))
    return spans


class CrfTagger:
    def __init__(self, nlp: Language, name: str, *, model: str, spans_key: str, threshold: float) -> None:
        self.name = name
        self.model = model
        self.spans_key = spans_key
        self.threshold = threshold
        self._tagger: pycrfsuite.Tagger | None = None
        self._featurize: Featurizer | None = None

    def _load(self) -> pycrfsuite.Tagger:
        """The CRF and the word lists frozen with it (``kg.nlp.features``)."""
        if self._tagger is None:
            tagger = pycrfsuite.Tagger()
            path = self._model_path()
            tagger.open(str(path))
            words = lexicon_path(path)
            if not words.is_file():
                raise FileNotFoundError(f"{path}: the model's word lists {words.name} are missing beside it")
            # UTF-8 bytes: the same features, which pycrfsuite takes without encoding each one.
            self._featurize = Featurizer(FeatureLexicon.read(words), encoded=True)
            self._tagger = tagger
        return self._tagger

    def __call__(self, doc: Doc) -> Doc:
        tagger = self._load()
        assert self._featurize is not None
        tags = tagger.tag(self._featurize(text_of(doc))) if len(text_of(doc)) else []
        spans = []
        for start, end, label in bio_spans(tags):
            # A span is as sure as its least sure character's marginal probability.
            confidence = min(tagger.marginal(tags[i], i) for i in range(start, end))
            if confidence >= self.threshold:
                span = doc.char_span(start, end, label=label)
                if span is not None:
                    span._.kg_confidence = confidence
                    spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def initialize(self, get_examples: Iterable | None = None, *, nlp: Language | None = None) -> None:
        """Load the model now rather than on the first document."""
        self._load()

    @property
    def labels(self) -> tuple[str, ...]:
        """The span types the model knows (its BIO tags without the prefix), for ``nlp.pipe_labels``."""
        return tuple(sorted({tag[2:] for tag in self._load().labels() if tag != "O"}))

    def _model_path(self) -> Path:
        """A file path, or the packaged resource of that name (an installed wheel is a folder, not a zip)."""
        path = Path(self.model)
        if path.is_file():
            return path
        with as_file(files("kg.resources").joinpath(self.model)) as resource:
            return Path(resource)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Copy the CRF model and its word lists into ``path``: a saved pipeline carries the model it ran with."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        model = self._model_path()
        shutil.copyfile(model, path / MODEL_FILE)
        shutil.copyfile(lexicon_path(model), lexicon_path(path / MODEL_FILE))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> CrfTagger:
        """Use the model saved by ``to_disk`` (not the packaged one the config names) and load it now."""
        self.model = str(Path(path) / MODEL_FILE)
        self._tagger = self._featurize = None
        self._load()
        return self


@Language.factory(
    "kg_tagger",
    assigns=["doc.spans"],
    default_config={"model": DEFAULT_MODEL, "spans_key": "kg_statistical", "threshold": 0.6},
)
def make_crf_tagger(nlp: Language, name: str, model: str, spans_key: str, threshold: float) -> CrfTagger:
    return CrfTagger(nlp, name, model=model, spans_key=spans_key, threshold=threshold)
