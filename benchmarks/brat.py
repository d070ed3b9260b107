"""Read PolNeAR's brat standoff files into documents with gold attributions.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) ships, per split, ``text/<name>.txt`` and
``attributions/<name>_<annotator>.ann``. An ``.ann`` file holds text-bound annotations and events:

    T1	Source 89 106	The New York Post
    T2	Cue 107 114	reports
    T3	Content 115 290;295 310	that Hillary Clinton's team ...
    T4	Attribution 107 114	reports
    E1	Attribution:T4 Content:T3 Cue:T2 Source:T1

One event is one attribution. Its trigger (``Attribution``, or ``Attribution-no-source`` when the
text names no source) repeats the cue span; its arguments are the ``Source``, ``Cue`` and
``Content`` text-bound annotations, and a content split over two annotations adds a ``Content2``
argument. A text-bound annotation may be discontinuous (``start end;start end``), mostly contents
interrupted by their cue ("..., he said, ..."). ``Discard`` and ``Discuss`` annotations and
``#`` notes are the annotators' own remarks, not attributions, and are ignored. The text field of
a ``T`` line may hold line breaks, so a line that does not start with an annotation id continues
the previous one; offsets, not that text, are what the reader keeps.

A few articles were annotated by several annotators (for agreement studies); the reader keeps one
annotation per article, the annotator whose file name sorts first, so runs are repeatable.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from scoring import ROLES, Attribution, Fragment, Fragments

_ID = re.compile(r"^([TE])(\d+)\t")
_TEXTBOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_ANNOTATOR = re.compile(r"^(?P<name>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")


@dataclass
class GoldDocument:
    """One article: its text, its gold attributions and where they came from."""

    name: str
    text: str
    attributions: list[Attribution]
    annotator: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    #: events left out because they have no argument at all (empty brat events)
    skipped: int = 0


def parse_ann(ann: str) -> tuple[list[Attribution], int]:
    """Return the attributions of one ``.ann`` file and how many empty events were skipped.

    Raises ValueError on an event that names a text-bound annotation the file lacks.
    """
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []  # (id, [(role, T id), ...])
    for line in ann.splitlines():
        if not _ID.match(line):
            continue  # a note, a relation kind PolNeAR does not use, or a continued text field
        if line.startswith("T"):
            found = _TEXTBOUND.match(line)
            if not found:
                raise ValueError(f"malformed text-bound annotation: {line[:80]!r}")
            tid, label, offsets = found.groups()
            frags = tuple(sorted((int(a), int(b)) for a, b in (part.split() for part in offsets.split(";"))))
            spans[tid] = (label, frags)
        else:
            eid, _, rest = line.partition("\t")
            parts = [arg.partition(":") for arg in rest.split()]
            events.append((eid, [(role, ref) for role, _, ref in parts]))
    attributions, skipped = [], 0
    for eid, arguments in events:
        roles: dict[str, list[Fragment]] = {}
        for role, ref in arguments[1:]:  # the first argument is the trigger
            if ref not in spans:
                raise ValueError(f"event {eid} refers to {ref}, which the file does not define")
            name = role.rstrip("0123456789").lower()  # Content2 -> content
            roles.setdefault(name, []).extend(spans[ref][1])
        if not any(roles.get(r) for r in ROLES):
            skipped += 1
            continue
        attributions.append(
            Attribution(
                source=_merge(roles.get("source")),
                cue=_merge(roles.get("cue")),
                content=_merge(roles.get("content")),
                id=eid,
            )
        )
    return attributions, skipped


def _merge(frags: list[Fragment] | None) -> Fragments | None:
    """Return fragments sorted, with touching or overlapping ones joined; None when empty."""
    if not frags:
        return None
    merged: list[list[int]] = []
    for start, end in sorted(frags):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((a, b) for a, b in merged)


def read_metadata(root: Path) -> dict[str, dict[str, str]]:
    """Return metadata.tsv rows by article file name ({} when the file is absent)."""
    for path in (root / "metadata.tsv", root / "data" / "metadata.tsv"):
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as handle:
                return {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    return {}


def split_dir(root: Path, split: str) -> Path:
    """Return the folder of ``split`` under a PolNeAR checkout or its ``data`` folder."""
    for candidate in (root / split, root / "data" / split):
        if (candidate / "attributions").is_dir() and (candidate / "text").is_dir():
            return candidate
    raise FileNotFoundError(
        f"no PolNeAR split {split!r} under {root} (expected {split}/text and {split}/attributions,"
        " or data/{split}/...)"
    )


def read_annotations(root: Path | str, split: str) -> Iterator[tuple[str, str, dict[str, list[Attribution]]]]:
    """Yield (name, text, {annotator: attributions}) for each article of ``split`` that several
    annotators annotated (PolNeAR's agreement studies), in file-name order."""
    folder = split_dir(Path(root), split)
    by_name: dict[str, dict[str, Path]] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        found = _ANNOTATOR.match(ann.name)
        if found:
            by_name.setdefault(found["name"], {})[found["annotator"]] = ann
    for name, anns in sorted(by_name.items()):
        if len(anns) < 2:
            continue
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        yield name, text, {who: parse_ann(ann.read_text(encoding="utf-8"))[0] for who, ann in anns.items()}


def read_split(root: Path | str, split: str, *, limit: int | None = None) -> Iterator[GoldDocument]:
    """Yield the documents of ``split`` in file-name order, one annotation each."""
    root = Path(root)
    folder = split_dir(root, split)
    metadata = read_metadata(root)
    chosen: dict[str, tuple[str, Path]] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        found = _ANNOTATOR.match(ann.name)
        name, annotator = (found["name"], found["annotator"]) if found else (ann.stem, "")
        chosen.setdefault(name, (annotator, ann))  # first annotator in sorted order wins
    for count, name in enumerate(sorted(chosen)):
        if limit is not None and count >= limit:
            return
        annotator, ann = chosen[name]
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        attributions, skipped = parse_ann(ann.read_text(encoding="utf-8"))
        for a in attributions:
            for role in ROLES:
                for start, end in a.role(role) or ():
                    if not 0 <= start < end <= len(text):
                        raise ValueError(f"{ann.name}: {a.id} {role} {start}-{end} is outside the text")
        yield GoldDocument(name, text, attributions, annotator or None, metadata.get(name, {}), skipped)
