"""``review-engine init DIR``: a draft folder's ``dossier.yaml`` for what its materials do not say.

The template holds every field of the dossier contract (``design.md``, "dossier.yaml (contract)") with a
comment in Chinese on what to record and which check reads it; unknown values are ``null``. It parses as a
``Dossier`` as written, so a folder fresh from ``init`` can be reviewed at once (the procedural checks then
say what is still missing). Existing files are never overwritten.

When the folder already holds the materials (起草说明, 征求意见采纳情况 …), ``init`` reads them first
(``materials.read_materials``) and leaves out of the template every field they state — a field left in
dossier.yaml would be taken instead of the materials — writing in its place a comment that says where the
materials state it. ``init_draft_folder`` returns the files written and what was found (``InitReport``), which
the command prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

DOSSIER_TEMPLATE = """\
# 程序记录（dossier.yaml）：如实载明草案的制定程序，供合法性审核使用。
# 日期一律写作 YYYY-MM-DD（如 2026-03-01）；不知道或尚未发生的写 null；不要增加模板以外的字段。
# 字段说明见 docs/ 和 review-engine rules show <规则编号>；括号中为读取该字段的检查。

doc_type: 规范性文件            # 规范性文件 | 地方政府规章 | 部门规章 …
stage: pre-issuance             # pre-issuance（提交合法性审核、印发前）| filing-review（公布后备案审查），审核时未指定 --stage 即按此
drafting_unit: null             # 起草单位（起草说明的落款单位）
basis: []                       # 制定依据：所依据的法律、法规、规章和国家政策规定的名称（不加书名号）

# 制定机关（SUBJ-01/02/03）。type：人民政府 | 办公厅 | 工作部门 | 直属机构 | 派出机关 | 乡镇政府 | 街道办事处 |
# 授权组织 | 受委托组织 | 内设机构 | 议事协调机构 | 临时机构 | 派出机构 | 其他
# level：国务院部门 | 省 | 设区的市 | 县 | 乡
issuer: {name: null, type: null, level: null}
joint_issuers: []               # 联合制定机关，如 [{name: 某市公安局, type: 工作部门}]

# 决定适用哪些程序的事实（如实填写 true/false；草案文本显示相反情况的，审核时会指出）
flags:
  involves_rights_obligations: true   # 涉及公民、法人和其他组织权利义务（PROC-CONS-01、PROC-LEG-01）
  market_related: false               # 与市场主体生产经营活动密切相关：征求意见不少于30日、公平竞争审查（PROC-CONS-01、PROC-FCR-01）
  major_decision: false               # 属于重大行政决策（PROC-CONS-01、PROC-HEAR-01、PROC-EXP-01、PROC-RISK-01、PROC-LEG-02）
  price_setting: false                # 制定政府定价、政府指导价（PROC-HEAR-01）
  in_price_hearing_catalogue: null    # 定价事项属于定价听证目录（PROC-HEAR-01）
  direct_interests: null              # 直接涉及公民、法人、其他组织切身利益（PROC-HEAR-01）
  major_disagreement: null            # 存在较大分歧（PROC-HEAR-01）
  technical: false                    # 专业性、技术性较强（PROC-EXP-01）
  stability_risk: false               # 实施可能对社会稳定、公共安全造成不利影响（PROC-RISK-01）
  emergency: false                    # 为应对突发事件需要立即制定实施（PROC-LEG-02）
  secret: false                       # 依法需要保密，不公开征求意见、不公开发布（PROC-CONS-01、PROC-PUB-01）

# 公开征求意见（PROC-CONS-01/02）：期限自开始次日起算；channels 如 [某市人民政府门户网站]
consultation:
  start: null
  end: null
  channels: []
  days: null                    # 只载明期限（为期30日）而未载明截止日期时，填期限的日数
  comments: null                # 收到的意见条数
  adopted: null                 # 采纳的意见条数
  feedback_published: null      # 已反馈意见采纳情况
  shortening_reason: null       # 因情况紧急等缩短期限的理由
  materials: []                 # 公布的材料，如 [征求意见稿, 起草说明]

# 听证（PROC-HEAR-01）：materials_sent 为听证材料送达听证参加人的日期（应当于听证会7日前）
hearing: {held: false, date: null, notice_date: null, materials_sent: null}

# 专家论证（PROC-EXP-01）：opinions 为书面论证意见份数
expert_review: {done: false, date: null, opinions: null, signed: null, conflict_of_interest: null}

# 风险评估（PROC-RISK-01）：report 为风险评估报告名称或文号
risk_assessment: {done: false, date: null, report: null}

# 公平竞争审查（PROC-FCR-01）：以人民政府名义出台的，由市场监督管理部门会同起草单位审查
fair_competition_review: {done: false, date: null, conclusion: null, joint_with_market_regulator: null, exception: null}

# 起草单位本单位的合法性审核（法制机构审核，国办发〔2018〕115号（五）“本单位的合法性审核意见”）
drafting_unit_legality_review: {done: null, date: null}

# 合法性审核（PROC-LEG-01/02/04、SUBJ-05）：conclusion 为 合法 | 不合法 | 应当予以修改 | 修改后合法
legality_review:
  received: null                # 审核机构收到送审稿的日期
  opinion_date: null            # 出具书面审核意见的日期
  conclusion: null
  reviewer: null
  findings_adopted: null        # 起草单位是否采纳全部审核意见
  non_adoption_reasons: null    # 未采纳的理由和依据

# 重大行政决策出台前向同级党委请示报告（PROC-PARTY-01）
party_report: {done: null, date: null}

# 集体审议（PROC-COLL-01）：meeting 如 某市人民政府第12次常务会议
collective_deliberation: {meeting: null, date: null}

# 公开发布与备案（PROC-PUB-01、PROC-FIL-01，备案审查阶段检查）
publication: {date: null, channels: []}
effective_date: null
filing: {date: null, to: null}
registration_no: null

# 审核人员对某项检查的豁免（必须写明理由），如：
#   - {rule: CONT-PEN-01, at: art_12, reason: "依据《某省某条例》第十二条授权"}
waivers: []
"""



@dataclass
class InitReport:
    """What ``init`` wrote and what it read from the materials."""

    written: list[Path] = field(default_factory=list)
    found: list[tuple[str, str, str]] = field(default_factory=list)
    """(field name in Chinese, value as shown, where: 起草说明.md 第17行) for every fact the materials state."""
    missing: list[str] = field(default_factory=list)
    """The fields of the materials benchmark the materials do not state (to fill in dossier.yaml)."""
    unreadable: dict[str, str] = field(default_factory=dict)
    draft: Path | None = None
    """The draft text found in the folder (None: none yet, or no single one)."""
    note: str = ""
    """What to do about the draft: put it into the folder, name it, save it as .docx."""


def dossier_template(facts=None) -> str:
    """The commented dossier.yaml, without the fields ``facts`` (``MaterialFacts``) state."""
    if not facts:
        return DOSSIER_TEMPLATE
    from .merge import FIELDS

    stated = {FIELDS[k]: f for k, f in facts.facts.items() if k in FIELDS}
    out: list[str] = []
    section: str | None = None
    for line in DOSSIER_TEMPLATE.splitlines():
        top = re.match(r"^([a-z_]+):(?:\s*(#.*))?$", line)
        if top:
            section = top.group(1)
            out.append(line)
            continue
        flow = re.match(r"^([a-z_]+): \{(.*)\}(\s+#.*)?$", line)
        scalar = re.match(r"^(\s*)([a-z_]+): (\S.*?)(\s+#.*)?$", line)
        if flow:
            name, items = flow.group(1), [i.strip() for i in flow.group(2).split(",")]
            keep = [i for i in items if (name, i.split(":")[0].strip()) not in stated]
            gone = [(name, i.split(":")[0].strip()) for i in items if i not in keep]
            out += [f"# {p[0]}.{p[1]}：{_said(stated[p])}" for p in gone]
            if keep:
                out.append(f"{name}: {{{', '.join(keep)}}}" + (flow.group(3) or ""))
            section = None
            continue
        if scalar:
            indent, key = scalar.group(1), scalar.group(2)
            path = (section, key) if indent else (key,)
            if not indent:
                section = None
            if path in stated:
                out.append(f"{indent}# {'.'.join(path)}：{_said(stated[path])}")
                continue
        out.append(line)
    return "\n".join(out) + "\n"


def _said(fact) -> str:
    from .merge import show

    return f"送审材料已载明“{show(fact.value)}”（{fact.file} 第{fact.line}行），不在此填写"


def init_draft_folder(directory: Path | str) -> InitReport:
    """Write ``dossier.yaml`` into ``directory``, leaving out of the dossier what the materials in it state; create
    the folder when needed. No placeholder draft is written (``review`` would review it once the real draft is
    copied in beside it); ``InitReport.note`` says what to do about the draft.

    Raises ``FileExistsError`` (with a Chinese message) when ``directory`` is a file or already holds a
    dossier; nothing is written then.
    """
    from ..drafts import DOSSIER_NAMES, DraftFolderError, draft_in
    from .materials import FACT_KEYS, read_materials
    from .merge import FIELD_ZH, show

    folder = Path(directory)
    if folder.exists() and not folder.is_dir():
        raise FileExistsError(f"{folder} 已存在且不是目录")
    report = InitReport()
    draft = None
    if folder.is_dir():
        taken = sorted(p.name for p in folder.iterdir() if p.is_file() and p.name in DOSSIER_NAMES)
        if taken:
            raise FileExistsError(f"{folder} 中已有 {'、'.join(taken)}，未作改动")
        try:
            draft = draft_in(folder)
        except DraftFolderError as exc:  # the dossier is written all the same; the draft is for the user to sort out
            report.note = exc.message
    report.draft = draft.text if draft is not None else None
    if draft is None and not report.note:
        report.note = "目录中还没有草案：请把草案（Word 文档 .docx，或 .md、.txt）放入该目录，再运行 review"
    files = _materials_of(folder, draft)
    facts = read_materials(files) if files else None
    if facts:
        report.unreadable = dict(facts.unreadable)
        for key, fact in facts.facts.items():
            if key in FIELD_ZH:
                report.found.append((FIELD_ZH[key], show(fact.value), f"{fact.file} 第{fact.line}行"))
        report.missing = [FIELD_ZH.get(k, k) for k in FACT_KEYS if k not in facts.facts and not _moot(k, facts)]
    folder.mkdir(parents=True, exist_ok=True)
    texts = [("dossier.yaml", dossier_template(facts))]  # never a placeholder draft: review would take it for one
    for name, text in texts:
        path = folder / name
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        report.written.append(path)
    return report


def _moot(key: str, facts) -> bool:
    """A field with nothing to fill: the date of what did not happen, the length of a consultation whose end is
    known."""
    if key == "consultation.days":
        return facts.get("consultation.end") is not None
    if key.startswith("fair_competition_review.") and facts.get("fair_competition_review.done") is False:
        return True
    if key.endswith(".date"):
        section = key.rsplit(".", 1)[0]
        return facts.get(f"{section}.done", facts.get(f"{section}.held")) is False
    return False


def _materials_of(folder: Path, draft) -> list[Path]:
    """The materials in ``folder``: the draft folder's, else every file named as a material."""
    from .materials import material_kind

    if draft is not None:
        return list(draft.material_files)
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.iterdir()) if p.is_file() and material_kind(p) is not None]
