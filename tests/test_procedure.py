"""The ``dossier`` check kind and the procedural rules: missing and unusable records, text triggers, rules
triggered by other rules, the calendar a finding names, locations in dossier.yaml and front matter, the example
drafts, ``review-engine init``."""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest

from review_engine import parse
from review_engine.cli import main
from review_engine.record import Dossier, load_dossier, parse_dossier
from review_engine.record.template import init_draft_folder
from review_engine.engine import get_profile, get_rules, review_path
from review_engine.ruleset.run import make_context, run_rules
from review_engine.facts import Facts
from review_engine.findings import NotRun
from review_engine.ruleset import RuleLoadError, load_rules

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "drafts"
CLEAN = EXAMPLES / "绿化管理办法-合法"
DEFECTIVE = EXAMPLES / "停车收费办法-程序缺陷"
# the examples' procedural record as a dossier.yaml (the example folders now carry their materials instead)
RECORDS = ROOT / "tests" / "fixtures" / "examples"
CLEAN_DOSSIER = RECORDS / "绿化管理办法-合法" / "dossier.yaml"
DEFECTIVE_DOSSIER = RECORDS / "停车收费办法-程序缺陷" / "dossier.yaml"
RULES = get_rules()
DOSSIER_RULES = [r for r in RULES if r.rule.check == "procedure"]
# rules that need the record at the default stage (pre-issuance), besides the one that reports its absence
RECORD_ONLY = {r.id for r in DOSSIER_RULES if all(c.needs_record for c in r.checker.params.checks)
               and "pre-issuance" in (r.rule.applies_to.stages or ["pre-issuance"])} - {"PROC-LEG-03"}
DATE = dt.date(2026, 4, 10)


def _run(text: str, dossier=None, *, rules=None, stage="pre-issuance", profile=None, **context):
    doc = parse(textwrap.dedent(text).strip("\n") + "\n")
    ctx = make_context(doc, profile=profile or get_profile("national"), stage=stage, dossier=dossier,
                       review_date=DATE, **context)
    not_run: list[NotRun] = []
    return run_rules((rules or RULES).rules, ctx, not_run), not_run


def _ids(findings) -> set[str]:
    return {f.rule_id for f in findings}


# ---- no record, unusable record ---------------------------------------------------------------------------

def test_bare_text_gives_one_record_finding_and_lists_every_procedural_rule_as_not_run(tmp_path: Path):
    draft = tmp_path / "draft.md"
    shutil.copy(CLEAN / "draft.md", draft)
    review = review_path(draft, review_date=DATE)
    procedural = [f for f in review.findings if f.family in ("procedure", "subject")]
    assert [f.rule_id for f in procedural] == ["PROC-LEG-03"]
    assert procedural[0].severity == "modify" and "未提供程序记录" in procedural[0].message
    assert review.verdict == "应当予以修改"
    not_run = {n.rule_id: n.reason for n in review.not_run}
    assert RECORD_ONLY <= set(not_run)
    assert all("未提供程序记录" in reason for reason in not_run.values())
    # the rules that can also read the text say so
    assert "仅按草案文本检查" in not_run["SUBJ-02"]


def test_unusable_record_is_reported_at_its_line_and_the_rules_do_not_pass(tmp_path: Path):
    folder = tmp_path / "draft"
    folder.mkdir()
    shutil.copy(CLEAN / "draft.md", folder / "draft.md")
    text = CLEAN_DOSSIER.read_text(encoding="utf-8")
    text = text.replace("  start: 2026-02-02", "  start: 2026-02-30").replace("  comments: 23", "  coments: 23")
    (folder / "dossier.yaml").write_text(text, encoding="utf-8")
    review = review_path(folder, review_date=DATE)
    assert [e.code for e in review.errors] == ["DOSSIER", "DOSSIER"]
    first = review.errors[0]
    assert first.file.endswith("dossier.yaml") and first.line == 16 and "consultation.start" in first.message
    record = [f for f in review.findings if f.rule_id == "PROC-LEG-03"]
    assert len(record) == 1 and record[0].location.file == "dossier.yaml" and record[0].location.line == 16
    assert "consultation.start" in record[0].message and "coments" in record[0].message
    assert review.verdict == "应当予以修改"
    not_run = {n.rule_id: n.reason for n in review.not_run}
    assert RECORD_ONLY <= set(not_run) and "程序记录有误" in not_run["PROC-FCR-01"]


def test_cli_text_output_names_file_line_and_field_of_a_dossier_error(tmp_path: Path, capsys):
    folder = tmp_path / "draft"
    folder.mkdir()
    shutil.copy(CLEAN / "draft.md", folder / "draft.md")
    (folder / "dossier.yaml").write_text("doc_type: 规范性文件\nflags:\n  market_related: 是\n", encoding="utf-8")
    code = main(["review", str(folder), "--format", "text", "--quiet", "--review-date", "2026-04-10"])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{folder / 'dossier.yaml'}:3:19: error DOSSIER flags.market_related: 类型错误" in out
    assert f"{folder / 'dossier.yaml'}:3:19: modify PROC-LEG-03 " in out


def test_front_matter_record_findings_point_at_draft_lines(tmp_path: Path):
    record = "---\nissuer: {name: 某市人民政府, type: 人民政府}\nconsultation:\n  start: 2026-03-01\n  end: 2026-03-05\n---\n"
    draft = tmp_path / "draft.md"
    draft.write_text(record + (CLEAN / "draft.md").read_text(encoding="utf-8"), encoding="utf-8")
    review = review_path(draft, review_date=DATE)
    cons = [f for f in review.findings if f.rule_id == "PROC-CONS-01" and f.outcome == "too_short_workdays"]
    assert cons and cons[0].location.file == "draft.md" and cons[0].location.line == 5  # consultation.end
    broken = tmp_path / "broken.md"
    broken.write_text(record.replace("2026-03-05", "2026-13-05") + "# 某办法\n\n第一条　为了规范管理，制定本办法。\n",
                      encoding="utf-8")
    review = review_path(broken, review_date=DATE)
    assert review.errors and review.errors[0].line == 5
    assert [f.rule_id for f in review.findings if f.rule_id.startswith("PROC")] == ["PROC-LEG-03"]


# ---- what the text says ----------------------------------------------------------------------------------------

PRICE = """\
第一条　为了规范停车收费，制定本办法。
第二条　公共停车场收费实行政府指导价，收费标准为每小时3元。
"""


def test_price_clause_requires_a_hearing_though_the_flag_is_false_and_names_the_sentence():
    dossier = Dossier.model_validate({"flags": {"price_setting": False, "in_price_hearing_catalogue": True}})
    findings, _ = _run(PRICE, dossier)
    hearing = [f for f in findings if f.rule_id == "PROC-HEAR-01"]
    assert len(hearing) == 1 and hearing[0].severity == "block"
    assert hearing[0].trigger == "公共停车场收费实行政府指导价，收费标准为每小时3元。"
    assert "第二条“公共停车场收费实行政府指导价，收费标准为每小时3元”" in hearing[0].message


def test_obligation_on_market_actors_makes_the_document_market_related():
    text = "第一条　停车场经营者应当公示收费标准。\n第二条　本办法自2026年7月1日起施行。\n"
    dossier = Dossier.model_validate({"consultation": {"start": "2026-03-02", "end": "2026-03-20", "channels": ["政府网站"]}})
    findings, _ = _run(text, dossier)
    by_rule = {f.rule_id: f for f in findings}
    assert "PROC-CONS-01" in by_rule and "PROC-FCR-01" in by_rule
    assert "停车场经营者应当公示收费标准" in by_rule["PROC-CONS-01"].message
    assert by_rule["PROC-FCR-01"].trigger == "停车场经营者应当公示收费标准。"
    # without the obligation a 18-day consultation (13 working days) is enough under the national profile
    findings, _ = _run("第一条　城市绿地实行分级管理。\n", dossier)
    assert not {"PROC-CONS-01", "PROC-FCR-01"} & _ids(findings)


def test_fair_competition_review_is_triggered_by_a_content_finding(tmp_path: Path):
    folder = tmp_path / "rules"
    (folder / "content").mkdir(parents=True)
    (folder / "procedure").mkdir()
    shutil.copy(ROOT / "rules" / "procedure" / "PROC-FCR-01.yaml", folder / "procedure")
    (folder / "content" / "CONT-MKT-99.yaml").write_text(textwrap.dedent("""\
        id: CONT-MKT-99
        title: 不得限定交易
        severity: block
        check: pattern
        patterns: ['优先选用本地']
        basis: [{law: 公平竞争审查条例, article: 8, quote: 限定经营、购买或者使用特定经营者提供的商品或者服务}]
        message: "{label}限定交易"
        examples: {fail: [绿化苗木优先选用本地苗圃的产品。]}
        """), encoding="utf-8")
    rules = load_rules([folder], test=False)
    assert rules.get("PROC-FCR-01").reads_fired
    dossier = Dossier.model_validate({"flags": {"market_related": False}})
    findings, _ = _run("第一条　绿化苗木优先选用本地苗圃的产品。\n", dossier, rules=rules)
    fcr = [f for f in findings if f.rule_id == "PROC-FCR-01"]
    assert len(fcr) == 1 and "CONT-MKT-99" in fcr[0].message and fcr[0].severity == "block"
    findings, _ = _run("第一条　绿化苗木应当符合国家标准。\n", dossier, rules=rules)
    assert not findings
    # a content finding that only asks to be checked (warn) makes the review a point to check, not a required step
    (folder / "content" / "CONT-MKT-99.yaml").write_text(
        (folder / "content" / "CONT-MKT-99.yaml").read_text(encoding="utf-8").replace("severity: block", "severity: warn"),
        encoding="utf-8")
    rules = load_rules([folder], test=False)
    findings, _ = _run("第一条　绿化苗木优先选用本地苗圃的产品。\n", dossier, rules=rules)
    fcr = [f for f in findings if f.rule_id == "PROC-FCR-01"]
    assert len(fcr) == 1 and fcr[0].severity == "warn" and "CONT-MKT-99 提示须核实" in fcr[0].message


# ---- working days: the finding names its calendar ----------------------------------------------------------

def _legality(received: str, opinion: str) -> Dossier:
    return Dossier.model_validate({"legality_review": {"received": received, "opinion_date": opinion}})


def test_working_day_findings_name_the_official_calendar():
    findings, _ = _run("第一条　为了规范管理，制定本办法。\n", _legality("2024-02-08", "2024-02-19"))
    leg = [f for f in findings if f.rule_id == "PROC-LEG-02"]
    assert len(leg) == 1 and "仅3个工作日" in leg[0].message and "国务院办公厅节假日安排" in leg[0].message


def test_a_year_missing_from_the_official_data_uses_the_user_calendar_or_weekdays(tmp_path: Path):
    calendar = tmp_path / "calendar.yaml"
    calendar.write_text("2027:\n  holidays: [2027-02-08, 2027-02-09]\n", encoding="utf-8")
    national = get_profile("national")
    with_file = national.model_copy(update={"params": national.params.model_copy(update={"calendar_file": str(calendar)})})
    # received Fri 2027-02-05, opinion Fri 2027-02-12: five weekdays, three working days by the user calendar
    findings, _ = _run("第一条　为了规范管理，制定本办法。\n", _legality("2027-02-05", "2027-02-12"), profile=with_file)
    leg = [f for f in findings if f.rule_id == "PROC-LEG-02"]
    assert len(leg) == 1 and "仅3个工作日" in leg[0].message and f"用户日历文件 {calendar}" in leg[0].message
    findings, _ = _run("第一条　为了规范管理，制定本办法。\n", _legality("2027-02-05", "2027-02-12"))
    assert "PROC-LEG-02" not in _ids(findings)
    findings, _ = _run("第一条　为了规范管理，制定本办法。\n", _legality("2027-02-05", "2027-02-10"))
    leg = [f for f in findings if f.rule_id == "PROC-LEG-02"]
    assert len(leg) == 1 and "按周一至周五推算" in leg[0].message


# ---- locations --------------------------------------------------------------------------------------------------

def _recorded(tmp_path: Path, dossier_text: str | None = None, encoding: str = "utf-8") -> Path:
    """The defective example's draft with its record as a dossier.yaml (no materials)."""
    folder = tmp_path / f"recorded-{encoding}"
    folder.mkdir()
    shutil.copy(DEFECTIVE / "draft.md", folder / "draft.md")
    text = dossier_text or DEFECTIVE_DOSSIER.read_text(encoding="utf-8")
    (folder / "dossier.yaml").write_bytes(text.encode(encoding))
    return folder


def test_findings_point_at_the_dossier_line_of_their_field(tmp_path: Path):
    folder = _recorded(tmp_path)
    review = review_path(folder, review_date=DATE)
    lines = DEFECTIVE_DOSSIER.read_text(encoding="utf-8").split("\n")
    for finding in review.findings:
        if finding.location.file == "dossier.yaml":
            field = finding.location.label.split(" ", 1)[1]
            key = field.split(".")[-1]
            assert key in lines[finding.location.line - 1], (finding.rule_id, field, finding.location.line)


def test_a_gb18030_dossier_keeps_the_line_of_every_procedural_finding(tmp_path: Path):
    """A dossier saved by a Chinese-locale editor (GB18030) is read once, with positions: the findings about the
    record point at its lines exactly as for the UTF-8 file."""
    folder = _recorded(tmp_path, encoding="gb18030")
    utf8 = [(f.rule_id, f.location.line) for f in review_path(_recorded(tmp_path), review_date=DATE).findings
            if f.location.file == "dossier.yaml"]
    gb = [(f.rule_id, f.location.line) for f in review_path(folder, review_date=DATE).findings
          if f.location.file == "dossier.yaml"]
    assert utf8 and gb == utf8 and all(line is not None for _, line in gb)


def test_joint_issuer_finding_points_at_the_joint_issuer(tmp_path: Path):
    record = ("issuer: {name: 某市交通运输局, type: 工作部门}\njoint_issuers:\n  - {name: 某市公安局, type: 工作部门}\n"
              "  - {name: 某市停车管理领导小组, type: 议事协调机构}\n")
    from review_engine import yamlsource
    from review_engine.record import Record

    source = yamlsource.load(record, "dossier.yaml")
    read = Record(dossier=parse_dossier(record), file="dossier.yaml", source=source)
    findings, _ = _run("第一条　为了规范管理，制定本办法。\n", record=read)
    subj = [f for f in findings if f.rule_id == "SUBJ-03"]
    assert len(subj) == 1 and subj[0].location.line == 4 and "某市停车管理领导小组" in subj[0].message
    assert subj[0].location.label == "dossier.yaml joint_issuers[1].type"


def test_signature_fallback_only_without_a_recorded_issuer_type():
    text = "第一条　为了规范管理，制定本办法。\n\n某市城市管理局市政科\n2026年3月1日\n"
    findings, _ = _run(text)
    subj = [f for f in findings if f.rule_id == "SUBJ-02"]
    assert len(subj) == 1 and subj[0].severity == "warn" and subj[0].location.label == "落款"
    findings, _ = _run(text, Dossier.model_validate({"issuer": {"name": "某市城市管理局", "type": "工作部门"}}))
    assert "SUBJ-02" not in _ids(findings)


# ---- the kind's parameters are checked when rules load ------------------------------------------------------

@pytest.mark.parametrize("body,words", [
    ("checks: [{flags: [market], require: 'true'}]", "未知标志 market"),
    ("checks: [{triggers: [prices], require: 'true'}]", "未知文本触发 prices"),
    ("checks: [{require: 'true', forbid: 'false'}]", "require、forbid、text 之一"),
    ("checks: [{require: 'true', values: {amount: '1'}}]", "values 的名称 amount 不可用"),
    ("checks: [{require: 'days(dossier.a, x.b) > 1'}]", "名称 x 不可用"),
    ("checks: [{outcome: late, require: 'true'}]\nmessage: {early: 太早}", "early"),
    ("record: report\nchecks: [{outcome: missing, require: 'true'}]", "保留给程序记录"),
])
def test_bad_parameters_are_load_errors_with_file_and_line(tmp_path: Path, body: str, words: str):
    folder = tmp_path / "rules" / "procedure"
    folder.mkdir(parents=True)
    text = ("id: PROC-TEST-01\ntitle: 测试\nseverity: warn\ncheck: procedure\n"
            "basis: [{law: 重大行政决策程序暂行条例, article: 15, quote: 一般不少于30日}]\nmessage: 测试\n"
            "examples: {fail: [x]}\n")
    if "message:" in body:
        text = text.replace("message: 测试\n", "")
    (folder / "PROC-TEST-01.yaml").write_text(text + body + "\n", encoding="utf-8")
    with pytest.raises(RuleLoadError) as info:
        load_rules([tmp_path / "rules"], test=False)
    assert "PROC-TEST-01.yaml:" in str(info.value) and words in str(info.value)


# ---- text triggers ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name,text,found", [
    ("price", "停车收费实行政府指导价。", True),
    ("price", "停车场收费标准为每小时3元。", True),
    ("price", "对违法停车的，每次处200元罚款。", False),
    ("price", "石油资源税每吨原油17元。", False),
    ("price", "经营者不得超过政府指导价收费。", False),
    ("market", "停车场经营者应当公示收费标准。", True),
    # money the administration pays out by a rate is no price (compensation, relief)
    ("price", "征收部门按照每平方米二十五元向被征收人支付搬迁费。", False),
    ("price", "周转期间的过渡安置费按每户每月八百元发放。", False),
    # … nor a level left to the body with the power to set it
    ("price", "收取校车接送服务费的，收费标准按照有定价权限的部门依法制定的标准执行。", False),
    ("price", "景区门票收费标准按照省价格主管部门核定的标准执行。", False),
    ("price", "托育机构保育费实行政府指导价管理，具体标准按照市人民政府制定的收费政策执行。", False),
    # … nor prices that move, listed among the causes of a change (因政策调整、价格上涨等原因确需增加投资的)
    ("price", "因国家政策调整、材料价格上涨等原因确需调整合同价款的，由双方协商。", False),
    ("price", "县发展改革局应当根据成本变化适时调整公共停车场收费价格。", True),
    ("price", "停车收费实行政府定价，具体收费标准按照本办法附件执行。", True),
    # … nor a definition, which describes what it defines by its price regime
    ("price", "本办法所称公办养老机构，是指由政府投资兴办、服务收费实行政府指导价的养老机构。", False),
    ("price", "本规定所称定点停车场，是指经认定、停车收费实行政府定价的公共停车场。", False),
    # (a definition that gives a body its task still speaks for itself)
    ("price", "本办法所称公共停车场管理单位，是指负责停车场运营的单位，停车收费实行政府指导价。", True),
    ("market", "企业标准应当报主管部门备案。", False),
    ("market", "鼓励企业参与城市绿化。", False),
    ("internal", "本办法仅供内部掌握，不对外公开。", True),
    ("internal", "行政机关对依法不予公开的政府信息，应当说明理由。", False),
    # 不予公开 decided of what the document regulates, not of the document itself
    ("internal", "投标人申请查阅评标记录，其他投标人书面表示不同意查阅的，不予公开。", False),
    ("internal", "档案馆对开放期限届满但仍须控制使用的档案，经审核后暂不开放、不予公开。", False),
    # … and said of the document itself
    ("internal", "本通知不予公开，由各乡镇组织传达。", True),
    ("retro_burden", "本办法施行前已经发生的违法行为，依照本办法处罚。", True),
    ("retro", "本办法施行前已经受理的申请，按照本办法执行。", True),
    ("retro", "本办法施行前已经饲养犬只的，养犬人应当自本办法施行之日起三十日内申领养犬许可证。", False),
    ("retro", "本办法施行前已建和在建矿山，采矿权人应当依照本办法编制方案。", False),
    ("retro_burden", "本办法施行前发布的其他有关规定与本办法相抵触的，依照本办法执行。", False),
    # a conflict settled back to the earlier date, with what was paid taken back, reaches back
    ("retro_burden", "本办法施行前已签订的合作协议，与本办法不一致的，自协议签订之日起按照本办法执行，多出部分予以追缴。", True),
    # a benefit drawn before, to be paid back under the new conditions
    ("retro_burden", "本办法施行前已领取补贴但不符合本办法新定条件的家庭，应当自本办法施行之日起30日内退还已领取的补贴。", True),
    # what was lawfully built before, measured by the new plan and denied its registration
    ("retro_burden", "本意见印发前已建成但不符合新编村庄规划的农房，自本意见施行之日起不予办理不动产登记。", True),
    # a business lawfully opened before, closed from the effective date
    ("retro_burden", "本办法施行前已开业的诊所，不符合本办法规定标准的，自本办法施行之日起停止诊疗服务。", True),
    ("retro", "本办法不溯及既往。", False),
    ("retro", "建立食品安全追溯体系。", False),
    # earlier facts named by a past time, measured by the document or treated all alike, with a burden
    ("retro_burden", "此前已经批准的临时建筑，不符合本办法规定的，一律拆除，不予补偿。", True),
    ("retro_burden", "2023年度已发放的奖励资金，不符合本办法条件的，一律予以收回。", True),
    ("retro_burden", "对2024年1月1日以来发生的违规转租行为，按照本办法的规定予以处罚。", True),
    ("retro_burden", "本通知下发前已享受租房补贴的，按照本通知规定的标准重新核定，多领部分予以追缴。", True),
    ("retro_burden", "本规定施行之前发生的欠费，参照本规定加收滞纳金。", True),
    ("retro", "本办法施行前已经取得的许可证件，一律继续有效。", False),
    ("retro_burden", "本办法施行前发生的违法行为，适用行为发生时的规定。", False),
    # back payments for the years before at the document's rate; the earlier facts shut out of what the document gives
    ("retro_burden", "自2022年起在夜市设摊的经营户，均应按照本办法确定的标准补缴此前各年度的管理费。", True),
    ("retro", "本办法施行前三年内发生过安全事故的企业，不得享受本办法规定的奖补政策。", True),
    ("retro", "申报前三年内未受过行政处罚的企业，可以申请本办法规定的奖补。", False),
    ("retro_burden", "二〇二三年起已领取补助资金的农户，对照本通知标准不符合的，须自本通知印发之日起三十日内全部退还。", True),
    ("retro_burden", "本办法实施以前已营业、但间距达不到第五条要求的场所，自本办法实施当日起停止营业。", True),
    ("retro_burden", "本意见印发前已经依法建成的临河民宿，须在两个月内自行拆除，不予补偿。", True),
    # a choice offered to the earlier facts, with a benefit, is no reaching back
    ("retro", "本办法施行前已开业的民宿，可以自愿对照本办法规定的标准进行改造，符合条件的给予改造补助。", False),
    ("retro_burden", "本办法施行前已开业的民宿，可以自愿对照本办法规定的标准进行改造，符合条件的给予改造补助。", False),
])
def test_text_triggers(name: str, text: str, found: bool):
    hits = Facts(parse(f"第一条　{text}\n")).triggers.get(name)
    assert bool(hits) is found, [h.sentence for h in hits]
    if found:
        assert hits[0].label == "第一条" and hits[0].sentence.startswith(text[:6])


@pytest.mark.parametrize("text, as_of, found", [
    # facts since a date before the document applies, measured by it (the date read against the effective date,
    # and at a pre-issuance review not before the review date)
    ("二〇二四年一月一日以后出现的擅自起飞情形，同样按照本规定处理。", None, True),
    ("2026年1月1日以后取得的养殖许可，应当按照本办法重新核定。", dt.date(2026, 12, 1), True),
    # … a date after it is the future the document governs
    ("2027年3月1日以后新建的起降场，应当按照本办法的规定设置安全设施。", dt.date(2026, 12, 1), False),
    ("2026年6月1日以后新建的起降场，应当按照本办法的规定设置安全设施。", None, False),
    # … nor the effective date itself, a benefit paid back, or the earlier facts left out
    ("本方案自2025年3月1日起施行，施行前收寄的快件不适用本方案规定的包装要求。", dt.date(2026, 12, 1), False),
    ("2024年1月1日以后新认定的孤儿，按本办法规定的新标准补发基本生活费差额。", dt.date(2026, 12, 1), False),
    # the document said to apply to facts since a past date
    ("本办法规定的收费上限，适用于2023年1月1日以后签订的全部服务合同，已超出上限收取的费用应当退还。", dt.date(2026, 12, 1), True),
    # … a past year's facts measured by it, or those already licensed made to meet it on pain of losing the licence
    ("2024年度企业的排污行为，一并按照本办法规定的标准进行核查和处理。", dt.date(2026, 12, 1), True),
    ("2027年度企业的排污行为，按照本办法规定的标准进行核查。", dt.date(2026, 12, 1), False),
    ("已经取得营业性演出许可证的团体，应当按照本办法规定补足专职演员人数，逾期未补足的，原许可证视为失效。", dt.date(2026, 12, 1), True),
])
def test_a_date_before_the_document_applies_reaches_back(text: str, as_of, found: bool):
    facts = Facts(parse(f"第一条　{text}\n第二条　本办法自2026年3月1日起施行。\n"))
    facts.as_of = as_of
    hits = facts.triggers.retro + facts.triggers.retro_burden
    assert bool(hits) is found, [h.sentence for h in hits]


def test_internal_marking_under_the_signature_is_found():
    doc = parse("第一条　为了规范管理，制定本办法。\n\n某市城市管理局\n2026年3月1日\n（此件不公开）\n")
    hits = Facts(doc).triggers.internal
    assert len(hits) == 1 and hits[0].location is not None and hits[0].label == "落款下注明"
    findings, _ = _run("第一条　为了规范管理，制定本办法。\n\n某市城市管理局\n2026年3月1日\n（此件不公开）\n")
    assert "PROC-PUB-01" in _ids(findings)


def test_triggers_are_computed_once_per_document():
    facts = Facts(parse(PRICE))
    assert facts.triggers is facts.triggers
    assert facts.triggers.price is facts.triggers.price


# ---- the example drafts and init -------------------------------------------------------------------------------

def test_clean_example_passes_every_rule():
    review = review_path(CLEAN, review_date=DATE)
    assert review.verdict == "合法" and not review.findings and not review.errors and not review.not_run
    assert load_dossier(CLEAN) is None and review.record.facts  # its record is read from its materials


def test_defective_example_fails_several_procedural_rules():
    review = review_path(DEFECTIVE, review_date=DATE)
    fired = _ids(review.findings)
    assert {"PROC-CONS-01", "PROC-CONS-02", "PROC-HEAR-01", "PROC-FCR-01", "PROC-LEG-01", "PROC-LEG-02"} <= fired
    assert review.verdict == "不合法"
    located = [f for f in review.findings if f.family == "procedure" and f.location.file]
    assert located and all(f.location.file == "起草说明.md" and f.location.line for f in located)


def test_init_writes_a_folder_that_parses_and_refuses_to_overwrite(tmp_path: Path, capsys):
    folder = tmp_path / "新草案"
    written = init_draft_folder(folder).written
    assert [p.name for p in written] == ["dossier.yaml"]  # no placeholder draft (issue 12)
    shutil.copy(CLEAN / "draft.md", folder / "draft.md")
    dossier = load_dossier(folder)
    assert isinstance(dossier, Dossier) and dossier.flags.involves_rights_obligations is True
    assert "#" in (folder / "dossier.yaml").read_text(encoding="utf-8").split("\n")[0]
    with pytest.raises(FileExistsError):
        init_draft_folder(folder)
    assert main(["init", str(folder)]) == 2
    assert "未作改动" in capsys.readouterr().err
    review = review_path(folder, review_date=DATE)
    assert not review.errors and review.document is not None
    assert main(["init", str(tmp_path / "另一份")]) == 0


def test_profile_calendar_file_is_relative_to_the_profile_and_checked_at_load(tmp_path: Path):
    from review_engine.profile import ProfileError
    from review_engine.profile import load_profile

    (tmp_path / "local.yaml").write_text("name: local\nextends: national\nparams:\n  calendar_file: cal.yaml\n",
                                         encoding="utf-8")
    (tmp_path / "cal.yaml").write_text("2027:\n  holidays: [2027-02-08, 2027-02-09]\n", encoding="utf-8")
    profile = load_profile(tmp_path / "local.yaml")
    assert profile.params.calendar_file == str(tmp_path / "cal.yaml")
    findings, _ = _run("第一条　为了规范管理，制定本办法。\n", _legality("2027-02-05", "2027-02-12"), profile=profile)
    assert any(f.rule_id == "PROC-LEG-02" and "用户日历文件" in f.message for f in findings)
    (tmp_path / "cal.yaml").write_text("2027:\n  holidays: [2027-02-30]\n", encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(tmp_path / "local.yaml")
    assert "local.yaml:4: params.calendar_file" in str(info.value) and "cal.yaml:2:14" in str(info.value)


def test_triggers_do_not_keep_the_document_alive():
    import gc
    import weakref

    facts = Facts(parse(PRICE))
    assert facts.triggers.price and facts.triggers.internal == []
    ref = weakref.ref(facts)
    enabled = gc.isenabled()
    gc.disable()
    try:
        del facts
        assert ref() is None  # freed by reference counting: no Facts ↔ Triggers cycle for the collector to find
    finally:
        if enabled:
            gc.enable()


@pytest.mark.parametrize("closing", ["本办法自2027年3月1日起试行，有效期2年。", "本细则自印发之日起试行，试行期为两年。"])
def test_a_document_on_trial_takes_effect_on_the_day_it_is_tried(closing: str):
    # 试行 is the 施行 of a document issued on trial (暂行/试行 documents): it states when the document applies
    text = f"第一条　为了规范农村公厕管护，制定本办法。\n第二条　管护人员应当每日清扫一次。\n第三条　{closing}\n"
    facts = Facts(parse(text))
    assert facts.has_effective and facts.validity
    findings, _ = _run(text)
    assert "TIME-EFF-01" not in _ids(findings)


def test_expert_review_as_the_spec_lists_it_is_read():
    # spec §9: ``expert_review: {done, opinions[], conflict_flags[]}`` beside the contract's counts and flag
    dossier = Dossier.model_validate({"expert_review": {"done": True, "opinions": ["甲专家书面意见", "乙专家书面意见"],
                                                        "conflict_flags": []}})
    assert dossier.expert_review.opinions == 2 and dossier.expert_review.conflict_of_interest is None
    flagged = Dossier.model_validate({"expert_review": {"done": True, "opinions": 3,
                                                        "conflict_flags": ["丙专家系申报企业股东"]}})
    assert flagged.expert_review.conflict_of_interest is True


def test_a_risk_assessment_recorded_as_done_without_its_report_named_is_a_point_to_check():
    flags = {"major_decision": True, "stability_risk": True}
    text = "第一条　为了规范集体土地入市，制定本办法。\n第二条　本办法自2027年3月1日起施行。\n"
    findings, _ = _run(text, Dossier.model_validate({"flags": flags, "risk_assessment": {"done": True}}))
    risk = [f for f in findings if f.rule_id == "PROC-RISK-01"]
    assert len(risk) == 1 and risk[0].severity == "warn"
    findings, _ = _run(text, Dossier.model_validate({"flags": flags, "risk_assessment": {"done": False}}))
    assert [f.severity for f in findings if f.rule_id == "PROC-RISK-01"] == ["modify"]
