"""Where an article came from, as the graph records it: portable and private.

``dcterms:source`` is the file's path relative to the folder given (not an
absolute ``file:`` IRI) and ``kg:sha256`` the digest of its bytes, so the same
corpus builds byte-identical files wherever it lies, and names no user's folder.
"""

from __future__ import annotations

import hashlib
import shutil

import rdflib

from kg.build import BuildSettings, build
from kg.namespaces import DCTERMS, KG, NIF, RDF

SEEDS = ("001_1d51f59310643ad7.txt", "003_42149c42a079cddb.txt")


def test_provenance_same_corpus_in_two_folders_builds_identical_files(seeds_dir, tmp_path):
    builds = []
    for place in ("alice/news", "bob/projects/2023/corpus"):
        corpus = tmp_path / place
        (corpus / "sub").mkdir(parents=True)
        shutil.copy(seeds_dir / SEEDS[0], corpus / SEEDS[0])
        shutil.copy(seeds_dir / SEEDS[1], corpus / "sub" / SEEDS[1])
        out = tmp_path / place.replace("/", "_")
        report = build([corpus], out, BuildSettings())
        assert report.violations == ()
        builds.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    first, second = builds
    assert sorted(first) == sorted(second)
    assert len(first) > 5
    for name, data in first.items():
        assert data == second[name], name
        assert str(tmp_path).encode() not in data, name

    rdf = rdflib.Graph().parse(data=first["graph.ttl"].decode("utf-8"), format="turtle")
    sources = {
        str(rdf.value(doc, DCTERMS.identifier)): (str(rdf.value(doc, DCTERMS.source)), str(rdf.value(doc, KG.sha256)))
        for doc in rdf.subjects(RDF.type, NIF.Context)
    }
    assert sources == {
        SEEDS[0]: (SEEDS[0], hashlib.sha256((seeds_dir / SEEDS[0]).read_bytes()).hexdigest()),
        SEEDS[1]: (f"sub/{SEEDS[1]}", hashlib.sha256((seeds_dir / SEEDS[1]).read_bytes()).hexdigest()),
    }
