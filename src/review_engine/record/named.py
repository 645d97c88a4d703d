"""Facts of a whole material rather than of one sentence: the drafting unit (its label, its signature, the title),
the 制定依据 named, and the issuing body (拟以某市人民政府名义印发)."""

from __future__ import annotations

import re

from .events import PLAN, Candidates
from .sentences import Material, Sentence

_UNIT = r"[^，。；、\s“”《》（）()：:]{2,30}?(?:局|委员会|委|厅|办公室|办事处|中心|人民政府|政府|院|站|署|分局|公司|协会|支队|大队|总队)"
_DRAFTERS = (
    (re.compile(r"(?:起草|牵头|承办|主办)(?:单位|部门|机关)[：:为是]\s*(?P<u>" + _UNIT + r")(?![^，。；]{0,2}(?:会同|和|及))"), 5),
    (re.compile(r"(?:由|系)(?P<u>" + _UNIT + r")(?:牵头)?(?:负责)?(?:组织)?起草"), 1),
    (re.compile(r"(?:^|，|。)(?P<u>" + _UNIT + r")(?:（[^）]{1,20}）)?(?:于[^，。；]{1,16})?(?:牵头|组织|负责|会同[^，。；]{1,30}?)?(?:起草|草拟|研究起草|代拟)了?"), 1),
)


def drafting_unit(material: Material, c: Candidates) -> None:
    """起草单位: an explicit label (起草单位：X) above all, then the unit that signs the 起草说明 or stands under its
    title, then the title (X关于《…》的起草说明), then 由X起草 / X起草了 in the text."""
    for s in material.sentences:
        if s.cells and len(s.cells) >= 2 and re.fullmatch(r"(?:起草|制定)(?:单位|部门|机关)", s.cells[0].strip()):
            unit = s.cells[1].strip()
            if re.fullmatch(_UNIT, unit):
                c.add("drafting_unit", unit, s, 5)
            continue
        for pattern, weight in _DRAFTERS:
            m = pattern.search(s.text)
            if m and not PLAN.search(s.text[:m.start()]) and not re.match(r"(?:受|根据|按照)", m.group("u")):
                c.add("drafting_unit", m.group("u"), s, weight if material.kind == "起草说明" else min(weight, 1))
                break
    if material.kind != "起草说明":
        return
    m = re.match(r"^(?P<u>" + _UNIT + r")关于", material.title)
    if m:
        c.add("drafting_unit", m.group("u"), material.sentences[0], 2)
    for unit, line in ((material.signer, material.signer_line), (material.header, material.header_line)):
        if unit:
            c.add("drafting_unit", unit, Sentence(unit, material.file, line or 0, material.kind), 3)


#: 以《……》和《……》为（主要）依据: the titles a text takes as its basis, named before the word.
BASIS_AS = re.compile(r"以(?P<body>《[^。；]*》)(?:等)?(?:[^。；《》]{0,8}规定)?(?:为|作为)(?:主要|直接|基本)?(?:法律|制定)?依据")
_TITLE = re.compile(r"《(?P<t>[^《》]{2,80})》")


def basis(materials: list[Material], c: Candidates, own_title: str | None) -> None:
    """制定依据: the titles named in the basis section of the 起草说明, else in a sentence saying 根据/依据《…》;
    titles after 参照/参考 (referred to, not relied on) and the draft's own title are left out."""
    explanation = [m for m in materials if m.kind == "起草说明"]
    titles: list[tuple[str, Sentence]] = []
    for material in explanation:
        for s in material.sentences:
            if not s.title and "basis" in s.topics:
                titles += _titles(s.text, s)
    if not titles:
        for material in explanation:
            for s in material.sentences:
                if s.title or re.search(r"公平竞争审查|合法性审", s.text):
                    continue
                # the list runs to its last title (……和人力资源社会保障部等部门《关于……的意见》。)
                m = re.search(r"(?:根据|依据|依照|按照)(?![，,])(?P<body>[^。；]*?《[^。；]*》)[^。；]{0,40}?(?:制定|起草|规定|结合|有关|等|[。；]?$)", s.text) \
                    or BASIS_AS.search(s.text)
                if m:
                    titles += _titles(m.group("body"), s)
    own = _core(own_title) if own_title else None
    short = {m for material in materials for s in material.sentences for m in re.findall(r"简称《([^《》]{1,12})》", s.text)}
    titles = [(t, s) for t, s in titles if t not in short and not re.fullmatch(r"(?:本)?(?:办法|细则|规定|意见|实施意见|方案|通知|决定|规则|标准|基准|清单)", t)]
    out: list[str] = []
    first: Sentence | None = None
    for title, s in titles:
        title = title.strip()
        if (own and _core(title) == own) or re.search(r"（(?:送审稿|征求意见稿|草案|修订稿|试行草案)）", title):
            continue
        if title not in out:
            out.append(title)
            first = first or s
    if first is not None:
        c.add("basis", tuple(out), first, 2)


#: The note after a title (（桐政办发〔2023〕15号，刊登于2023年第8期《桐江市人民政府公报》）): its particulars — a title
#: there is where it was published, no basis.
_NOTE = re.compile(r"(?<=》)\s*[（(][^（）()]*[）)]")


def _titles(text: str, s: Sentence) -> list[tuple[str, Sentence]]:
    text = _NOTE.sub("", text)
    cut = re.search(r"(?:参照|参考|借鉴|对照)(?:了)?", text)
    body = text[:cut.start()] if cut else text
    return [(t, s) for t in _TITLE.findall(body)]


def _core(title: str) -> str:
    return re.sub(r"[（(][^）)]*[)）]", "", title).strip()


_ISSUER = re.compile(r"以(?P<u>" + _UNIT + r")(?:的)?(?:名义|文件|规范性文件)")


def issuer(materials: list[Material], c: Candidates) -> None:
    """The issuing body when the materials name it (拟以市人民政府名义印发)."""
    for material in materials:
        for s in material.sentences:
            m = _ISSUER.search(s.text)
            if m and re.search(r"印发|发布|出台|制发|下发|公布", s.text[m.end():m.end() + 20]):
                c.add("issuer.name", m.group("u"), s)



__all__ = ["basis", "drafting_unit", "issuer"]
