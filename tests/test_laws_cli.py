"""`review-engine laws list | show | search` on the imported registry, with and without a law-text folder."""

from __future__ import annotations

import re

import pytest

from review_engine.cli import main

from conftest import CORPUS

NATIONAL = CORPUS / "national_law" if CORPUS else None
needs_texts = pytest.mark.skipif(NATIONAL is None or not NATIONAL.is_dir(),
                                 reason="../shared/corpus/national_law is absent (set REVIEW_ENGINE_CORPUS)")


@pytest.fixture(autouse=True)
def _no_configured_texts(monkeypatch):
    monkeypatch.delenv("REVIEW_ENGINE_LAW_TEXTS", raising=False)


def test_show_an_instrument(capsys) -> None:
    assert main(["laws", "show", "道路交通安全法"]) == 0
    out = capsys.readouterr().out
    assert "《中华人民共和国道路交通安全法》" in out and "← 现行" in out and "被2021年修正取代" in out
    assert re.search(r"第九十条\n\s+第一款 警告、罚款 20–200元", out)
    assert "2025年4月19日快照" in out
    assert main(["laws", "show", "环境噪声污染防治法"]) == 0
    out = capsys.readouterr().out
    assert "已废止" in out and "2022年6月5日" in out and "噪声污染防治法" in out
    assert main(["laws", "show", "国办发〔2018〕115号"]) == 0
    assert "合法性审核机制" in capsys.readouterr().out
    assert main(["laws", "show", "没有这部法"]) == 2


def test_show_an_article_without_texts(capsys) -> None:
    assert main(["laws", "show", "渔业法", "第十六条"]) == 0
    out = capsys.readouterr().out
    assert "款项：第一款、第二款、第三款" in out
    assert "第三款 行政许可 水产苗种的生产（县级以上地方人民政府渔业行政主管部门审批）" in out
    assert "未配置法律文本目录" in out and "REVIEW_ENGINE_LAW_TEXTS" in out
    assert main(["laws", "show", "行政处罚法", "第九条"]) == 0
    out = capsys.readouterr().out
    assert "第一款（六项）" in out and "未规定行政处罚、许可、收费或者行政强制" in out
    assert main(["laws", "show", "行政处罚法", "九十"]) == 0
    assert "没有第九十条" in capsys.readouterr().out
    assert main(["laws", "show", "行政处罚法", "第X条"]) == 2


@needs_texts
def test_show_an_article_with_its_text_in_the_version_of_a_date(capsys) -> None:
    assert main(["laws", "show", "行政处罚法", "第九条", "--law-texts", str(NATIONAL)]) == 0
    out = capsys.readouterr().out
    assert "（2021年修订，" in out and "第九条 行政处罚的种类：" in out and "（一）警告、通报批评；" in out
    # on a day the 1996 text applied: its facts and text are not in the folder, and the output says so
    assert main(["laws", "show", "行政处罚法", "第九条", "--on", "2020-01-01", "--law-texts", str(NATIONAL)]) == 0
    out = capsys.readouterr().out
    assert "（2017年修正，按2020年1月1日）" in out and "上位法库没有该版本的文本" in out
    assert main(["laws", "show", "刑法", "第一百三十三条之一", "--law-texts", str(NATIONAL)]) == 0
    assert "第一百三十三条之一 在道路上驾驶机动车" in capsys.readouterr().out


def test_search_the_facts(capsys) -> None:
    assert main(["laws", "search", "苗种生产许可证"]) == 0
    out = capsys.readouterr().out
    assert "《中华人民共和国渔业法》第十六条（2013年修正）行政许可 水产苗种的生产（县级以上地方人民政府渔业行政主管部门）" in out
    assert "《农业转基因生物安全管理条例》第十九条" in out and "水产苗种生产许可证" in out
    assert "未作全文检索" in out
    assert main(["laws", "search", "车辆通行费", "--kind", "fee"]) == 0
    out = capsys.readouterr().out
    assert "《中华人民共和国公路法》第五十九条" in out and "行政许可" not in out


@needs_texts
def test_search_the_texts_too(capsys) -> None:
    assert main(["laws", "search", "苗种生产许可证", "--law-texts", str(NATIONAL)]) == 0
    out = capsys.readouterr().out
    assert "全文检索：1 处" in out and "农业转基因生物安全管理条例(2017-10-07).md" in out


def test_list(capsys) -> None:
    assert main(["laws", "list"]) == 0
    out = capsys.readouterr().out
    assert "上位法库" in out and "national_law" in out
