"""The rule catalogue (docs/rules.md), generated from the rule files: ``review-engine rules docs``.

One section per review item of 国办发〔2018〕115号（六） (as the opinion groups them), one entry per rule: id,
title, severity, check kind and scope, where it applies, its conditions, its legal basis quoted, the message
and suggestion templates, its notes (``docs``) and its examples. The output depends only on the rule files
(sorted by id), so a test can compare it with the committed catalogue and fail when a rule changed without
``make docs``.
"""

from __future__ import annotations

from pathlib import Path

from ..findings import REVIEW_ITEMS
from ..findings import SEVERITY_ZH

ORDINALS = "一二三四五六七八"
STAGE_ZH = {"pre-issuance": "制定前审核（pre-issuance）", "filing-review": "备案审查（filing-review）"}
HEADER = """\
<!-- 本文件由 `review-engine rules docs --out docs/rules.md`（或 `make docs`）根据 rules/ 下的规则文件生成，请勿手工修改。
     tests/test_report_ruledocs.py 检查它与规则文件是否一致。 -->
"""


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _source(loaded, dirs: list[Path]) -> str:
    path = Path(loaded.file)
    for d in dirs:
        try:
            return (Path(d).name + "/" + path.resolve().relative_to(Path(d).resolve()).as_posix())
        except ValueError:
            continue
    return path.name


def _templates(value) -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [(k, v) for k, v in value.items() if v]
    return [("", value)] if value else []


def _example_lines(example) -> list[str]:
    if isinstance(example, str):
        text, extra = example, []
    else:
        text = example.text
        extra = []
        if example.title:
            extra.append(f"标题：{example.title}")
        if example.doc_type:
            extra.append(f"文件类型：{example.doc_type}")
        if example.stage:
            extra.append(f"阶段：{example.stage}")
        if example.review_date:
            extra.append(f"审核日期：{example.review_date}")
        if example.dossier is not None:
            extra.append("附程序记录（dossier）")
        if example.materials:
            extra.append(f"附送审材料（{'、'.join(example.materials)}）")
        if example.profile:
            extra.append("配置：" + "，".join(f"{k}={v}" for k, v in example.profile.items()))
        if example.note:
            extra.append(f"说明：{example.note}")
    lines = []
    body = text.strip("\n")
    if "\n" in body:
        lines.append("  ```text")
        lines.extend(f"  {line}" for line in body.split("\n"))
        lines.append("  ```")
        if extra:
            lines.append(f"  （{'；'.join(extra)}）")
        lines[0] = "- " + lines[0].lstrip()
    else:
        suffix = f"（{'；'.join(extra)}）" if extra else ""
        lines.append(f"- {body or '（空）'}{suffix}")
    return lines


def render_rule_docs(rules) -> str:
    loaded_rules = sorted(rules, key=lambda loaded: loaded.id)
    dirs = [Path(d) for d in getattr(rules, "dirs", [])]
    out = [HEADER, "# 规则目录", ""]
    out.append(f"共 {len(loaded_rules)} 条规则，按国办发〔2018〕115号文件规定的审核事项分组。严重程度决定审核结论："
               "“不合法”（block）→ 不合法；“应当修改”（modify）→ 应当予以修改；“提示”（warn、info）不影响结论。"
               "规则文件的格式见 [用户指南](guide.md#writing-a-rule)。")
    out.append("")
    out += ["| 编号 | 名称 | 严重程度 | 审核事项 | 检查类型 |", "|---|---|---|---|---|"]
    for loaded in loaded_rules:
        rule = loaded.rule
        anchor = rule.id.lower()
        out.append(f"| [{rule.id}](#{anchor}) | {_cell(rule.title)} | {SEVERITY_ZH[rule.severity]} | "
                   f"{_cell(REVIEW_ITEMS[rule.item])} | {rule.check} |")
    out.append("")
    for index, (item, question) in enumerate(REVIEW_ITEMS.items()):
        members = [loaded for loaded in loaded_rules if loaded.rule.item == item]
        out.append(f"## （{ORDINALS[index]}）{question}")
        out.append("")
        if not members:
            out.append("（暂无规则，由审核人员人工审查。）")
            out.append("")
            continue
        for loaded in members:
            out.extend(_rule_section(loaded, dirs))
    return "\n".join(out).rstrip("\n") + "\n"


def _rule_section(loaded, dirs: list[Path]) -> list[str]:
    rule = loaded.rule
    out = [f'<a id="{rule.id.lower()}"></a>', "", f"### {rule.id} {rule.title}", ""]
    applies = rule.applies_to
    facts = [
        f"严重程度：{SEVERITY_ZH[rule.severity]}（{rule.severity}）",
        f"检查类型：`{rule.check}`" + (f"；范围：{'、'.join(rule.scope)}" if rule.scope else ""),
        f"适用文件：{'、'.join(applies.doc_types) if applies.doc_types else '全部'}；"
        f"阶段：{'、'.join(STAGE_ZH[s] for s in applies.stages) if applies.stages else '全部'}",
    ]
    if rule.when:
        facts.append(f"适用条件（when）：`{rule.when}`")
    if rule.unless:
        facts.append(f"除外条件（unless）：`{rule.unless}`")
    if rule.aliases:
        facts.append(f"曾用编号：{'、'.join(rule.aliases)}")
    if not rule.enabled:
        facts.append("默认停用")
    facts.append(f"规则文件：`{_source(loaded, dirs)}`")
    out += [f"- {fact}" for fact in facts]
    out.append("")
    if rule.basis:
        out.append("**依据**")
        out.append("")
        for basis in rule.basis:
            out.append(f"- {basis.cite()}" + (f"：“{basis.quote.strip()}”" if basis.quote else ""))
        out.append("")
    for heading, templates in (("提示信息", _templates(rule.message)), ("修改建议", _templates(rule.suggestion))):
        if templates:
            out.append(f"**{heading}**")
            out.append("")
            for outcome, template in templates:
                out.append(f"- {f'`{outcome}`：' if outcome else ''}{template.strip()}")
            out.append("")
    if rule.docs:
        out.append("**说明**")
        out.append("")
        out.append(rule.docs.strip())
        out.append("")
    for kind, title in (("fail", "应当触发的示例"), ("pass_", "不应触发的示例")):
        examples = getattr(rule.examples, kind)
        if examples:
            out.append(f"**{title}**")
            out.append("")
            for example in examples:
                out.extend(_example_lines(example))
            out.append("")
    return out
