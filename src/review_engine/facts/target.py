"""On whom a measure falls: the target a sentence names (对考核不合格的乡镇予以通报批评; 各部门应当……), and whether it is
the administration itself — its tiers, departments, subordinate bodies and staff — so that the measure is internal
supervision, not a measure on citizens (``facts.reading.Reading.internal``)."""

from __future__ import annotations

import re

INTERNAL = re.compile(
    r"各地|各级|各(?:区|县|市|乡镇|镇|乡|街道|部门|单位|地区|成员单位)|有关部门|相关部门|职能部门|责任部门|下级|"
    r"(?:所属|直属|下属)(?:单位|部门|机构|事业单位|学校)|"
    r"本(?:部门|单位|机关|系统)|(?:机关|行政|执法|部门|政府)(?:的)?工作人员|执法人员|公职人员|国家工作人员|党员|干部|"
    r"(?:服务|办事|受理)?窗口(?:的)?(?:工作)?人员|经办人员|"
    r"领导|乡镇|街道|督查|督办|问责|约谈|目标责任"
)

# a verb whose object the words after it are: 种粮大户申报各级农业补贴项目的 (the 各级 are the programmes' tiers)
_SOUGHT = re.compile(r"(?:申报|申请|申领|参加|参与|承接|获得|享受|列入|纳入|争取|承担)[^，。；]{0,6}$")

# the passive: 施工企业被……约谈两次以上的 (the firm was summoned; the summons is not the measure's target)
_UNDERGONE = re.compile(r"被[^，。；]{0,16}$")

# the tier as the one consented, reported to or acting (未经乡镇人民政府同意擅自设置蜂场的: the beekeeper is the target)
_OTHER_ROLE = re.compile(r"(?:未经|须经|报经|经|征得|取得|向|报请|报送|报|由|会同|按照|依照)[^，。；]{0,3}$")

# tiers of the administration that also name a place (乡镇公共厕所保洁承包人: the contractor works in the townships)
_PLACE = re.compile(r"各地|各(?:区|县|市|乡镇|镇|乡|街道|地区)|乡镇|街道")
# the words that close a place named as an area (……建成区内 / ……范围)
_LOCATIVE = r"(?:内|范围|区域|以内|境内)"
# the tier named as the area a measure covers (城区和各乡镇建成区内)
_WITHIN = re.compile(rf"[^，。；]{{0,8}}?{_LOCATIVE}")
_OWN_PEOPLE = re.compile(r"的?(?:主要)?(?:负责人|领导|工作人员|干部|党员|公职人员|执法人员|部门|机关|人民政府|政府|办事处|站所)")

# 给予警告、记过、撤职或者开除的处分: a sanction named as a 处分 is the discipline of staff, not a penalty
DISCIPLINE = re.compile(r"(?:(?:、|和|或者|或|及|以及)(?:警告|记过|记大过|降级|降职|撤职|开除|留用察看|留党察看|通报批评))*"
                        r"的?(?:政务|行政|纪律)?处分")


# a clause's own subject that names a business or a household (辖区内砂石料场、沿街店铺、养殖户)
_PARTY_END = re.compile(r"(?:料场|砂场|养殖场|屠宰场|市场|厂|店|铺|(?<![逐每各按到入])户|企业|公司|经营者|商户|摊点|网点|作坊|码头|站点)$")


_NO_SUBJECT = re.compile(r"由|(?:依法|视情|分别|并|可以|应当|均|一律|将)?(?:予以|给予|责令|处以?|进行|实行|作出|采取|约谈|通报|督促|暂停|取消)")
"""How a clause opens that names no party of its own: who acts (由……), or the measure itself (予以督促整改或者通报批评)."""


def target_of(before: str, kind: str | None) -> str:
    """The words naming on whom the measure falls: the last 对…… phrase before it (对考核不合格的乡镇予以通报批评);
    else, for a duty or a power, the subject of its clause (各部门应当……); else a topic ending in 的 that opens the
    sentence (考核不合格的乡镇，予以通报批评). A private party named as the subject of the clause after the 对 phrase
    is the one it falls on (对超限超载问题突出的乡镇，辖区内砂石料场一律关停取缔: the yards, not the township)."""
    phrases = list(re.finditer(r"(?:对|给予)([^，。；,]{1,30})", before))
    if phrases:
        last = phrases[-1]
        tail = re.split(r"[，,]", before[last.end():])
        # (由所在单位……: who acts, not on whom; 予以督促整改或者……: the measure itself, the clause has no subject of its own)
        if len(tail) > 1 and tail[-1] and not _NO_SUBJECT.match(tail[-1]):
            from .clauses import classify

            subject = tail[-1][:20]
            kind_of = classify(subject)
            if kind_of == "private" or (kind_of != "public" and _PARTY_END.search(subject)):
                return subject
        return last.group(1)
    segments = [seg for seg in re.split(r"[，,]", before) if seg]
    if not segments:
        return ""
    if kind in ("burden", "power"):
        return segments[-1][:20]
    return segments[0] if (len(segments) > 1 or before.rstrip().endswith(("，", ","))) and segments[0].endswith("的") else ""


# a body named as the host of an event or a place the party acts in (街道举办的交流会、镇政府建设的市场)
_HOSTED = re.compile(r"[^，。；]{0,4}?(?:举办|主办|承办|开办|组织|设立|建设|建成|管理)的[^，。；]{1,12}?(?:上|中|内|里|期间|现场)")


def place_only(target: str) -> bool:
    """Whether the words name only the area a measure covers (城区和各乡镇建成区内): where, not on whom."""
    return _PLACE_END.search(target) is not None and _ACTING.search(target) is None


_PLACE_END = re.compile(rf"{_LOCATIVE}$")
# (… not a tier told to act in its area: 各乡镇要确保辖区内……)
_ACTING = re.compile(r"要|应当|须|确保|负责|组织|督促|做好")


def internal_target(target: str) -> bool:
    """Whether the measure falls on the administration itself. A place or a tier named as a modifier is not the
    target: 乡镇公共厕所保洁承包人、各地经营者 are private parties located there, while 考核不合格的乡镇 and 各乡镇负责人
    are the tier and its people."""
    from .clauses import STREETS, classify

    for found in INTERNAL.finditer(target):
        if _SOUGHT.search(target, 0, found.start()):
            continue  # what the party applies for or takes part in (申报各级农业补贴项目的): not on whom it falls
        if _UNDERGONE.search(target, 0, found.start()):
            continue  # what was done to the party before (被县人力资源和社会保障局约谈两次以上的企业): its conduct, not a tier
        if _OTHER_ROLE.search(target, 0, found.start()):
            continue  # whose consent the party lacked, or to whom it reports (未经乡镇人民政府同意……的): not the target
        rest = target[found.end():]
        if any(s.start() <= found.start() < s.end() for s in STREETS.finditer(target)):
            continue  # the streets of a town (城区所有街道一律禁止设置流动摊点): a place, not the street office
        if _HOSTED.match(rest):
            continue  # the body as the host of an event or a place (在街道举办的邮票交流会上私下交易……的): not the party
        if not _PLACE.fullmatch(found.group()):
            return True
        if (within := _WITHIN.match(rest)) is not None and place_only(within.group()):
            continue  # a place the measure covers (各乡镇建成区内全面禁止……): where, not on whom
        if _OWN_PEOPLE.match(rest) or classify(rest) != "private":
            return True
    return False
