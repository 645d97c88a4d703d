"""Import a folder of law texts into registry facts: ``review-engine laws import FOLDER``.

The folder is in the national_law format (``../shared/corpus/national_law``; a province's folder in the same
format works the same way): ``MANIFEST.tsv`` (path, name, level, publish, valid_from, expired, version,
category, sha1) and one Markdown file per version of an instrument (``registry.lawtext``). For every
instrument the importer writes (``registry.store``):

* title (the file's ``# `` line: the official full name, 中华人民共和国… where the law has it), short names (the
  MANIFEST name, the title without 中华人民共和国, 全国人大常委会 for 全国人民代表大会常务委员会), level (MANIFEST), issuer
  and 令号 (history lines, ``registry.history``);
* versions: from the history lines of every file (公布/通过, 修正/修订 and 施行 dates), the MANIFEST ``valid_from``
  and the text's own 施行 article; the versions whose text is in the folder name their files (``texts``), article
  count, highest article number and articles 之一 (``suffixed``); a version is superseded by the next one;
* status: repealed when another text of the folder repeals it (本法自…起施行。《…》同时废止: date and successor,
  source ``#第X条``), or, without such a clause, when the MANIFEST marks its latest text expired (date unknown,
  ``known_by`` the snapshot date); an instrument only known from such a clause (合同法 …) is added when the clause
  or its title says its level (国务院发布的… → 行政法规, 中华人民共和国…法 → 法律);
* per version with a text, the article facts (``registry.articles.TextFacts``): 款/项 layout, penalties
  (``registry.penalties``), licences, fees, coercive measures and obligations (``registry.provisions``).

The import is deterministic (files in MANIFEST order, instruments sorted by id): importing the same folder
twice writes the same bytes. Nothing of the texts is written but quotations of at most 120 characters.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from review_engine.registry.articles import TextFacts
from review_engine.registry.history import (
    VersionDraft, doc_number_of, effective_clause, events, issuer_of, versions_of,
)
from review_engine.registry.lawtext import LawText, read_law
from review_engine.registry.penalties import other_law_in, penalties_in, refers_in
from review_engine.registry.listed import listed_conditions, listed_licences
from review_engine.registry.provisions import EMPOWERING, licensor_in, provisions_in
from review_engine.registry.repeals import apply_repeals, short_names

__all__ = ["Imported", "import_folder", "read_manifest", "write"]

PRC = "中华人民共和国"
_FILE_DATE = re.compile(r"\((?P<date>\d{4}-\d{2}-\d{2})\)$")


@dataclass
class Row:
    path: str
    name: str
    level: str
    publish: str = ""
    valid_from: str = ""
    expired: str = ""
    sha1: str = ""


@dataclass
class FileRead:
    row: Row
    law: LawText
    versions: list[VersionDraft]
    own: VersionDraft | None = None


@dataclass
class Imported:
    """What ``import_folder`` read: the registry metadata, the instruments (plain data, what
    ``model.Instrument`` validates) and their article facts by id and version label."""

    meta: dict
    instruments: list[dict]
    facts: dict[str, dict[str, dict]]
    notes: list[str] = field(default_factory=list)


def read_manifest(folder: Path) -> list[Row]:
    """The MANIFEST rows; without a MANIFEST every ``*.md`` file below the folder, named after its file name."""
    manifest = folder / "MANIFEST.tsv"
    if manifest.is_file():
        with open(manifest, encoding="utf-8", newline="") as fh:
            return [Row(r["path"], r["name"], r.get("level") or "", r.get("publish") or "", r.get("valid_from") or "",
                        r.get("expired") or "", r.get("sha1") or "") for r in csv.DictReader(fh, delimiter="\t")]
    rows = []
    for path in sorted(folder.rglob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        rel = path.relative_to(folder).as_posix()
        day = _FILE_DATE.search(path.stem)
        rows.append(Row(rel, path.stem.split("(")[0], "", day["date"] if day else ""))
    return rows


def import_folder(folder: Path | str, *, snapshot: dt.date, name: str | None = None, origin: str | None = None,
                  level: str | None = None) -> Imported:
    """Read every text of ``folder`` (see the module docstring). ``level`` is used for rows without one."""
    folder = Path(folder)
    name = name or folder.name
    rows = read_manifest(folder)
    reads: list[FileRead] = []
    notes: list[str] = []
    for row in rows:
        law = read_law(folder / row.path)
        row.level = row.level or level or ""
        if not row.sha1:
            row.sha1 = hashlib.sha1((folder / row.path).read_bytes()).hexdigest()[:12]
        reads.append(FileRead(row, law, versions_of(events(law.header), regulation=row.level == "行政法规")))
    groups: dict[str, list[FileRead]] = defaultdict(list)
    for read in reads:
        groups[read.law.title].append(read)
    instruments: dict[str, dict] = {}
    facts: dict[str, dict[str, dict]] = {}
    for title, group in groups.items():
        inst, inst_facts = _instrument(title, group, name, snapshot, notes)
        key = inst["id"]
        if key in instruments:  # two titles with one short name: the later one gets its title as id
            key = inst["id"] = title
        instruments[key] = inst
        facts[key] = inst_facts
    apply_repeals([(r.law, r.row.path, r.own is not None, _id(r.law.title, [r])) for r in reads], instruments, name,
                  notes)
    counts: dict[str, int] = defaultdict(int)
    for read in reads:
        counts[read.row.level] += 1
    meta = {"name": name, "snapshot": snapshot.isoformat(), "origin": origin, "files": len(rows),
            "files_per_level": dict(sorted(counts.items())), "instruments": len(instruments)}
    ordered = [instruments[k] for k in sorted(instruments)]
    return Imported(meta, ordered, {k: facts[k] for k in sorted(facts) if facts[k]}, notes)


# --------------------------------------------------------------------------------------------------- instruments


def _instrument(title: str, group: list[FileRead], folder: str, snapshot: dt.date,
                notes: list[str]) -> tuple[dict, dict[str, dict]]:
    level = group[-1].row.level
    merged: dict[dt.date, VersionDraft] = {}
    for read in group:  # the history of every file; a later file's line wins
        for v in read.versions:
            old = merged.get(v.date)
            if old is None or (old.effective is None and v.effective is not None):
                merged[v.date] = v
    law = level in ("法律", "宪法")
    for read in sorted(group, key=lambda r: _row_date(r.row) or dt.date.min):
        # a file dated (MANIFEST / file name) later than its last history line: the history omits the text's
        # own 修正/修订 (道路交通安全法实施条例: one line of 2004, the 2017 text) — a version of its own; within
        # 90 days of a meeting's 通过 it is that version's 公布 (a regulation's date)
        day = _row_date(read.row)
        last = read.versions[-1] if read.versions else None
        if day is None or (last is not None and day <= last.date):
            continue
        if last is not None and (day - last.date).days <= 90:
            if "通过" in last.line and not law and last.date in merged and merged[last.date] is last:
                del merged[last.date]
                if last.amended is not None:
                    last.amended = day
                else:
                    last.promulgated = day
                last.label = f"{day.year}年{last.kind}"
                merged.setdefault(day, last)
            continue
        if day not in merged:
            if merged and min(merged) < day:
                word = "修正" if law else "修订"
                merged[day] = VersionDraft(f"{day.year}年{word}", amended=day, kind=word)
            else:
                word = "通过" if law else "公布"
                merged[day] = VersionDraft(f"{day.year}年{word}", promulgated=day, kind=word)
        read.versions = [*read.versions, merged[day]]
    drafts = [merged[d] for d in sorted(merged)]
    _relabel(drafts)
    for read in group:
        day = read.versions[-1].date if read.versions else None
        read.own = merged.get(day) if day else None
        if read.own is None:
            notes.append(f"{read.row.path}: no dated version; its text is not tied to a version")
            continue
        if read.own.effective is None and read.row.valid_from and _row_date(read.row) == read.own.date:
            # MANIFEST valid_from, when its row describes this version (刑法.md: a 2020 row, a 2023 text)
            read.own.effective = dt.date.fromisoformat(read.row.valid_from)
    latest = max(group, key=lambda r: (r.own.date if r.own else dt.date.min, _primary_rank(r)))
    own_clause = next((effective_clause(a.text()) for a in reversed(latest.law.articles[-3:])
                       if effective_clause(a.text())), None)
    if own_clause is not None:  # 本法自…起施行: the latest version adopted on or before that day
        candidates = [v for v in drafts if v.date <= own_clause]
        if candidates and candidates[-1].effective is None:
            candidates[-1].effective = own_clause
    drafts.sort(key=lambda v: (v.start, v.date))
    texts: dict[str, list[FileRead]] = defaultdict(list)
    for read in sorted(group, key=_primary_rank):
        if read.own is not None:
            texts[read.own.label].append(read)
    inst_facts: dict[str, dict] = {}
    versions = []
    for v in drafts:
        files = texts.get(v.label, [])
        entry: dict = {"label": v.label}
        for key in ("promulgated", "amended", "effective"):
            value = getattr(v, key)
            if value is not None:
                entry[key] = value.isoformat()
        if files:
            primary = _primaries(files)
            facts, count, last, suffixed = _text_facts([f.law for f in primary])
            if count:
                entry["article_count"] = count
                if last != count:
                    entry["last_article"] = last
            if suffixed:
                entry["suffixed"] = suffixed
            entry["texts"] = [{"path": f.row.path, "sha1": f.row.sha1} for f in files]
            entry["source"] = f"{folder}:{primary[0].row.path}"
            if facts["layout"] or facts["articles"]:
                inst_facts[v.label] = facts
        else:
            entry["source"] = f"{folder}:{latest.row.path}#header"
        versions.append(entry)
    evs = events(latest.law.header)
    short = short_names(title, [r.row.name for r in group])
    inst: dict = {"id": _id(title, group), "title": title, "short": short, "level": level or "其他",
                  "issuer": issuer_of(evs), "doc_number": doc_number_of(evs) if level == "行政法规" else None,
                  "status": "现行有效", "versions": versions, "sources": [f"{folder}:{latest.row.path}"]}
    if drafts and drafts[0].start > snapshot:
        inst["status"] = "尚未施行"
    if latest.row.expired == "1":
        inst["status"] = "已废止"
        inst["repealed"] = {"known_by": snapshot.isoformat(), "note": "MANIFEST 标注该文本已失效，废止日期未载明",
                            "source": f"{folder}:MANIFEST.tsv#{latest.row.path}"}
    return inst, inst_facts


def _row_date(row: Row) -> dt.date | None:
    if row.publish:
        return dt.date.fromisoformat(row.publish)
    m = _FILE_DATE.search(Path(row.path).stem)
    return dt.date.fromisoformat(m["date"]) if m else None


def _primary_rank(read: FileRead) -> tuple:
    """Among files of one version, the primary comes first: more history lines, a MANIFEST valid_from, path."""
    return (-len(read.law.header), not read.row.valid_from, read.row.path)


def _primaries(files: list[FileRead]) -> list[FileRead]:
    """The files whose articles make the version: every part (民法典), or the first of duplicate copies."""
    parts = [f for f in files if f.law.part]
    return parts if parts else files[:1]


def _relabel(drafts: list[VersionDraft]) -> None:
    labels = [v.label for v in drafts]
    for v in drafts:
        if labels.count(v.label) > 1:
            v.label = f"{v.date.year}年{v.date.month}月{v.date.day}日{v.kind}"


def _id(title: str, group: list[FileRead]) -> str:
    names = {r.row.name for r in group if not r.law.part}
    if len(names) == 1:
        return names.pop()
    return title.removeprefix(PRC)


# --------------------------------------------------------------------------------------------------- articles


def _text_facts(laws: list[LawText]) -> tuple[dict, int, int, list[str]]:
    """(facts, article count, highest article number, articles 之Y) of one version's text (its parts in order)."""
    layout: dict[str, list[int]] = {}
    articles: dict[str, dict] = {}
    refers: dict[str, list[int]] = {}
    count, last, suffixed = 0, 0, []
    for law in laws:
        for article in law.articles:
            key = article.key
            count += 1
            last = max(last, article.number)
            if article.suffix:
                suffixed.append(key)
            if key in articles or key in layout:
                continue  # a label repeated in the text: the first article keeps it
            if article.shape != [0]:
                layout[key] = article.shape
            fact = _article_fact(article)
            if fact:
                articles[key] = fact
            targets = refers_in(article.text(), article.number)
            if targets:
                refers[key] = targets
    for key, targets in refers.items():  # only references to an article with a penalty of its own
        kept = [t for t in targets if str(t) in articles and articles[str(t)].get("penalties")]
        if kept:
            articles.setdefault(key, {})["refers"] = kept
    facts = {"layout": layout, "articles": {k: _ordered(articles[k]) for k in articles}}
    TextFacts.model_validate(facts)  # fail the import, not a later review, on a fact the schema refuses
    return facts, count, last, suffixed


def _article_fact(article) -> dict:
    penalties: list[dict] = []
    provisions: list[dict] = []
    other = False
    for number, para in enumerate(article.paragraphs, 1):
        empowered = EMPOWERING.search(para.text) is not None  # 有权采取下列措施：(一)……
        for text, item in [(para.text, None), *((t, i) for i, t in enumerate(para.items, 1))]:
            penalties.extend(penalties_in(text, number, item))
            provisions.extend(provisions_in(text, number, item, empowered and item is not None))
            other = other or other_law_in(text)
        provisions.extend(listed_licences(para.text, para.items, number))  # 方可进行下列作业或活动：(一)……
        provisions.extend(listed_conditions(para.text, para.items, number))  # 应当具备下列条件：(一)……
    if any(p["kind"] == "licence" and not p.get("body") for p in provisions):
        licensor = licensor_in(article.text())
        if licensor:
            for p in provisions:
                if p["kind"] == "licence" and not p.get("body"):
                    p["body"], p["body_via"] = licensor, "licensor"
    out: dict = {}
    if penalties:
        out["penalties"] = penalties
    if other:
        out["other_law"] = True
    if provisions:
        out["provisions"] = provisions
    return out


def _ordered(fact: dict) -> dict:
    return {k: fact[k] for k in ("penalties", "refers", "other_law", "provisions") if k in fact}


def write(imported: Imported, out: Path | str) -> list[Path]:
    """Write an import to ``out`` (``registry.store``): the folder the registry loads."""
    from review_engine.registry.loader import lookup_keys
    from review_engine.registry.store import write_pack

    return write_pack(imported, Path(out), keys=lookup_keys)
