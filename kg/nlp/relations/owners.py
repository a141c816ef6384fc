"""Programs whose body the text shows by where it writes them, not by a verb of running.

``organizer`` (head the body, tail the program) for a program named after its body
(``某医院“健康快车”行动``), unless the text says who runs it; ``kg.nlp.relations.events`` reads
the organizers a sentence states (fields, hosting verbs, subjects of a launch).
"""

from __future__ import annotations

from kg.labels import NAMED_AFTER
from kg.nlp.relations.events import Rel
from kg.normalise import comparison_form


def named_after(spans: list, stated: list[Rel] = ()) -> list[Rel]:
    """``上海某医院“健康快车”行动``: a program whose name starts with a body's
    name, as written in the article, is that body's program, unless the article says
    who runs it (``stated``: organizers read from the text for a program of that name):
    ``九三学社某某活动`` run by two of the society's committees is theirs, not the society's."""
    out: list[Rel] = []
    orgs = [(i, comparison_form(s.text)) for i, s in enumerate(spans) if s.label_ == "ORG"]
    told = {comparison_form(spans[t].text) for kind, _, t, _ in stated if kind == "organizer" and t >= 0}
    for j, prog in enumerate(spans):
        name = comparison_form(prog.text)
        owners = [(i, o) for i, o in orgs if len(o) >= 3 and len(name) > len(o) and name.startswith(o)]
        if prog.label_ == "PROG" and owners and name not in told:
            out.append(("organizer", max(owners, key=lambda io: (len(io[1]), -io[0]))[0], j, NAMED_AFTER))
    return out
