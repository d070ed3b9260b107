"""Claim clusters and conflicts within a story.

Claims of different documents say the same thing when their content words overlap enough (crude
stems, overlap coefficient, and rapidfuzz ``token_set_ratio`` on the stems), or when both date the
start of something ("began", "as early as", "first contacts") in the past. A cluster whose claims
give different dates of one granularity is a ``date`` conflict; different quantities ("a dozen" =
12 against 20) a ``number`` conflict. A ``denial`` is a denied claim (or a negated statement of a
source who denies) matching claims that other documents of the story report.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from claimgraph.ids import make_id
from claimgraph.resolve.model import ClaimCluster, Conflict, qualified
from claimgraph.resolve.text import content_stems, fold, is_year, nested_claims, numbers

_ONSET = re.compile(
    r"\b(began|begun|begin|begins|started|start|starts|opened|initiated|launched|first (?:contacts?|talks|"
    r"meetings?)|as early as|since|comenzad[oa]s?|comenzaron|empezaron|iniciaron|desde)\b",
    re.I,
)
#: a time after "before"/"after" in its phrase dates the event the claim is measured against,
#: not the claim's own ("talks months before the ceasefire announced last month")
_ANCHOR = re.compile(r"\b(before|after|following|antes|después)\b[^,.;:]{0,60}$", re.I)
_NEGATION = re.compile(r"\b(never|no|not|nothing|none|nobody|nunca|ningún|ninguna|nada)\b|n't\b", re.I)
_DENIAL_WORDS = re.compile(r"\b(den(y|ied|ies|ial)|reject|dismiss|refut|neg[óo]|rechaz|desminti)", re.I)
_COUNT_NOUNS = frozenset(
    "people person persons sources source officials official personas fuentes times years year "
    "days day weeks week months month hours minutes años dias semanas meses".split()
)
_APPROX = re.compile(
    r"\b(about|around|some|nearly|almost|roughly|approximately|unos|unas|cerca de|casi)\s*$", re.I
)


@dataclass
class ClaimInfo:
    qid: str
    doc: str
    index: int  # document order in the story
    position: int  # claim order in its document
    status: str
    text: str
    stems: frozenset[str]
    stem_text: str
    times: list[tuple[str, str, str]] = field(default_factory=list)  # (value, granularity, text)
    quantities: list[tuple[float, str, bool]] = field(default_factory=list)  # (value, written, approx)
    onset: bool = False
    denial: bool = False
    rejects: bool = False  # its content or cue itself denies something


_LEAD = re.compile(r"\b(as early as|as late as|no later than|in|since|by|until|on|from|en|desde)\s+$", re.I)


def _as_written(content: str, offset: int, text: str) -> str:
    """Return a time expression with the preposition that frames it ("as early as September")."""
    lead = _LEAD.search(content[max(0, offset - 20) : max(0, offset)])
    return (lead.group(0) + text) if lead else text


def _quantities(text: str, skip: list[tuple[int, int]]) -> list[tuple[float, str, bool]]:
    out = []
    for value, start, end, written in numbers(text):
        if is_year(value, written) or any(s <= start < e for s, e in skip):
            continue
        after = fold(text[end : end + 40]).split()
        if after and (after[0] in _COUNT_NOUNS or after[0].startswith("year") or after[0] in ("of", "de")):
            continue  # durations, counts of sources, "two of the people"
        if text[end : end + 10].lstrip().startswith(("-year", "year", "años")):
            continue
        if re.search(r",\s*$", text[max(0, start - 3) : start]) and re.match(r"\s*(,|$)", text[end:]):
            continue  # "Castellar, 58," an age
        if value < 2:
            continue
        approx = bool(_APPROX.search(text[max(0, start - 16) : start])) or "dozen" in written.lower()
        out.append((value, written, approx))
    return out


def collect(
    story_docs: Sequence[dict[str, Any]], publication: dict[str, str | None]
) -> list[ClaimInfo]:
    """Return the claims of a story's documents worth comparing (not nested, three content words)."""
    out: list[ClaimInfo] = []
    pub_days = {v[:10] for v in publication.values() if v}
    for index, doc in enumerate(story_docs):
        doc_id = doc["document"]["id"]
        claims = doc.get("claims") or []
        sources = {s["id"]: s for s in doc.get("sources") or []}
        denying = {
            (sources.get(c.get("source") or "", {}).get("entity") or c.get("source"))
            for c in claims
            if c.get("status") == "denied"
        }
        nested = nested_claims(claims)
        times = doc.get("times") or []
        for position, c in enumerate(claims):
            content = c["content"]
            stems = content_stems(content["text"])
            if c["id"] in nested or len(set(stems)) < 3:
                continue
            cs, ce = content["start"], content["end"]
            inside = [t for t in times if cs <= t["start"] and t["end"] <= ce]
            text_ = content["text"]
            claim_times = [
                (t["value"], t.get("granularity") or "", _as_written(text_, t["start"] - cs, t["text"]))
                for t in inside
                if t.get("value") and t["value"][:1].isdigit() and t.get("granularity") in ("day", "month")
                and t["value"][:10] not in pub_days
                and not _ANCHOR.search(text_[: max(0, t["start"] - cs)])
            ]
            skip = [(t["start"] - cs, t["end"] - cs) for t in inside]
            src = sources.get(c.get("source") or "", {})
            voice = src.get("entity") or c.get("source")
            denial = c.get("status") == "denied" or (
                voice in denying and bool(_NEGATION.search(content["text"]))
            )
            cue = (c.get("cue") or {}).get("text") or ""
            out.append(
                ClaimInfo(
                    qid=qualified(doc_id, c["id"]),
                    doc=doc_id,
                    index=index,
                    position=position,
                    status=c.get("status") or "asserted",
                    text=content["text"],
                    stems=frozenset(stems),
                    stem_text=" ".join(sorted(set(stems))),
                    times=claim_times,
                    quantities=_quantities(content["text"], skip),
                    onset=bool(_ONSET.search(content["text"])) and bool(claim_times),
                    denial=denial,
                    rejects=bool(_DENIAL_WORDS.search(content["text"] + " " + cue)),
                )
            )
    return out


def _similar(a: ClaimInfo, b: ClaimInfo) -> bool:
    inter = len(a.stems & b.stems)
    if inter < 3:
        return False
    overlap = inter / min(len(a.stems), len(b.stems))
    if inter < 0.35 * max(len(a.stems), len(b.stems)):
        return False  # a short claim inside a long one is not the same claim
    balanced = max(len(a.stems), len(b.stems)) <= 1.5 * min(len(a.stems), len(b.stems))
    if (inter >= 4 and overlap >= 0.6) or (inter >= 6 and overlap >= 0.5 and balanced):
        return True
    return inter >= 3 and fuzz.token_set_ratio(a.stem_text, b.stem_text) >= 85


def _onset_pair(a: ClaimInfo, b: ClaimInfo) -> bool:
    if not (a.onset and b.onset):
        return False
    return any(ga == gb for _, ga, _ in a.times for _, gb, _ in b.times)


def _candidate_pairs(items: list[ClaimInfo]) -> set[tuple[int, int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(items):
        for s in c.stems:
            index[s].append(i)
    counts: Counter[tuple[int, int]] = Counter()
    limit = max(30, len({c.doc for c in items}) * 3)
    for posting in index.values():
        if len(posting) > limit * 4:
            continue  # a word in every claim says nothing
        for x, i in enumerate(posting):
            for j in posting[x + 1 :]:
                if items[i].doc != items[j].doc:
                    counts[(i, j)] += 1
    pairs = {p for p, n in counts.items() if n >= 3}
    onsets = [i for i, c in enumerate(items) if c.onset]
    for x, i in enumerate(onsets):
        for j in onsets[x + 1 :]:
            if items[i].doc != items[j].doc:
                pairs.add((i, j))
    return pairs


def cluster(
    story_id: str, items: list[ClaimInfo], origin_of: dict[str, str]
) -> tuple[list[ClaimCluster], list[Conflict]]:
    """Return the multi-document claim clusters of a story and the conflicts found."""
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs = sorted(_candidate_pairs(items))
    similar: set[tuple[int, int]] = set()
    for i, j in pairs:
        a, b = items[i], items[j]
        if a.denial != b.denial:
            continue  # a denial is a conflict, not the same claim
        if _similar(a, b) or _onset_pair(a, b):
            similar.add((i, j))
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        members[find(i)].append(i)
    order = lambda i: (items[i].index, items[i].position)  # noqa: E731
    clusters: list[ClaimCluster] = []
    conflicts: list[Conflict] = []
    cluster_of: dict[int, str] = {}
    for root in sorted(members, key=lambda r: min(order(i) for i in members[r])):
        idx = sorted(members[root], key=order)
        docs = {items[i].doc for i in idx}
        if len(docs) < 2:
            continue
        first = items[idx[0]]
        cid = make_id("k", first.qid)
        statuses = Counter(items[i].status for i in idx)
        clusters.append(
            ClaimCluster(
                id=cid,
                story=story_id,
                claims=[items[i].qid for i in idx],
                text=first.text,
                reports=len(docs),
                independent_sources=len({origin_of[d] for d in docs}),
                statuses=dict(sorted(statuses.items())),
            )
        )
        for i in idx:
            cluster_of[i] = cid
        conflicts.extend(_date_conflicts([items[i] for i in idx]))
        conflicts.extend(_number_conflicts([items[i] for i in idx]))
    conflicts.extend(_denials(items, origin_of))
    return clusters, conflicts


def _disputed_first(groups: dict[str, list[ClaimInfo]]) -> list[str]:
    """Return the values, the disputed one (fewest documents, then latest) first."""
    return sorted(
        groups,
        key=lambda v: (len({c.doc for c in groups[v]}), -min(c.index for c in groups[v]), v),
    )


def _date_conflicts(claims: list[ClaimInfo]) -> list[Conflict]:
    out: list[Conflict] = []
    for gran in ("month", "day"):
        groups: dict[str, list[ClaimInfo]] = defaultdict(list)
        written: dict[str, str] = {}
        for c in claims:
            for value, g, text in c.times:
                if g == gran and c not in groups[value]:
                    groups[value].append(c)
                    written.setdefault(value, text)
        groups = {v: cs for v, cs in groups.items() if cs}
        # a claim giving both values disputes nothing
        if len(groups) < 2:
            continue
        values = _disputed_first(groups)
        disputed, others = values[0], values[1:]
        majority = others[-1] if len(others) == 1 else max(others, key=lambda v: len(groups[v]))
        ids = [c.qid for c in groups[disputed]] + [c.qid for v in others for c in groups[v]]
        out.append(
            Conflict(
                kind="date",
                claims=list(dict.fromkeys(ids)),
                explanation=f"'{written[disputed]}' ({disputed}) against '{written[majority]}' ({majority})",
                values=[disputed, *others],
            )
        )
    return out


def _close(a: float, b: float, approx: bool) -> bool:
    tolerance = 0.15 if approx else 0.0
    return abs(a - b) <= tolerance * max(a, b)


def _number_conflicts(claims: list[ClaimInfo]) -> list[Conflict]:
    with_numbers = [c for c in claims if len(c.quantities) == 1]
    if len(with_numbers) < 2:
        return []
    groups: dict[str, list[ClaimInfo]] = defaultdict(list)
    shown: dict[str, tuple[str, bool]] = {}
    keyed: list[float] = []
    for c in with_numbers:
        value, written, approx = c.quantities[0]
        key = next((k for k in keyed if _close(k, value, approx or shown[_fmt(k)][1])), None)
        if key is None:
            keyed.append(value)
            key = value
            shown[_fmt(key)] = (written, approx)
        groups[_fmt(key)].append(c)
    if len(groups) < 2:
        return []
    values = _disputed_first(groups)
    disputed, majority = values[0], max(values[1:], key=lambda v: len(groups[v]))
    ids = [c.qid for v in values for c in groups[v]]
    return [
        Conflict(
            kind="number",
            claims=list(dict.fromkeys(ids)),
            explanation=f"'{shown[disputed][0]}' ({disputed}) against '{shown[majority][0]}' ({majority})",
            values=values,
        )
    ]


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _denials(items: list[ClaimInfo], origin_of: dict[str, str]) -> list[Conflict]:
    out: list[Conflict] = []
    for d in items:
        if not d.denial:
            continue
        matched = []
        for c in items:
            if c.denial or c.rejects or origin_of[c.doc] == origin_of[d.doc] or c.doc == d.doc:
                continue
            inter = len(d.stems & c.stems)
            if inter >= 3 and inter / min(len(d.stems), len(c.stems)) >= 0.3:
                matched.append(c)
            elif inter >= 2 and fuzz.partial_token_set_ratio(d.stem_text, c.stem_text) >= 90 and inter / len(
                d.stems
            ) >= 0.4:
                matched.append(c)
        if not matched:
            continue
        matched.sort(key=lambda c: (c.index, c.position))
        out.append(
            Conflict(
                kind="denial",
                claims=[matched[0].qid, d.qid] + [c.qid for c in matched[1:]],
                explanation=f"'{_short(d.text)}' denies '{_short(matched[0].text)}'",
                values=[],
            )
        )
    return out


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
