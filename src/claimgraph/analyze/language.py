"""Guess an article's language from its commonest words, when its metadata does not say."""

from __future__ import annotations

import re

#: the commonest function words of each language with a pipeline now or on the roadmap
_STOPWORDS = {
    "en": "the of and to in a is that for on with as was by it at from has have said are be this".split(),
    "es": "de la que el en y los del las por un una para con se su al es lo como más pero sus".split(),
    "fr": "le la les de des et en un une du est que pour dans qui au sur pas par avec ce sont".split(),
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch".split(),
    "pt": "de que o a do da em um para com não uma os no se na por mais as dos como mas ao".split(),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def guess_language(text: str, sample: int = 3000) -> str | None:
    """Return an ISO 639-1 code for ``text``'s language, or None when it cannot tell."""
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    if len(words) < 8:
        return None
    scores = {lang: sum(w in set(stop) for w in words) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=scores.__getitem__)
    ranked = sorted(scores.values(), reverse=True)
    # Require a clear lead: short mixed texts stay unknown rather than guessed.
    return best if ranked[0] >= 3 and ranked[0] >= 1.3 * ranked[1] else None
