"""The law importer on the real folder ../shared/corpus/national_law: what it reads, and that the shipped
registry (laws/national_law/) is exactly what it writes."""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from review_engine.cli import main
from review_engine.registry import default_registry, laws_dir
from review_engine.registry.importer import import_folder, write
from review_engine.registry.lawtext import parse_law

from conftest import CORPUS

NATIONAL = CORPUS / "national_law" if CORPUS else None
needs_corpus = pytest.mark.skipif(NATIONAL is None or not NATIONAL.is_dir(),
                                  reason="../shared/corpus/national_law is absent (set REVIEW_ENGINE_CORPUS)")
SNAPSHOT = dt.date(2025, 4, 19)
# An article label as the text writes it, counted independently of registry.lawtext: at the start of a line,
# or after the end of a sentence and a space (files that run several articles into one line).
LABEL = re.compile(r"(?:^|(?<=[。；：”] ))[\u200b\xa0]*第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?"
                   r"[ \u3000\u2002\u2003]", re.M)


def manifest() -> list[dict]:
    with open(NATIONAL / "MANIFEST.tsv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@pytest.fixture(scope="module")
def imported():
    return import_folder(NATIONAL, snapshot=SNAPSHOT, origin="LawRefBook/Laws @ 2f4c5c2")


@pytest.fixture(scope="module")
def reg():
    return default_registry()


# --------------------------------------------------------------------------------------------------- the import


@needs_corpus
def test_reimport_is_byte_stable_and_is_what_ships(imported, tmp_path: Path) -> None:
    # the shipped files were written by an earlier run of the same import: equal bytes are a byte-stable re-import
    for written in write(imported, tmp_path):
        shipped = laws_dir() / "national_law" / written.name
        assert shipped.read_bytes() == written.read_bytes(), f"{shipped} is not what `laws import` writes: re-import"
    again = write(imported, tmp_path / "again")
    assert [p.read_bytes() for p in again] == [(tmp_path / p.name).read_bytes() for p in again]


@needs_corpus
def test_counts_per_level_equal_the_manifest(imported) -> None:
    rows = manifest()
    assert imported.meta["files"] == len(rows) == 1042
    assert imported.meta["files_per_level"] == dict(sorted(Counter(r["level"] for r in rows).items()))
    assert imported.meta["files_per_level"] == {"宪法": 6, "法律": 353, "行政法规": 683}
    # every file is the text of one version of one instrument
    paths = [t["path"] for inst in imported.instruments for v in inst["versions"] for t in v.get("texts", [])]
    assert sorted(paths) == sorted(r["path"] for r in rows)
    # instruments per level: titles of the files (民法典: 8 parts, one law), then those known from repeal clauses
    titles = {}
    for row in rows:
        titles[parse_law((NATIONAL / row["path"]).read_text(encoding="utf-8")).title] = row["level"]
    with_text = [i for i in imported.instruments if any(v.get("texts") for v in i["versions"])]
    assert len(with_text) == len(titles)
    assert Counter(i["level"] for i in with_text) == Counter(titles.values())


@needs_corpus
def test_articles_per_version_equal_the_text_for_every_file(imported) -> None:
    by_path = {t["path"]: v for inst in imported.instruments for v in inst["versions"] for t in v.get("texts", [])}
    parts: dict[str, int] = Counter()
    for row in manifest():
        body = (NATIONAL / row["path"]).read_text(encoding="utf-8").split("<!-- INFO END -->", 1)[-1]
        count = len(LABEL.findall(body))
        version = by_path[row["path"]]
        if row["path"].startswith("民法典/"):
            parts["民法典"] += count
            continue
        assert version.get("article_count", 0) == count, row["path"]
    civil = next(i for i in imported.instruments if i["title"] == "中华人民共和国民法典")
    assert civil["versions"][-1]["article_count"] == parts["民法典"] == 1260


@needs_corpus
def test_superseded_versions(imported) -> None:
    rows = manifest()
    expired = {r["path"] for r in rows if r["expired"] == "1"}
    superseded = set()
    for inst in imported.instruments:
        versions = [v for v in inst["versions"] if v.get("texts")]
        for v in versions[:-1]:
            superseded.update(t["path"] for t in v["texts"])
        if inst.get("repealed") and versions:
            superseded.update(t["path"] for t in versions[-1]["texts"])
    # every file the MANIFEST marks expired is superseded by a later version or repealed
    assert expired <= superseded and len(expired) == 52


@needs_corpus
def test_every_title_resolves_by_full_name_and_short_name(reg) -> None:
    for row in manifest():
        law = parse_law((NATIONAL / row["path"]).read_text(encoding="utf-8"))
        inst = reg.resolve(law.title)
        assert inst is not None and inst.title == law.title, law.title
        assert reg.resolve(f"《{law.title}》") is inst
        short = "民法典" if row["path"].startswith("民法典/") else row["name"]
        assert reg.resolve(short) is inst, short
        assert reg.resolve(f"《{short}》") is inst, short
        if law.title.startswith("中华人民共和国"):
            assert reg.resolve(law.title.removeprefix("中华人民共和国")) is inst


# --------------------------------------------------------------------------------------------------- hand checks

# Fines checked by hand against the texts (laws outside the 37 of higher_law): law, article, 款, kind, min, max,
# words of the base or unit, body (who imposes it) when the sentence names it.
FINES = [
    ("防沙治沙法", 40, 1, "range", 5000, 50000, "每公顷", None),
    ("传染病防治法", 70, 2, "max_only", None, 100000, None, "县级以上人民政府卫生行政部门"),
    ("防震减灾法", 86, 1, "range", 100000, 500000, None, None),
    ("危险化学品安全管理条例", 78, 1, "max_only", None, 50000, None, "安全生产监督管理部门"),
    ("娱乐场所管理条例", 45, 1, "range", 20000, 50000, None, None),
    ("地质灾害防治条例", 42, 1, "range", 100000, 500000, None, None),
    ("妇女权益保障法", 83, 1, "range", 10000, 50000, None, None),
    ("关税法", 64, 1, "multiple", Decimal("0.5"), 3, "应扣未扣、应收未收税款", "海关"),
    ("海域使用管理法", 45, 1, "max_only", None, 10000, None, None),
    ("陆地国界法", 57, 2, "max_only", None, 2000, None, "公安机关"),
    ("快递暂行条例", 41, 1, "range", 50000, 100000, None, None),
    ("重大动物疫情应急条例", 47, 1, "max_only", None, 5000, None, "动物防疫监督机构"),
    ("内河交通安全管理条例", 68, 1, "range", 5000, 50000, None, "海事管理机构"),
    ("电力监管条例", 33, 1, "range", 100000, 1000000, None, None),
    ("海关稽查条例", 31, 1, "range", 10000, 50000, None, "海关"),
    ("期货交易管理条例", 71, 1, "multiple", 1, 5, "违法所得", None),
    ("私募投资基金监督管理条例", 50, 1, "range", 100000, 300000, None, None),
    ("社会保险费征缴暂行条例", 23, 1, "range", 5000, 10000, None, None),
    ("医疗保障基金使用监督管理条例", 39, 1, "range", 10000, 50000, None, None),
    ("草原防火条例", 45, 1, "range", 200, 2000, None, "县级以上地方人民政府草原防火主管部门"),
    ("太湖流域管理条例", 64, 1, "range", 200000, 500000, None, None),
    ("海洋环境保护法", 108, 1, "range", 500000, 5000000, None, "海警机构"),
    ("地名管理条例", 38, 1, "range", 1000, 5000, None, "地名标志设置、维护和管理部门"),
    ("海上交通安全法", 95, 1, "range", 30000, 300000, None, "海事管理机构"),
    ("企业债券管理条例", 28, 1, "percent", None, 5, "所筹资金金额", None),
    ("渔业法", 44, 1, "max_only", None, 50000, None, None),
    ("渔业法", 41, 1, "max_only", None, 100000, None, None),
    ("防沙治沙法", 40, 1, "range", 5000, 50000, None, "县级以上地方人民政府负责受理营利性治沙申请的行政主管部门"),
    # the body opens the sentence; the conduct is the sentence before (…收取佣金的，拍卖人应当将超收部分返还…)
    ("拍卖法", 66, 1, "multiple", 1, 5, "拍卖佣金", "物价管理部门"),
]

# Licences, fees and coercive measures checked by hand: law, article, 款, kind, name, body, rule.
PROVISIONS = [
    ("渔业法", 16, 3, "licence", "水产苗种的生产", "县级以上地方人民政府渔业行政主管部门", "grant"),
    ("渔业法", 16, 2, "licence", "水产苗种的进口、出口", "国务院渔业行政主管部门或者省、自治区、直辖市人民政府渔业行政主管部门",
     "grant"),
    ("渔业法", 23, 1, "licence", "捕捞许可证", None, "system"),
    ("渔业法", 28, 1, "fee", "渔业资源增殖保护费", "县级以上人民政府渔业行政主管部门", "collect"),
    ("渔业法", 48, 2, "coercion", "扣押捕捞许可证、渔具或者渔船", None, "measure"),
    ("农业转基因生物安全管理条例", 19, 1, "licence", "水产苗种生产许可证", "国务院农业行政主管部门", "obtain"),
    ("农业转基因生物安全管理条例", 19, 1, "licence", "种畜禽生产许可证", "国务院农业行政主管部门", "obtain"),
    ("公路法", 59, 1, "fee", "车辆通行费", None, "collect"),
    ("食品安全法", 35, 1, "licence", "食品生产许可", "县级以上地方人民政府食品安全监督管理部门", "obtain"),
    ("食品安全法", 35, 1, "licence", "食品生产经营许可", "县级以上地方人民政府食品安全监督管理部门", "system"),
    ("大气污染防治法", 19, 1, "licence", "排污许可证", None, "obtain"),
    ("枪支管理法", 13, 1, "licence", "特别许可", None, "system"),
    ("商用密码管理条例", 18, 1, "licence", "商用密码认证机构资质", None, "obtain"),
    ("河道管理条例", 40, 1, "fee", "管理费", None, "collect"),
    ("电影产业促进法", 35, 1, "licence", "境内举办涉外电影节（展）",
     "国务院电影主管部门或者省、自治区、直辖市人民政府电影主管部门", "approval"),
    ("医疗事故处理条例", 34, 1, "fee", "鉴定费用", None, "collect"),
    ("渔业法", 34, 1, "licence", "沿海滩涂围垦", "县级以上人民政府", "approval"),
    ("海洋环境保护法", 21, 2, "fee", "倾倒费", None, "collect"),
    # 经批准的…: what was approved before, not a condition — the activity of the approval that follows
    ("土地管理法", 25, 1, "licence", "土地利用总体规划的修改", "原批准机关", "approval"),
    # 经营… is an activity, not a condition (经…批准); founding a company is an activity, though it ends with 公司
    ("国内水路运输管理条例", 27, 1, "licence", "经营船舶管理业务", None, "approval"),
    ("融资担保公司监督管理条例", 6, 1, "licence", "设立融资担保公司", "监督管理部门", "approval"),
    # a body of one word, or not ending in an organ word, approves too (未经海关许可，不得…; 未经中国人民银行许可)
    ("海关法", 37, 1, "licence", "开拆、提取、交付、发运、调换、改装、抵押", "海关", "approval"),
    ("金银管理条例", 17, 1, "licence", "把金银原料(包括半成品)转让或者移作他用", "中国人民银行", "approval"),
    # the approval of what its condition says (……的，应当提前办理变更审批手续)
    ("城市道路管理条例", 36, 1, "licence", "需要移动位置、扩大面积、延长时间", None, "papers"),
    # an approval whose body another sentence names, made the gate (经批准方可停业、歇业 / 未经批准的，不得转移 /
    # 未经批准，不得擅自兴建殡葬设施), and the application sent up (报县级人民政府民政部门审批)
    ("城镇燃气管理条例", 20, 2, "licence", "燃气经营者停业、歇业", None, "gate"),
    # the body named as the one that has it done (由……主管部门委托动物诊疗机构……代为处理)
    ("动物防疫法", 92, 1, "coercion", "代为处理", None, "measure"),
    ("固体废物污染环境防治法", 82, 2, "licence", "转移", None, "gate"),
    ("殡葬管理条例", 9, 1, "licence", "兴建殡葬设施", None, "gate"),
    # … the approval after a review (施工图设计文件未经审查批准的，不得使用)
    ("建设工程质量管理条例", 11, 2, "licence", "施工图设计文件", None, "gate"),
    ("殡葬管理条例", 8, 3, "licence", "农村为村民设置公益性墓地", "县级人民政府民政部门", "report"),
    # a body's consent is its approval (须经城市人民政府城市绿化行政主管部门同意)
    ("城市绿化条例", 19, 2, "licence", "临时占用城市绿化用地", "城市人民政府城市绿化行政主管部门", "approval"),
    # the consent named in a condition, the act it gates after it (公众聚集场所未经消防救援机构许可的，不得投入使用、营业)
    ("消防法", 15, 4, "licence", "公众聚集场所投入使用、营业", "消防救援机构", "approval"),
    # 擅自 is the act done without the consent, not part of its name (未经……批准，不得擅自停业、歇业)
    ("行政许可法", 67, 1, "licence", "停业、歇业", "作出行政许可决定的行政机关", "approval"),
    # the gate with 任何单位和个人 before 不得 (……实行许可制度。未经许可，任何单位和个人不得经营危险化学品)
    ("危险化学品安全管理条例", 33, 1, "licence", "经营危险化学品", None, "gate"),
    # an application to the body that decides on it (举办营业性演出，应当向……提出申请。……发给批准文件), named by the
    # activity without the verb that opens it (a draft names what is approved: 未经批准的营业性演出)
    ("营业性演出管理条例", 13, 1, "licence", "营业性演出", "演出所在地县级人民政府文化主管部门", "apply"),
    ("营业性演出管理条例", 6, 1, "licence", "营业性演出活动", "县级人民政府文化主管部门", "apply"),
    ("电影管理条例", 38, 1, "licence", "设立电影放映单位", None, "apply"),
    # the permit applied for at the body (应当向……主管部门申请动物诊疗许可证), and the approval the papers ask for where the
    # activity opens the sentence (举办医疗机构，应当具备下列条件，按照国家有关规定办理审批或者备案手续)
    ("动物防疫法", 62, 1, "licence", "动物诊疗许可证", None, "obtain"),
    ("基本医疗卫生与健康促进法", 38, 1, "licence", "举办医疗机构", None, "papers"),
    # a measure opening an item of a lead-in that gives the power (有权采取下列措施：……（四）查封、扣押……)
    ("湿地保护法", 46, 1, "coercion", "查封、扣押涉嫌违法活动的场所、设施或者财物", None, "measure"),
    # the acts a lead-in makes wait for an approval (必须经……批准，并采取安全措施后，方可进行下列作业或活动：)
    ("电力设施保护条例", 17, 1, "licence", "在电力电缆线路保护区内进行作业", "县级以上地方电力管理部门", "listed"),
    # the approval with the basis of the body's decision between them (未经有关部门依照国家有关规定批准，任何单位和个人不得……)
    ("电力设施保护条例", 19, 1, "licence", "收购电力设施器材", "有关部门", "approval"),
    # changing the holder is an activity, though its words end with a person (变更海域使用权人的，需经……批准)
    ("海域使用管理法", 27, 1, "licence", "变更海域使用权人", None, "approval"),
    # a removal by force the body organises is a coercive execution (逾期不清除的，由防汛指挥机构组织强行清除)
    ("防洪法", 42, 1, "coercion", "强行清除", None, "measure"),
]


def _facts(reg, law: str, article: int):
    inst = reg.resolve(law)
    assert inst is not None, law
    version = reg.version_on(inst, dt.date(2025, 4, 19))
    facts = inst.facts_for(version)
    assert facts is not None, (law, version.label if version else None)
    fact = facts.fact(article)
    assert fact is not None, f"{law} 第{article}条 has no facts"
    return fact


@needs_corpus
@pytest.mark.parametrize("case", FINES, ids=lambda c: f"{c[0]}-{c[1]}")
def test_hand_checked_fines(reg, case) -> None:
    law, article, paragraph, kind, low, high, base, body = case
    pens = [p for p in _facts(reg, law, article).penalties if p.paragraph == paragraph and p.kind == kind]
    matching = [p for p in pens if p.min == (None if low is None else Decimal(low))
                and p.max == Decimal(high) and (base is None or base in (p.base or "") or base == p.per)
                and (body is None or p.body == body)]
    assert matching, [(p.kind, p.min, p.max, p.base, p.per, p.body) for p in pens]


@needs_corpus
@pytest.mark.parametrize("case", PROVISIONS, ids=lambda c: f"{c[0]}-{c[1]}-{c[4]}")
def test_hand_checked_provisions(reg, case) -> None:
    law, article, paragraph, kind, name, body, rule = case
    found = [p for p in _facts(reg, law, article).provisions if p.kind == kind and p.paragraph == paragraph]
    matching = [p for p in found if p.name == name and p.rule == rule and (body is None or p.body == body)]
    assert matching, [(p.name, p.body, p.rule) for p in found]
    assert all(len(p.quote or "") <= 120 for p in found)


@needs_corpus
def test_lists_mentions_and_procedure_are_not_provisions(reg) -> None:
    penalty_law = reg.resolve("行政处罚法")
    facts = penalty_law.facts_for(penalty_law.current)
    assert facts.fact(9) is None  # the list of penalty types
    coercion = reg.resolve("行政强制法")
    facts = coercion.facts_for(coercion.current)
    assert facts.fact(9) is None  # the list of coercive measures has no modal verb
    road = reg.resolve("道路交通安全法")
    facts = road.facts_for(road.current)
    assert facts.fact(95).refers == [90] and not facts.fact(95).penalties
    assert facts.fact(88) is None  # the list of penalty types
    toll = reg.resolve("收费公路管理条例")
    denied = [p for p in toll.facts_for(toll.current).fact(4).provisions if p.kind == "fee"]
    assert denied and all(p.denied for p in denied)  # 不得收取车辆通行费


@needs_corpus
def test_an_application_is_a_licence_only_where_the_body_decides_on_it(reg) -> None:
    """向……申请 makes a licence only in a 款 that has the body approve, grant or issue (批准、准予、颁发……): 公安部门……
    应当向国家反恐怖主义工作领导机构提出申请 asks a body to recognise an organisation, it permits no activity."""
    law = reg.resolve("反恐怖主义法")
    fact = law.facts_for(law.current).fact(13)
    assert fact is None or not [p for p in fact.provisions if p.rule == "apply"]
    performance = reg.resolve("营业性演出管理条例")  # (the same words where the body decides: 发给批准文件)
    assert [p for p in performance.facts_for(performance.current).fact(13).provisions if p.rule == "apply"]


def test_a_duty_laid_for_a_case_is_an_obligation_a_consequence_of_a_breach_is_not() -> None:
    """取得农药经营许可证的农药经营者设立分支机构的，应当依法申请变更……: the case is the duty's subject; 情节严重的，禁止……
    and 逾期不改正的，应当…… follow a breach and lay no obligation of their own."""
    from review_engine.registry.provisions import provisions_in

    duties = provisions_in("取得农药经营许可证的农药经营者设立分支机构的，应当依法申请变更农药经营许可证。", 4, None)
    assert [p["name"] for p in duties if p["kind"] == "obligation"] == ["依法申请变更农药经营许可证"]
    for text in ("情节严重的，禁止其在五年内从事农药经营活动。", "逾期不改正的，应当停止使用该设施。"):
        assert not [p for p in provisions_in(text, 1, None) if p["kind"] == "obligation"], text


@needs_corpus
def test_repeals_read_from_repeal_clauses(reg) -> None:
    for old, new, day in [("合同法", "中华人民共和国民法典", dt.date(2021, 1, 1)),
                          ("执业医师法", "中华人民共和国医师法", dt.date(2022, 3, 1)),
                          ("城市维护建设税暂行条例", "中华人民共和国城市维护建设税法", dt.date(2021, 9, 1)),
                          ("行政监察法", "中华人民共和国监察法", dt.date(2018, 3, 20)),
                          ("民事诉讼法（试行）", "中华人民共和国民事诉讼法", dt.date(1991, 4, 9))]:
        inst = reg.resolve(old)
        assert inst is not None and inst.repealed is not None, old
        assert inst.repealed.date == day and inst.repealed.by == new, old
        assert reg.in_force(inst, day - dt.timedelta(days=1))[0] and not reg.in_force(inst, day)[0]
    # a MANIFEST-expired text no other text repeals: lost force, date unknown
    tcm = reg.resolve("中医药条例")
    assert tcm.repealed.date is None and tcm.repealed.known_by == SNAPSHOT
    ok, reason = reg.in_force(tcm, dt.date(2026, 1, 1))
    assert not ok and "废止日期未载明" in reason
    # the 1993 国家安全法 that 反间谍法 repealed is not the 2015 one of the folder
    assert reg.in_force(reg.resolve("国家安全法"), dt.date(2026, 1, 1))[0]


# --------------------------------------------------------------------------------------------------- command line


@needs_corpus
def test_cli_import_of_a_small_folder_and_of_one_without_manifest(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "mini"
    rows = [r for r in manifest() if r["name"] in ("渔业法", "立法法")]
    for row in rows:
        (folder / row["path"]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(NATIONAL / row["path"], folder / row["path"])
    with open(folder / "MANIFEST.tsv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    out = tmp_path / "out"
    assert main(["laws", "import", str(folder), "--out", str(out)]) == 2  # no snapshot date
    assert "--snapshot" in capsys.readouterr().err
    assert main(["laws", "import", str(folder), "--out", str(out), "--snapshot", "2025-04-19"]) == 0
    assert "已导入 3 个文件（法律 3），2 部法律法规" in capsys.readouterr().err
    first = (out / "instruments.jsonl").read_bytes()
    assert main(["laws", "import", str(folder), "--out", str(out)]) == 0  # the snapshot date is kept
    assert (out / "instruments.jsonl").read_bytes() == first
    # a province's folder without MANIFEST: names and dates from the file names, level given
    (folder / "MANIFEST.tsv").unlink()
    assert main(["laws", "import", str(folder), "--out", str(tmp_path / "p"), "--snapshot", "2025-04-19",
                 "--level", "地方性法规"]) == 0
    assert "地方性法规 3" in capsys.readouterr().err
    from review_engine.registry import Registry

    local = Registry.load([tmp_path / "p"])
    fishery = local.resolve("渔业法")
    assert fishery is not None and fishery.level == "地方性法规" and fishery.current.article_count == 50


def test_cli_import_needs_a_folder(tmp_path: Path, capsys) -> None:
    (tmp_path / "x.md").write_text("# 某法\n", encoding="utf-8")
    assert main(["laws", "import", str(tmp_path / "x.md")]) == 2
    assert "不是目录" in capsys.readouterr().err


def test_a_body_opening_the_sentence_imposes_only_after_the_conduct() -> None:
    """物价管理部门可以对拍卖人处……罚款 provides a penalty when the sentence before tells the conduct (…的，); the same
    words after no conduct are a mention (a rule about who sets the standard)."""
    from review_engine.registry.penalties import penalties_in

    after_conduct = ("违反本办法关于收费标准的规定多收费用的，经营者应当退还多收部分。有关主管部门可以对经营者处多收费用一倍以上"
                     "三倍以下的罚款。")
    found = penalties_in(after_conduct, 1, None)
    assert [(p["types"], p["min"], p["max"], p["body"]) for p in found] == [(["罚款"], 1, 3, "有关主管部门")]
    assert penalties_in("有关部门应当加强监督。公安机关可以处以罚款的具体标准由国务院规定。", 1, None) == []


def test_a_penalty_after_a_semicolon_is_quoted_with_the_conduct_before_it() -> None:
    """……的，由……责令改正；拒不改正的，处……罚款: the fine's quotation starts with the sentence, so that a restatement
    can be recognised by its conduct; a clause that names its own conduct keeps its own quotation."""
    from review_engine.registry.penalties import penalties_in

    text = "擅自改变公共停车场用途的，由主管部门责令改正；拒不改正的，处一万元以上三万元以下的罚款。"
    (fine,) = penalties_in(text, 1, None)
    assert fine["quote"] == text and fine["min"] == 10000
    own = "对经营者，由主管部门处五千元以下的罚款；对直接责任人员，处一千元以下的罚款。"
    assert [p["quote"] for p in penalties_in(own, 1, None)] == ["对经营者，由主管部门处五千元以下的罚款；",
                                                                 "对直接责任人员，处一千元以下的罚款。"]


def test_gains_named_before_their_confiscation_are_a_penalty() -> None:
    """有违法所得的，予以没收 (the gains first, 没收 after) provides 没收违法所得 as much as 没收违法所得 does; so does the
    general rule of 行政处罚法 第二十八条 (当事人有违法所得，除依法应当退赔的外，应当予以没收). Goods confiscated are not gains."""
    from review_engine.registry.penalties import penalties_in

    (gains,) = penalties_in("未取得资质证书承揽工程的，予以取缔，并处罚款；有违法所得的，予以没收。", 1, None)[-1:]
    assert "没收违法所得" in gains["types"]
    assert penalties_in("当事人有违法所得，除依法应当退赔的外，应当予以没收。", 2, None)[0]["types"] == ["没收违法所得"]
    assert penalties_in("查获的违禁品予以没收。", 1, None) == []


def test_a_list_of_conditions_is_kept_item_by_item_as_the_subjects_obligations():
    """房地产中介服务机构应当具备下列条件：（一）……（五）法律、行政法规规定的其他条件: each item is an obligation of the lead's
    subject (verb 具备, its 项 number), the item that only refers on is none; a list with no condition lead gives none."""
    from review_engine.registry.listed import listed_conditions

    items = ["（一）有自己的名称和组织机构；", "（二）有固定的服务场所；", "（三）法律、行政法规规定的其他条件。"]
    rows = listed_conditions("房地产中介服务机构应当具备下列条件：", items, 1)
    assert [(r["subject"], r["verb"], r["name"], r["item"]) for r in rows] == [
        ("房地产中介服务机构", "具备", "有自己的名称和组织机构", 1), ("房地产中介服务机构", "具备", "有固定的服务场所", 2)]
    assert listed_conditions("房地产中介服务机构应当履行下列义务：", items, 1) == []
    imported = [row for row in default_registry().packs[0].obligations("城市房地产管理法")["2019年修正"]
                if row[0] == "58" and row[1] == "具备"]
    assert len(imported) == 4, imported


@pytest.mark.parametrize("text, types", [
    # the violators the lead-in names (有下列行为之一的单位或者个人，……给予警告、罚款……)
    ("凡有下列行为之一的单位或者个人，卫生防疫机构可以根据情节轻重，给予警告、罚款、停业整顿、吊销“卫生许可证”的行政处罚：",
     ["警告", "罚款"]),
    # the conduct named as the thing a body acts on (未经……许可的……由……予以取缔，对……处……罚款)
    ("未经公安机关安全许可的大型群众性活动由公安机关予以取缔，对承办者处10万元以上30万元以下罚款。", ["罚款"]),
])
def test_a_penalty_whose_conduct_is_named_by_its_violators_or_its_object(text, types):
    from review_engine.registry.penalties import penalties_in

    found = penalties_in(text, 1, None)
    assert found and all(t in found[0]["types"] for t in types), found


def test_a_consent_that_gates_the_works_a_case_opens_with_names_them():
    """在……建设影响……的工程，建设单位应当采取相应措施，在征得……同意后方可建设: the act after the consent (建设) is too short to
    name anything; the activity is the case the sentence opens with, not the duty clause between."""
    from review_engine.registry.provisions import provisions_in

    text = ("在城市供水水源保护区内建设影响取水安全的工程，建设单位应当采取相应措施，在征得水行政主管部门同意后方可建设。")
    licences = [p for p in provisions_in(text, 1, None) if p["kind"] == "licence"]
    assert [p["name"] for p in licences] == ["城市供水水源保护区内建设影响取水安全的工程"], licences
