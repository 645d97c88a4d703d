"""The public body a provision names: who grants a licence, collects a fee, imposes a penalty or a measure.

Laws name the body in two ways, and ``body_of`` reads both from one clause of a sentence:

* after 由 (由县级以上地方人民政府农业农村主管部门责令改正，处…; 由国务院渔业行政主管部门审批) — the body
  runs from 由 to the verb that follows it;
* as the subject of the clause (县级以上人民政府生态环境主管部门可以查封、扣押…; 公安机关有权…).

A body ends with the name of an organ (主管部门, 行政部门, 机关, 人民政府, 委员会, 海关, 人民法院 …); the words
before it may hold a level (县级以上地方, 设区的市级, 省、自治区、直辖市) and a field (渔业行政). Nothing is
inferred: a clause that names no organ has no body (``None``).
"""

from __future__ import annotations

import re

__all__ = ["body_of", "ORGAN"]

ORGAN = (r"(?:主管部门|行政部门|管理部门|监督管理机构|管理机构|部门|机关|机构|人民政府|委员会|海关|税务局|局|署|人民法院|"
         r"人民检察院|办公室|中心|站)")
_WORD = r"(?:设区的市|[^，,。；;：:由的“”《》（）()\s])"
_WORD_OF = r"(?:[^，,。；;：:由“”《》（）()\s])"  # after 由 a body may hold 的 (负责受理…申请的行政主管部门)
_VERB = (r"(?:责令|处|给予|予以|没收|吊销|暂扣|审批|批准|核准|核发|颁发|发放|发给|许可|登记|收取|征收|计收|决定|实施|"
         r"采取|查封|扣押|冻结|强制|组织|审查|认定|备案|确定|办理|作出|收缴|撤销|注销|公告|向|追缴|追征|取缔)")
_AFTER_YOU = re.compile(
    rf"由(?P<b>{_WORD_OF}{{0,40}}{ORGAN})(?=(?:依法|按照|依照|根据|会同|商|按|各自|在)?[^，。；]{{0,6}}?{_VERB}|[，,。；])"
)
_SUBJECT = re.compile(
    rf"^(?:对[^，。；]{{1,30}}[，,])?(?P<b>{_WORD}{{2,40}}?{ORGAN})(?:及其[^，。；]{{0,20}}?)?"
    rf"(?=依法|可以|有权|应当|有权|按照|依照|根据|负责|在|对|责令|审批|批准|核发|颁发|发放|查封|扣押|冻结|征收|收取)"
)
_LEAD = re.compile(r"^(?:并|应当|可以|依法|还|经|报|向|由)+")


def body_of(clause: str) -> str | None:
    """The organ named in ``clause`` (one clause of a sentence): after 由, else its subject; or None."""
    m = _AFTER_YOU.search(clause)
    if m is None:
        m = _SUBJECT.search(clause.lstrip())
    if m is None:
        return None
    body = _LEAD.sub("", m["b"])
    if len(body) < 2 or body.startswith(("本", "该", "其", "前款", "上述")):
        return None
    return body
