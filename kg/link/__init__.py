"""The link stage: the corpus-wide reduce that makes one entity of every real-world thing.

``corpus.link`` is the entry point; it takes every document's mentions and relations
(the per-document map's output) and returns entities and resolved relations. Per
article it reads where the article is set (``jurisdiction``) and the article's own
short forms and bracketed names (``article_names``); across the corpus it names
entities (``names``: abbreviations, bare jurisdiction prefixes, gazetteer full names;
``aliases``: user corrections) and completes the relations that need more than one
sentence: posts (``posts``), parents of bodies (``suborgs``) and programs' editions and
organizer lists (``programs``).
"""
