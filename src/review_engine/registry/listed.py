"""What a lead-in gives the items it lists (the importer reads each 款's lead-in with its 项).

``listed_licences``  经 BODY 批准……方可进行下列作业或活动：(一)…… — every item's act waits for the approval: each is a
                     licence named by its act (rule ``listed``), the lead-in one too (its quotation holds the
                     approval's words).
``listed_conditions`` SUBJECT 应当具备下列条件：(一)…… — every item is a condition the subject must meet: an obligation
                     (rule ``condition``, verb 具备, its 项 number kept), so that a draft writing the list inline
                     (设立……，应当有……，有……，有……) is read as repeating it (``kinds.measure._inline_conditions``).
                     An item that only refers on (法律、行政法规规定的其他条件) is no condition of its own.
"""

from __future__ import annotations

import re

from review_engine.registry.bodies import ORGAN
from review_engine.registry.penalties import clip
from review_engine.registry.provisions import ITEM_MARK

__all__ = ["listed_conditions", "listed_licences"]

# a lead-in that makes the acts its items list wait for an approval (必须经……批准，并采取安全措施后，方可进行下列作业或活动：
# / 进行下列活动，应当经……批准：)
_LIST_GATE = re.compile(rf"(?:经|报经)(?P<b>[^，。；：:经]{{2,40}}?{ORGAN})(?:审查|审核)?(?:同意)?(?P<v>批准|许可|核准|审批|同意)"
                        r"[^：:。]{0,30}?(?:方可|才能|才可以|后方可)(?:从事|进行|实施|开展)?下列[^：:。]{0,10}[：:]\s*$|"
                        rf"(?:从事|进行|实施|开展)下列[^：:。]{{0,10}}?[，,]?(?:应当|须|必须|需)(?:报)?经"
                        rf"(?P<b2>[^，。；：:经]{{2,40}}?{ORGAN})(?:审查|审核)?(?:同意)?(?P<v2>批准|许可|核准|审批|同意)[：:]\s*$")


def listed_licences(lead: str, items: list[str], paragraph: int) -> list[dict]:
    """The licences of a lead-in that makes the acts its items list wait for an approval (``_LIST_GATE``): the lead-in
    itself (its quotation holds the approval's words), then each item, named by its act (rule ``listed``)."""
    m = _LIST_GATE.search(lead)
    if m is None or not items:
        return []
    body, verb = (m["b"], m["v"]) if m["b"] else (m["b2"], m["v2"])
    out = [{"kind": "licence", "name": "下列" + ("作业或活动" if "作业" in lead else "活动"), "body": body, "rule": "listed",
            "verb": verb, "paragraph": paragraph, "quote": clip(lead, 0, len(lead), m.start(), m.end())}]
    for number, item in enumerate(items, 1):
        act = ITEM_MARK.sub("", item, count=1).rstrip("；;。.，, ")
        if len(act) >= 4:
            out.append({"kind": "licence", "name": act[:40], "body": body, "rule": "listed", "verb": verb,
                        "paragraph": paragraph, "item": number, "quote": clip(act, 0, len(act), 0, min(len(act), 40))})
    return out


# a lead-in that lists conditions (申请……，应当具备下列条件： / 房地产中介服务机构应当具备下列条件：)
_CONDITION_LEAD = re.compile(r"(?:应当|应|须|必须)?(?:具备|符合|具有)(?:以下|下列)(?:基本)?条件[：:]\s*$")

_OTHER_CONDITIONS = re.compile(r"规定的其他|其他条件")  # (五)法律、行政法规规定的其他条件: no condition of its own


def listed_conditions(lead: str, items: list[str], paragraph: int) -> list[dict]:
    """The conditions a lead-in lists (``_CONDITION_LEAD``): each item an obligation of the lead's subject (verb 具备,
    rule ``condition``), so that a draft that writes the list inline is read as repeating it."""
    m = _CONDITION_LEAD.search(lead)
    if m is None or not items:
        return []
    head = lead[:m.start()]
    subject = re.split(r"[。；;]", head)[-1].strip("，, ")
    out = []
    for number, item in enumerate(items, 1):
        act = ITEM_MARK.sub("", item, count=1).rstrip("；;。.，, ")
        if len(act) >= 4 and not _OTHER_CONDITIONS.search(act):
            out.append({"kind": "obligation", "name": act[:30], "subject": subject[-20:] or None, "rule": "condition",
                        "verb": "具备", "paragraph": paragraph, "item": number})
    return out
