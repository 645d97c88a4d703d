"""Defect benchmark: inject known defect sentences into real documents and measure what the rules catch.

    python benchmarks/defects/run.py [--catalogue FILE] [--rules DIR ...] [--docs N] [--limit N] [-v]

Documents: the ``real_docs`` entries of ``../shared/corpus/real_docs/MANIFEST.tsv`` with level 规范性文件 or
部门规章 and at least one 第X条, read in place (never copied). For every phrasing of the catalogue
(``catalogue.yaml``: classes of defects, each with the rule family that must catch it, and lawful
lookalikes) the sentence is injected into ``--docs`` documents (a fixed rotation over the document list) as
a new 款 right after the last line of the document's middle article, in the file's own paragraph style
(a blank line between paragraphs or not, the same indentation).

Every document is reviewed **as a 规范性文件** — the tool's subject is normative documents; a 部门规章 may
lawfully set some penalties, but the injected sentence must be caught as it would be in a 规范性文件.

A phrasing is caught in a document when a finding of the class's family (rule id prefix, e.g. ``CONT-PEN``)
is located on the injected lines (its eId is the injected 款 of that article, or one of its 项 when the phrasing
is a list: 应当履行下列义务：\n（一）……). A lookalike that draws a finding of its family on its lines is a false
alarm. (Until 2026-12-03 only the first line counted, so a defect in a list's item was missed; the first figures
of heldout3–heldout7 recorded in BLIND.md were measured that way.) Also reported: the findings on the same documents
without injection (per rule, per document), and every block-level finding on the uninjected 规范性文件
of the corpus (all 25, reviewed as themselves) — these are what REVIEW.md judges.

Acceptance (exit status 1 when not met): recall ≥ 90 % over the catalogue, every class ≥ 75 %, and
block-level findings on no more than 1 in 10 of the uninjected 规范性文件.

Files: ``catalogue.yaml`` (the benchmark: 22 classes, lookalikes), ``variants.yaml`` (more phrasings of the same
classes, written round by round while the rules were developed: a wider regression set, ``--docs 2``),
``REVIEW.md`` (the judgement of every block finding on the uninjected 规范性文件). The whole catalogue takes about
10 s; ``tests/test_defect_benchmark.py`` runs it.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from _corpus import corpus_dir  # noqa: E402

from review_engine.engine import get_profile, get_rules
from review_engine.ruleset.run import make_context, run_rules  # noqa: E402
from review_engine.parsing import parse_source  # noqa: E402
from review_engine.reading import source_from_text  # noqa: E402
from review_engine.record import Dossier  # noqa: E402
from review_engine.findings import SEVERITY_ORDER  # noqa: E402

REVIEW_DATE = dt.date(2026, 11, 1)
LEVELS = ("规范性文件", "部门规章")
THRESHOLDS = {"overall": 0.90, "per_class": 0.75, "block_docs": 0.10}


@dataclass
class CorpusDoc:
    path: Path
    level: str
    text: str
    lines: list[str]
    article_eid: str
    article_label: str
    insert_after: int
    """0-based index of the line after which the injected 款 goes (the article's last line)."""
    blank_style: bool
    indent: str

    @property
    def name(self) -> str:
        return self.path.stem

    def inject(self, sentence: str) -> tuple[str, int]:
        """The document text with ``sentence`` as a new 款 of the middle article, and its 1-based line."""
        new = [self.indent + sentence]
        if self.blank_style:
            new = [""] + new
        lines = self.lines[:self.insert_after + 1] + new + self.lines[self.insert_after + 1:]
        return "\n".join(lines), self.insert_after + 1 + len(new)


@dataclass
class Result:
    catalogue: Path
    classes: list[dict]
    hits: dict = field(default_factory=lambda: defaultdict(int))
    trials: dict = field(default_factory=lambda: defaultdict(int))
    misses: dict = field(default_factory=lambda: defaultdict(list))
    lookalike_alarms: list = field(default_factory=list)
    lookalike_trials: int = 0
    baseline: dict = field(default_factory=dict)
    """level → Counter(rule id → findings), and 'docs' → Counter(rule id → documents)."""
    severities: Counter = field(default_factory=Counter)
    """The highest severity of each caught injection (a restated measure is caught at modify or warn)."""
    normative_blocks: list = field(default_factory=list)
    normative_docs: int = 0
    seconds: float = 0.0

    def recall(self, cls: str) -> float:
        return self.hits[cls] / self.trials[cls] if self.trials[cls] else 0.0

    @property
    def overall(self) -> float:
        trials = sum(self.trials.values())
        return sum(self.hits.values()) / trials if trials else 0.0

    @property
    def block_docs(self) -> int:
        return len({b[0] for b in self.normative_blocks})

    def failures(self) -> list[str]:
        out = []
        if self.overall < THRESHOLDS["overall"]:
            out.append(f"overall recall {self.overall:.1%} < {THRESHOLDS['overall']:.0%}")
        for cls in self.classes:
            if self.trials[cls["id"]] and self.recall(cls["id"]) < THRESHOLDS["per_class"]:
                out.append(f"class {cls['id']} recall {self.recall(cls['id']):.1%} < {THRESHOLDS['per_class']:.0%}")
        if self.normative_docs and self.block_docs > THRESHOLDS["block_docs"] * self.normative_docs:
            out.append(f"block findings on {self.block_docs} of {self.normative_docs} uninjected 规范性文件")
        return out


def manifest(base: Path) -> list[dict]:
    with open(base / "real_docs" / "MANIFEST.tsv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def load_documents(base: Path) -> list[CorpusDoc]:
    """The benchmark documents, each with its middle article located in the original lines."""
    docs = []
    for row in manifest(base):
        if row["level"] not in LEVELS or int(row["n_articles"]) <= 0:
            continue
        path = base / row["out_path"]
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        lines = text.split("\n")
        doc = parse_source(source_from_text(text, file=path.name, format="md"))
        articles = doc.articles()
        if not articles:
            continue
        article = articles[len(articles) // 2]
        last = article.span.end_line - 1
        while last > article.span.line - 1 and not lines[last].strip():
            last -= 1
        first_line = lines[article.span.line - 1]
        indent = first_line[:len(first_line) - len(first_line.lstrip(" \u3000\t"))]
        blank_style = last + 1 < len(lines) and not lines[last + 1].strip()
        docs.append(CorpusDoc(path, row["level"], text, lines, article.eid, article.label, last, blank_style, indent))
    return docs


# The injected sentences are written as a county government or its departments would write them; the host
# documents are real 规范性文件 of the State Council and ministries, which may lawfully do more (create a licence by
# decision…). The injected document is therefore reviewed as issued by a county government.
INJECTED_ISSUER = Dossier.model_validate({"issuer": {"name": "某县人民政府", "type": "人民政府", "level": "县"}})


def review(text: str, name: str, rules, profile, doc_type: str = "规范性文件", dossier=None):
    doc = parse_source(source_from_text(text, file=name, format="md"))
    ctx = make_context(doc, profile=profile, doc_type=doc_type, review_date=REVIEW_DATE, dossier=dossier)
    return run_rules(rules.rules, ctx, [])


def families(entry: dict) -> list[str]:
    """The rule families that count for a class or a lookalike (``family`` or ``families``)."""
    return list(entry.get("families") or [entry["family"]])


def caught(findings, family: str | list[str], line: int, last: int | None = None) -> list:
    """The findings of ``family`` on the injected lines (``line`` to ``last``: a phrasing with a list spans several)."""
    prefixes = tuple(f + "-" for f in ([family] if isinstance(family, str) else family))
    last = line if last is None else last
    return [f for f in findings if f.rule_id.startswith(prefixes) and f.location.line is not None
            and line <= f.location.line <= last]


def run(catalogue: Path, rule_dirs: list[str] | None = None, docs_per_phrasing: int = 4,
        limit: int | None = None) -> Result:
    started = time.perf_counter()
    data = yaml.safe_load(catalogue.read_text(encoding="utf-8"))
    base = corpus_dir()
    rules = get_rules(rule_dirs) if rule_dirs else get_rules()
    profile = get_profile("national")
    docs = load_documents(base)
    result = Result(catalogue, data["classes"])
    n = len(docs)
    trial = 0

    def targets(k: int) -> list[CorpusDoc]:
        # a fixed rotation: consecutive trials start 7 documents apart, so every document is used
        return [docs[(k * 7 + j * (n // docs_per_phrasing or 1)) % n] for j in range(docs_per_phrasing)]

    for cls in data["classes"]:
        for phrasing in cls["phrasings"][:limit]:
            for target in targets(trial):
                text, line = target.inject(phrasing)
                found = caught(review(text, target.path.name, rules, profile, dossier=INJECTED_ISSUER), families(cls), line,
                               line + phrasing.count("\n"))
                result.trials[cls["id"]] += 1
                if found:
                    result.hits[cls["id"]] += 1
                    result.severities[max((f.severity for f in found), key=SEVERITY_ORDER.get)] += 1
                else:
                    result.misses[cls["id"]].append((phrasing, target.name))
            trial += 1
    for look in data.get("lookalikes", []):
        for target in targets(trial):
            text, line = target.inject(look["text"])
            found = caught(review(text, target.path.name, rules, profile, dossier=INJECTED_ISSUER), families(look), line,
                           line + look["text"].count("\n"))
            result.lookalike_trials += 1
            for finding in found:
                result.lookalike_alarms.append((look["text"], target.name, finding.rule_id, finding.excerpt))
        trial += 1
    # the same documents without injection, reviewed as 规范性文件
    per_level: dict[str, Counter] = defaultdict(Counter)
    doc_count: dict[str, Counter] = defaultdict(Counter)
    for target in docs:
        findings = review(target.text, target.path.name, rules, profile)
        for finding in findings:
            per_level[target.level][finding.rule_id] += 1
        for rule_id in {f.rule_id for f in findings}:
            doc_count[target.level][rule_id] += 1
    result.baseline = {"findings": per_level, "docs": doc_count,
                       "n": Counter(d.level for d in docs)}
    # every 规范性文件 of the corpus (with or without 第X条), reviewed as itself
    for row in manifest(base):
        if row["level"] != "规范性文件":
            continue
        path = base / row["out_path"]
        result.normative_docs += 1
        for finding in review(path.read_text(encoding="utf-8"), path.name, rules, profile):
            if finding.severity == "block":
                result.normative_blocks.append((path.stem, finding.rule_id, finding.location.label, finding.excerpt,
                                                finding.message))
    result.seconds = time.perf_counter() - started
    return result


def report(result: Result, verbose: bool = False) -> str:
    out = [f"catalogue: {result.catalogue.name}; {sum(result.trials.values())} injections, "
           f"{result.lookalike_trials} lookalike injections; {result.seconds:.1f} s",
           "All documents are reviewed as 规范性文件 (a 部门规章 may set some penalties; the injected sentence "
           "is judged as it would be in a 规范性文件).", "", "recall per class (caught / injected):"]
    for cls in result.classes:
        cid = cls["id"]
        out.append(f"  {cid:22} {'/'.join(families(cls)):11} {result.hits[cid]:3}/{result.trials[cid]:<3} "
                   f"{result.recall(cid):6.1%}  {cls['title']}")
        if verbose:
            for phrasing, doc in result.misses[cid]:
                out.append(f"      missed: {phrasing}  [{doc}]")
    out.append(f"overall recall: {result.overall:.1%}")
    out.append("caught at: " + ", ".join(f"{k} {v}" for k, v in sorted(result.severities.items(),
                                                                          key=lambda kv: -SEVERITY_ORDER[kv[0]])))
    out.append(f"lookalike false alarms: {len(result.lookalike_alarms)} of {result.lookalike_trials}")
    for text, doc, rule_id, excerpt in result.lookalike_alarms:
        out.append(f"  {rule_id}: “{excerpt}” in {text}  [{doc}]")
    out.append("")
    out.append("uninjected documents (reviewed as 规范性文件): findings per document, by rule")
    base = result.baseline
    for level in LEVELS:
        n = base["n"][level]
        if not n:
            continue
        out.append(f"  {level} ({n} documents):")
        for rule_id, count in sorted(base["findings"][level].items()):
            if rule_id.startswith("CONT-"):
                out.append(f"    {rule_id:14} {count / n:6.2f} per document, on {base['docs'][level][rule_id]} documents")
    out.append("")
    out.append(f"block-level findings on the uninjected 规范性文件: {result.block_docs} of {result.normative_docs} documents")
    for name, rule_id, label, excerpt, _ in result.normative_blocks:
        out.append(f"  {name} {label} {rule_id}: “{excerpt}”")
    failures = result.failures()
    out.append("")
    out.append("acceptance: " + ("met" if not failures else "NOT met — " + "; ".join(failures)))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--catalogue", type=Path, default=HERE / "catalogue.yaml")
    parser.add_argument("--rules", action="append", help="rule folder(s) instead of the built-in set")
    parser.add_argument("--docs", type=int, default=4, help="documents per phrasing (default 4)")
    parser.add_argument("--limit", type=int, default=None, help="phrasings per class (default all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the missed phrasings")
    args = parser.parse_args(argv)
    result = run(args.catalogue, args.rules, args.docs, args.limit)
    print(report(result, args.verbose))
    return 1 if result.failures() else 0


if __name__ == "__main__":
    sys.exit(main())
