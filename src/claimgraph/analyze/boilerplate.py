"""Remove boilerplate lines from article text before analysis.

Scraped and pasted articles carry lines that are not the article: photo credits and
captions, "Related videos:", share buttons, newsletter and comment prompts, cookie
notices, "Advertisement", "Filed under:" with its tags, and the author or team bio at
the end. They are recognised line by line (a line is a paragraph in most inputs) by the
patterns in ``data/boilerplate.txt``, whose header explains the format and flags.

Precision comes first: a line holding a quotation with a reporting verb is never
removed, nor is a line longer than any boilerplate seen in practice, and bios are only
recognised in the closing run of the article (after its last line of news).

The cleaned text keeps the remaining lines unchanged except for trailing whitespace;
blocks of consecutive lines stay together, and blocks are separated by exactly one
blank line. The same input always gives the same output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

#: Longest line (in words) removed outside the closing run. The longest boilerplate line
#: met so far (a cookie notice) has about 40 words; news paragraphs often have more.
MAX_WORDS = 50
#: Longest line removed in the closing run, where author and outlet bios run longer.
MAX_END_WORDS = 120
#: A "short" line after a trailer ("Filed under:") is a tag list, a name or a headline link:
#: at most this many words and no sentence-final punctuation. Headlines run to about 15.
SHORT_WORDS = 15
#: where a rule applies (the flag in brackets after the category in the data file)
WHERES = ("anywhere", "end", "trailer", "keep")

_HEADER = re.compile(r"##\s*(?P<category>[^\[\]]+?)\s*(?:\[(?P<where>\w+)\])?\s*")
_SENTENCE_END = (".", "!", '"', "”", "»", "'", "’")


@dataclass(frozen=True)
class Rule:
    """The patterns of one category, joined into one regular expression."""

    category: str
    where: str
    pattern: re.Pattern[str]


@cache
def rules(name: str = "boilerplate.txt") -> tuple[Rule, ...]:
    """Load and compile the rules of ``data/<name>`` (once); raise ValueError on a bad line."""
    text = resources.files("claimgraph.analyze").joinpath("data", name).read_text("utf-8")
    found: dict[tuple[str, str], list[str]] = {}
    current: tuple[str, str] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("##"):
            header = _HEADER.fullmatch(line)
            where = (header.group("where") or "anywhere") if header else ""
            if header is None or where not in WHERES:
                raise ValueError(f"{name}:{number}: bad category line {line!r}")
            current = (header.group("category"), where)
            found.setdefault(current, [])
        elif line.startswith("#") or not line.strip():
            continue
        elif current is None:
            raise ValueError(f"{name}:{number}: pattern before the first '## category' line")
        else:
            try:
                re.compile(line)
            except re.error as exc:
                raise ValueError(f"{name}:{number}: {exc}") from None
            found[current].append(line)
    return tuple(
        Rule(category, where, re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE))
        for (category, where), patterns in found.items()
        if patterns
    )


@dataclass
class _Line:
    start: int
    end: int
    key: str
    reason: str | None = None

    @property
    def words(self) -> int:
        return self.key.count(" ") + 1

    @property
    def short(self) -> bool:
        return self.words <= SHORT_WORDS and not self.key.endswith(_SENTENCE_END)


def _lines(text: str) -> list[_Line]:
    """Return the non-blank lines of ``text`` with the offsets of their stripped content."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        content = raw.strip()
        if content:
            start = pos + len(raw) - len(raw.lstrip())
            out.append(_Line(start, start + len(content), " ".join(content.split())))
        pos += len(raw) + 1
    return out


def _match(key: str, *wheres: str) -> str | None:
    for rule in rules():
        if rule.where in wheres and rule.pattern.fullmatch(key):
            return rule.category
    return None


def _kept(key: str) -> bool:
    return any(rule.pattern.search(key) for rule in rules() if rule.where == "keep")


def _extend_trailer(lines: list[_Line], kept: list[bool]) -> None:
    """Remove the closing block a trailer line opens: the short lines and bios after it."""
    for t, line in enumerate(lines):
        if line.reason is None or _match(line.key, "trailer") is None:
            continue
        after = lines[t + 1 :]
        reasons = []
        for j, other in enumerate(after, t + 1):
            if other.reason is not None:
                reasons.append(other.reason)
            elif kept[j] or other.words > MAX_END_WORDS:
                break
            elif (bio := _match(other.key, "end")) is not None:
                reasons.append(bio)
            elif other.short:
                reasons.append(line.reason)
            else:
                break
        else:
            for other, reason in zip(after, reasons, strict=True):
                other.reason = reason
            return


def _closing_run(lines: list[_Line], kept: list[bool]) -> None:
    """Remove bios and team credits at the end, with the name line just above a bio."""
    end_categories = {rule.category for rule in rules() if rule.where == "end"}
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if line.reason is not None:
            continue
        if kept[i] or line.words > MAX_END_WORDS:
            return
        below = lines[i + 1].reason if i + 1 < len(lines) else None
        line.reason = _match(line.key, "end")
        if line.reason is None and line.short and below in end_categories:
            line.reason = below
        if line.reason is None:
            return


def _find(text: str) -> list[_Line]:
    lines = _lines(text)
    kept = [_kept(line.key) for line in lines]
    for line, keep in zip(lines, kept, strict=True):
        if not keep and line.words <= MAX_WORDS:
            line.reason = _match(line.key, "anywhere", "trailer")
    _extend_trailer(lines, kept)
    _closing_run(lines, kept)
    return lines


def boilerplate_lines(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, reason)`` for every boilerplate line of ``text``, in order.

    ``text[start:end]`` is the line without its surrounding whitespace; the reason is the
    category of the pattern that matched ("photo credit", "filed under", "author bio"...).
    """
    return [(line.start, line.end, line.reason) for line in _find(text) if line.reason is not None]


def clean_text(text: str) -> str:
    """Return ``text`` without its boilerplate lines, blocks one blank line apart."""
    removed = {start for start, _, _ in boilerplate_lines(text)}
    blocks: list[list[str]] = [[]]
    pos = 0
    for raw in text.split("\n"):
        content = raw.strip()
        if not content:
            if blocks[-1]:
                blocks.append([])
        elif pos + len(raw) - len(raw.lstrip()) not in removed:
            blocks[-1].append(raw.rstrip())
        pos += len(raw) + 1
    return "\n\n".join("\n".join(block) for block in blocks if block)
