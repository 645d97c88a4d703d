"""Text triggers: sentences of a draft that make a procedure necessary, whatever the dossier's flags say.

A procedural rule reads the dossier, but the text can show what the dossier left out: a price-setting clause
makes a hearing necessary even when ``flags.price_setting`` was left false; an obligation laid on market
actors makes the document "与市场主体生产经营活动密切相关" (30-day consultation, fair-competition review).
Each trigger is a list of ``TriggerHit``s (the sentence, where it is), computed lazily and once per document
(``Facts.triggers``), so any number of rules can ask for it. Conditions read ``facts.triggers.<name>`` (a
list: ``exists(facts.triggers.price)``); the ``dossier`` check kind names the triggering sentence in its
findings.

Triggers:

``price``                 a price or fee level set or to be set by government (政府定价, 政府指导价, 收费标准为…,
                          每小时…元), not fines, rewards or subsidies, not a ban (不得超过…)
``market``                an obligation or prohibition laid on market actors (经营者、企业、商户… 应当/不得/须)
``internal``              a marking that the document is internal or not to be published (内部掌握, 此件不公开…),
                          in the text, the marks under the title or the notes under the 落款; sentences on
                          政府信息公开 exemptions (国家秘密、商业秘密、个人隐私) do not count
``retro``                 a clause applying the document to facts before it takes effect (本办法施行前…参照本办法,
                          溯及…, or facts since a date before it: 2024年1月1日以后出现的……，同样按照本规定处理),
                          without a burden; ``不溯及既往`` and product traceability (追溯体系) do not count
``retro_burden``          the same with a burden (补缴, 追缴, 处罚, 罚款, 责令, 承担…)
``issuer_internal``       a 落款 naming an internal unit of a department (…局政策法规科, …委员会价格处, …局办公室)
``issuer_coordination``   a 落款 or 文号 naming a coordination or temporary body (领导小组, 指挥部, 联席会议, 工作专班…)
``duties``                a named department given duties (市公安局负责……, 交通运输、公安等部门按照各自职责……);
                          ``departments(hits, issuer)`` reads the distinct departments out of them (SUBJ-04)

Each regex is searched once over the document text (``TextIndex.scan``), like every pattern rule.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .reading import defines_only
from .text import TextIndex, Unit
from ..numerals import NUM_CHARS, to_int

if TYPE_CHECKING:
    from ..findings import Location
    from ..model import Document

_NUM = rf"[{NUM_CHARS}.．]+"
_PER = r"(?:小时|半小时|次|辆|车次|日|天|月|年|人|人次|户|吨|立方米|平方米|千瓦时|公里|张)"

# Every alternative of these regexes begins with a literal character, so that ``re`` skips ahead to the
# candidates by their first characters instead of trying each alternative at every position.
_PRICE = re.compile(
    r"政府定价|政府指导价"
    + "".join(f"|{w}标准(?:为|如下|是|按照?|由|实行|执行)" for w in ("收费", "价格", "票价", "服务费", "停车费"))
    + "".join(f"|{w}[^。；，、]{{0,10}}(?:价格|收费标准|票价)(?!上涨|下跌|波动|变化|变动)" for w in ("制定", "核定", "调整"))
    + rf"|每{_PER}[^。；]{{0,12}}?{_NUM}元"
    + rf"|元\s*(?:/|每){_PER}"
)
# (… and money the administration pays out: compensation and relief, 按照每平方米20元支付搬迁费 / 临时安置费, as well as
# subsidies and rewards)
_PRICE_NOT = re.compile(r"罚款|处罚|处以|奖励|补贴|补助|资助|慰问|津贴|工资|报酬|扣除|税|市场调节价|不得|禁止|严禁|违反|"
                        r"擅自|谎称|未按|不按|补偿|赔偿|救助|抚恤|安置费|搬迁费|"
                        # (… and the level left to the body with the power to set it: 收费标准按照有定价权限的部门依法
                        # 制定的标准执行)
                        r"有定价权限|定价权限的部门|价格主管部门|"
                        # (… or to the act of a government or a department that makes it: 具体标准按照省人民政府或者其授权的
                        # 设区的市人民政府制定的收费政策执行)
                        r"(?:按照|依照|执行)(?!本)[^。；，]{0,30}?(?:人民政府|政府|部门|局|厅|委员会)[^。；，]{0,12}?"
                        r"(?:制定|核定|公布|批准|规定)的[^。；，]{0,10}?(?:标准|政策|价格|收费办法)")
_PRICE_WORD = re.compile(r"费|价")

# Alternatives all begin with a literal, so that ``re`` can skip ahead by their first characters.
_ACTORS = "|".join(["经营者", "经营单位", "经营户", "经营企业", "市场主体", "生产企业", "生产者", "销售者", "供应商", "商户",
                    "个体工商户", "企业"] + [f"{a}{b}" for a in ("运营", "服务", "物业服务", "停车场", "房地产开发")
                                          for b in ("企业", "单位")])
_MARKET = re.compile(rf"(?:{_ACTORS})(?!标准)[^。；，]{{0,12}}?(?:应当|必须|须|不得|禁止|严禁)")

_MARKINGS = r"内部资料|内部掌握|内部使用|内部文件|仅供内部|不对外公开|不得对外公开|此件不公开|不公开发布|不宜公开"
# A line under the title or the signature is a marking as it stands (不予公开 included). In the text, 不予公开 is a decision
# on what the document regulates (行政机关决定不予公开的政府信息, 第三方不同意公开的，不予公开), a marking of the document
# only said of the document itself (本办法不予公开).
_INTERNAL = re.compile(_MARKINGS + r"|不予公开")
_INTERNAL_TEXT = re.compile(_MARKINGS + r"|(?:此件|本件|本文件|本(?:办法|规定|细则|意见|通知|决定|方案|措施))不予公开")
_INTERNAL_NOT = re.compile(r"信息公开|政府信息|国家秘密|商业秘密|个人隐私|依法不予公开|申请公开|申请不予公开|除外")

_SELF = r"本(?:办法|规定|细则|实施细则|意见|实施意见|通知|决定|规则|措施|方案|标准|文件)"
# What the document does to the earlier facts: measures them by itself (按照本办法、不符合本办法……的), treats them all
# alike (一律、一并), or charges them (补缴、追缴)
_APPLIES = (r"参照本|按照本|依照本|适用本|执行本|按本|依本|(?:不)?符合本|超出本|超过本|违反本|一并|一律|补缴|补交|追缴|追溯"
            # (… or falls short of it: 租金低于本办法规定指导价的 / 不具备本办法规定的职称的)
            r"|低于本|高于本|不具备本|未达到本|达不到本|不满足本"
            # (… or by the new standard it sets: 已建成但不符合新编村庄规划的农房 / 须按新标准重新考核)
            r"|不符合新|按(?:照)?新(?:标准|规定|要求|条件|办法)"
            # (… or shuts the earlier facts out of what it gives: 本办法施行前三年内发生过……的企业，不得享受本办法规定的扶持政策)
            r"|不得享受本|不享受本|不予享受本|不得申报本|不得申请本|不予适用|对照本"
            # (… or by its own articles: 达不到第五条要求的)
            r"|(?:达不到|不符合|不满足|低于|未达到)第[一二三四五六七八九十百\d]+条")
_RETRO = re.compile(
    # 本办法施行前（本通知印发之前）已经……的，……
    # (… or those holding a licence already, measured by the document: 已经取得营业性演出许可证的……，应当按照本办法规定补足……)
    rf"已(?:经)?(?:在[^。；，]{{1,10}}?)?(?:取得|办理|领取|登记|备案|设立|开业|开办)[^。；]{{0,30}}?(?:{_APPLIES})|"
    rf"(?:{_SELF})(?:施行|实施|执行|生效|印发|发布|公布|下发|出台|颁布)(?:之日)?(?:前|以前|之前)[^。；]{{0,40}}?(?:{_APPLIES})"
    # the earlier facts named by a time already past: 此前已经批准的…… / 2023年度已发放的…… / 2024年1月1日以来发生的……
    # (… or what happened before it, told after the date it takes effect: 本办法自2025年1月1日起施行，此前发生的……行为，依照本办法……)
    rf"|此前(?:已|发生|实施|存在|作出|签订|取得)[^。；]{{0,40}}?(?:{_APPLIES})"
    # (年 first, the year's digits checked behind it: every alternative begins with a literal)
    rf"|年(?<=[\d〇零一二三四五六七八九]{{4}}年)度?(?:以前|之前|前)?已(?:经)?[^。；]{{0,40}}?(?:{_APPLIES})"
    rf"|年(?<=[\d〇零一二三四五六七八九]年)[^。；，]{{0,10}}?以来[^。；]{{0,40}}?(?:{_APPLIES})"
    # (… or since a date, already done: 自2022年1月1日起已发放的稳岗补贴，凡不符合本通知规定条件的，一律予以追回)
    rf"|年(?<=[\d〇零一二三四五六七八九]年)[^。；，]{{0,10}}?(?:起|以后|之后)已[^。；]{{0,40}}?(?:{_APPLIES})"
    # (… or a benefit already enjoyed measured again by the document: 已享受补贴的企业不符合本办法规定条件的，应当退还)
    rf"|已(?:经)?(?:享受|领取|发放|获得|拨付|兑现)[^。；]{{0,30}}?不符合(?:{_SELF}|[^。；，]{{0,4}}?(?:新增|新|调整后|修订后)的?(?:条件|标准|要求))"
    # a span that ends when the document takes effect: 2023年1月1日至本办法施行之日期间已开展的……
    rf"|至(?:{_SELF})(?:施行|实施|执行|生效|印发|发布|公布|下发|出台|颁布)(?:之日|前|以前|之前)[^。；]{{0,40}}?(?:{_APPLIES})"
    # things lawfully done before, undone without compensation (本意见印发前已经依法建成的……，须在两个月内自行拆除，不予补偿)
    rf"|(?:{_SELF})(?:施行|实施|执行|生效|印发|发布|公布|下发|出台|颁布)(?:之日)?(?:前|以前|之前)已(?:经)?依法[^。；]{{0,60}}?(?:拆除|关闭|停止|取缔|收回|注销|不予补偿)"
    r"|溯及(?:至|到|既往)"
    # back payments for the years before, at the document's own rate (均应按照本方案确定的标准补缴此前各年度的摊位管理费)
    r"|(?:补缴|补交|追缴|补收)[^。；，]{0,6}?(?:此前|以前|往年|历年|之前|过去)"
    r"|追溯(?:至|到)\s*\d{4}\s*年"
    r"|自\s*\d{4}\s*年[^。；]{0,12}起(?:追溯(?!体系|系统|码|制度|平台|管理|机制)|补缴|补交)"
)
# facts since a date, measured by the document (2024年1月1日以后出现的……情形，同样按照本规定处理): retroactive when the date is
# before the document applies (``Triggers.now``)
_DATED = re.compile(r"年(?<=(?P<y>[\d〇零一二三四五六七八九]{4})年)(?P<m>[\d一二三四五六七八九十]{1,3})月(?P<d>[\d一二三四五六七八九十]{1,3})日"
                    rf"(?:以后|之后|以来|起|后)(?!施行|实施|执行|生效|印发|公布)[^。；]{{0,40}}?(?:{_APPLIES}|同样(?:按照|依照|适用)本)"
                    # (… or the document said to apply to them, the date after: 适用于2023年1月1日以后签订的全部合同)
                    rf"|适用于[^。；，]{{0,4}}?(?P<y2>[\d〇零一二三四五六七八九]{{4}})年(?P<m2>[\d一二三四五六七八九十]{{1,3}})月"
                    rf"(?P<d2>[\d一二三四五六七八九十]{{1,3}})日(?:以后|之后|以来|起|后)"
                    # (… or a past year's facts measured by it: 2024年度豆豉企业的排污行为，一并按照本办法规定的标准进行核查和处理)
                    rf"|年度(?<=(?P<y3>[\d〇零一二三四五六七八九]{{4}})年度)[^。；，]{{0,20}}?的[^。；]{{0,20}}?(?:{_APPLIES})")
# not retroactive: the earlier facts left as they are (继续有效, 按照原规定办理) or the law of the time applied
# (a product's traceability, 追溯体系、追溯平台, is excluded where the trigger is 追溯 itself, not here: 本通知印发前……销售的
# 农药，均应当……补建电子台账并上传追溯平台)
# (a conflict rule, 与本办法不一致的，以本办法为准, is no reaching back; a conflict settled back to the earlier date, with
# what was paid taken back, is: 与本办法不一致的，自协议签订之日起按照本办法执行……多出部分予以追缴)
# (… nor one that has earlier contracts redone or voided: 与本规定不一致的，一律按照本规定重新签订，否则视为无效)
_RETRO_NOT = re.compile(r"不(?:溯及|追溯)|(?:不得|禁止|严禁)[^。；]{0,40}?(?:追溯|溯及)|过渡期|(?:相抵触|不一致)(?![^。；]*?(?:之日起(?:按照|依照|适用)本|追缴|追回|补缴|补交|退回|重新(?:核定|签订|订立|签署|办理|申请|审批|登记)|视为无效|一律无效|作废))|废止|"
                        r"继续有效|仍然有效|继续执行|继续享受|继续履行|继续(?:按照|依照)[^。；，]{0,24}?(?:执行|办理|有效|管理)|原有(?:条件|标准|规定|政策)|不再(?:补缴|补交|追缴|追回|补办|补足|退回)|无需(?:补缴|补交|补办)|不予(?:追缴|追回|补缴)|不受影响|原(?:规定|办法|标准|政策)|行为发生时|"
                        # (the rules of the time they were made: 按照其建设时适用的标准管理)
                        r"(?:建设|建成|设立|取得|签订|批准|申请|发生|投产|开业)时(?:适用|施行|执行|有效)的|"
                        r"(?:按照|依照|适用)[^。；]{0,8}?施行前|不同(?:的)?规定|不适用本(?:办法|规定|细则|意见|通知|决定|方案|措施|实施细则|实施意见)")
# A clause in favour of the earlier facts (优惠、从轻) is the exception 《立法法》第一百零四条 allows; a burden counted
# from the effective date on (自本办法施行之日起开始缴纳) is prospective, unless it reaches back (补缴、追回、处罚……).
# (… or a benefit not yet enjoyed that may now be claimed: 尚未享受本办法规定的医疗救助待遇的，可以按照本办法申请)
# (… or what is owed to them paid back: 补发……差额 / 追溯发放)
_BENEFIT = re.compile(r"补发|追溯发放|追发|可以选择|(?:补贴|补助|奖励|优惠)[^。；]{0,6}?[，,]?适用于|优惠|从轻|减轻|有利于|更好地保护|尚未享受|可以(?:按照|依照|参照)本|自愿|(?:给予|发放)[^。；，]{0,8}?(?:补助|补贴|奖励)|提高后的|(?:提高|上调|增加)[^。；，]{0,8}?(?:补贴|补助|标准|待遇)|(?:较高|更高)的?(?:补贴|补助|奖励)?(?:标准|待遇)|可以(?:享受|申请|申领|继续)|就高|从优|较优")
# a choice offered to the earlier facts (可以自愿……), or a benefit they may claim under the new rules (已列入改造计划、
# 尚未拨付的项目，可以选择按照本办法规定的标准申请补助), unless something is also made a duty
_OPTIONAL = re.compile(r"自愿|鼓励|可以选择|可以(?:按照|依照|参照)本|可以(?:申请|享受|申领)")
_COMPELLED = re.compile(r"应当|必须|须|一律|责令|不予|不得")
_PROSPECTIVE = re.compile(r"自本(?:办法|规定|细则|意见|通知|决定|方案)(?:施行|实施|印发|发布)之日起")
# what is made up, redone or voided for the past (补缴、补做、视为违规、重新申请、失效、追回……)
# (a contract or an act lawfully done then, to be redone or voided: 应当在三个月内重新签订，逾期视为无效)
_REDONE = (r"补缴|补交|补足|补齐|补报|补办|补录|补做|补测|补检|补建|补记|补签|补充(?:提交|报送|申报|登记|提供|建立)|视为违规|视为违法|重新申请|重新办理|失效|作废"
           r"|追缴|追回|退回|退还已"
           r"|重新(?:签订|订立|签署|申报|审批|登记|备案|核定|认定|编报|编制|报批|报送|评估|审查|审核|核准|取得)|视为无效|一律无效")
# liability pursued for what was done (依照本办法……追究责任)
_LIABLE = r"追究[^。；，]{0,6}?责任"
# (… or a business lawfully opened before closed from the effective date: 不符合标准的，自本办法施行之日起停止诊疗服务)
_PAST_BURDEN = re.compile(rf"{_REDONE}|退还|处罚|罚款|{_LIABLE}|收回|没收|注销|撤销|拆除|差价|滞纳金|年限"
                          r"|停止(?:[^。；，]{0,6}?)(?:服务|经营|营业|执业|诊疗|生产|运营)|关闭|关停|取缔"
                          # (… or what was lawfully built denied its registration: 自本意见施行之日起不予办理不动产登记)
                          r"|不予(?:办理|登记|发放|颁发)")
# A clause that lays a duty for the future on an existing situation (本办法施行前已建成的…，应当依照本办法…) is a
# transitional clause, not a retroactive one, unless it attaches a burden to the past (补缴, 处罚…).
_FORWARD = re.compile(r"应当|须在|需在|限期|必须自|须自|应自")
# (… or an existing lawful business or building closed, moved or altered to the new standard: 自行关闭或者迁址 /
# 自行整改到位)
_BURDEN = re.compile(rf"{_REDONE}|罚款|处罚|处以|{_LIABLE}|收回|没收|责令|承担|不予|取消|缴纳|退还|吊销|停止|关闭|关停|迁址|搬迁|整改|"
                     r"注销|撤销|拆除|改造|更换|辞退|解聘|滞纳金|按违法|违法建设|违章建筑|不再(?:列入|纳入|享受|给予|安排|推荐|推介|办理)")

_UNIT_SUFFIX = r"(?:科|股|处|室|中队|大队)"
_ISSUER_INTERNAL = re.compile(rf"(?:局|厅|委员会|委|署)[^局厅委署\s]{{1,12}}?{_UNIT_SUFFIX}$")
_ISSUER_COORDINATION = re.compile(r"领导小组|工作小组|指挥部|联席会议|工作专班|创建办|筹备组|筹建办|委员会办公室|"
                                  r"专项整治办公室|攻坚办")
_DOC_NUMBER_COORDINATION = re.compile(r"领导小组|指挥部|联席会议|专班")

# A department given duties: the subject of 负责 / 按照职责 / 做好 …, written as a list (市公安局、市交通运输局) or
# as the fields of several departments (交通运输、公安、市场监管等部门).
_DUTY = re.compile(r"(?:部门|局|委员会|机关)(?:应当)?(?:要)?(?:按照|依照|根据|依据|在)?(?:各自)?(?:的)?(?:职责|职能)?(?:分工)?(?:范围内)?，?"
                   r"(?:负责|做好|承担|配合|协助|共同做好)")
_DUTY_NOT = re.compile(r"(?:有关|相关|其他|各级|各有关|各相关|上级|所在地)(?:行政)?(?:主管)?部门(?:应当)?(?:按照|依照|根据)?(?:各自)?(?:职责|职能)")
TRIGGER_NAMES = ("price", "market", "internal", "retro", "retro_burden", "issuer_internal", "issuer_coordination",
                 "duties")
DESCRIPTIONS = {
    "price": "规定了价格或者收费标准",
    "market": "对经营者等市场主体设定了义务",
    "internal": "标注内部掌握或者不予公开",
    "retro": "规定适用于施行前的事项",
    "retro_burden": "对施行前的事项设定了义务或者处理",
    "issuer_internal": "落款为部门内设机构",
    "issuer_coordination": "落款或者文号为议事协调机构、临时机构",
    "duties": "规定了有关部门的职责",
}


@dataclass(eq=False)
class TriggerHit:
    """One triggering sentence: ``text`` is the matched words, ``sentence`` the sentence holding them."""

    name: str
    text: str
    sentence: str
    label: str
    unit: Unit | None = None
    start: int = 0
    end: int = 0
    location: Location | None = None
    """For text outside the index (文号, notes under the 落款): where to point."""

    CONDITION_FIELDS = frozenset({"name", "text", "sentence", "label"})

    def quote(self, limit: int = 60) -> str:
        """第六条第一款“停车收费实行政府指导价……”"""
        sentence = self.sentence.strip().rstrip("。；;，,")
        sentence = sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"
        return f"{self.label}“{sentence}”" if self.label else f"“{sentence}”"


class Triggers:
    """The triggers of one document; each attribute is a list of ``TriggerHit`` (empty when none)."""

    CONDITION_FIELDS = frozenset(TRIGGER_NAMES)

    def __init__(self, index: TextIndex, doc: Document, now: dt.date | None = None):
        # the index and the document, not the Facts: a Facts → Triggers → Facts cycle would keep every
        # reviewed document alive until the cyclic collector runs
        self.index = index
        self.doc = doc
        self.now = now
        """The date from which the document applies (``Facts._now``); a date before it is in its past."""

    def get(self, name: str) -> list[TriggerHit]:
        if name not in TRIGGER_NAMES:
            raise KeyError(f"unknown trigger {name!r}; known: {', '.join(TRIGGER_NAMES)}")
        return getattr(self, name)

    # ---- text triggers -------------------------------------------------------------------------------

    def _scan(self, name: str, regex: re.Pattern, scopes: frozenset[str], unless: re.Pattern | None = None,
              limit: int = 20, whole_sentence: bool = False) -> list[TriggerHit]:
        """The sentences where ``regex`` matches (one hit per sentence); a hit spans the match, or with
        ``whole_sentence`` the sentence (where the words alone would not show the problem)."""
        out: list[TriggerHit] = []
        seen: set[tuple[int, int]] = set()
        for unit, found in self.index.scan(regex, scopes):
            start, end = found.start() - unit.start, found.end() - unit.start
            left, right = unit.sentence(start, end)
            if (id(unit), left) in seen:
                continue
            sentence = unit.text[left:right]
            if unless is not None and unless.search(sentence):
                continue
            seen.add((id(unit), left))
            if whole_sentence:
                start, end = left + len(sentence) - len(sentence.lstrip()), right
            out.append(TriggerHit(name, found.group(), sentence, unit.label, unit, start, end))
            if len(out) >= limit:
                break
        return out

    @cached_property
    def price(self) -> list[TriggerHit]:
        hits = self._scan("price", _PRICE, frozenset({"text"}), _PRICE_NOT)
        # an amount per unit (每吨17元, 3元/小时) is a price only in a sentence about a fee or a price; a definition
        # describes what it defines by its price regime, it sets no price
        return [h for h in hits if ("元" not in h.text or _PRICE_WORD.search(h.sentence)) and not defines_only(h.sentence)]

    @cached_property
    def market(self) -> list[TriggerHit]:
        return self._scan("market", _MARKET, frozenset({"text"}))

    @cached_property
    def _retro_all(self) -> list[TriggerHit]:
        hits = self._scan("retro", _RETRO, frozenset({"text"}), _RETRO_NOT, whole_sentence=True)
        if self.now is not None:
            seen = {(id(h.unit), h.start) for h in hits}
            for hit in self._scan("retro", _DATED, frozenset({"text"}), _RETRO_NOT, whole_sentence=True):
                found = _DATED.search(hit.sentence)
                day = _day(found) if found else None
                if day is not None and day < self.now and (id(hit.unit), hit.start) not in seen:
                    hits.append(hit)
        return hits

    @cached_property
    def retro(self) -> list[TriggerHit]:
        return [h for h in self._retro_all if not _burden(h.sentence) and not _FORWARD.search(h.sentence)
                and not _BENEFIT.search(h.sentence) and not _TOPPED_UP.search(h.sentence)]

    @cached_property
    def retro_burden(self) -> list[TriggerHit]:
        out = []
        for hit in self._retro_all:
            if _OPTIONAL.search(hit.sentence) and not _COMPELLED.search(hit.sentence):
                continue  # 可以自愿对照本办法改造: a choice, not a burden
            if _burden(hit.sentence) and not (_PROSPECTIVE.search(hit.sentence)
                                               and not _PAST_BURDEN.search(hit.sentence)):
                out.append(TriggerHit("retro_burden", hit.text, hit.sentence, hit.label, hit.unit, hit.start, hit.end))
        return out

    @cached_property
    def internal(self) -> list[TriggerHit]:
        out = self._scan("internal", _INTERNAL_TEXT, frozenset({"document"}), _INTERNAL_NOT)
        doc = self.doc
        extra = [("标题下标注", line, doc.title_block.title_span) for line in doc.title_block.marks]
        if doc.signature is not None:
            extra += [("落款下注明", line, doc.signature.span) for line in doc.signature.notes]
        for label, line, span in extra:
            found = _INTERNAL.search(line)
            if found and not _INTERNAL_NOT.search(line):
                out.append(TriggerHit("internal", found.group(), line, label, location=_location(doc, span, label)))
        return out

    # ---- the issuing body -------------------------------------------------------------------------------

    @cached_property
    def duties(self) -> list[TriggerHit]:
        return self._scan("duties", _DUTY, frozenset({"text"}), limit=60, whole_sentence=True)

    @cached_property
    def issuer_internal(self) -> list[TriggerHit]:
        return self._issuer("issuer_internal", _ISSUER_INTERNAL, None)

    @cached_property
    def issuer_coordination(self) -> list[TriggerHit]:
        return self._issuer("issuer_coordination", _ISSUER_COORDINATION, _DOC_NUMBER_COORDINATION)

    def _issuer(self, name: str, regex: re.Pattern, doc_number: re.Pattern | None) -> list[TriggerHit]:
        doc = self.doc
        out: list[TriggerHit] = []
        units = self.index.by_scope["signature"]
        if doc.signature is not None and units:
            unit = units[0]
            offset = 0
            for line in doc.signature.issuer:  # the unit's text is the issuer lines joined by spaces, then the date
                at = unit.text.find(line, offset)
                if at < 0:
                    continue
                offset = at + len(line)
                name_text = line.strip()
                if name == "issuer_internal" and re.search(r"人民政府办公[室厅]$|人民政府\S*(?:办公室|研究室)$", name_text):
                    continue
                found = regex.search(name_text)
                if found:
                    out.append(TriggerHit(name, name_text, name_text, "落款", unit, at, at + len(line)))
        number = doc.title_block.doc_number
        if doc_number is not None and number and doc_number.search(number):
            out.append(TriggerHit(name, number, number, "文号",
                                  location=_location(doc, doc.title_block.title_span, "文号")))
        return out


_PLACE = re.compile(r"^(?:本|全|各)?(?:某|[\u4e00-\u9fa5]{0,4}?)(?:省|自治区|市|自治州|州|盟|县|区|旗)(?:人民政府)?(?=[\u4e00-\u9fa5]{2})")
_FIELD_END = re.compile(r"(?:行政)?(?:主管)?(?:部门|局|委员会|委|机关|办公室|厅)$")
_FIELD_ALIAS = {"市场监管": "市场监督管理", "城管": "城市管理", "交通": "交通运输", "住建": "住房和城乡建设",
                "住房城乡建设": "住房和城乡建设", "人社": "人力资源和社会保障", "人力资源社会保障": "人力资源和社会保障",
                "发改": "发展和改革", "发展改革": "发展和改革", "卫健": "卫生健康", "生态环境保护": "生态环境"}
_NOT_FIELD = re.compile(r"^(?:有关|相关|其他|各级|各有关|各相关|上级|所在地|其|该|本|各|同级|行政|主管|下列|以下|前款|上述)$")


def department_field(name: str) -> str | None:
    """The field of a department as the text names it: 市公安局 → 公安, 城市管理部门 → 城市管理, 市场监督管理局 →
    市场监督管理; None for 有关部门 and the like."""
    name = re.sub(r"[（(][^）)]*[)）]", "", name.strip())
    name = _PLACE.sub("", name) if not re.match(r"(?:市场|城市|城乡)", name) else name
    field = _FIELD_END.sub("", name)
    field = re.sub(r"(?:行政|主管)$", "", field)
    if len(field) < 2 or _NOT_FIELD.match(field) or len(field) > 10:
        return None
    return _FIELD_ALIAS.get(field, field)


def departments(hits: list[TriggerHit], issuer: str | None) -> list[str]:
    """The distinct fields of the departments given duties in ``hits``, other than the issuer's own."""
    own = department_field(issuer) if issuer else None
    out: list[str] = []
    for hit in hits:
        sentence = hit.sentence
        for found in _DUTY.finditer(sentence):
            subject = re.split(r"[，。；：:,;]|由|和由|或者由|的", sentence[: found.start()])[-1]
            tail = re.match(r"部门|局|委员会|机关", sentence[found.start():])
            subject += tail.group() if tail else ""
            if _DUTY_NOT.search(subject + sentence[found.start(): found.end()]) and "、" not in subject:
                continue
            for item in re.split(r"、|以及|及|会同|配合", subject):
                if not _FIELD_END.search(item) and not item.endswith("等部门"):
                    item = item + "部门"
                field = department_field(re.sub(r"等部门$", "部门", item))
                if field and field != own and not (own and (own in field or field in own)) and field not in out:
                    out.append(field)
    return out


def _day(found: re.Match) -> dt.date | None:
    if found.group("y3") is not None:  # a whole year: its last day
        year = to_int(found.group("y3"))
        return dt.date(year, 12, 31) if year else None
    keys = ("y", "m", "d") if found.group("y") is not None else ("y2", "m2", "d2")
    try:
        return dt.date(*(to_int(found.group(k)) for k in keys))  # type: ignore[misc]
    except (TypeError, ValueError):
        return None


# a benefit paid below the document's standard, the difference paid to the holder (原补贴标准低于本办法规定标准的，按照本办法
# 规定的标准补足差额): what is made up is owed to the party, not by it
# (… or a benefit raised, what was paid made up to it: 本办法关于提高……培训补贴标准的规定……已发放的按新标准补足差额)
# (… or the administration's own work at the public's cost: 已建成的……集中区，由县城市管理局按照新标准组织改造，改造费用由县财政
# 承担)
_TOPPED_UP = re.compile(r"(?:(?:补贴|补助|待遇|津贴|救助|抚恤|养老金|奖励|工资)[^。；]{0,12}?(?:低于|不足|少于)[^。；]{0,30}?"
                        r"|(?:提高|上调|增加)[^。；，]{0,16}?(?:补贴|补助|待遇|津贴|救助|抚恤|奖励)[^。；]{0,40}?)(?:补足|补齐|补发)"
                        r"(?![^。；]{0,20}?(?:缴|退还|追回))"
                        r"|^(?![^。；]*?(?:缴纳|补缴|罚款|处罚|拆除|追回|退还))[^。；]*?由[^。；，]{0,16}?(?:局|部门|政府|办事处|管委会)"
                        r"[^。；，]{0,24}?[，,][^。；，]{0,8}?(?:费用|资金|经费)由[^。；，]{0,6}?财政(?:承担|负担|保障|列支|安排)")


def _burden(sentence: str) -> bool:
    """Whether a sentence lays a burden (titles in 《》 do not count: 《著作权行政处罚实施办法》)."""
    sentence = re.sub(r"《[^》]*》", "", sentence)
    return _BURDEN.search(sentence) is not None and _TOPPED_UP.search(sentence) is None


def _location(doc, span, label: str):
    from pathlib import Path

    from ..findings import Location

    file = Path(doc.file).name if doc.file else None
    if span is None:
        return Location.trusted(file=file, label=label, line=1, column=1)
    return Location.trusted(file=file, label=label, line=span.line, column=span.column, end_line=span.end_line,
                            end_column=span.end_column)
