"""kg: a knowledge-graph builder for Chinese news text.

``kg.build.build`` runs the whole path; the stages are ``kg.read``,
``kg.normalise``, ``kg.nlp`` (spaCy), ``kg.link``, ``kg.graph`` and ``kg.export``.
"""

__version__ = "0.1.0"
