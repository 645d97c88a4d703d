"""Licences, fees, coercive measures and obligations one 款 or 项 of a law provides (``provisions``).

Each fact says what the provision is (``kind``), its ``name`` as the law writes it, the ``body`` that grants,
collects or imposes it (``registry.bodies``), the ``subject`` who must hold, pay or do it, where it stands
(款, 项), a quotation of at most 120 characters and ``rule``: the name of the pattern below that found it, so
that every fact can be explained. A later restatement check matches a draft clause against these ("does a
higher-law provision provide this licence / fee / measure, granted by this kind of body?").

Rules (one sentence at a time; a clause that is a condition, …的，, provides nothing — 未取得排污许可证的，由…处
罚 names a licence another article provides):

``licence``
    ``obtain``    应当取得 / 须取得 / 必须持有 / 应当向 BODY 申请 [BODY颁发的] NAME(许可证|许可|执照|资格证书|…)
                  (取得国务院农业行政主管部门颁发的种子、种畜禽、水产苗种生产许可证 → three names);
    ``system``    实行 NAME 许可(证)制度 / 实行 NAME 许可管理 / 对 NAME 实行许可;
    ``grant``     由 BODY 审批 / 批准 / 核发 / 颁发 / 许可 (水产苗种的生产由县级以上地方人民政府渔业行政主管部门审批
                  → 水产苗种的生产);
    ``approval``  …应当经 BODY 批准 / 须经 BODY 许可 / 报 BODY 批准 (the activity before it is the name);
    ``papers``    CONDITION的，应当办理（变更）审批手续 (the condition is the name);
    ``gate``      经批准方可 ACT / 未经批准的，不得 ACT, the body named elsewhere in the article (the activity before,
                  else the act after, is the name);
    ``report``    报 BODY 批准 / 审批 (报县级人民政府民政部门审批: the activity before it is the name);
    ``listed``    经 BODY 批准……方可进行下列作业或活动：(一)…… (``registry.listed``: each item's act is a name);
    ``apply``     ACTIVITY，应当向 BODY 提出申请, in a 款 that has the body decide (批准 / 准予 / 颁发 / 核发 / 发给……证件 /
                  不予批准): 举办营业性演出，应当向……文化主管部门提出申请。……发给批准文件 → 营业性演出 (the activity
                  without the verb that opens it: a draft names what is approved, 未经批准的营业性演出).
``fee``
    ``collect``   收取 / 征收 / 缴纳 / 交纳 / 计收 / 核收 NAME费 (收取车辆通行费, 缴纳水资源费); ``denied`` when
                  the clause forbids or waives it (不得收取…费, 免收车辆通行费, 禁止…收取).
``coercion``
    ``measure``   (可以|有权|依法|予以|应当)… 查封 / 扣押 / 冻结 / 扣留 / 封存 / 强制隔离 / 强制拆除 / 强行拆除 / 强行清除 /
                  代履行 / 加处罚款 / 加收滞纳金 / 申请人民法院强制执行 / 强制执行 (the list of 行政强制法 第九条 itself
                  has no modal verb and is not read).
``obligation``
    ``duty``      SUBJECT 应当 / 必须 ACT;
    ``ban``       SUBJECT 不得 ACT, 禁止 ACT, 严禁 ACT (``name`` is the act, at most 30 characters, and is its own
                  quotation: an obligation has no ``quote``).
    ``condition`` SUBJECT 应当具备下列条件：(一)…… (``registry.listed``: each item is an obligation of the subject).
"""

from __future__ import annotations

import re

from review_engine.registry.bodies import ORGAN, body_of
from review_engine.registry.penalties import clip, sentences

__all__ = ["EMPOWERING", "licensor_in", "provisions_in"]

# The body that decides on a licence, named in another sentence of the article (县级以上地方人民政府食品安全监督管理部门
# 应当……对符合规定条件的，准予许可): given to the article's licences that name no body (``body_via: licensor``).
_LICENSOR = re.compile(rf"(?P<b>(?:设区的市|[^，,。；;：:由的“”《》（）()\s]){{2,40}}{ORGAN})(?:应当|依法|可以)?[^。]{{0,120}}?"
                       r"(?:准予(?:行政)?许可|(?:颁发|核发)[^，。；]{0,20}?(?:许可证|证书|执照)|作出[^，。；]{0,12}?许可的决定)")

_NAME_CHARS = r"[^，,。；;：:“”《》（）()\s的]"
_LICENCE_HEAD = r"(?:许可证|许可|执照|资格证书|资格证|资质证书|资质|证书|批准文件|批准证书|登记证|合格证|经营证|准运证|驾驶证|行驶证|养殖证)"
_OBTAIN = re.compile(
    rf"(?<![不无免])(?:应当|应|须|必须|需要|需|并)(?:依法|依照本(?:法|条例)(?:的)?规定)?(?:向[^，。；向]{{2,40}}?{ORGAN})?"
    rf"(?:取得|领取|持有|具备|申领|办理|申请(?:领取|取得|办理)?)(?:(?P<b>[^，。；]{{2,40}}?{ORGAN})(?:颁发|核发|发放|发给|批准)的)?"
    rf"(?:重新)?(?:核发|换发|补发|变更|延续)?(?:相应的|有效的|相关的)?(?P<n>(?:{_NAME_CHARS}|[、和或与及])"
    rf"{{0,30}}?{_LICENCE_HEAD})(?!的[^，。；]{{0,3}}(?:规定|要求|条件))"
)
_OBTAIN_HINT = re.compile(r"取得|领取|持有|具备|申领|办理|申请")
# the permit the body issues, named as a title (核发《烟花爆竹经营(零售)许可证》; restate compares names with their
# parentheses written alike)
_ISSUED = re.compile(rf"(?:发给|核发|颁发|发放)(?:申请人|其)?《(?P<n>[^》]{{2,30}}?{_LICENCE_HEAD})》")
# the permit made the gate of the act that follows: 取得《爆破作业人员许可证》后，方可从事爆破作业
_OBTAIN_GATE = re.compile(rf"取得《?(?P<n>[^，。；《》]{{1,30}}?{_LICENCE_HEAD})》?(?:后)?[，,]?(?:方可|才能|才可以|后方可)")
_SYSTEM = re.compile(rf"(?:实行|实施)(?P<n>{_NAME_CHARS}{{1,20}}?)许可(?P<c>证)?(?:制度|管理)|"
                     rf"对(?P<n2>{_NAME_CHARS}{{2,20}}?)(?:[（(][^）)]{{1,16}}[）)])?实行(?:行政)?许可")
# 由 / 经 anchor the two patterns below; the activity is taken from the words before the match
_GRANT = re.compile(rf"[，,]?由(?P<b>[^，。；由]{{2,40}}?{ORGAN})(?:依法|按照[^，。；]{{0,16}}?)?"
                    rf"(?P<v>审批|批准|核准|核发|颁发|许可)(?![的后前])")
# the act an approval or a consent gates, when the sentence names it (……，方可营业 / ……，不得转移)
_GATED_ACT = r"(?:[，,]?(?:不得|禁止|方可|才能|才可以|后方可)(?P<act>[^，。；]{1,20}))?"
# a body of one word (海关, 国务院) or one not ending in an organ word (中国人民银行) approves as well; its consent is an
# approval too (临时占用城市绿化用地，须经城市人民政府城市绿化行政主管部门同意)
_APPROVAL = re.compile(rf"(?P<neg>未)?(?:应当|必须|须|需|应|并)?(?:依法)?(?:报)?经(?:过)?(?P<b>[^，。；经]{{2,40}}?{ORGAN}|海关|国务院|"
                       rf"中国人民银行|人民银行)"
                       rf"(?:依法|(?:依照|按照)[^，。；经]{{0,12}}?规定)?(?:审查|审核)?(?:(?:同意|决定)(?:并)?(?=批准|许可|核准|审批))?(?P<v>批准|许可|核准|审批|同意(?![的后前])|"
                       r"(?<=审查|审核)同意(?=后(?:[，,]?(?:方可|才能|才可以)|$)|的?(?:[，,](?:不得|禁止|不准)|$)))"
                       + _GATED_ACT)
# … so is the consent a body must be asked for (大型户外广告的设置必须征得城市人民政府市容环境卫生行政主管部门同意后，按照有关规定
# 办理审批手续): 征得 names the consent sought, so 同意后 is the step done, not what was approved
_CONSENT = re.compile(rf"(?P<neg>未)?(?:应当|必须|须|需|应|并)?(?:事先|预先|依法)?征得(?P<b>[^，。；经]{{2,40}}?{ORGAN})(?:的)?"
                      rf"(?:书面)?(?P<v>同意)(?:后)?" + _GATED_ACT)
_CONDITION_NAME = re.compile(r"(?:确实|确有|确需|如果|如因|影响|由|报)")
# an approval whose body another sentence names, made the gate of an act: 经批准方可停业、歇业 / 未经批准的，不得转移
_APPROVAL_BARE = re.compile(r"(?P<neg>未)?(?:应当|必须|须|需|应|并)?(?:依法)?经(?:审查|审核)?(?P<v>批准|许可|核准|审批)(?:的)?"
                            r"[，,]?(?:任何单位和个人|任何单位或者个人|任何人)?(?:不得|禁止|不准|方可|才能|才可以|后方可)(?:擅自)?"
                            r"(?P<act>[^，。；]{1,20})")
# … the body named, the act forbidden after the condition (未经消防救援机构许可的，不得投入使用、营业)
_NAMED_GATE = re.compile(rf"未经[^，。；经]{{2,40}}?{ORGAN}(?:(?:审查|审核)?(?:同意)?(?:批准|许可|核准|审批)|(?:审查|审核)同意)的?[，,]"
                         r"(?:不得|禁止|不准)")
# the application sent up to the body that approves: 报县文化和旅游局批准 / 报县级人民政府民政部门审批
_REPORT = re.compile(rf"(?:应当|必须|须|需|应|并|再)?(?:依法)?报(?P<b>[^，。；报经告送]{{2,40}}?{ORGAN})(?:审查|审核)?(?:同意)?"
                     rf"(?P<v>批准|审批|核准)(?![的后前])")
# an application to the body that decides on it (the 款 says it decides: ``_DECIDES``)
_APPLY = re.compile(rf"(?:应当|必须|须|需|应|并)(?:依法)?(?:按照[^，。；]{{0,16}}?)?向(?P<b>[^，。；向]{{2,40}}?{ORGAN})(?:提出|提交|递交)?(?:书面)?申请(?![书表人])")
_DECIDES = re.compile(r"批准|准予|颁发|核发|发给[^，。；]{0,12}?(?:证|文件|执照)|许可证")
_OPENING_VERB = re.compile(r"^(?:申请)?(?:从事|举办|开展|进行|开办|经营)(?=[^，。；]{4})")
_PAPERS = re.compile(r"(?:(?:应当|须|必须|需)(?:提前|及时|依法|先)?|(?:按照|依照)[^，。；]{0,12}?规定)办理[^，。；]{0,8}?"
                     r"(?P<v>审批|批准|许可|核准)[^，。；]{0,6}?手续")
_BEFORE = re.compile(rf"(?:{_NAME_CHARS}|的){{1,24}}$")
_FEE = re.compile(r"(?P<v>收取|征收|缴纳|交纳|计收|核收|收缴|免收|减收)(?P<n>[^，。；、：:]{0,12}?费)(?![用率税])|"
                  r"(?P<v2>收取|征收|缴纳|交纳)(?P<n2>[^，。；、]{0,10}?(?:费用|基金|附加))")
# a name that is who acts, not what is approved (建设单位, 县级以上人民政府公安机关, 国务院各部门所属单位)
_SUBJECT_LIKE = re.compile(rf"(?:{ORGAN}|单位|企业|公司|组织|者|人|人员|机关|所属单位)$|^(?:或者|或|及|以及|和)$")
_FOUNDING = re.compile(r"(?:设立|开办|举办|成立|组建|新建|筹建)[^，。；]{2,}")
_CHANGING = re.compile(r"(?:变更|转让|更换|改变)[^，。；]{2,}")
_CONFISCATED = re.compile(r"没收(?:其|所|违法)?$")
_FEE_DENIED = re.compile(r"不得(?:[^，。；]{0,12})$|禁止(?:[^，。；]{0,12})$|免予$|免$|不$|无需$|无须$")
_GENERIC_FEE = re.compile(r"^(?:任何|其他|有关|相关|相应|一定|合理|必要|上述|该项|这些|该|各项|其|全部|部分|所需)?费(?:用)?$")
_MEASURE = (r"(?:查封|扣押|冻结|扣留|封存|强制隔离|强制拆除|强行拆除|强行清除|强制清除|代履行|代为[^，。；]{0,6}?(?:履行|清除|拆除|处置|处理|恢复|治理)|"
            r"加处罚款|加收滞纳金|滞纳金|申请人民法院强制执行|强制执行|强制带离|强制检测|强制收购)")
_COERCION = re.compile(rf"{_MEASURE}(?:(?:、|和|或者|以及|及|并)(?:依法)?{_MEASURE})*")
# (… or the body named as the one that has it done: 由……主管部门委托动物诊疗机构、无害化处理场所等代为处理)
_MODAL = re.compile(r"可以|有权|依法|予以|应当|采取|决定|实施|并|委托|组织")
_BY_BODY = re.compile(rf"由[^，。；由]{{2,40}}?{ORGAN}(?:依法)?$")
_DUTY = re.compile(r"(?P<v>应当|必须|不得|禁止|严禁)")
_CONDITION_CLAUSE = re.compile(r"的$")
ITEM_MARK = re.compile(r"\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])?\s*")
# a lead-in that gives the power its items list (有权采取下列措施： / 可以行使下列职权：)
EMPOWERING = re.compile(r"(?:有权|可以|依法)(?:采取|行使|实施)?下列(?:措施|职权|行政强制措施)[^：:。]{0,8}[：:]\s*$")
# a case that is a breach or its aggravation: what follows it is a consequence, not an obligation
_BREACH = re.compile(r"违反|违法|情节|逾期|拒不|未(?:按|依|经|取得|履行)|擅自|造成|构成|发生[^，。；]{0,6}?事故|不符合|不改正|屡")
_CLAUSE = re.compile(r"[^，,；;。：:]+")
_SPLIT_NAMES = re.compile(r"、|(?<!共)和|或者|及|以及|与")  # (not the 和 of 中华人民共和国)


def provisions_in(text: str, paragraph: int, item: int | None, empowered: bool = False) -> list[dict]:
    """The licence, fee, coercion and obligation facts of one 款 or 项 text; ``empowered``: the text is an item of a
    lead-in that gives the power (有权采取下列措施：), so a measure it opens with is one the body may take."""
    out: list[dict] = []
    decides = "申请" in text and _DECIDES.search(text) is not None
    for s_start, s_end in sentences(text):
        sentence = text[s_start:s_end]
        for clause in _CLAUSE.finditer(sentence):
            c_text = clause.group()
            if not c_text.strip():
                continue
            start = s_start + clause.start()
            if _CONDITION_CLAUSE.search(c_text.rstrip()):
                # a condition provides nothing, but 未经批准的，不得…… makes the approval the gate of the act after it
                # (… with the body named: 公众聚集场所未经消防救援机构许可的，不得投入使用、营业)
                at = c_text.find("未经")
                if at < 0:
                    continue
                if _APPROVAL_BARE.match(sentence, clause.start() + at) is not None:
                    rules = ("gate",)
                elif _NAMED_GATE.match(sentence, clause.start() + at) is not None:
                    rules = ("approval",)
                else:
                    continue
                facts = [f for f in _licences(sentence[clause.start():], sentence, clause.start()) if f["rule"] in rules]
            else:
                facts = [*_licences(c_text, sentence, clause.start(), decides), *_fees(c_text),
                         *_coercion(c_text, empowered and s_start + clause.start() == 0),
                         *_obligations(c_text, sentence, clause.start())]
            for fact in facts:
                fact.update(paragraph=paragraph, item=item)
                pos = start + fact.pop("at")
                if fact["kind"] != "obligation":  # an obligation's name is its own quotation
                    fact["quote"] = clip(text, s_start, s_end, pos, pos + len(fact["name"]))
                out.append({k: v for k, v in fact.items() if v not in (None, [], "", False)})
    return _dedupe(out)


def licensor_in(text: str) -> str | None:
    """The body an article names as deciding on licences (see ``_LICENSOR``), or None."""
    for sentence in re.finditer(r"[^。]+", text):
        m = _LICENSOR.search(text, sentence.start(), sentence.end())
        if m is not None and not m["b"].startswith(("本", "该", "其", "前款")):
            return re.sub(r"^(?:并|应当|可以|依法|对)+", "", m["b"])
    return None


def _licences(clause: str, sentence: str, offset: int, decides: bool = False) -> list[dict]:
    out = []
    for m in _OBTAIN.finditer(clause) if _OBTAIN_HINT.search(clause) else ():
        subject = _subject(sentence, offset + m.start())
        named = m["n"]
        if re.fullmatch(rf"(?:相应|有关|相关)?{_LICENCE_HEAD}", named):  # 从事食品生产、餐饮服务，应当依法取得许可
            activity = re.sub(r"^(?:从事|进行|开展|经营|设立|举办)", "", subject or "")
            if not activity or len(activity) > 24 or re.search(r"单位|企业|人员|个人|者$|机构", activity):
                continue
            named = activity + named.lstrip("相应有关相关")
        names = _split(named, _LICENCE_HEAD)
        body = m["b"] or body_of(clause)
        for name in names:
            out.append({"kind": "licence", "name": name, "body": body, "subject": subject, "rule": "obtain",
                        "at": m.start("n")})
    for m in _OBTAIN_GATE.finditer(sentence, offset, offset + len(clause) + 8) if "取得" in clause else ():
        if m.start() - offset >= len(clause):
            continue
        named = m["n"]
        if re.fullmatch(rf"(?:相应|有关|相关)?(?:的)?{_LICENCE_HEAD}", named):
            continue  # a permit of no name (取得许可后，方可……): the activity is named elsewhere
        out.append({"kind": "licence", "name": named, "body": body_of(clause), "subject": _subject(sentence, m.start()),
                    "rule": "obtain", "at": m.start("n") - offset})
    for m in _ISSUED.finditer(clause) if "《" in clause else ():
        out.append({"kind": "licence", "name": m["n"], "body": body_of(clause), "rule": "issued",
                    "at": m.start("n")})
    for m in _PAPERS.finditer(clause) if "手续" in clause else ():
        # 需要移动位置、扩大面积、延长时间的，应当提前办理变更审批手续: the approval of what the condition before says
        condition = re.search(r"([^，,。；;]{2,40})的[，,]\s*$", sentence[:offset])
        # (… or the activity the sentence opens with: 举办医疗机构，应当具备下列条件，按照国家有关规定办理审批或者备案手续)
        name = condition.group(1) if condition else _earlier_activity(sentence[:offset])
        if name is not None:
            out.append({"kind": "licence", "name": name, "body": body_of(clause), "rule": "papers", "verb": m["v"],
                        "at": m.start()})
    for m in _SYSTEM.finditer(clause) if "许可" in clause else ():
        name = (m["n"] or m["n2"]) + "许可" + (m["c"] or "")
        out.append({"kind": "licence", "name": name.lstrip("对"), "body": body_of(clause), "rule": "system",
                    "at": m.start()})
    for m in _GRANT.finditer(clause) if "由" in clause else ():
        before = _BEFORE.search(clause, 0, m.start())
        name = _activity(before.group()) if before else None
        if name is not None and not _SUBJECT_LIKE.search(name):
            out.append({"kind": "licence", "name": name, "body": m["b"], "rule": "grant", "verb": m["v"],
                        "at": before.start()})
    approvals = [*_APPROVAL.finditer(clause)] if "经" in clause else []
    if "征得" in clause:
        approvals += _CONSENT.finditer(clause)
    for m in approvals:
        # the activity: the words before 经 in this clause, else an earlier clause of the sentence (…从事捕捞活动，
        # 必须经…批准), else what follows (储蓄机构，经…批准，可以办理个人住房储蓄业务); and what 未经…批准 forbids
        # (沿海滩涂未经…批准，不得围垦 → 沿海滩涂围垦)
        rest = sentence[offset + m.end():]
        if m["b"].startswith("有批准权") or re.match(r"[，,]?(?:责令|处|吊销|没收|予以|依法)", rest):
            continue  # 情节严重的，报经有批准权的人民政府批准，责令停业、关闭: the procedure of a penalty
        before = _BEFORE.search(clause, 0, m.start())
        name = _activity(before.group()) if before else None
        at = before.start() if before else m.start()
        following = re.match(r"的?[，,](?:任何单位和个人|任何单位或者个人|任何人)?(?:不得|禁止|方可|才能|后方可)(?:擅自)?"
                             r"(?P<act>[^，,。；]{1,20})", rest)
        if m["act"] or (m["neg"] and following):
            name = (name or "") + (m["act"] or following["act"])
            if len(name) < 5 and not m["act"]:
                # 未经……批准，任何单位和个人不得对外提供: an act this short names no activity of its own; the whole gate is
                # the name (a quotation to compare, no name to match)
                name = following.group().lstrip("的，,")
        elif name is None or _SUBJECT_LIKE.search(name):
            name, at = _earlier_activity(sentence[:offset]), 0
            if name is None:
                after = re.match(r"(?:后(?=[，,](?:方可|才能|才可以)))?[，,](?:后)?(?:可以|方可|才能|才可以)?"
                                 r"(?P<act>[^，,。；]{2,24})", rest)
                name = _activity(after["act"]) if after else None
        if name is not None and m.re is _CONSENT and m["act"] and len(name) < 3:
            # (征得……同意后方可建设: the act too short to name anything; the activity is the clause before, 在……建设……的工程)
            earlier = _earlier_activity(sentence[:offset])
            name = earlier if earlier and not earlier.endswith("的") else name
        if name is not None and m.re is _CONSENT and (len(name) < 3 or _CONDITION_NAME.match(name)):
            name = None  # 涉及军事秘密的，应当征得……同意: the case the consent is asked in, not an activity
        if name is not None:
            out.append({"kind": "licence", "name": name, "body": m["b"], "rule": "approval", "verb": m["v"],
                        "at": at})
    # (the gate's act may stand in the next clause: 任何单位和个人未经批准，不得擅自兴建殡葬设施)
    for m in _APPROVAL_BARE.finditer(sentence, offset, offset + len(clause) + 24) if "经" in clause else ():
        at = m.start() - offset
        if at >= len(clause) or _APPROVAL.match(clause, at) is not None:
            continue  # beyond this clause, or the body is named: ``approval`` above
        name = _activity_before(clause, at, sentence, offset)[0] or _activity(m["act"])
        if name is not None:
            out.append({"kind": "licence", "name": name, "body": body_of(clause), "rule": "gate", "verb": m["v"],
                        "at": at})
    for m in _REPORT.finditer(clause) if "报" in clause else ():
        if re.match(r"[，,]?(?:责令|处|吊销|没收|予以|依法)", sentence[offset + m.end():]):
            continue  # the procedure of a penalty
        name, at = _activity_before(clause, m.start(), sentence, offset)
        if name is not None:
            out.append({"kind": "licence", "name": name, "body": m["b"], "rule": "report", "verb": m["v"], "at": at})
    for m in _APPLY.finditer(clause) if decides and "申请" in clause else ():
        name, at = _activity_before(clause, m.start(), sentence, offset)
        if name is not None:
            name = re.sub(r"^[^，。；]{2,12}?(?:单位|机构|团体|企业|个人|者)申请", "", name)
            name = _OPENING_VERB.sub("", re.sub(r"^(?:确需要?|需要|确有必要)", "", name))
            if name.startswith("向") or len(name) < 4:
                continue  # 向……申请核发……许可证，并向……申请登记: the step before, not an activity
            out.append({"kind": "licence", "name": name, "body": m["b"], "rule": "apply", "verb": "申请", "at": at})
    return out


def _activity_before(clause: str, pos: int, sentence: str, offset: int) -> tuple[str | None, int]:
    """(the activity a gate at ``pos`` of ``clause`` is about, where its words begin): the words before the gate, else —
    when they are missing or name who acts (建设单位) — the activity of an earlier clause of the sentence."""
    before = _BEFORE.search(clause, 0, pos)
    name = _activity(before.group()) if before else None
    if name is None or _SUBJECT_LIKE.search(name):
        name = _earlier_activity(sentence[:offset])
    return name, before.start() if before else pos


def _earlier_activity(text: str) -> str | None:
    """The activity in the clauses before an approval: the last one that is not a requirement (必须经过科学论证),
    a ground (根据…需要), a subject (建设单位) or a step of the procedure (…同意, …申请)."""
    for clause in reversed([c.strip() for c in _CLAUSE.findall(text) if c.strip()]):
        # 经批准的土地利用总体规划的修改: 经…批准的 qualifies a noun (what was approved before), it sets no condition
        clause = re.sub(r"^经[^，,。；]{0,16}?(?:批准|审批|核准|同意|审定)的(?=[^，,。；]{2})", "", clause)
        # 因建设或者其他特殊需要临时占用城市绿化用地: the ground first, the activity after it
        clause = re.sub(r"^因[^，,。；]{0,20}?需要(?=[^，,。；]{2})", "", clause)
        # 经论证必须改变原设计运行方式的: the appraisal that shows the need first, the activity after it
        clause = re.sub(r"^经(?:论证|评估|鉴定|检测|核查|研究)(?:确需|确有必要|必须|需要)?(?=[^，,。；]{2})", "", clause)
        # (… or a duty of the party before the gate: 建设单位应当采取相应措施，在征得……同意后方可建设 — the activity is the case
        # that opens the sentence, 在……建设影响水文监测的工程)
        if re.match(r"(?:必须|应当|须|并|根据|按照|依照|依据|为了|为|因|或者|经(?![营销办纪济费]))", clause) or \
                re.search(r"(?:同意|申请|审查|审核|提出|意见)$", clause) or re.search(r"[^，,。；]{2,12}?(?:应当|必须)", clause):
            continue
        name = _activity(clause)
        # 设立融资担保公司 / 变更海域使用权人: founding a company or changing the holder is an activity, though the words
        # end with who is founded or changed
        if name is not None and (not _SUBJECT_LIKE.search(name) or _FOUNDING.match(name) or _CHANGING.match(name)):
            return name
        return None
    return None


def _fees(clause: str) -> list[dict]:
    out = []
    for m in _FEE.finditer(clause):
        verb, name = (m["v"], m["n"]) if m["v"] else (m["v2"], m["n2"])
        if _GENERIC_FEE.match(name):
            continue
        name = re.sub(r"^(?:的|有关|相关|相应|应当|应|依法|按照规定|按规定|相当于)+", "", name)
        if _GENERIC_FEE.match(name) or len(name) < 2:
            continue
        if _CONFISCATED.search(clause[:m.start()]):
            continue  # 没收所收取的检测费用: the money taken as a penalty, no fee the law provides
        denied = verb in ("免收", "减收") or bool(_FEE_DENIED.search(clause[:m.start()]))
        out.append({"kind": "fee", "name": name, "body": body_of(clause), "rule": "collect", "verb": verb,
                    "denied": denied, "at": m.start("n") if m["v"] else m.start("n2")})
    return out


def _coercion(clause: str, empowered: bool = False) -> list[dict]:
    """``empowered``: the clause opens an item of 有权采取下列措施： (the lead-in's modal is the item's)."""
    out = []
    for m in _COERCION.finditer(clause):
        before = clause[:m.start()]
        modal = None
        for modal in _MODAL.finditer(before):
            pass
        if modal is None and empowered and ITEM_MARK.fullmatch(before):
            modal = ITEM_MARK.match(before)  # （四）查封、扣押涉嫌违法活动的场所、设施或者财物
        named = _BY_BODY.search(before)  # 由公安机关交通管理部门扣留该机动车: the body named does it
        if named is not None:
            modal = named
        if modal is None or m.start() - modal.end() > (20 if modal.group() in ("委托", "组织") else 12) or re.search(r"(?:不得|禁止|严禁|无权|解除|对)[^，。；]{0,10}$", before) \
                or re.match(r"的|措施时|期间|期限", clause[m.end():]):
            continue  # a mention (查封、扣押、冻结的财物; 解除查封; 采取强制执行措施时), not a power
        end = m.end()
        while end < len(clause) and end - m.start() < 24 and clause[end] not in "，。；：":
            end += 1
        measures = [w for w in re.findall(_MEASURE, m.group())]
        out.append({"kind": "coercion", "name": clause[m.start():end].rstrip("的"), "measures": measures,
                    "body": body_of(clause), "rule": "measure", "at": m.start()})
    return out


def _obligations(clause: str, sentence: str, offset: int) -> list[dict]:
    m = _DUTY.search(clause)
    if m is None:
        return _entrustment(clause)
    act = clause[m.end():].strip()
    if len(act) < 2:
        return []
    subject = clause[:m.start()].strip() or _subject(sentence, offset)
    subject = re.sub(r"^(?:但是|但|并且|并|同时|其中|此外|也|还|均|都)", "", subject or "")
    if re.search(r"责令|吊销|罚款|没收|拘留", act) or (subject.endswith("的") and _BREACH.search(subject)):
        return []  # 情节严重的，禁止船舶进出港口: a consequence of a violation, not an obligation
    # (the case a duty is laid for is its subject: 取得农药经营许可证的农药经营者设立分支机构的，应当依法申请变更……)
    rule = "duty" if m["v"] in ("应当", "必须") else "ban"
    name = act[:30]
    return [{"kind": "obligation", "name": name, "subject": subject[:20] or None, "rule": rule, "verb": m["v"],
             "at": m.end()}]


def _entrustment(clause: str) -> list[dict]:
    """The organisation a law lets the competent body entrust with its work (建设工程质量监督管理，可以由建设行政主管部门……
    委托的建设工程质量监督机构具体实施), kept with the obligations (verb 委托): a draft that restates the entrustment
    (日常监督检查可以由其委托的建设工程质量监督机构具体实施) hands on no power of its own. Its act runs from 委托 on: the
    entrusting body is the draft's own department, named as the place knows it."""
    m = _ENTRUSTS.search(clause)
    if m is None:
        return []
    return [{"kind": "obligation", "name": m["act"][:30], "subject": clause[:m.start()].strip()[:20] or None,
             "rule": "entrust", "verb": "委托", "at": m.start("act")}]


_ENTRUSTS = re.compile(r"可以(?:由[^，。；]{1,40}?)?(?P<act>委托(?:的)?[^，。；]{2,40}?(?:具体)?(?:实施|承担|执行|办理))")


def _subject(sentence: str, pos: int) -> str | None:
    """The subject of the sentence holding ``pos``: its first clause, when it ends before ``pos``."""
    first = _CLAUSE.match(sentence)
    if first is None or first.end() > pos:
        text = sentence[:pos]
    else:
        text = first.group()
    text = re.split(r"应当|应|须|必须|需", text)[0].strip()
    return text[:30] or None


def _split(names: str, head: str) -> list[str]:
    """种子、种畜禽、水产苗种生产许可证 → 种子生产许可证, 种畜禽生产许可证, 水产苗种生产许可证 (the last name's head
    word completes the ones before it); a name that is a whole word on its own stays as it is."""
    parts = [p for p in _SPLIT_NAMES.split(names) if p]
    if len(parts) == 1:
        return parts
    last = parts[-1]
    tail = re.search(rf"(?:生产|经营|使用|进口|出口|运输|销售|从业|执业)?{head}$", last)
    suffix = tail.group() if tail else ""
    out = [p if re.search(rf"{head}$", p) else p + suffix for p in parts[:-1]]
    return [*out, last]


def _activity(text: str) -> str | None:
    """The activity a 由…审批 / 经…批准 clause is about, without the leading condition words."""
    name = re.sub(r"^(?:但是|但|对|凡|其中|另外|并且|并|因|或者|以及|及|和|在)+", "", text).strip()
    name = re.sub(r"(?:应当|必须|须|需要|需|应|并|依法|报|的|事先|预先|先行|先)+$", "", name)[:40]
    if len(name) < 2 or name.startswith(("本", "前款", "上述", "其", "该")) or name.endswith(("后", "前")):
        return None
    return name


def _dedupe(facts: list[dict]) -> list[dict]:
    seen = set()
    out = []
    for fact in facts:
        key = (fact["kind"], fact["name"], fact.get("rule"))
        if key not in seen:
            seen.add(key)
            out.append(fact)
    return out
