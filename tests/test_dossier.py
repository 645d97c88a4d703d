"""The dossier model: contract shape, strict types, errors with file/line/field, front matter."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from review_engine.record import dossier as dossier_module
from review_engine.yamlsource import YamlError
from review_engine.record import (
    FLAG_NAMES,
    Dossier,
    load_dossier,
    parse_dossier,
    parse_front_matter,
    split_front_matter,
)

# The record of a county government 办法 just before collective deliberation (line numbers matter below).
FULL = """\
# 《某县城镇燃气管理办法（送审稿）》程序记录
doc_type: 规范性文件
stage: pre-issuance
issuer: {name: 某县人民政府, type: 人民政府, level: 县}
joint_issuers: []
flags:
  involves_rights_obligations: true
  market_related: true
  major_decision: false
  price_setting: false
  technical: true
  stability_risk: false
  emergency: false
  secret: false
consultation:
  start: 2026-03-02
  end: 2026-04-01
  channels: [某县人民政府门户网站, “某县发布”政务微信公众号]
  comments: 17
  feedback_published: true
  shortening_reason: null
hearing: {held: false, date: null, notice_date: null, materials_sent: null}
expert_review: {done: true, date: 2026-03-20, opinions: 3, signed: true}
risk_assessment: {done: false}
fair_competition_review:
  done: true
  conclusion: 符合公平竞争审查标准
  joint_with_market_regulator: true
  exception: null
legality_review: {received: 2026-04-07, opinion_date: 2026-04-17, conclusion: 修改后合法, reviewer: 某县司法局}
collective_deliberation: {meeting: 县人民政府常务会议, date: 2026-04-24}
publication: {date: null, channels: []}
effective_date: null
filing: {date: null, to: null}
registration_no: null
waivers:
  - rule: CONT-PEN-01
    at: art_12
    reason: "依据《某省燃气管理条例》第四十二条，在该条规定的罚款幅度内作出具体规定"
  - rule: PROC-HEAR-01
    reason: 不属于定价听证目录事项
"""


def _error(text: str, **kwargs) -> YamlError:
    with pytest.raises(YamlError) as info:
        parse_dossier(text, **kwargs)
    return info.value


def _only(err: YamlError, field_path: str) -> YamlError:
    matches = [e for e in err.errors if e.field_path == field_path]
    assert len(matches) == 1, err.lines()
    return matches[0]


# ---------------------------------------------------------------------------------------------
# valid records
# ---------------------------------------------------------------------------------------------


def test_full_dossier_parses_into_typed_fields():
    d = parse_dossier(FULL)
    assert d.doc_type == "规范性文件"
    assert d.stage == "pre-issuance"
    assert d.issuer is not None and d.issuer.type == "人民政府" and d.issuer.level == "县"
    assert d.consultation is not None
    assert d.consultation.start == date(2026, 3, 2) and d.consultation.end == date(2026, 4, 1)
    assert d.consultation.channels == ["某县人民政府门户网站", "“某县发布”政务微信公众号"]
    assert d.consultation.comments == 17 and d.consultation.feedback_published is True
    assert d.hearing is not None and d.hearing.held is False and d.hearing.date is None
    assert d.expert_review is not None and d.expert_review.opinions == 3
    assert d.risk_assessment is not None and d.risk_assessment.report is None
    assert d.fair_competition_review is not None and d.fair_competition_review.joint_with_market_regulator is True
    assert d.legality_review is not None
    assert d.legality_review.received == date(2026, 4, 7) and d.legality_review.conclusion == "修改后合法"
    assert d.collective_deliberation is not None and d.collective_deliberation.date == date(2026, 4, 24)
    assert d.publication is not None and d.publication.channels == []
    assert d.effective_date is None and d.registration_no is None
    assert d.flag("market_related") is True and d.flag("secret") is False
    assert d.flag("in_price_hearing_catalogue") is None  # not stated
    assert len(d.waivers) == 2
    assert d.waivers[0].at == "art_12" and d.waivers[1].at is None


def test_design_contract_example_parses():
    text = """\
doc_type: 规范性文件
stage: pre-issuance
issuer: {name: 某市人民政府, type: 人民政府, level: 设区的市}
joint_issuers: []
flags: {involves_rights_obligations: true, market_related: false, major_decision: false,
        price_setting: false, technical: false, stability_risk: false, emergency: false, secret: false}
consultation: {start: 2026-03-01, end: 2026-03-31, channels: [政府网站], comments: 12, feedback_published: true, shortening_reason: null}
hearing: {held: false, date: null, notice_date: null, materials_sent: null}
expert_review: {done: false}
risk_assessment: {done: false}
fair_competition_review: {done: true, conclusion: 符合, joint_with_market_regulator: true, exception: null}
legality_review: {received: 2026-04-02, opinion_date: 2026-04-10, conclusion: null}
collective_deliberation: {meeting: 常务会议, date: 2026-04-20}
publication: {date: null, channels: []}
effective_date: null
filing: {date: null, to: null}
registration_no: null
waivers: [{rule: CONT-PEN-01, at: art_12, reason: "依据《某省某条例》第十二条授权"}]
"""
    d = parse_dossier(text)
    assert d.legality_review is not None and d.legality_review.opinion_date == date(2026, 4, 10)
    assert d.waivers[0].reason == "依据《某省某条例》第十二条授权"


def test_waiver_lookup_covers_descendants_and_whole_document():
    d = parse_dossier(FULL)
    assert d.waiver_for("CONT-PEN-01", "art_12") is d.waivers[0]
    assert d.waiver_for("CONT-PEN-01", "art_12__para_2") is d.waivers[0]
    assert d.waiver_for("CONT-PEN-01", "art_120") is None
    assert d.waiver_for("CONT-PEN-01", None) is None
    assert d.waiver_for("PROC-HEAR-01") is d.waivers[1]
    assert d.waiver_for("PROC-HEAR-01", "art_3") is d.waivers[1]
    assert d.waiver_for("PROC-FCR-01") is None


def test_empty_and_partial_records_default_to_unknown():
    for text in ("", "# 仅有注释\n", "---\n"):
        d = parse_dossier(text)
        assert d == Dossier()
    d = parse_dossier("flags: null\nconsultation: {start: 2026-03-01}\n")
    assert all(d.flag(name) is None for name in FLAG_NAMES)
    assert d.consultation is not None and d.consultation.channels == [] and d.consultation.end is None
    assert d.hearing is None and d.waivers == [] and d.joint_issuers == []


def test_quoted_iso_date_is_accepted_and_converted():
    d = parse_dossier('consultation: {start: "2026-03-01", end: \'2026-03-31\'}\n')
    assert d.consultation is not None
    assert d.consultation.start == date(2026, 3, 1) and d.consultation.end == date(2026, 3, 31)


def test_office_is_normalised_and_joint_issuer_names_accepted():
    d = parse_dossier("issuer: {name: 某县人民政府办公室, type: 办公室}\njoint_issuers: [某县财政局, {name: 某县市场监督管理局, type: 工作部门}]\n")
    assert d.issuer is not None and d.issuer.type == "办公厅"
    assert [i.name for i in d.joint_issuers] == ["某县财政局", "某县市场监督管理局"]
    assert d.joint_issuers[1].type == "工作部门"


def test_spec_issuer_types_and_optional_flags_accepted():
    for kind in ("直属机构", "受委托组织", "其他", "乡镇政府", "临时机构"):
        assert parse_dossier(f"issuer: {{type: {kind}}}\n").issuer.type == kind  # type: ignore[union-attr]
    d = parse_dossier("flags: {price_setting: true, in_price_hearing_catalogue: true, direct_interests: false}\n")
    assert d.flag("in_price_hearing_catalogue") is True and d.flag("direct_interests") is False


def test_flag_rejects_unknown_names():
    with pytest.raises(KeyError):
        Dossier().flag("market_relatd")


# ---------------------------------------------------------------------------------------------
# files and front matter
# ---------------------------------------------------------------------------------------------


def test_load_dossier_file_folder_and_missing(tmp_path: Path):
    assert load_dossier(tmp_path / "dossier.yaml") is None
    assert load_dossier(tmp_path) is None  # a folder without dossier
    (tmp_path / "dossier.yaml").write_text(FULL, encoding="utf-8")
    by_file = load_dossier(tmp_path / "dossier.yaml")
    by_folder = load_dossier(tmp_path)
    assert by_file is not None and by_file == by_folder == parse_dossier(FULL)


def test_load_dossier_errors_name_the_path(tmp_path: Path):
    path = tmp_path / "dossier.yaml"
    path.write_text("doc_type: 规范性文件\nconsultation:\n  start: 2026-02-30\n", encoding="utf-8")
    with pytest.raises(YamlError) as info:
        load_dossier(path)
    assert info.value.file == str(path)
    assert info.value.one_line().startswith(f"{path}:3:10: consultation.start: 不是有效日期")


def test_load_dossier_bom_and_gb18030(tmp_path: Path):
    path = tmp_path / "dossier.yaml"
    path.write_bytes("\ufeffdoc_type: 规范性文件\n".encode())
    assert load_dossier(path).doc_type == "规范性文件"  # type: ignore[union-attr]
    path.write_bytes("doc_type: 规范性文件\n".encode("gb18030"))
    assert load_dossier(path).doc_type == "规范性文件"  # type: ignore[union-attr]


DRAFT = """\
---
doc_type: 规范性文件
issuer: {name: 某县人民政府, type: 人民政府, level: 县}
consultation:
  start: 2026-03-02
  end: 2026-04-01
---
# 某县城镇燃气管理办法

第一条 为了加强城镇燃气管理，根据《城镇燃气管理条例》，结合本县实际，制定本办法。
"""


def test_front_matter_split_keeps_line_numbers():
    yaml_text, rest, consumed = split_front_matter(DRAFT)
    assert yaml_text is not None and yaml_text.startswith("doc_type: 规范性文件\n")
    assert consumed == 7
    assert rest.splitlines()[0] == "# 某县城镇燃气管理办法"
    assert DRAFT.splitlines()[consumed] == rest.splitlines()[0]  # rest line 1 is draft line consumed + 1


def test_front_matter_parses_dossier():
    d, rest, consumed = parse_front_matter(DRAFT, file="draft.md")
    assert d is not None and d.consultation is not None and d.consultation.end == date(2026, 4, 1)
    assert consumed == 7 and rest.startswith("# 某县城镇燃气管理办法")


def test_front_matter_errors_report_draft_lines():
    bad = DRAFT.replace("  start: 2026-03-02", "  start: 2026-02-30").replace("doc_type:", "doctype:")
    with pytest.raises(YamlError) as info:
        parse_front_matter(bad, file="draft.md")
    err = info.value
    assert _only(err, "doctype").line == 2
    start = _only(err, "consultation.start")
    assert (start.file, start.line, start.column) == ("draft.md", 5, 10)
    assert bad.splitlines()[start.line - 1] == "  start: 2026-02-30"


def test_no_front_matter():
    text = "# 某县城镇燃气管理办法\n---\n第一条 …\n"
    assert split_front_matter(text) == (None, text, 0)
    assert parse_front_matter(text) == (None, text, 0)
    unclosed = "---\ndoc_type: 规范性文件\n# 标题\n"
    assert split_front_matter(unclosed) == (None, unclosed, 0)
    crlf = "\ufeff---\r\ndoc_type: 规范性文件\r\n...\r\n正文\r\n"
    yaml_text, rest, consumed = split_front_matter(crlf)
    assert yaml_text == "doc_type: 规范性文件\r\n" and rest == "正文\r\n" and consumed == 3


# ---------------------------------------------------------------------------------------------
# errors
# ---------------------------------------------------------------------------------------------


def test_unknown_field_names_field_and_line():
    text = FULL.replace("consultation:\n", "consultaton:\n")
    err = _error(text)
    e = _only(err, "consultaton")
    assert e.line == 15 and e.column == 1 and e.file == "dossier.yaml"
    assert "未知字段" in e.message and "consultation" in e.message  # suggests the right name
    assert len(err.errors) == 1


def test_unknown_nested_field():
    err = _error("hearing: {held: true, dates: 2026-03-01}\n")
    assert err.field_path == "hearing.dates" and err.line == 1 and err.column == 23
    assert "未知字段" in err.message and "date" in err.message


def test_impossible_date_names_path_and_line():
    err = _error(FULL.replace("start: 2026-03-02", "start: 2026-02-30"))
    e = _only(err, "consultation.start")
    assert (e.line, e.column) == (16, 10)
    assert e.message.startswith("不是有效日期")
    assert e.one_line() == "dossier.yaml:16:10: consultation.start: 不是有效日期 (“2026-02-30”，应为 YYYY-MM-DD)"


@pytest.mark.parametrize(
    "value", ['"2026-02-30"', "明天", "20260301", "2026-3-1", "2026/03/01", "2026-03-01 09:30:00", "true", "[2026-03-01]"]
)
def test_bad_dates_are_errors(value: str):
    err = _error(f"legality_review:\n  received: {value}\n")
    assert err.field_path == "legality_review.received" and err.line == 2 and err.column == 13
    assert "日期" in err.message


def test_wrong_type_bool():
    err = _error(FULL.replace("market_related: true", 'market_related: "是"'))
    e = _only(err, "flags.market_related")
    assert e.line == 8 and "类型错误：应为 true/false" in e.message and "是" in e.message


@pytest.mark.parametrize(
    ("text", "path", "words"),
    [
        ("consultation: {comments: '12'}\n", "consultation.comments", "应为整数"),
        ("consultation: {comments: -1}\n", "consultation.comments", "负数"),
        ("consultation: {channels: 政府网站}\n", "consultation.channels", "应为列表"),
        ("registration_no: 2026001\n", "registration_no", "应为文本"),
        ("stage: 发布前\n", "stage", "pre-issuance"),
        ("issuer: {type: 县人民政府}\n", "issuer.type", "人民政府"),
        ("legality_review: {conclusion: 同意}\n", "legality_review.conclusion", "修改后合法"),
        ("hearing: 已举行\n", "hearing", "应为映射"),
        ("waivers: [{rule: cont-pen-01, reason: 授权}]\n", "waivers[0].rule", "规则编号"),
        ("waivers: [{rule: CONT-PEN-01, at: 第十二条, reason: 授权}]\n", "waivers[0].at", "eId"),
    ],
)
def test_wrong_types_and_values(text: str, path: str, words: str):
    err = _error(text)
    assert err.field_path == path and err.line == 1, err.lines()
    assert words in err.message


def test_waiver_without_reason_is_an_error():
    err = _error("waivers:\n  - rule: CONT-PEN-01\n    at: art_12\n")
    assert err.field_path == "waivers[0].reason" and err.line == 2
    assert "reason" in err.message and "理由" in err.message
    for empty in ('""', "'   '", "null"):
        err = _error(f"waivers: [{{rule: CONT-PEN-01, reason: {empty}}}]\n")
        assert err.field_path == "waivers[0].reason" and "不能为空" in err.message


def test_several_errors_reported_together_in_line_order():
    text = "consultaton: {}\nflags: {secret: 否}\nconsultation: {start: 2026-02-29}\nwaivers: [{rule: X-1}]\n"
    err = _error(text)
    assert [e.field_path for e in err.errors] == ["consultaton", "flags.secret", "consultation.start", "waivers[0].reason"]
    assert [e.line for e in err.errors] == [1, 2, 3, 4]
    assert str(err).count("\n") == 3 and err.lines()[0] == err.one_line()


def test_yaml_syntax_error_is_wrapped_with_position():
    err = _error("doc_type: 规范性文件\nconsultation:\n  start: 2026-03-01\n end: [2026-03-31\n")
    assert err.line is not None and err.line >= 3 and err.column is not None
    assert err.message.startswith("YAML 语法错误")
    err = _error("doc_type: 规范性文件\ntitle: 关于: 某事\n")
    assert err.line == 2 and "冒号" in err.message


def test_duplicate_keys_and_odd_yaml_are_errors():
    err = _error("doc_type: 规范性文件\ndoc_type: 地方政府规章\n")
    assert err.field_path == "doc_type" and err.line == 2 and "重复" in err.message
    err = _error("consultation: {comments: !!int 十二}\n")
    assert err.field_path == "consultation.comments" and err.line == 1
    err = _error("doc_type: !!python/object:os.system ls\n")
    assert "标签" in err.message
    err = _error("- 规范性文件\n")
    assert err.field_path == "" and "顶层应为映射" in err.message
    err = _error("doc_type: 规范性文件\n---\ndoc_type: 规章\n")
    assert "YAML" in err.message


def test_line_offset_and_file_name():
    err = _error("\n\nflags: {emergency: 1}\n", file="x/dossier.yaml", line_offset=10)
    assert err.one_line().startswith("x/dossier.yaml:13:20: flags.emergency: 类型错误：应为 true/false")


def test_error_pickles():
    err = _error("a: 1\nb: 2\n")
    again = pickle.loads(pickle.dumps(err))
    assert again.lines() == err.lines()


# ---------------------------------------------------------------------------------------------
# property tests: never anything but a Dossier or a YamlError
# ---------------------------------------------------------------------------------------------


def _field_names() -> list[str]:
    names: set[str] = set()
    for obj in vars(dossier_module).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj.__module__ == dossier_module.__name__:
            names.update(obj.model_fields)
    return sorted(names)


FIELD_NAMES = _field_names()
keys = st.sampled_from(FIELD_NAMES) | st.text(max_size=12) | st.integers(-5, 5)
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.dates()
    | st.datetimes()
    | st.sampled_from(
        ["2026-02-30", "2026-03-01", "明天", "CONT-PEN-01", "art_12", "人民政府", "办公室", "pre-issuance", "合法", ""]
    )
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=5),
    max_leaves=25,
)


def _check(text: str) -> None:
    try:
        result = parse_dossier(text)
    except YamlError as err:
        assert err.errors and all(isinstance(e.message, str) and e.message for e in err.errors)
        for e in err.errors:
            assert e.line is None or e.line >= 1
            e.one_line()
    else:
        assert isinstance(result, Dossier)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.dictionaries(keys, values, max_size=8))
def test_arbitrary_mappings_give_dossier_or_dossier_error(mapping):
    _check(yaml.safe_dump(mapping, allow_unicode=True))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_gives_dossier_or_dossier_error(text):
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_mangled_real_dossier_gives_dossier_or_dossier_error(data):
    text = FULL
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(text)))
        j = data.draw(st.integers(i, min(len(text), i + 12)))
        text = text[:i] + data.draw(st.sampled_from(["", ":", "-", " ", "\n", "'", "{", "[", "2026-02-30", "&a", "*a", "!!"])) + text[j:]
    _check(text)


def test_errors_under_merge_keys_point_at_the_merged_value():
    text = "base: &b {held: 是}\n"  # an unknown top-level key, and a merged mapping with a wrong type
    err = _error(text + "hearing:\n  <<: *b\n  date: 2026-03-01\n")
    assert _only(err, "hearing.held").line == 1
    assert _only(err, "base").line == 1


def test_yamlsource_locates_like_the_dossier_reader():
    from review_engine import yamlsource

    doc = yamlsource.load("a: &x {b: 1}\nc:\n  <<: *x\n  d: [1, 2]\n1: z\n", "f.yaml")
    assert doc.locate(("c", "b")) == (1, 11, "c.b")  # followed through the merge key
    assert doc.locate(("c", "d", 1)) == (4, 10, "c.d[1]")
    assert doc.locate(("c", "e")) == (3, 3, "c.e")  # a missing field: its mapping
    assert doc.locate((1,))[:2] == (5, 4)
    assert doc.locate(("c", "d"), key=True)[:2] == (4, 3)
