"""Test helpers: load ad-hoc rules from YAML text and run them over a draft."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from review_engine import parse
from review_engine.engine import get_profile
from review_engine.ruleset.run import make_context, run_rules
from review_engine.ruleset import load_rules

BASIS = "basis: [{law: 中华人民共和国立法法, article: 65, quote: 法律根据内容需要，可以分编、章、节、条、款、项、目。}]\n"


def rules_from(tmp_path: Path, *yaml_texts: str, test: bool = False):
    folder = tmp_path / "rules" / "custom"
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(yaml_texts):
        (folder / f"rule{i}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return load_rules([tmp_path / "rules"], test=test)


def findings(rules, text: str, *, doc_type: str | None = "规范性文件", dossier=None, profile: str = "national",
             review_date: dt.date = dt.date(2026, 6, 1), stage: str = "pre-issuance"):
    doc = parse(textwrap.dedent(text).strip("\n") + "\n")
    ctx = make_context(doc, profile=get_profile(profile), stage=stage, dossier=dossier, doc_type=doc_type,
                       review_date=review_date)
    return run_rules(rules.rules, ctx, [])
