"""Repeal clauses (本法自…起施行。《…》同时废止) of imported texts, and the short names of an instrument.

Every text of the folder is read for a clause that puts it in force and repeals others: the repealed
instrument gets the date (the clause's date, or the successor's first 公布 for 自公布之日起施行) and the successor's
title, with the article as source (``national_law:<path>#第X条``). One that is not in the folder is added
when the clause or its title says its level (…国务院发布的《…》 → 行政法规; 全国人民代表大会常务委员会 or
中华人民共和国…法 → 法律), with the dates the clause gives; otherwise the importer notes that it was left out.
A clause that repeals an earlier instrument of the same name as one in the folder (反间谍法 repealing the 1993
国家安全法) is not applied to the later one.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["apply_repeals", "short_names"]

PRC = "中华人民共和国"
_NPCSC = ("全国人民代表大会常务委员会", "全国人大常委会")
_REPEAL = re.compile(r"自(?P<when>\d{4}年\d{1,2}月\d{1,2}日|公布之日|发布之日)起施行(?P<rest>[^。]*。?[^。]*?)(?:同时|即行|予以)?(?:废止|失效)")
_REPEALED_TITLE = re.compile(r"(?P<desc>[^《》，。]*?)《(?P<t>[^《》]+(?:《[^》]*》[^《》]*)*)》")


def short_names(title: str, names: list[str]) -> list[str]:
    """Short names: the MANIFEST names, the title without 中华人民共和国, 全国人大常委会 for 全国人民代表大会常务委员会."""
    out: list[str] = []
    for candidate in (*names, title.removeprefix(PRC)):
        if candidate.endswith(("编", "则")) and candidate in ("总则", "附则", "物权编", "合同编", "人格权编", "婚姻家庭编",
                                                                "继承编", "侵权责任编"):
            continue  # the parts of 民法典 are not instruments
        if candidate != title and candidate not in out:
            out.append(candidate)
    for candidate in (title, *out):
        if _NPCSC[0] in candidate:
            short = candidate.replace(*_NPCSC)
            if short not in out:
                out.append(short)
    return out


def apply_repeals(texts: list[tuple], instruments: dict[str, dict], folder: str, notes: list[str]) -> None:
    """Repeal clauses (本法自…起施行。《…》同时废止) of every text: the repealed instrument gets its date and
    successor; one not in the folder is added when its level is known (see the module docstring)."""
    by_title = {_norm(inst["title"]): inst for inst in instruments.values()}
    by_short = {_norm(name) for inst in instruments.values()
                for name in (*inst["short"], inst["title"].removeprefix(PRC))}
    for law, path, dated, ident in texts:  # (LawText, path in the folder, tied to a version, instrument id)
        successor = instruments.get(ident) or by_title.get(_norm(law.title))
        if successor is None or not dated:
            continue
        for article in law.articles[-4:]:
            text = article.text()
            m = _REPEAL.search(text)
            if m is None:
                continue
            when = m["when"]
            if when.endswith("之日"):
                first = successor["versions"][0]
                day = first.get("promulgated") or first.get("amended")
            else:
                day = _cn_date(when)
            if day is None:
                continue
            for found in _REPEALED_TITLE.finditer(m["rest"]):
                title = re.sub(r"[〈〉]", lambda c: "《" if c.group() == "〈" else "》", found["t"])
                if _norm(title) == _norm(successor["title"]):
                    continue
                source = f"{folder}:{path}#{article.label}"
                target = by_title.get(_norm(title))
                if target is None and _norm(title) in by_short:
                    notes.append(f"{source}: repeals an earlier 《{title}》, whose name an instrument of the folder "
                                 "bears (not added)")
                    continue
                if target is None:
                    level = _repealed_level(title, found["desc"])
                    if level is None:
                        notes.append(f"{source}: repeals 《{title}》, whose level the clause does not say (not added)")
                        continue
                    target = {"id": title.removeprefix(PRC), "title": title, "short": short_names(title, []),
                              "level": level, "issuer": _desc_issuer(found["desc"]), "doc_number": None,
                              "status": "已废止", "versions": _desc_versions(found["desc"], source), "sources": [source]}
                    if target["id"] in instruments:
                        target["id"] = title
                    instruments[target["id"]] = target
                    by_title[_norm(title)] = target
                elif target is successor:
                    continue
                elif target["versions"] and _first_date(target) >= day:
                    notes.append(f"{source}: repeals an earlier 《{title}》 than the one in the folder (not applied)")
                    continue
                if target.get("repealed", {}).get("date"):
                    continue  # the first clause found (the version in the folder's order) stands
                target["status"] = "已废止"
                target["repealed"] = {"date": day, "by": successor["title"], "source": source}
                if source not in target["sources"]:
                    target["sources"].append(source)


def _desc_versions(desc: str, source: str) -> list[dict]:
    """Versions a repeal clause describes (1990年12月24日国务院发布、1994年10月9日国务院修订发布的《…》)."""
    out: list[dict] = []
    for m in re.finditer(r"(\d{4})年(\d{1,2})月(\d{1,2})日([^\d、，]*)", desc):
        day = _cn_date(m.group())
        if day is None:
            continue
        revised = "修订" in m[4] or "修正" in m[4]
        word = "修订" if revised else ("通过" if "通过" in m[4] else "发布")
        entry = {"label": f"{m[1]}年{word}", ("amended" if revised and out else "promulgated"): day,
                 "source": source}
        if all(v["label"] != entry["label"] for v in out):
            out.append(entry)
    return out


def _desc_issuer(desc: str) -> str | None:
    for body in ("全国人民代表大会常务委员会", "全国人民代表大会", "国务院"):
        if body in desc:
            return body
    return None


def _first_date(inst: dict) -> str:
    first = inst["versions"][0]
    return first.get("promulgated") or first.get("amended") or first.get("effective") or ""


def _repealed_level(title: str, desc: str) -> str | None:
    if "国务院" in desc and "中央军事委员会" not in desc:
        return "行政法规"
    if "全国人民代表大会" in desc or title.startswith(_NPCSC[0]):
        return "法律"
    if re.fullmatch(rf"{PRC}[^《》]+(?<!办)法(?:（试行）|\(试行\))?", title):
        return "法律"
    return None


def _cn_date(text: str) -> str | None:
    m = re.match(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text)
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def _norm(title: str) -> str:
    return re.sub(r"[\s《》〈〉]", "", title).replace("（", "(").replace("）", ")")
