"""Define the one hierarchy of claimgraph errors.

    ClaimgraphError                 anything claimgraph raises on purpose
    ├── InputError                  one input cannot be read or holds no article
    ├── ModelMissingError           the spaCy model package is not installed
    └── ContractError               an output does not satisfy claimgraph/1

A bad input inside a batch is not raised past the batch: it becomes a
:class:`claimgraph.ingest.Rejection` (the input's name and a one-line reason)
and the batch goes on. The CLI turns each into one line on stderr.
"""

from __future__ import annotations


class ClaimgraphError(Exception):
    """Base of every error claimgraph raises on purpose."""


class InputError(ClaimgraphError):
    """One input cannot be read or holds no article; the message is the reason."""


class ModelMissingError(ClaimgraphError):
    """The spaCy model is not installed; the message says how to install it."""


class ContractError(ClaimgraphError):
    """An output does not satisfy the claimgraph/1 contract."""
