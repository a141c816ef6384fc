"""``python -m kg``: the same command line as the ``kg`` script, named ``kg`` in its messages
and in shell completion (``_KG_COMPLETE``), not ``python -m kg``."""

from kg.cli import cli

if __name__ == "__main__":
    cli(prog_name="kg")
