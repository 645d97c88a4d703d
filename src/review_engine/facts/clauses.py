"""Clauses: the sentence structure content rules read — who (subject), must/may/must not (modal), what.

Longer than 450 lines because the words that name public bodies and private parties (``PUBLIC``, ``PRIVATE``)
and the subject-finding steps below belong together: split, a reader would follow one step across two files.

A norm in a Chinese administrative text is nearly always one of a few shapes:

    [条件，] 主体 + 情态词 + 谓语            申请人应当经市交通运输局批准后方可营运。
    未经 X 批准，主体 + 不得 + 谓语          未经市城管局同意，任何单位和个人不得占用道路。
    从事……的（企业），+ 情态词 + 谓语       从事建筑垃圾运输的企业，须取得准运证。
    主体 + 经/取得…… + 方可 + 谓语           企业经审核同意后方可开业。

For every sentence (up to 。；！？) this module finds each modal word (``MODAL``: 应当/应/必须/须/需/不得/禁止/
严禁/不准/可以/有权/一律/方可/才能…) and splits the sentence around it: ``before`` (the sentence up to the modal),
``after`` (the predicate, up to the next modal or the end of the sentence) and the ``subject`` — the noun
phrase the modal is said of. A sentence without a modal (``对小型餐饮单位实行许可管理。``) is one clause with
the modal ``''`` at its end (``before`` is the whole sentence). The subject is found by these steps:

1. the *zone*: the text of the comma-segment holding the modal, before it (``企业也应当`` → ``企业也``); when it
   is empty or a bare condition (``未经批准，…`` is its own segment; ``经…批准后，方可…``) the previous
   segment is the zone (``从事建筑垃圾运输的企业，应当…`` → ``从事建筑垃圾运输的企业``);
2. the *head*: after the last ``的`` when something follows it (``从事…的企业`` → ``企业``); a zone ending
   in ``的`` is a nominalised condition (``从事…的``, ``县级以上人民政府发现…的``) whose head is its first noun,
   or a generic person (``generic``) when it starts with a verb; otherwise the zone up to the first
   preposition (经、在、对、向、由、按照、依照…: ``企业经审核同意后`` → ``企业``);
   a head that is an activity (``举办展销活动，须经……``) is ``generic`` as well;
3. the *class* of the head (``classify``): ``public`` (人民政府、××部门、行政机关、执法人员…), ``private``
   (企业、经营者、申请人、单位和个人、居民委员会…), ``generic`` (a 的-phrase about whoever does something) or
   ``unknown`` (a thing: 项目、规划、方案…, or nothing found).

Everything is computed lazily, per sentence, on demand (``ClauseIndex.at``), and cached: a ``clause`` rule
first finds its trigger words with one regular-expression pass over the document and only then asks for the
structure of the few sentences that hold them. The document's basis clause (``根据《…》…制定本办法``) is
found once (``ClauseIndex.basis``, the clause as written) for rules that require a legal basis for
obligations.

The lexicons here are the defaults; a rule can add terms for its own subject classes (``kinds/clause.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .text import TextIndex, Unit

MODAL = re.compile(
    r"应当|必须|(?<![无毋不])须(?!知)|不得|禁止|严禁|不准|不许|可以|有权|一律|方可(?!以)|方能|才能|才可|始得"
    r"|需(?:要)?(?=经|报|取得|办理|向|提交|提供|缴纳|具备|持有)|(?<=[均必亦也还都并])需(?=[\u4e00-\u9fff])"
    # the directive 要 of official prose before the act it orders (住户外出的，要事先书面告知供热单位)
    r"|(?<![需只主重必想纲概不还])要(?=事先|事前|提前|先行|及时|按时|定期|每[日天周月季年]|逐[户人车件项]|于每|在[0-9０-９一二三四五六七八九十]"
    r"|另行|自行|书面|主动|如实"
    # (… or the act of compliance itself: 收件时，要核对顾客的身份证并逐一记录)
    r"|核对|查验|登记|记录|留存|报送|填报|提交|配备|安装|公示|缴纳|购买|参加)"
    # 可 alone as 可以 before an act (乡人民政府可组织拆除 / 可在其门口张贴), not 可能、可行、许可、认可……
    r"|(?<![认许不宁即尽])可(?![能行靠持追燃控信疑观用比以是见知口爱怜惜贵疑喜乐]|视(?!情))(?=[\u4e00-\u9fff])"
    r"|(?<![相供适响对反效答回感顺呼理报])应(?![用急对变收付届有急])"
)
"""Modal words. 应 alone only where it is the modal (not 相应、供应、应急、应用…); 需 only before an act or after 均、必、
也…; the directive 要 before the manner or time of an act (要事先、要及时、要每月); 可 alone as
可以; 方可 not before 以 (开办方可以、甲方可以: the party's 方 and 可以)."""

# Separators of the comma-segments of a sentence.
_SEGMENT = re.compile(r"[，,：:]")
# Bracketed or quoted insertions that hide the structure (《…》 titles are kept: they are nouns).
_INSERT = re.compile(r"（[^（）]*）|\([^()]*\)|“[^”]*”")
# (… and how often, or on which occasion: 养犬人每年应当参加培训 / 经营者每月须报送 / 养蜂户每次转场前，应当……)
_ADVERB_TAIL = re.compile(r"(?:也|均|都|还|亦|并|同时|依法|另|仍|则|即|原则上|一般|严格|及时|不|要|"
                          r"每(?:[一二两三四五六七八九十\d]+个?)?(?:年|半年|季度|季|月|周|日|天|次|旬|学期)"
                          r"(?:[^，。；]{1,8}?(?:前|之前|以前|后|之后|时))?"
                          r"|定期|按月|按季|按年|按时"
                          # (… or in which hours: 轮滑场每个开放时段须配备 / 场馆营业期间的每一时段均须)
                          r"|(?:营业|开放|经营|运营|施工|活动)(?:期间|时间)内?的?|每(?:一|个)?[^，。；]{0,4}?时段|全天|全年|夜间"
                          # (… or on which occasion: 商户每承接一单，须……)
                          r"|每[^，。；]{0,4}?一(?:单|次|批|件|车|趟)"
                          # (… or while it does its business: 钟表维修店承接维修业务时，须……)
                          r"|(?:在)?(?:承接|办理|从事|开展|提供|接受|经营|销售|收购|出租|招用|举办|接待|受理|收取|收件|接收|承揽)(?![者户商方主])[^，。；]{0,10}?(?:时|期间)"
                          # (… or any short act of a party's trade right after its name: 眼镜店验光时)
                          r"|(?<=[店铺场馆所户者商方主员司业构])(?:在)?[^，。；的]{1,6}?(?:时|期间))+$")
_HEAD_PREFIX = re.compile(r"^(?:凡是|凡|所有|任何|各级|各类|各|有关|相关|上述|前款所列|前款规定的|该|其(?!他))+")
# A segment that opens with the directive 要 (要先到街道领取准入凭证，方可……) is a predicate: its subject is earlier.
# what someone finds out, said as a condition (发现企业存在以下情形之一的): the finder acts, not what is found
# (… after the occasion: 在一次检查中发现项目经理有……行为的，应当分别记分)
_FINDING = re.compile(r"^(?:在[^，。；]{0,12}?(?:中|时|期间|过程中))?(?:发现|接到|收到|获悉|得知|查实|查明|检查发现|巡查发现)[^，。；]*的$")
# … found in an inspection, which only the administration makes (在一次检查中发现)
_INSPECTING = re.compile(r"^在[^，。；]{0,10}?(?:检查|巡查|执法|监管|抽查|核查|督查|稽查)")
_DIRECTIVE_START = re.compile(r"^(?:先)?要(?![求素件点闻害务])")
# (… and another's review as the condition: 由街道办事处牵头……联审通过后，才能开业 — the one who opens is earlier)
_CONDITION_START = re.compile(r"^(?:未经|经(?!营|济|销|纪)|由(?=[^，。；]{1,30}?(?:审核|审查|审批|批准|同意|核准|联审|会审|验收)[^，。；]{0,4}?(?:后|之后|以后)$)|报经|报(?=[^，。；]{1,20}?(?:批准|同意|审批|核准|审核|备案))|对于|对|如果|如|若|因|除|为了|为|根据|依照|按照|依据|自(?![然治行主由身愿动律用助费筹营建备查救养住有制驾媒])|当(?!事人|地|归|选|日|天|年|月|场|面|前|然|家|即|中|值|班|量)|凡)")
# Where a subject's head noun ends: a preposition or a condition after it (经营、以上、关于、参与、自行… excluded).
_PREPOSITION = re.compile(
    r"报经|未经|(?<![已曾])经(?!营|济|费|常|销|办|纪|理|验|贸)|(?<![存所现实])在(?!职|建|校)|(?<=事务所|派出所|研究所|招待所)在|(?<=诊所)在|(?<![相针绝面应反核])对(?!外|内|象|应)"
    r"|(?<![方导趋意面去倾指])向|(?<![自理缘经])由|按照|依照|根据|依据|(?<![关属对等基])于|(?<![参给])与|会同|凭|通过"
    r"|(?<![所予加可难])以(?![上下内外及后前来])|(?<![即])将|把|被|(?<![来各独])自(?!行|主|由|然|身|愿|治|动|律|用|助|费|筹|营|建|备|查|救|养|住|有|制|驾|媒)"
    # a distributive act after the party (肉兔养殖户每出栏一批肉兔，应当……: the farmer, each time)
    r"|(?<=[者户商方主员])每"
    # a purpose after the subject (县人力资源和社会保障局为核查……情况，有权……)
    r"|为了|(?<![成作认行因以称更])为(?=核查|核实|加强|规范|保障|落实|推进|做好|确保|促进|防止|维护|掌握|查明|便于|方便|"
    r"满足|实现|提高|预防|调查|核验)"
)

# What a body produces by acting (its decision, opinion, plan): the clause's actor is whoever made it.
_PRODUCT = re.compile(r"(?:[^，。；]{0,6}?)(?:决定|决定书|意见|意见书|方案|计划|规划|文件|报告|批复|结论|处理结果|审查结果)")
# A topic that is an activity (举办展销活动，须经……) is said of whoever carries it out.
_ACTIVITY = re.compile(
    r"(?:举办|举行|从事|开办|开设|设立|设置|经营|建设|新建|改建|扩建|开展|占用|挖掘|销售|生产|运输|使用|投放|利用|发布|安装"
    r"|拆除|排放|养殖|种植|出租|张贴|悬挂|搭建|开发|收购|储存|进口|出口|转让|承接|招用|招收|摆设|临时占用|燃放|饲养)"
)

# 街道 as the streets of a town (城区所有街道禁止设置流动摊点), a place, not the street office: the words around it
_STREET_BEFORE = ("所有", "各条", "主要", "城区", "主干", "沿", "临", "背")
_STREET_AFTER = "两侧|两旁|沿线|路面"
STREETS = re.compile(rf"(?:{'|'.join(_STREET_BEFORE)})街道|街道(?:{_STREET_AFTER})")
# (the street office: 街道 with none of them around; one lookbehind per word, as their lengths differ)
_NOT_STREETS = "".join(f"(?<!{w})" for w in _STREET_BEFORE) + f"街道(?!{_STREET_AFTER})"
PUBLIC = re.compile(
    r"人民政府|政府|部门|机关|执法机构|执法队伍|执法大队|执法支队|(?:执法|工作|监管|办案|检查|稽查|调查|监察|审核|审查|监测|巡查|核查|普查|督查|复议|审批|征收|稽核)人员|公务员"
    r"|管理机构|监管机构|监督机构|登记机构|发证机构|认定机构|鉴证机构|工作机构|检验检疫机构|派出机构|派驻机构|委员会(?!委员)"
    r"|审批机构|主管机构|办事机构|管理委员会|管委会|领导小组|指挥部|指挥机构|办公室|办公厅|办事处|"
    rf"{_NOT_STREETS}|乡镇|派出所|司法所|国务院"
    # the staff of an agency named by it (县人力资源和社会保障局人员、县妇联人员)
    r"|(?:局|部门|政府|办事处|街道|乡镇|妇联|残联|团委|工会)的?(?:工作)?人员$"
    r"|警务室|警务站|网格员|协管员|辅警|民警|警察|交警|消防救援|消防员|(?:执法|城管)队员|(?:执法|城管|消防|救援)(?:大|中|支)?队$|(?:监管|管理|执法|工商|税务|财政|国土|规划|市场监管)所$"
    # (a 厅 of a province's government, not a hall of business: 演艺厅、宴会厅、营业厅、展厅)
    r"|海关$|(?:局|(?<![艺舞会展餐大业客啡乐映])厅|委|委员会)$"
    # a centre a government of a tier sets up to administer a programme (县学生资助管理中心、市医疗保障事务中心)
    r"|^(?:省|市|州|盟|县|区|旗|乡|镇|街道)[^，。；]{0,12}?(?:管理|事务|资助|征收|保障|执法|稽查|监测|指挥)中心$"
    # … the bodies that run a public insurance or a public data system (县社会保险经办机构、县涉税信息共享平台)
    r"|经办机构|(?:政务服务|便民服务|行政服务)中心|^(?:省|市|州|盟|县|区|旗)[^，。；]{0,12}?(?:信息|数据|监管|政务)[^，。；]{0,6}?平台$"
)
"""Public bodies and the people acting for them (网格员、协管员、辅警 act for the 街道 or the agency)."""
NOT_PUBLIC = re.compile(
    r"居民委员会|村民委员会|[村居]（[村居]）民?委员?会|[村居]\([村居]\)民?委员?会|居委会|村委会|业主委员会|业委会|物业|行业协会|商会"
    r"|社区$|(?<![农乡])村$|村民小组|居民小组|(?:企业|公司|协会|商会|联盟)[^，。；]{0,8}?队$|^各?(?:村|社区)[^，。；]{1,10}?委员会$|(?:研究|促进|联合|联谊|同业)会$"
)
"""Self-governing and private bodies whose names look public (委员会, 社区 for its 居民委员会)."""
PRIVATE = re.compile(
    r"企业|公司|集团|单位|个人|公民|法人|组织|经营者|生产者|销售者|经营户|个体工商户|申请人|当事人|从业人员|人员|业主|商户|住户"
    r"|居民|村民|用户|消费者|车主|驾驶人|驾驶员|所有人|使用人|权利人|投标人|招标人|供应商|承包人|承包商|开发商|中介"
    r"|学校|医院|医疗机构|机构|协会|商会|平台|委员会|家庭|子女|配偶|亲属|场所|门店|店铺|商铺|摊点|摊位|网点|网吧|酒吧"
    r"|合作社|联合社|基金会|事务所|俱乐部|工作室|驾校|技校|职校"
    r"|超市|商场|酒店|宾馆|饭店|[者人户方商主农民工员]$|店$|铺$|驿站$|团队$|(?:营业|门市|经营)部$"
    # a venue run as a business (滑雪场、卡丁车场、高尔夫练习场), not a square, a site or an exam hall
    r"|(?<![广现会考战机赛])场$"
    # (… any 馆 that is not a public institution's: 汗蒸馆、香道馆; not 图书馆、博物馆、文化馆)
    r"|(?<!图书)(?<!博物)(?<!文化)(?<!纪念)(?<!美术)(?<!科技)(?<!档案)(?<!展览)(?<!体育)(?<!艺术)(?<!会展)(?<!殡仪)(?<!使)馆$"
    # a party named by what it does (经营主体、初加工主体、投资主体), not the one answerable (责任主体)
    r"|(?:经营|市场|投资|加工|生产|养殖|种植|流通|销售|运营|建设)主体$"
    # … and its production site (种薯生产基地、养殖基地)
    r"|(?:生产|种植|养殖|繁育|育苗|种薯|加工)基地$"
    # places of business and the public served (零售点、收购点; 游客、乘客、学员)
    r"|(?:零售|销售|经营|服务|收购|代售|维修|回收)点|商贩|游客|乘客|旅客|顾客|学员|考生|住客|丧属|家属|作坊|餐馆|饭馆|摊贩|农家乐|民宿|学生|家长|患者|商超|场馆|健身房|游泳馆|球馆"
    r"|餐厅|茶楼|会所|工坊|民间[^，。；]{0,6}?(?:队伍|团体|组织|艺人)"
    # a team or an alliance no law makes an agency (护林队、巡逻队、产业联盟)
    r"|队$|联盟$"
    # places of business named by their trade (电影院、旅馆、歌舞厅、加油站、诊所)
    r"|电影院|影院|影城|剧院|剧场|歌舞厅|歌厅|舞厅|娱乐场所|游艺厅|旅馆|旅店|客栈|浴室|足浴|诊所|药店|药房|加油站|加气站|充电站|停车场|养殖场|屠宰场|工厂|工地"
)


# A place before the head (街道辖区内商铺、本县行政区域内的企业): where the party is, not who it is.
_LOCATIVE = re.compile(r"^[^，。；]{0,16}?(?:辖区|管辖区域|行政区域|区域|范围|境|城区|园区|景区|片区)内的?(?=[^，。；]{2})")


# … or after the party's going there (安装企业进入本街道辖区小区施工前): a place it goes to, the party named before the verb
_GOING = re.compile(r"(?:进入|进驻|驶入|前往|赴|(?<![达收做报遇得感办])到(?![期达位场])|(?<![所存现实内正])在)(?:本|该|各)?"
                    # (the place right after the verb: not a time or another's act before it, 在开园前按乡镇统一要求)
                    r"(?=[^，。；按向由对经前后时期要]{0,12}?(?:辖区|区域|范围|境内|小区|社区|街道|乡镇|镇|村|县|市|区|园区|景区|城区))")


def classify(head: str, extra_public: re.Pattern | None = None, extra_private: re.Pattern | None = None) -> str:
    """``public``, ``private`` or ``unknown`` for a noun phrase (the subject's head); a place named before the head
    (街道辖区内商铺) does not make it public."""
    if not head:
        return "unknown"
    if "内" in head:  # (classify is called for every clause: the place is stripped only where one can be)
        head = _LOCATIVE.sub("", head)
    if extra_private is not None and extra_private.search(head):
        return "private"
    if extra_public is not None and extra_public.search(head):
        return "public"
    # a phrase "A的B" is B (全县各乡镇的弹棉花作坊 is the workshops, not the townships), when B says what it is
    of = head.rfind("的")
    if of >= 0 and len(head) - of > 2:
        kind = classify(head[of + 1:], extra_public, extra_private)
        if kind != "unknown":
            return kind
    if NOT_PUBLIC.search(head):
        return "private"
    if PUBLIC.search(head):
        going = _GOING.search(head, 2)
        if going is not None and PRIVATE.search(head, 0, going.start()) and not PUBLIC.search(head, 0, going.start()):
            return "private"
        return "public"
    if PRIVATE.search(head):
        return "private"
    return "unknown"


@dataclass(slots=True)
class Clause:
    """One modal of a sentence and what surrounds it (offsets are in ``unit.text``)."""

    unit: Unit
    sentence_start: int
    sentence_end: int
    modal: str
    modal_start: int
    after_end: int
    subject: str
    """The head noun phrase the modal is said of ('' when none was found)."""
    subject_kind: str
    """``public`` | ``private`` | ``generic`` | ``unknown`` (with the default lexicons)."""
    inherited: bool = False
    """The modal and subject are the lead's of the list this item belongs to (the item's text is all predicate)."""

    @property
    def before(self) -> str:
        """The sentence up to the modal."""
        return self.unit.text[self.sentence_start:self.modal_start]

    @property
    def after(self) -> str:
        """The predicate: from the modal (excluded) to the next modal or the end of the sentence."""
        return self.unit.text[self.modal_start + (0 if self.inherited else len(self.modal)):self.after_end]

    @property
    def sentence(self) -> str:
        return self.unit.text[self.sentence_start:self.sentence_end]


def subject_of(sentence: str, modal_start: int, classify=classify) -> tuple[str, str]:
    """(head, kind) of the subject of the modal at ``modal_start`` in ``sentence``."""
    bounds = [0] + [m.end() for m in _SEGMENT.finditer(sentence, 0, modal_start)]
    for back in range(len(bounds) - 1, max(-1, len(bounds) - 4), -1):
        end = modal_start if back == len(bounds) - 1 else bounds[back + 1] - 1
        zone = _INSERT.sub("", sentence[bounds[back]:end]).strip()
        if "；" in zone[:-1]:  # ……应当责令其改正；在一次检查中发现……的: the clause after the semicolon is this modal's
            zone = zone[zone.rindex("；") + 1:]
        earlier = MODAL.search(zone)
        if earlier is not None:  # 企业应当经批准后方可…: the subject of 方可 is that of 应当
            zone = zone[:earlier.start()]
        zone = _ADVERB_TAIL.sub("", zone)
        if back > 0 and _DIRECTIVE_START.match(zone):
            continue  # 开展……业务的，要先到街道领取准入凭证，方可……: the subject of 方可 is that of the 要-segment
        if not zone or (back > 0 and _CONDITION_START.match(zone) and not zone.endswith("的")):
            continue  # a bare condition (未经批准 / 经审核同意后): the subject is in an earlier segment
        if back > 0 and _TIME_SEGMENT.match(zone):
            continue  # a time of its own (……的企业，在开展分装业务前应当……): the subject is in an earlier segment
        if _FINDING.match(zone):
            if back > 0:
                continue  # 各级应急管理部门在执法中，发现企业存在以下情形之一的，应当……: the finder is the earlier topic
            if _INSPECTING.match(zone):  # 在一次检查中发现……的，应当分别记分: the inspector, not named
                return zone, "unknown"
        return _head(zone, classify)
    return "", "unknown"


# A segment that is only a time (在开展分装业务前 / 于每年三月底前 / 在营业期间 / 每年汛期 / 节日期间)
_TIME_SEGMENT = re.compile(r"^(?:在|于)[^，。；]{1,24}?(?:前|之前|以前|时|期间|后|之后|以后)$"
                           r"|^每(?:年|月|周|日|天|季度?)[^，。；]{0,6}?(?:期|期间|季|节|时)?$|^[^，。；]{1,8}?期间$")


def _head(zone: str, classify=classify) -> tuple[str, str]:
    zone = _HEAD_PREFIX.sub("", zone) or zone
    condition = _CONDITION_START.match(zone) is not None and not zone.startswith("凡")
    if zone.endswith("的"):
        # a nominalised condition: 企业迁出本市的 / 县级以上人民政府发现…的 (its first noun), 从事…的 (generic)
        if condition:
            return zone, "unknown"
        if zone.startswith("在"):  # 在乡镇集镇新建商铺的: whoever does it there (the place, 乡镇, is not the actor)
            return zone, "generic"
        if _PREDICATE_MARK.match(zone):  # 未取得景区管委会核发的……的: whoever lacks it (the issuer is no subject)
            return zone, "generic"
        window = _first_noun(zone)
        kind = classify(window)
        return (window, kind) if kind != "unknown" else (zone, "generic")
    maker = ""
    if "的" in zone:
        cut = zone.rindex("的")
        maker, zone = zone[:cut], zone[cut + 1:]  # 在本市从事网约车经营的企业 → 企业
        condition = False
        # a party before an object phrase (本县出版单位对新出版的每一品种图书，均须……): the party is the one who acts
        if (obj := _OBJECT_AFTER_PARTY.search(maker)) is not None:
            kind = classify(maker[:obj.start()])
            if kind in ("public", "private"):
                return maker[:obj.start()], kind
        if _PRODUCT.fullmatch(zone) and not _CONDITION_START.match(maker):
            # an act's product is its maker's: 市直各部门对园区内企业作出的行政处罚决定，须经……同意 (the departments act)
            kind = classify(_first_noun(maker))
            if kind != "unknown":
                return maker, kind
    cut = _PREPOSITION.search(zone, 1)
    head = zone[:cut.start()] if cut else zone
    if condition:
        return head, "unknown"
    kind = classify(head)
    if kind == "unknown" and (when := _WHEN.match(head)):
        # a time told by the subject's own act (养殖户申领养殖证时，应当……): the subject is who acts then
        kind = classify(when.group(1))
    if kind == "unknown" and (act := _PARTY_ACT.match(maker or head)) is not None \
            and (party := classify(act.group(1))) in ("public", "private"):
        # the thing of a party's own act named as the topic (翡翠经营者销售单价一万元以上的商品，应当……), or the party
        # before its act with no 的 (各五金店销售钉子、螺丝等物品，须……): the party acts
        return act.group(1), party
    if kind == "unknown" and maker:
        kind = _hirer_kind(maker, classify)
    if kind == "unknown" and maker and _STAFF.search(head):
        # the staff of a party are its own (培训机构的任课教师 / 茶楼的厨师): of the party's kind
        kind = classify(_first_noun(maker))
    if kind == "unknown" and _ACTIVITY.match(head):
        return head, "generic"  # 举办展销活动，须……: whoever does it
    return head, kind


# The subject's own act as the time of the duty (养殖户申领养殖证时 / 乘客进站时): the words before the act are the subject.
_OBJECT_AFTER_PARTY = re.compile(r"(?<=[^\s，。；]{2})(?:对|向|为)(?=[^，。；]{2})")
_WHEN = re.compile(r"^([^，。；]{2,14}?)(?:每次|每批)?(?:申领|申请|申办|办理|领取|进入|进站|入住|乘坐|参加|接受|离开|外出|举办|从事|开展|经营|使用|收购|销售|出售|运输|开业|开工|营业|开办|投产)"
                   r"[^，。；]{0,20}?(?:时|之时|的时候|后|之后|以后|前|之前)$")


# A party and its act of trade or of keeping, opening a 的-phrase whose head is the act's object (经营者销售……的商品 /
# 居民家中存放的水缸: what one keeps, one's duty)
_PARTY_ACT = re.compile(r"^([^，。；]{2,14}?)(?:家中|家里|院内|屋内|店内|自家)?(?:销售|出售|生产|加工|经营|收购|提供|出租|运输|储存|使用|承接|举办|开展|制作|寄递|进口"
                        r"|存放|持有|拥有|饲养|养殖|种植|收藏|购买|购置|停放|租用|闲置|废弃)"
                        r"(?!者|户|人|主体|单位|企业|场所|商|方)")
# People who work for whoever is named before them (X的任课教师), whose word alone does not say for whom
_STAFF = re.compile(r"(?:教师|老师|教练|师傅|厨师|医生|医师|护士|导游|主播|骑手|司机|技师|讲师|店长|领班)$")
_HIRED = re.compile(r"(?:聘用|聘请|雇用|雇佣|招用|招聘|委派|指派|选派|配备)$")


def _hirer_kind(maker: str, classify=classify) -> str:
    """The kind of whoever hired the person named after ``maker的`` (屠宰企业聘用的兽医 acts for the 屠宰企业; 镇政府聘请的
    协管员 for the 镇政府); ``unknown`` when nobody is said to have hired them."""
    hired = _HIRED.search(maker)
    return classify(_first_noun(maker[:hired.start()])) if hired else "unknown"


def _first_noun(zone: str) -> str:
    """The words of ``zone`` before its first preposition or predicate mark, at most 14 characters (县级以上人民政府发现…的
    → 县级以上人民政府; 旅游纪念品摊点未取得县商务局核发的…的 → 旅游纪念品摊点)."""
    cut = _PREPOSITION.search(zone, 1)
    mark = _PREDICATE_MARK.search(zone, 2)
    ends = [m.start() for m in (cut, mark) if m is not None]
    return zone[:min(ends) if ends else 14][:14]


# A negation or an aspect that opens the predicate (未取得、已经办理、没有、曾被): the noun before it is the subject
_PREDICATE_MARK = re.compile(r"未(?!成年|婚)|已经|已(?!婚)|没有|曾经|被(?!告|执行|保险|监护|申请)")


# The actor of an act (``actor_of``): 由 + agent (not 理由、自由、由于、由此), where the agent's name ends, the
# verbs and adverbs that follow a subject and introduce its act, and the verbs that hand a matter on to
# another body (报告城管部门予以查处: the 城管部门 acts).
_BY = re.compile(r"(?<![理自缘事经来])由(?![于此衷])")
# 由 opening a span or a change, not an agent (清扫范围由店面门前延伸至道路对侧 / 由每月一次调整为每周一次)
_SPAN_BY = re.compile(r"([^，。；由]{1,12}?)(延伸|扩大|扩展|缩小|调整|改|变更?|提高|降低|增加|减少|上调|下调)?(?:至|到|为)(?!止)")
_AGENT_END = re.compile(
    r"负责|承担|具体|组织|统一|自行|予以|进行|实施|开展|依照|依据|按照|根据|(?<![相针绝面应反核])对(?!外|内|象|应)|(?<![方导趋意面去倾指])向"
    r"|(?<![存所现实])在(?!职|建|校)|将|把|会同|牵头|逐|按|每|定期|随时|及时|直接|集中|全面|做好|落实|履行|行使|先行|共同|联合"
    r"|作出|决定|提出|督促|要求|审核|核对|查验|认定|查处|处理|收缴|没收|检查|采取|发现|协助|配合|协同|支持|代行|代为"
    r"|责令|给予|处以|并处|吊销|暂扣"
    r"|报告|报请|提请|移交|移送|交由|交给|通知|告知|上报|报送|抄告|转交|转送|提交|[，,：:（(]"
)
_ACT_MARK = re.compile(
    r"负责|承担|具体负责|组织实施|组织|予以|进行|实施|开展|自行|统一|逐[车户人件项]?|履行|行使|做好|落实|作出|采取"
    r"|协助|配合|协同|(?<![需重主只想必将纲概])要(?![求素件点闻害务])"
)
_HELP = re.compile(r"协助|配合|协同")
# a body named as the one that finds the case (社区居民委员会发现辖区……存在问题的): it is who acts on it after the comma
_FINDER = re.compile(r"([^，。；]{2,20}?)(?:在[^，。；]{0,16}?(?:中|时))?(?:发现|接到|收到|查实|查明|核实)")
# a segment opening with a preposition names the act's object or partner, not its agent (予以许可的，向申请人颁发许可证)
_OBJECT_START = re.compile(r"向(?!阳)|给(?![水排])|与(?!会)|同(?![志业行城类级等一时样期乡])|跟|把|将(?![军来])|被(?![告服褥子])|替")
# Words before the act that are themselves a predicate, not its subject (限期恢复原状或者采取……并处罚款)
_NOT_SUBJECT = re.compile(r"^(?:责令|限期|采取|处以?|给予|予以|没收|吊销|暂扣|并处|依法|拒不|拒绝|擅自|未经?)|(?:或者|或|以及|及|和|并且|而且)$")
_HANDOVER = re.compile(r"报告|报请|提请|移交|移送|交由|交给|通知|告知|上报|报送|抄告|转交|转送|提交")
_TOPIC_BY = re.compile(r"[^。；;，,]{0,10}?(?:工作|职责|任务|事项|业务)?[，,]?(?:统一|具体|均|一律|全部|改|转|另)?(?:由|交由|交给|委托|授权)")


def actor_of(sentence: str, start: int, end: int, classify=classify) -> tuple[str, str]:
    """(head, kind) of who performs the act named at ``sentence[start:end]``.

    Read in the trigger's comma-segment first, then in the segments before it (up to three):

    * an agent after 由 (``由物业服务企业负责查处``, ``抽检不合格的由开办者予以没收``), unless the matter is handed on
      to another body before the act (``由物业服务企业报告城管部门予以查处``: the 城管部门);
    * the subject of the segment: the words before the first verb that introduces the act — 负责、承担、予以、
      进行、实施、统一、逐车…, or a modal (``物业服务企业负责查处``, ``县城市管理局对物业服务企业进行查处``, ``执法
      人员可以进入``); a segment that begins with a condition or an object (``对拒不改正的业主予以制止``) has
      none of its own;
    * the act as a topic, its agent after it (``扬尘执法检查，由施工企业负责组织实施``, ``违法广告的认定由行业协会负责``).

    The kind is that of ``classify`` (``public``, ``private``, ``generic``, ``unknown``).
    """
    bounds = [0] + [m.end() for m in _SEGMENT.finditer(sentence, 0, start)]
    for back in range(len(bounds) - 1, max(-1, len(bounds) - 4), -1):
        seg_start = bounds[back]
        seg_end = start if back == len(bounds) - 1 else bounds[back + 1] - 1
        zone = sentence[seg_start:seg_end]
        by = None
        for found in _BY.finditer(zone):
            if not _spans(zone, found.end(), classify):
                by = found
        if by is not None:
            return _agent(zone, by.end(), classify)
        modal = MODAL.search(zone)
        # (a mark before 的 is an attribute, not the act: 参加镇里组织的……义务劳动)
        mark = next((m for m in _ACT_MARK.finditer(zone) if not zone.startswith("的", m.end())), None)
        cut = min((m.start() for m in (modal, mark) if m is not None), default=None)
        if cut is not None:
            subject = _ADVERB_TAIL.sub("", _INSERT.sub("", zone[:cut]).strip())
            if back > 0 and _FINDING.match(subject):
                continue  # ……享有检查权，发现问题的可以采取……: the finder is the earlier segment's subject
            if subject and not _CONDITION_START.match(_HEAD_PREFIX.sub("", subject) or subject) \
                    and not _NOT_SUBJECT.search(subject) and not _OBJECT_START.match(subject):
                helped = _HELP.match(zone, cut)
                if helped is not None:  # 居民委员会协助街道办事处做好检查: the 街道办事处 acts
                    stop = _AGENT_END.search(zone, helped.end() + 1)
                    other = zone[helped.end():stop.start() if stop else len(zone)][:24]
                    if classify(other) == "public":
                        return other, "public"
                return _before_object(subject, classify) or _head(subject, classify)
        else:
            if back == len(bounds) - 1:
                topic = _TOPIC_BY.match(sentence, end)
                if topic is not None and not (topic.group().endswith("由") and _spans(sentence, topic.end(), classify)):
                    return _agent(sentence, topic.end(), classify)
            # a segment that is only a noun phrase: the subject of what follows (……个人信息处理者，应当……)
            subject = _ADVERB_TAIL.sub("", _INSERT.sub("", zone).strip())
            finder = _FINDER.match(subject) if subject.endswith("的") else None
            if finder is not None and classify(finder.group(1)) in ("public", "private"):
                return finder.group(1), classify(finder.group(1))  # 社区居民委员会发现……的，可以责令……: the finder acts
            if (acting := _ACTS_ON.match(subject)) is not None and classify(acting.group(1)) in ("public", "private"):
                return acting.group(1), classify(acting.group(1))  # 村民委员会对违规销售……的，可以责令……: it acts on them
            if subject and not subject.endswith("的") and not _CONDITION_START.match(subject) \
                    and not _NOT_SUBJECT.search(subject) and not _OBJECT_START.match(subject):
                head, kind = _before_object(subject, classify) or _head(subject, classify)
                if kind in ("public", "private"):
                    return head, kind
    return "", "unknown"


# A body, then 对 and the 的-phrase of those it acts on, as a segment of its own (村民委员会对违规销售……的，可以……); not a
# condition about the body (境外认证机构未经登记在境内设立代表机构的: the wrongdoer)
_ACTS_ON = re.compile(r"^((?:(?!未经|擅自|违反|未按|未取得|拒不)[^，。；对]){2,16}?)对[^，。；]+的$")


def _spans(text: str, at: int, classify=classify) -> bool:
    """Whether the 由 before ``text[at:]`` opens a span or a change (由店面门前延伸至……), not an agent."""
    span = _SPAN_BY.match(text, at)
    if span is None or _ACT_MARK.search(span.group(1)) or MODAL.search(span.group(1)):
        return False
    # a verb of change makes it one whatever the words (由店铺门前延伸至); else only words naming nobody (由东至西)
    return span.group(2) is not None or classify(span.group(1)) == "unknown"


def _before_object(zone: str, classify=classify) -> tuple[str, str] | None:
    """The subject before a preposition that brings in an object (商场开办者对场内违规经营的商户: 商场开办者),
    when it names a body; None otherwise (``_head`` then reads the zone)."""
    cut = _PREPOSITION.search(zone, 1)
    if cut is None or "的" not in zone[cut.start():]:
        return None
    head = _HEAD_PREFIX.sub("", zone[:cut.start()]) or zone[:cut.start()]
    kind = classify(head)
    return (head, kind) if kind in ("public", "private") else None


def _agent(text: str, at: int, classify=classify) -> tuple[str, str]:
    """The agent named after 由 at ``text[at:]`` (or the body a matter is then handed on to)."""
    stop = _AGENT_END.search(text, at + 1)
    name = text[at:stop.start() if stop else len(text)][:24]
    head = _HEAD_PREFIX.sub("", name[name.rindex("的") + 1:] if "的" in name[:-1] else name) or name
    kind = classify(head)
    if kind == "unknown" and "的" in name[:-1]:
        kind = _hirer_kind(name[:name.rindex("的")], classify)
    rest = text[at + len(name):]
    handover = _HANDOVER.search(rest)
    if handover is not None:
        stop = _AGENT_END.search(rest, handover.end() + 1)
        other = rest[handover.end():stop.start() if stop else len(rest)][:24]
        other_kind = classify(other)
        if other_kind == "public":
            return other, other_kind
    return head, kind


class ClauseIndex:
    """The clauses of a document, computed per sentence on first use."""

    def __init__(self, index: TextIndex, lead_of=None):
        self.index = index
        self.lead_of = lead_of
        """node → the lead-in of the list it is an item of (……应当履行下列义务：), or None."""
        self._cache: dict[tuple[int, int], list[Clause]] = {}
        self._actors: dict[tuple, tuple[str, str]] = {}

    def at(self, unit: Unit, start: int, end: int | None = None) -> list[Clause]:
        """The clauses of the sentence holding ``unit.text[start:end]``."""
        left, right = unit.sentence(start, start if end is None else end)
        key = (unit.start, left)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._split(unit, left, right)
        return found

    def _split(self, unit: Unit, left: int, right: int) -> list[Clause]:
        text = unit.text
        sentence = text[left:right]
        modals = list(MODAL.finditer(sentence))
        if not modals:  # a statement without a modal (对……实行许可管理。): one clause, modal ''
            end = len(sentence.rstrip("。；;！？!? "))
            lead = self.lead_of(unit.node) if self.lead_of is not None and unit.node is not None else None
            found = _LIST_DUTY.search(lead) if lead else None
            if found is not None:
                # an item of a list its lead lays down (民宿经营者应当履行下列义务：（二）每季度向乡镇报送……): the lead's
                # subject and modal are the item's
                head, kind = subject_of(lead, found.start())
                return [Clause(unit, left, right, found.group(1), left, left + end, head, kind, True)]
            head, kind = subject_of(sentence, end)
            return [Clause(unit, left, right, "", left + end, left + end, head, kind)]
        out = []
        for i, found in enumerate(modals):
            head, kind = subject_of(sentence, found.start())
            after_end = modals[i + 1].start() if i + 1 < len(modals) else len(sentence)
            out.append(Clause(unit, left, right, found.group(), left + found.start(), left + after_end, head, kind))
        return out

    def actor(self, unit: Unit, start: int, end: int, classify=None) -> tuple[str, str]:
        """(head, kind) of who performs the act at ``unit.text[start:end]`` (``actor_of``), cached."""
        key = (unit.start, start, end, classify)
        found = self._actors.get(key)
        if found is None:
            left, right = unit.sentence(start, end)
            sentence = unit.text[left:right]
            found = self._actors[key] = actor_of(sentence, start - left, end - left,
                                                 classify if classify is not None else globals()["classify"])
        return found

    def in_unit(self, unit: Unit) -> list[Clause]:
        """Every clause of a unit (all its sentences)."""
        out: list[Clause] = []
        pos = 0
        while pos < len(unit.text):
            left, right = unit.sentence(pos, pos)
            out.extend(self.at(unit, pos))
            pos = max(right, pos + 1)
        return out

    @cached_property
    def basis(self) -> list[str]:
        """The document's basis clauses (根据《…》……，制定本办法 / 依据有关法律、法规，现提出如下意见), as written."""
        found: list[str] = []
        for unit in self.index.units[:12]:
            if unit.kind in ("title", "heading", "signature"):
                continue
            found.extend(m.group() for m in _BASIS.finditer(unit.text))
        return found


_BASIS = re.compile(r"(?:根据|依据|依照|按照|贯彻|落实|保证|保障|实施)[^。；]{0,300}?(?:制定|现提出|现就|特制定|现将|结合)")


# a lead that lays its items down as duties or bans: 应当履行下列义务： / 不得有下列行为： / 须遵守以下规定：
_LIST_DUTY = re.compile(r"(应当|必须|须|不得|严禁|禁止)[^。；：:]{0,16}?(?:下列|以下|如下)[^。；：:]{0,8}[：:]\s*$")


def find_clauses(index: TextIndex, lead_of=None) -> ClauseIndex:
    return ClauseIndex(index, lead_of)
