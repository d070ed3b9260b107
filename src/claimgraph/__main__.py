"""Run the claimgraph command: ``python -m claimgraph``."""

from claimgraph.cli import main

main(prog_name="claimgraph")
