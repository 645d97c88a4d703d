"""Versions of an instrument from the dated history lines of its text (the lines above ``<!-- INFO END -->``).

    1996年3月17日 第八届全国人民代表大会第四次会议通过                       → 1996年通过 (promulgated)
    2009年8月27日 …《关于修改部分法律的决定》第一次修正                       → 2009年修正 (amended)
    2021年1月22日 第十三届全国人民代表大会常务委员会第二十五次会议修订        → 2021年修订 (amended)
    2004年4月30日 中华人民共和国国务院令第406号公布                          → 2004年公布 (a regulation's original)
    2015年9月1日 施行                                                         → effective date of the latest
                                                                                version adopted on or before it

Every date in the header starts an event (a line may hold two: …第一次修正根据2009年8月27日…第二次修正); the
words after the date say which (修订 / 修正 → a new version; 通过 / 批准 / 公布 / 发布 → the original; 施行 →
an effective date). ``公布之日施行`` without a date makes the previous event's date the effective date. Labels
are ``<year>年<what>``, with the month added when two versions would share a label. The issuer is read from
the original's line (全国人民代表大会常务委员会, 国务院, 国务院、中央军事委员会, a ministry that 发布 it).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["Event", "VersionDraft", "doc_number_of", "events", "issuer_of", "versions_of"]

_DATE = re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
_DOC_NO = re.compile(r"(?:中华人民共和国)?(?P<no>[\u4e00-\u9fff、]{1,24}令第[\d零〇一二三四五六七八九十百千]+号)")
_MINISTRY = re.compile(r"(?P<b>[\u4e00-\u9fff]{2,16}?(?:部|委员会|总署|总局|局|署|委|银行))(?:令第[\d零〇一二三四五六七八九十百千]+号)?(?:发布|公布|颁布)")


@dataclass
class Event:
    date: dt.date | None
    kind: str  # revised | amended | adopted | published | effective
    text: str


@dataclass
class VersionDraft:
    """A version before validation (what ``model.Version`` is built from)."""

    label: str
    promulgated: dt.date | None = None
    amended: dt.date | None = None
    effective: dt.date | None = None
    kind: str = ""  # 通过 / 公布 / 修正 / 修订
    line: str = ""  # the history line of its last event

    @property
    def date(self) -> dt.date:
        return self.amended or self.promulgated or self.effective  # type: ignore[return-value]

    @property
    def start(self) -> dt.date:
        return self.effective or self.date


def _kind(words: str) -> str:
    if "修订" in words:
        return "revised"
    if "修正" in words:
        return "amended"
    if re.search(r"通过|批准|人民代表大会", words):
        return "adopted"
    if re.search(r"公布|发布|颁布", words):
        return "published"
    if "施行" in words:
        return "effective"
    return "published" if not words.strip() else "other"


def events(header: list[str]) -> list[Event]:
    """The dated events of the header lines, in order."""
    out: list[Event] = []
    for line in header:
        dates = list(_DATE.finditer(line))
        if not dates:
            if re.search(r"(?:公布|发布)之日(?:起)?施行", line) and out:
                out.append(Event(out[-1].date, "effective", line))
            continue
        for i, m in enumerate(dates):
            end = dates[i + 1].start() if i + 1 < len(dates) else len(line)
            words = line[m.end():end]
            try:
                day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
            kind = _kind(words)
            out.append(Event(day, kind, line[m.start():end].strip()))
            if kind in ("adopted", "published") and re.search(r"(?:公布|发布)施行", words):
                out.append(Event(day, "effective", words))
    return out


def versions_of(evs: list[Event], *, regulation: bool) -> list[VersionDraft]:
    """The versions the events describe, oldest first (see the module docstring). ``regulation``: the original
    is dated by its 公布/发布 (行政法规), else by its 通过 (法律)."""
    versions: list[VersionDraft] = []
    for ev in evs:
        if ev.date is None or ev.kind == "other":
            continue
        if ev.kind in ("revised", "amended"):
            if versions and versions[-1].amended == ev.date:
                continue
            versions.append(VersionDraft(f"{ev.date.year}年{'修订' if ev.kind == 'revised' else '修正'}",
                                         amended=ev.date, kind="修订" if ev.kind == "revised" else "修正", line=ev.text))
        elif ev.kind in ("adopted", "published"):
            if not versions:
                word = "通过" if ev.kind == "adopted" else "公布"
                versions.append(VersionDraft(f"{ev.date.year}年{word}", promulgated=ev.date, kind=word, line=ev.text))
            elif regulation and ev.kind == "published" and versions[-1].date <= ev.date:
                last = versions[-1]  # 国务院常务会议通过 / 修订通过, then 国务院令公布: a regulation's date is its 公布
                if last.amended is None:
                    last.promulgated, last.label, last.kind = ev.date, f"{ev.date.year}年公布", "公布"
                else:
                    last.amended, last.label = ev.date, f"{ev.date.year}年{last.kind}"
                last.line = ev.text
        elif ev.kind == "effective":
            for v in reversed(versions):
                if v.date <= ev.date:
                    if v.effective is None:
                        v.effective = ev.date
                    break
    _unique_labels(versions)
    return versions


def _unique_labels(versions: list[VersionDraft]) -> None:
    seen: dict[str, int] = {}
    for v in versions:
        seen[v.label] = seen.get(v.label, 0) + 1
    for v in versions:
        if seen[v.label] > 1:
            v.label = f"{v.date.year}年{v.date.month}月{v.kind}"
    labels = [v.label for v in versions]
    for v in versions:
        if labels.count(v.label) > 1:
            v.label = f"{v.date.year}年{v.date.month}月{v.date.day}日{v.kind}"


def issuer_of(evs: list[Event]) -> str | None:
    """The body that enacted the original text, from the first events that name one."""
    for ev in evs[:3]:
        text = ev.text
        if "全国人民代表大会常务委员会" in text:
            return "全国人民代表大会常务委员会"
        if "全国人民代表大会" in text:
            return "全国人民代表大会"
        if re.search(r"国务院、(?:中华人民共和国)?中央军(?:事委员会|委)", text):
            return "国务院、中央军事委员会"
        if "国务院" in text and "批准" not in text:
            return "国务院"
        if "中央军委" in text or "中央军事委员会" in text:
            return "中央军事委员会"
        m = _MINISTRY.search(text)
        if m and "国务院" not in m["b"]:
            return re.sub(r"^\d+日\s*", "", m["b"]).strip()
    return None


def doc_number_of(evs: list[Event]) -> str | None:
    """The 令号 of the latest event that gives one (国务院令第722号)."""
    found = None
    for ev in evs:
        m = _DOC_NO.search(ev.text)
        if m:
            found = m["no"].removeprefix("中华人民共和国")
    return found


def effective_clause(text: str) -> dt.date | None:
    """The date of a 施行 article (本法自2021年7月15日起施行)."""
    m = re.search(r"自(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日起施行", text)
    if m is None:
        return None
    try:
        return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
