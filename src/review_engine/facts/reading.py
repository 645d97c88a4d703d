"""What a sentence does with the measure it names: creates it, restates it, prohibits it, or only mentions it.

Longer than 450 lines because the moods are tried in one order on one sentence (a criterion before a prohibition
before a restatement …), and each mood's patterns stay beside the step that uses them.

A content rule finds the words of a measure (批准, 罚款, 查封, 收取……费 …); whether the document *creates* that measure
is a question of how the sentence uses the words. ``read_measure(facts, unit, start, end)`` reads the sentence around
the words at ``unit.text[start:end]`` and answers with a ``Reading``:

``mood``
    ``criterion``          a criterion a reviewer applies (审查是否违法设立行政许可; 重点检查……是否)
    ``procedure``          the administration's own procedure for a measure the law provides: the measure is the
                           decision it contemplates in a condition (拟作出责令停产停业决定的，应当告知……听证) or what its
                           standards, files or hearings are about (制定并公布罚款裁量基准; 行政处罚决定书) — how it
                           applies the measure, not a measure it lays on anyone
    ``fact``               a measure already taken, as a fact or a condition (已被吊销许可证的; 被依法查封的财物)
    ``abolishes``          the measure is abolished, waived or cleaned up (取消……审批; 免收……费; 清理……收费项目)
    ``prohibits``          the measure itself is forbidden or condemned (不得违规收费; 严禁以备案名义变相审批;
                           查处乱罚款行为; 违法设立的收费项目)
    ``defines_violation``  the sentence lists conduct that is unlawful and hands it to a higher law's penalty
                           (有下列行为之一的，由……依照《……》第……条的规定处罚：（一）……)
    ``restates``           the measure is provided by a named basis (依照《……》第……条……; 依法……; 法律、法规另有规定的)
    ``background``         a statement of purpose or situation without a norm (为规范……; 近年来……)
    ``creates``            none of these: the document itself lays the measure down
``basis``                  the words that name the basis (``依照《中华人民共和国食品安全法》第三十五条``, ``依法``), or ""
``cited``                  the titles the sentence (or the lead-in of its list) cites
``internal``               the measure falls on the administration itself — its departments, subordinate bodies or
                           staff (对考核不合格的乡镇予以通报批评), or is named as a 处分 (给予警告、记过或者开除的处分):
                           internal supervision, not a measure on citizens
``why``                    the reading in Chinese, for the finding (该句……)
``private_payee``          for a fee: it is paid to a private party (a price of its service, not a levy)

The reading is a principle, not a list of phrases: each mood is recognised by the grammatical place of the
measure's words (the object of a prohibition, the complement of 已被, the item of a violation list under a cited
penalty, the scope of 是否), so that it holds for wording it was not written from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clauses import classify
from .target import DISCIPLINE, internal_target, place_only, target_of
from .text import Unit

MOODS = ("criterion", "procedure", "fact", "abolishes", "prohibits", "defines_violation", "restates", "background", "creates")
#: Moods in which the sentence does not lay the measure down.
NOT_CREATING = frozenset({"criterion", "procedure", "fact", "abolishes", "prohibits", "defines_violation", "background"})

_SEGMENT_BREAK = re.compile(r"[，,：:；;]")
# The measure as the object the reviewer examines: 对草案中授予……独家经营……的内容，审核时应当核查其是否具有……依据
_REVIEWED = re.compile(r"(?:审核|审查|核查|核对|检查|评估|把关)(?:时|中)?[^。；]{0,12}?(?:其|该|是否)[^。；]{0,4}?(?:是否|有无)?"
                       r"[^。；]{0,6}?(?:具有|具备|有|符合|存在|履行|违反|超越|设定|设置)")
# A sanction or a referral to one right after a condition (……的，依照该条例第五十四条的规定处理 / ……的，由……责令……)
# (or a correction ordered, after any further conditions: ……摊派给从业人员个人……的，保险机构……的，……部门应当提出整改要求)
_SANCTIONED = re.compile(r"[^。；]{0,30}?(?:依照|依据|按照)[^。；]{0,40}?(?:处理|处罚|追究)|[^。；，]{0,20}?(?:责令|处以?(?=[^。；，]{0,12}?罚)|"
                         r"给予[^。；，]{0,6}?处罚|予以处罚)"
                         # (… or the officials who did it disciplined: ……违反本规范收取费用的，由有权机关对……依法给予处分)
                         r"|由[^。；]{0,40}?(?:给予|予以)[^。；，]{0,4}?处分"
                         r"|[^。；]{0,100}?(?:提出|下达|责成|督促)[^。；，]{0,4}?(?:整改|纠正|改正)")
# the measures a document lays down, named as what a reviewer asks about (审核要点：文件规定的列入名单、暂停资格……等措施，
# 是否具有法律、法规依据)
_REVIEW_POINT = re.compile(r"(?:审核|审查|核查)(?:要点|重点|内容)[：:]|(?:文件|草案|送审稿|政策措施|规范性文件)(?:中)?(?:规定|设定|设置|所列)的")
# The review of drafts the sentence is about (合法性审核中，凡送审稿……的，审核机构应当认定为不合法): its measures are
# what the reviewer looks for.
_DRAFT_REVIEW = re.compile(r"(?:合法性审核|合法性审查|审核机构|审查机构|备案审查)[^。；]{0,60}?(?:送审稿|草案|征求意见稿)|"
                           r"(?:送审稿|草案)[^。；]{0,80}?(?:审核机构|审查机构|认定为不合法|提出(?:删除|修改|纠正)意见)|"
                           # (… or what documents that touch a measure must state: 各部门起草的文件中涉及暂扣、吊销许可证件
                           # ……内容的，应当注明所依据的法律、法规具体条款)
                           r"涉及[^。；]{0,50}?(?:内容|条款|事项)?的[，,][^。；]{0,10}?(?:应当|须|必须)(?:逐条|逐项)?(?:注明|写明|载明|列明)[^。；]{0,6}?(?:所依据|依据)|"
                           # (… or what a review finds in a document: 审核中发现文件要求申请人提供……证明的，应当提出删除意见)
                           r"(?:审核|审查)(?:中|时|过程中)?发现(?:文件|草案|送审稿|条款|规范性文件)[^。；]{0,80}?提出(?:删除|修改|纠正|审核|审查)?意见")
_REVIEW_TOPIC = re.compile(r"对(?:草案|送审稿|文件|规范性文件|征求意见稿)?[^。；]{0,6}?(?:中|里)?[^。；]{0,40}$")
_WHETHER_OR_NOT = re.compile(r"(?:不论|无论|不管|不问)(?:其)?(?:是否|有无)")
_CRITERION = re.compile(r"是否|有无|审查[^。；]{0,20}?(?:内容|事项|情形|重点)|(?:审查|审核|评估|检查|核查)(?:以下|下列)")
# What the applicant for a licence is or has done, made a condition of the licence (将申请人是否加入县农产品行业协会作为审查条件
# 之一): the criterion is the licence's condition, laid on the applicant
_APPLICANT_CONDITION = re.compile(r"(?:申请人|申请单位|申办人|申请者|申请企业)[^。；]{0,30}?作为[^。；，]{0,8}?"
                                  r"(?:审查|审核|审批|许可|受理|发证|核发|准入)(?:的)?(?:条件|前提|前置条件|必备条件)")
# The reviewer's own duty to strike the measure out of the documents it reviews (审核……文件时，发现对违法人员亲属设定限制措施的，
# 应当提出删除意见)
_STRIKE_OUT = re.compile(r"(?:审核|审查|清理)[^。；，]{0,16}?(?:文件|草案|政策措施)[^。；，]{0,4}?(?:时|中)[，,][^。；]{0,40}?"
                         r"(?:提出|作出)?(?:删除|纠正|修改|废止|不予通过)(?:意见|建议)?")
# (被 opening a party's name — 被征收人、被处罚人、被投诉人 — names a person, not a measure already taken)
# (已 after a modal is a condition demanded, not a fact: 申报企业须已将税收关系迁入本县)
# (已…的 names the party by its state, not the measure: 已登记的，一律不得新增业务)
_FACT = re.compile(r"(?:(?<![须需应当要必])(?:已经|已)(?![^，。；]{0,2}的$)|业已|曾经|曾|依法被|被依法|(?<![将会要])被(?!执行人|保险人|监护人|申请人|告|害人|代理人|许可人|检查人|调查人|"
                   r"征收人|征用人|处罚人|拆迁人|投诉人|举报人|检查单位|检查对象|审计单位)"
                   r"|受过|受到过?)[^，。；]{0,3}$"
                   # (… the measure one of several the party underwent: 被开除公职或者吊销拍卖师资格证书未满五年的)
                   r"|(?:被|曾被|已被)(?!执行人|保险人|监护人|申请人|告|害人)[^，。；的]{1,10}?(?:或者|或|以及|及|和|、)$")
# (procedure) the measure as the decision the administration contemplates (拟作出……决定的 / 拟吊销……的), and the
# measure as the attribute of the administration's own instruments (罚款裁量基准, 处罚决定书, 行政处罚案件)
# (… or the measure the law calls for in a situation the document only refers on: 发现……依法应当责令停产停业、查封扣押的情形，
# 及时报告县应急管理局)
# (拟 before a noun is no decision contemplated: 拟上市企业将注册地迁入本市的)
# (… or needed in a case, handed to the law: 对……违法行为需要通报批评的，依照有关法律、法规、规章实施)
_CONTEMPLATED = re.compile(r"(?:拟|准备|依法应当|依法需要|依法需|需要依法|应当依法|确需|需要)(?:依法)?"
                           r"(?:(?:对[^，。；]{1,16}?)?(?:作出|给予|处以|实施|采取|适用|予以|提出)[^，。；]{0,24})?$")
_SITUATION = re.compile(r"的(?:情形|情况|案件|事项|违法行为|行为)?$")
_INSTRUMENT = re.compile(r"^(?:等|等(?:较重|重大)?的?)?(?:行政处罚|处罚|强制|行政强制)?(?:的)?(?:裁量基准|裁量标准|裁量规则|裁量权|"
                         r"决定书|文书|案卷|案件|听证|程序|告知书)")
_ABOLISH = re.compile(r"(?:取消|废止|撤销|清理|清退|退还|停止执行|停止征收|不再|无需|无须|不需要?|免于|免予|免除|免征|免收|减免|豁免|"
                      r"简化|下放|合并|精简|压减|降低)[^。；，]{0,16}$")
_PROHIBIT = re.compile(r"(?:不得(?!超过|高于|低于|少于|突破|多于)|禁止|严禁|杜绝|不准|不许|防止|避免|纠正|查处|打击|制止|整治|"
                       r"遏制|严查|严防)[^。；]{0,60}$")
_CAP = re.compile(r"不得(?:超过|高于|低于|少于|突破|多于)")
# The measure named to say what kind of act it is (暂扣许可证件、……吊销许可证件是《行政处罚法》第九条规定的行政处罚种类 /
# ……责令关闭、限制从业属于行政处罚): a statement of its legal nature, not a measure laid down.
_CLASSIFIED = re.compile(r"^[^，。；]{0,40}?(?:属于|是|均为|均属于|均属|系)[^，。；]{0,30}?(?:行政处罚|行政强制措施|行政强制|行政许可|"
                         r"行政事业性收费)(?:的?种类|措施|行为|范畴|事项)?(?=[，。；]|$)")
# … or listed as the kinds a law names (行政处罚法第九条规定的行政处罚种类包括暂扣许可证件、……)
_KINDS_LISTED = re.compile(r"(?:种类|类型|种类和形式)(?:包括|有|为|是)[^，。；]{0,30}$")
# The decision the administration makes, named before its procedure (作出暂扣许可证件决定前，应当告知……)
_DECISION_TIME = re.compile(r"^[^，。；]{0,8}?决定(?:前|之前|以前|时|的程序)")
# the measure named as the matter an agency handles (依法办理吊销营业执照等事项), with no conduct of a party named for it
_HANDLED = re.compile(r"(?:依法)?(?:办理|承办|负责办理)$")
_MATTER_OF = re.compile(r"^等?(?:有关|相关)?(?:事项|工作|手续)")
_AGENCY = re.compile(r"局|部门|机关|委员会|人民政府|机构")
_CASE_OF_CONDUCT = re.compile(r"违反|违法|违规|未按|未经|擅自|拒不|逾期|不符合|情节|有下列|行为")
# The measure and the staff or the steps it must be carried out by (实施吊销许可证件等行政处罚，应当由具有行政执法资格的执法人员实施)
_BY_STAFF = re.compile(r"^[^，。；]{0,10}?(?:等)?(?:行政处罚|处罚|行政强制措施|强制措施)[，,](?:应当|须|必须)(?:由|经|告知|听取|出示|遵守|依照|依法)")
# The act named as a condition, then ordered corrected (以规范性文件授权……行使审批等行政职权的，一律予以纠正)
_CORRECTED = re.compile(r"[，,](?:一律|均|应当|要|须|坚决|及时|依法|立即)*(?:(?:予以|责令)?(?:纠正|清理|停止执行|改正|宣布无效|整改)"
                        r"|予以(?:撤销|废止))")
# (privacy) the information named, then withheld in the same breath (……，身份证号码、银行账号等信息不予公开)
_WITHHELD = re.compile(r"^[^，。；]{0,30}?(?:不予|不得|不|严禁|禁止)(?:对外|向社会)?(?:公开|公示|公布|披露|采集|收集|登记|录入|上传|张贴|显示)")
# The things a measure took, named by it (没收的非法财物 / 扣押的车辆 / 收缴的款项): the sentence disposes of them; the
# measure was taken under its own law, this sentence does not lay it down.
_TAKEN = re.compile(r"(?:没收|扣押|查封|扣留|收缴|冻结|暂扣|罚没|追缴)(?:的)[^，。；]{0,8}?(?:财物|物品|款项|资金|违法所得|工具|"
                    r"车辆|场所|设施|设备|证照|证件|货物|商品|款)"
                    # (… whatever the things, when the sentence disposes of them: 依法没收的不合格蜡烛，……公开拍卖)
                    r"|(?:没收|扣押|查封|扣留|收缴|冻结|暂扣|罚没|追缴)的[^，。；]{1,16}?[，,][^。；]{0,40}?"
                    r"(?:拍卖|销毁|变卖|上缴|移交|退还|返还|处置|保管)")
# The measure denied by the document itself (经费由财政安排，不向企业和居民筹集; 不再收取): it says it will not be done. Not
# a condition (对不缴纳的…: the segment ends in 的).
_NEGATED = re.compile(r"(?:(?:不|不再|不会|无需|无须|不另行|不额外|从不)(?:(?:向|对|从)[^，。；不的]{1,12})?"
                      r"|(?<![得予])不(?:再|另行|额外)?(?:以|授予|给予|设置|设定|限定|指定|要求|将)[^，。；]{0,30}"
                      # (… or the measure forbidden as a response: 不得简单采取全部停产措施)
                      r"|(?:不得|不宜|不应|避免|防止)(?:简单|一律|随意|盲目|擅自)?(?:采取|实施|搞)[^，。；]{0,6})$")
# A count of what there is (截至2024年底，……共46家; 2024年全县共办理……37件): a statement of fact, with no norm in it.
# the things counted in a count of what was taken or done (1200余把、1.2吨)
_UNITS = "双|件|个|吨|箱|台|辆|公斤|千克|只|头|条|批|枚|把|张|套|袋|瓶|份|斤|盒|包|罐|桶|支|块|捆|副"
_STATISTIC = re.compile(r"^(?:截至|截止|至)[^。；，]{0,14}?(?:年|月|日|底|末)|"
                        rf"(?:依法)?(?:没收|销毁|查获|收缴|罚没)[^。；，]{{0,16}}?\d+(?:\.\d+)?余?(?:{_UNITS})|"
                        r"^本?(?:报告|统计|调查|普查|监测)[^。；，]{0,6}?(?:统计|调查|所称)的|(?<!人民)(?<!公)共(?!和国|享|同|建|治|用|管|担)(?:有|计|办理|受理|查处|查办|发放|收到|对)?[^。；，《》第]{0,10}?[\d一二三四五六七八九十百千万两]+"
                        r"(?:家|个|件|户|人|起|项|宗|辆|条|所|座|处|次|元|万元)|(?:同比|环比)(?:增长|下降|上涨|减少|增加|持平)"
                        r"|^经[^。；，]{0,8}?(?:监测|统计|调查|测算)[，,]|^(?:监测|统计|调查|测算|抽查)(?:结果)?(?:显示|表明)[，,]"
                        # a past year opening a count (2024年，全市……对12家企业作出……决定，吊销……3件)
                        r"|^(?:19|20)\d{2}年[^。；，]{0,8}?[，,](?=[^。；]*?\d+(?:家|个|件|户|人|起|项|宗|辆|条|所|座|处|次))"
                        # (… or the years past told to have had none: 近三年未发生吊销营业性演出许可证的情形)
                        r"|(?:近|过去|以往)[一二三四五六七八九十两\d]+年[^。；，]{0,4}?未(?:发生|出现)过?")
# a charge per item is a rate the sentence sets, not a count (每证收取工本费、实地核查费共计200元)
_RATE = re.compile(r"每(?:证|件|次|户|人|辆|宗|项|吨|份|张)[^。；，]{0,4}?(?:收取|缴纳|交纳|计收|核收)")
_NORM = re.compile(r"应当|(?<![响反适对供相顺呼感答效理])应(?![急用对聘届收付该有])|必须|(?<![必])须|不得|禁止|严禁|可以|有权|一律|方可|(?<![需重主只想])要(?!求)|予以|给予|处以|实行|负责")
# Every operator treated alike whatever its place (无论注册地、纳税地在何处，……均可按同一标准申请): no preference.
_ALIKE = re.compile(r"(?:无论|不论|不管|不分)[^。；]{0,30}?(?:何处|何地|哪里|在哪|是否|所有制|内外资|大小|本地|外地)[^。；]{0,40}?"
                    r"(?:均|都|一律|同等|同一)"
                    # (… or the outsider treated as the local: 与本县艺人同等享受……; every operator of a trade: 面向……所有灯具制造企业)
                    r"|与[^。；，]{0,12}?同等(?:享受|适用|对待)|面向[^。；，]{0,24}?所有[^。；，]{0,12}?(?:企业|经营者|主体|商户)"
                    # (… or a local tie said to be no condition, outsiders admitted alike: 不以在本县注册为条件，外地企业……可以同等申报)
                    r"|不以[^。；，]{0,16}?(?:为|作为)(?:条件|前提)|(?:可以|均可|同样|也可)同等(?:申报|享受|参加|参与|适用|申请)"
                    r"|与本地[^。；，]{0,8}?(?:一致|相同)"
                    # (… or the local and the outsider named together, alike: 本地和外地小微企业同等适用)
                    r"|(?:本地|本县|本市|本区)(?:和|与|及|、)外地[^。；，]{0,12}?(?:同等|一视同仁|平等)")
# (not 不予: 不予发放补贴、三年内不予受理 is itself a sanction)
# The measure not taken, as a fact (均未向申请人收取任何费用) — not a condition, which names its party with 的 (未在本县
# 注册的企业不予安排……).
_NOT_DONE = re.compile(r"(?:未|均未|并未|从未|没有)(?!经)(?:(?:向|对|从)[^，。；不的]{1,12})?$")
# The scope widened to outsiders (适用于……的企业，包括外地企业在本市设立的分支机构): no restriction.
# (the parties included, not the services a business covers: 低空飞行服务（含航拍、表演、物流配送）由……公司特许经营)
_INCLUDING = re.compile(r"(?:包括|包含|含|涵盖|也适用于|同样适用于|一并适用于)"
                        r"(?=[^，。；]{0,16}?(?:外地|外省|外市|外县|外国|境外|各类|所有|企业|经营者|单位|个人|机构|公司|主体|商户))[^，。；]{0,16}$")
# A measure made to wait for a legal basis (作出责令停业等处理，必须有法律、法规、规章的明确依据) is bounded, not set.
_NEEDS_BASIS = re.compile(r"^[^。；]{0,20}?(?:必须|应当|须|要)(?:有|具有|具备|以)[^。；]{0,16}?(?:法律|法规|规章)[^。；]{0,10}?(?:依据|根据|授权)"
                          # (… or its basis checked: 应当逐项核对行政许可的设定依据)
                          r"|^的?(?:设定|制定|法定)?依据")
# A preference encouraged of private parties (鼓励市场开办者……实行租金优惠) or given to people in need (对最低生活保障家庭
# 给予租金减免) is no aid to chosen operators.
_PRIVATE_GIVER = re.compile(r"鼓励|倡导|引导|自主决定|自行决定")
_PUBLIC_PURSE = re.compile(r"财政|政府|资金|奖补|补贴|补助|专项")
_PEOPLE = re.compile(r"家庭|人员|老年人|残疾人|学生|儿童|困难群众|居民|农户|职工|退役军人|低保|特困|人才|承租人|租户")
# For a restriction of the market, of liberty or a duty, the measure *is* a prohibition on private parties (企业不得
# 迁出; 近亲属不得……): only a prohibition of the restricting act itself (不得限定、不得排斥、不得株连) forbids the measure.
# The lead-in of a list of what is forbidden (……在禁烧工作中不得有下列行为： / 公办学校招生不得有下列行为：): its items
# name the forbidden acts
_FORBIDDING_LEAD = re.compile(r"(?:不得|禁止|严禁|不准|不许|杜绝|不应)(?:有|实施|存在|出现|采取|从事|设置|含有|作出|进行)?"
                              r"(?:以下|下列)[^。；：:]{0,10}[：:]\s*$")
# A prohibition opening with the pretext of the forbidden act (不得以……为由，); the modal words of a clause of its own
# (wider than clauses.MODAL: the directive 要 and a bare 可 or 需 also open a clause with its own norm)
_PRETEXT = re.compile(r"(?:不得|禁止|严禁|不准|不许)(?:(?:以|借|假借|借口)[^。；，]{1,30}?(?:为由|为名|的名义|名义|为借口|为条件|为依据|为理由)"
                      r"|在[^。；，]{1,40}?(?:之外|以外|范围外|规定外))[，,]$")
_OWN_MODAL = re.compile(r"应当|应|须|需|必须|可以|可|不得|禁止|严禁|有权|要(?![求素件点闻害务])")
# The acts done with a person's information, and the modals before them: what follows the last of them names whose
# information it is (网格员应当逐户采集辖区居民的 → 辖区居民的; 公示机关工作人员的 → 机关工作人员的)
_OWNER = re.compile(r"(?:应当|应|须|需|必须|要|可以|一律|负责|统一|逐户|上门)|(?:采集|登记|录入|收集|获取|提供|上传|留存|提交|报送|填报|"
                    r"申报|拍摄|扫描|比对|核录|核查|查询|调取|公示|公开|公布|曝光|张贴|通报|发布|展示|披露|播放|转交|告知|掌握|摸清|建立)")
RESTRICTION_KINDS = frozenset({"market", "liberty", "burden", "privacy"})
_RESTRICTING = re.compile(r"限定|指定|限制|排斥|排除|阻碍|妨碍|障碍|强制|强迫|变相|歧视|株连|连坐|剥夺|侵犯|侵害|干预|干涉|"
                          r"设置|设立|要求|收取|摊派|乱|违规|违法|擅自")
# A prohibition addressed to the administration whose object is the restricting act, said of the party named before
# it (外地企业在本县经营的，享有与本地企业同等的待遇，不得要求其在本县设立分支机构; 企业迁出的，任何部门不得设置障碍):
# the sentence protects the party from the restriction, it does not lay it down. Only when that prohibition is the
# first norm after the measure's words (not 外地企业应当在本县设立分支机构，有关部门不得要求其另行提交材料).
_PROTECTING = re.compile(r"(?:不得|禁止|严禁|不准|不许|不应|不能|无权)(?:以[^。；]{0,20}?为由[，,]?)?(?:对其|向其|对|向|为)?"
                         r"(?:擅自|另行|随意|违法|违规|额外|再|无故|以任何(?:方式|形式|理由))?"
                         r"(?:要求|强制|强迫|限制|排斥|排除|阻碍|妨碍|阻挠|设置|设定|变相|歧视|限定|指定|干预|干涉|刁难)")
# (the act right after the modal and its adverb: 不得离开限定的区域 forbids the party to leave, it protects nobody)
# Abolishing a licence or a fee lightens a burden; for a penalty, a liberty or a duty, 取消 (资格、补贴) is the
# sanction itself.
ABOLISHING_KINDS = frozenset({"licence", "fee", "price", "coercion", "market", "preference"})
"""The measure as the object of a prohibition (不得收取……费). 不得超过 / 不得低于 set a cap or a floor: they impose a
price or a limit, they do not forbid it."""
# The measure qualified as unlawful right before its words: 乱收费, 违规设立的收费项目, 变相审批, 擅自增设……
# A definition of the document's own terms (本规定所称吊销许可证件，是指……的行政处罚): it names the measure, it sets none
_DEFINITION = re.compile(r"^(?:本|该)(?:办法|规定|细则|意见|通知|方案|条例|决定|措施|实施细则|实施意见)(?:中)?所称")
# … what defines (是指、包括), not a body named and given powers (本办法所称管理机构为……中心，依照本办法行使……行政处罚权)
_DEFINES = re.compile(r"是指|系指|指的是|包括")
_GRANTS = re.compile(r"行使|有权|可以|应当|须|必须|负责")


def defines_only(sentence: str) -> bool:
    """Whether ``sentence`` defines a term of the document (本办法所称普惠性民办幼儿园，是指……收费实行政府指导价管理……的幼儿园)
    and gives nobody a power or a duty: what it names describes the thing defined, none of it is laid down."""
    return bool(_DEFINITION.match(sentence.lstrip()) and _DEFINES.search(sentence) and not _GRANTS.search(sentence))


_COST_OF = re.compile(r"(?:清理|清退|退还|撤销|简化|合并|降低|压减|精简)(?:所需|产生的|的)?$")
_UNLAWFUL = re.compile(r"(?:乱|违规|违法|擅自|变相|私自|越权|随意|不合理|不规范|额外|重复)"
                       r"(?:设立|设定|设置|增设|收取|征收|实施|开展|进行|出台|提高|扩大|附加|摊派|要求)?的?$"
                       # (… or so across the payers it names: 对违规向春卷、油饼早餐摊点收取费用的行为)
                       r"|(?:违规|违法|擅自|私自|越权|变相|乱)向[^。；，]{1,24}?$")
# money collected without a basis, to be given back (已向……企业收取但无法律、行政法规依据……的保证金，……全额退还)
_GIVEN_BACK = re.compile(r"退还|返还|清退")
# The measure named as what one may contest (对责令停产停业、吊销许可证件等行政处罚决定不服的，可以依法申请行政复议)
# (… or against the measures named as the kind of decision: 对暂扣或者吊销许可证和执照、责令停产停业等行政处罚不服的)
_REMEDY_AGAINST = re.compile(r"[^，。；]{0,20}?决定(?:不服|有异议)|[^。；]{0,40}?等?(?:行政处罚|行政强制措施|行政许可决定|处理决定)(?:决定)?(?:不服|有异议)")
# … what was collected before, now given back (县教育局此前收取的……风险保证金，应当……全额退还)
# (… the payers named between: 此前向茶馆经营者收取的保证金，……全额退还)
_EARLIER = re.compile(r"(?:此前|以前|之前|先前|前期|原|已经|已)(?:向[^，。；]{1,12}?)?(?:违规|擅自)?$")
# The practice named as a problem people complain of or the administration looks into (对消费者反映的洗衣店会员卡押金
# 不予退还问题，依法受理投诉): the object of the handling, not a measure laid down
_COMPLAINED = re.compile(r"(?:反映|投诉|举报|信访|来信来访|排查|摸排|发现)(?:的|出的)[^，。；]{0,24}$")
_MATTER = re.compile(r"^[^，。；]{0,10}?(?:问题|现象|纠纷|行为|情况|事项)")
# The measure said to be the law's to set, or not set by this document (暂扣许可证件……等行政处罚只能由法律、法规、规章设定，
# 本方案……不作规定 / 本办法不授权任何组织……行使行政职权 / 通报批评属于行政处罚，本办法不单独设定)
_DISCLAIMED = re.compile(r"(?:只能|仅能|仅可|只可)由(?:法律|行政法规|法规|规章|地方性法规)[^。；，]{0,12}?(?:设定|规定)"
                         r"|(?:本|该)(?:办法|规定|方案|意见|通知|细则|决定|文件|措施)[^。；，]{0,16}?不(?:单独|另行|再)?"
                         r"(?:设定|设置|授权|赋予|作(?:出)?(?:规定|设定)|予(?:以)?设定)")
_WITHOUT_BASIS = re.compile(r"无[^。；]{0,12}?依据|没有[^。；]{0,12}?依据|未经[^。；]{0,16}?(?:批准|同意)|违规收取|违法收取|擅自收取")
# a measure named by the law's class and barred to the document (暂扣许可证件……属于行政处罚，本县……文件不得另行设定)
_CLASSED_AND_BARRED = re.compile(r"^[^。；]{0,30}?属于(?:行政处罚|行政强制|行政许可|行政事业性收费|法律保留)[^。；]{0,30}?(?:不得|禁止|严禁|无权)[^。；，]{0,6}?(?:设定|规定|设置|增设)")
# making something a condition forbidden (不得将融资担保公司注册地迁至本县作为其纳入……的条件)
_BAN_ON_CONDITION = re.compile(r"(?:不得|禁止|严禁|不应)(?:将|以|把)[^。；，]{0,30}$")
_AS_CONDITION = re.compile(r"^[^。；]{0,40}?作为[^。；]{0,50}?(?:条件|前提|依据|门槛)")
_LIST_LEAD = re.compile(r"有下列(?:情形|行为|情况)之一的")
# The lead-in of a list that defines a violation (有下列情形之一的，属于违规收费行为：), its items inline or below: each item
# names conduct the document calls unlawful, not a measure it lays down
_DEFINING_LEAD = re.compile(_LIST_LEAD.pattern + r"[，,][^。；：:]{0,30}?(?:属于|视为|构成|认定为|即为)[^。；：:]{0,24}[：:]")
_DEFINING_INLINE = re.compile(_DEFINING_LEAD.pattern + r"[^。：:]*$")
# one cited article, its 款 and 项; a basis may list several (第三十五条、第三十六条 / 第二十七条第一项和第四十二条)
_ARTICLE_REF = r"第[^。；，《》、]{1,12}?条(?:第[^。；，《》、]{1,6}?款)?(?:第[（(]?[^。；，《》、]{1,4}?[)）]?项)?"
# a reference back to the law last named (依照该法第一百一十三条的规定): a named basis as much as its title
_BACK_REF = r"该法|同法|上述法律|前述法律|该条例|上述条例|前述条例|该规定|该办法|该细则"
_BASIS = re.compile(
    rf"(?:依照|依据|按照|根据|适用|参照)[^。；]{{0,40}}?(?:(?:《[^》]+》|{_BACK_REF})(?:{_ARTICLE_REF}(?:(?:、|和|及|或者){_ARTICLE_REF})*)?"
    r"|法律|行政法规|地方性法规|法规|规章|有关规定|相关规定|国家规定)"
    # (not what was done to the party before: 讨薪被依法处理的人员 — the handling had a basis, the measure need not)
    r"|(?<!被)依法(?!治|被)|法律、(?:行政)?法规(?:另有)?规定|法律(?:、法规)?另有规定|(?<![未不])(?:按照|依照|按|依)(?:国家)?(?:有关)?规定"
    r"|[按以][^，。；]{1,12}?论处"
)
# The law speaking, named with its article at the opening (《中华人民共和国行政处罚法》第二十八条第二款规定，当事人有违法所得，
# ……应当予以没收): the sentence quotes what the law provides
_LAW_SAYS = re.compile(rf"^《[^》]{{2,60}}》{_ARTICLE_REF}(?:的)?(?:明确)?规定[，,：:]")
_CITED = re.compile(r"《([^》]{2,60})》")
# a citation in brackets closing the sentence (……估算价的2%（《中华人民共和国招标投标法实施条例》第二十六条）。)
_TRAILING_CITE = re.compile(rf"[（(](《[^》]{{2,60}}》(?:{_ARTICLE_REF})?)[^（）()。；]{{0,10}}[）)][。；]?\s*$")
# (not 为 naming whom a thing is for, the head of a noun phrase: 为低收入家庭产妇购买的月嫂服务，优先委托……承接)
_BACKGROUND = re.compile(r"^(?:为了|为(?![^，。；]{0,20}?(?:购买|提供|采购|委托|开展|举办|组织|配备|安排|建设|设立)的)"
                         r"|近年来|目前|当前|随着|针对|鉴于|长期以来|多年来)")
# (… and a bare 可 before the act it allows: 学校可随时翻查学生手机)
_MODAL = re.compile(r"应当|必须|须|不得|禁止|严禁|可以|有权|一律|方可|要|予以|给予|处以|处"
                    r"|(?<![不许认])可(?=随时|直接|径行|先行|对|将|不经|予以|要求|责令|采取|组织|进入|查|调|翻|扣|收|拆|停|暂)")
# What was done in a past year, told as a fact (2024年，县市场监督管理局……依法没收不合格油品3.2吨，已按照国家有关规定处理);
# not a date a rule starts from (2025年1月1日起) or a period a rule covers
# (… or the year opening a sentence that is all statistic: 2024年县级政府采购项目中外地供应商中标金额占比为42%)
_PAST_YEAR = re.compile(r"^(?:\d{4}年|上年度?|去年|本年度|今年)(?![^，。；]{0,8}?(?:起|前|后|底|末|内|以来|至|每|开始))(?:[^，。；]{0,48}?[，,]|[^，。；]{0,40}?(?:占比|比例|比重)(?:为|达到?)|[^，。；]{0,80}[。；]?$)")
# (… or a statistic of that year: 2025年县级政府购买服务项目中，县外承接主体中标金额占比为35%)
# (… or a count of what the year brought: 2024年全县新引进咖啡加工企业5家，其中3家为在本县新设立的企业)
# (… or the years since one, told without a norm: 2025年以来，……依法没收侵权仿冒徽章3200枚，均已按规定销毁)
# (… or this year since its start, or a campaign's span: 今年以来全区依法没收……1200余盒 / 专项行动期间，全市依法吊销……3张)
_SINCE_YEAR = re.compile(r"^(?:\d{4}年|近[一二三四五两\d]+年)以来[，,]|^(?:今年|本年度?|去年)以来[，,]?"
                         r"|^[^。；，]{0,10}?(?:专项行动|专项整治|行动|整治|活动)期间[，,]"
                         # (… or the count so far: 截至目前，全县已有5家砂石企业……被依法注销采矿许可证)
                         r"|^截至(?:目前|当前|今年|本年|去年|上年|\d{4}年)[^。；，]{0,12}?[，,]")
# (a year's plan is no fact: 2027年计划对10家企业作出……)
_PLANNED = re.compile(r"计划|力争|(?<![模虚])拟|要求|应当|必须|(?<![剃胡无必])须(?![知臾])|确保|争取|目标|将要")
_DONE = re.compile(r"已(?:经|按照|按|依法|处理|完成|办结|移送|结案)|已有[^。；，]{0,6}?(?:\d+|[一二三四五六七八九十百千万两]+)(?:家|个|户|人|起|件|张|艘|辆)|共(?:计)?[^。；，]{0,6}?(?:起|件|次|家|吨)"
                   # (… or who won what the year's procurement put out: 由外省一家音乐教育机构中标)
                   r"|中标|成交|签约"
                   # (… or what the year's measures took: 2024年，县市场监督管理局依法没收并销毁不合格儿童鞋3200双)
                   rf"|(?:没收|销毁|查处|查获|收缴|罚没|扣押|取缔|处罚|吊销|暂扣)[^。；，]{{0,16}}?(?:\d+(?:\.\d+)?|[一二三四五六七八九十百千万两]+)万?余?(?:{_UNITS}|起|家|万元|元|张|份|本)"
                   # (… or how many were dealt with and put right: 依法对3家……作出责令停业整顿决定，均已整改到位)
                   r"|(?:依法)?对(?:\d+|[一二三四五六七八九十百两]+)(?:家|户|名|人|起|个)[^。；，]{0,30}?(?:作出|实施|给予|处以|予以)"
                   r"|(?:均|全部|都)已(?:整改|落实|关停|处置|销毁|下架)"
                   r"|(?:新引进|引进|新增|新建|培育|认定|建成|完成|实现|达到)[^。；，]{0,12}?\d+(?:\.\d+)?(?:家|个|项|户|人|亩|吨|万元|亿元)"
                   # (… or the work of the year counted: 开展监督抽检1260批次)
                   r"|(?:开展|组织|实施|完成|办理|受理)[^。；，]{0,16}?\d+(?:\.\d+)?(?:批次|次|场|件|起|人次|家次)"
                   r"|(?:占比|比例|比重)(?:为|达到?)[^。；，]{0,6}?[\d.]+[%％]|同比(?:增长|下降|减少)")
# A result said not to be the ground of a measure (考核结果……不作为暂扣、吊销许可证件或者责令停产停业的依据)
_NOT_A_GROUND = re.compile(r"不(?:得)?(?:作为|列为|视为|用作)[^。；，]{0,12}$")
_GROUND = re.compile(r"[^。；，]{0,30}?的?(?:依据|根据|条件|前提|理由|因素)")
# A measure named as a term a contract or a document does not hold (招商协议中不含限制企业迁出的条款 / 合同不包含……的独家经营条款)
_ABSENT_TERM = re.compile(r"(?:不包含|不含|不包括|不得(?:包含|含有|约定|设置|设定|附加|订立)|未(?:设置|约定|附加|订立))[^。；，]{0,20}$")
_TERM = re.compile(r"[^。；，]{0,16}?的?(?:条款|内容|约定|附加条件)")
# Words of a measure quoted to be looked for (文件中出现“须经……批准后方可”等表述的 / 条款规定“处……元罚款”的)
_MENTIONED_BY = re.compile(r"(?:出现|规定|表述为?|写有|写明|载有|含有|使用了?|诸如|类似|例如|如)[^“”。；，]{0,2}$")
_MENTIONED_AS = re.compile(r"“|等?(?:表述|字样|措辞|用语|词语)|等(?:内容|条款)")


def _mentioned(text: str, left: int, right: int, start: int, end: int) -> bool:
    """Whether the measure at ``text[start:end]`` is in (or reaches into) words quoted to be looked for: a quotation
    after 出现、规定、表述为…… or followed by 等表述、字样…… (文件中出现“须经……批准后方可”“未经……同意不得”等表述的)."""
    for quote in re.finditer(r"“[^“”]*”", text[left:right]):
        q_start, q_end = left + quote.start(), left + quote.end()
        if q_start < end and start < q_end and (_MENTIONED_BY.search(text, left, q_start)
                                                or _MENTIONED_AS.match(text, q_end)):
            return True
    return False


# A rule said without a modal after its purpose (为保障……，各电影院每年按票房收入的1%……捐赠): a rate, a quota, a period
# (… or an act assigned to a body after the purpose: 为推进全域土地综合整治，……房屋由乡镇人民政府统一征收)
_RULE_MARK = re.compile(r"每(?:年|月|季度?|半年|周)[^。；，]{0,6}?按|按[^。；，]{0,12}?的?[\d.]+[%％]|不少于|不低于|纳入[^。；，]{0,12}?考核"
                        r"|由[^。；，]{1,20}?(?:统一|负责|集中|予以)"
                        # (… or a sum set as a cap or a floor: 出厂价格以每立方米420元为最高价)
                        r"|以[^。；，]{0,12}?[\d零〇一二三四五六七八九十百千万两.]+元[^。；，]{0,4}?为(?:最高|最低|上限|下限|限价|封顶)")
# A purpose, then the measure itself told without a modal (为加强公厕安全管理，在公厕内部……安装高清视频监控设备): a norm,
# unless what follows the purpose is the document's own making or a frame (为了……，制定本办法 / 特制定本方案 / 现就……通知如下)
_MEASURE_AFTER_PURPOSE = re.compile(r"^为了?[^，。；]{2,30}[，,](?![^。；]*?(?:制定|印发|出台|提出|如下|现就|特此|特制|结合|"
                                    r"(?:根据|按照|依照|依据)(?:《|有关|相关|上级|国家|省|市委|市政府|县委|县政府|党中央|国务院)|"
                                    r"决定|研究|经[^。；，]{0,10}?同意))[^。；]*?(?:安装|设置|实行|实施|收取|禁止|暂停|关闭|拆除|封存|"
                                    r"采集|登记|公布|公示|纳入|列入|暂扣|收缴|限制|停止|取消|要求|安排|给予|拨付|补助|补贴|奖励|扶持"
                                    # (… or the work assigned to someone, or a rule laid down as such: 原则上由县内企业承担)
                                    r"|由[^。；，]{1,20}?(?:承担|承接|承办|负责|提供|实施|供应)|原则上|一律"
                                    # (… or money asked of the parties, or a sanction for not doing it: 按照年产值分档认捐，
                                    # 未按期认捐的，暂缓办理……)
                                    r"|认捐|分摊|分担|摊派|缴纳|交纳|筹集|征收|计收|未[^。；，]{1,12}?的[，,](?:暂缓|不予|取消|暂停|停止)"
                                    # (… or a preference or a restriction of who supplies: 为保障工程质量，……优先选用县内生产的建材产品)
                                    r"|优先(?:选用|采用|采购|购买|使用|安排|录用|招用|聘用|考虑|确定|委托)|只能|仅限|限于)")
# the administration having private parties do an act (组织农户购置……, 动员商户参加……)
# people named by where they live or what they do (凡在本街道租房居住的人员): the head noun is the party, not the place
_DESCRIBED = re.compile(r"(?:凡|凡是)?在[^，。；]{1,30}的([^，。；的]{1,10})$")
_ORGANISED = re.compile(r"(?:动员|组织|要求|安排|督促|发动)(?:辖区|本地|全体)?([^，。；]{1,8}?)(?:购置|购买|订购|认购|参加|参与|缴纳|签订|安装)")
_PAYEE = re.compile(r"向(?P<to>[^，。；]{1,20}?)(?:缴纳|交纳|支付|缴付|交付|预交|预缴)")
_COLLECTOR = re.compile(r"(?P<by>[^，。；]{1,20}?)(?:负责|统一|按规定|可以|应当|有权)?(?:收取|征收|收缴|计收|代收)")
_FOR_THE_ADMINISTRATION = re.compile(r"委托|代收|代为|指定")
_ASKS_OF = re.compile(r"(?P<by>[^，。；向]{2,20})向[^，。；向]{1,16}$")
_COLLECTS = re.compile(r"计?收")  # (收取、收缴……, as the hit begins)
_CASE_OPENS = re.compile(r"[^，。；]{2,40}?的[，,]")  # a sentence that opens with its case (收取……费用的，)
_SELF_GOVERNING = re.compile(r"委会|委员会|社区|村民小组|网格")
# who collects: a party that acts (培训机构以预收款方式收取 / 维修经营者应当……收取), not the payers a clause names (对沿街经营户按月收取)
# nor a topic the sentence begins with (集贸市场经营户使用的电子计价秤实行……，每台每年收取)
# (… or the party serving its customers: 有线电视网络企业向机顶盒用户提供收视服务，……收取费用)
_SERVES = r"(?:向|为)[^，。；：:]{1,16}?提供[^，。；：:]{0,10}?服务"
_CLAUSE_SUBJECT = re.compile(rf"(?![对向为按自在每])([^，。；：:]{{2,24}}?)(?:应当|可以|须|必须|负责|统一|依法|以(?![上下])|通过|{_SERVES})")
_SENTENCE_SUBJECT = re.compile(rf"(?![对向为按自在每])([^，。；：:]{{2,16}}?)(?:应当|可以|须|必须|{_SERVES})")
_NOTIFY = re.compile(r"(?:通知|要求|督促|告知|提醒)[^。；]{1,40}?(?:缴纳|交纳|支付)")


def _private_payee(before: str, sentence: str, words: str, whole: str, earlier: str = "") -> bool:
    """A fee paid to a private party (向物业服务企业缴纳; 公墓单位……收取; 公墓单位应当通知办理人……缴纳): its price, not a
    levy of the administration. A fee the hit itself collects (收取培训费) is the collector's: the party of its clause
    (培训机构以预收款方式收取培训费用), else the sentence's subject (机动车维修经营者应当……合理收取费用)."""
    found = _PAYEE.search(before)
    if found:
        return classify(found["to"]) == "private"
    found = _COLLECTOR.search(before)
    if found:
        head = re.split(r"[，,]", found["by"])[-1]
        return classify(head) == "private"
    if _COLLECTS.match(words):
        asks = _ASKS_OF.search(before)
        if asks is not None:
            # the party that asks it of another (健身房向会员收取的……押金): the collector is named before 向 — unless it
            # acts for the administration (由受委托的技术审查机构……向企业收取技术审查费用)
            return (classify(asks["by"]) == "private" and not _SELF_GOVERNING.search(asks["by"])
                    and not _FOR_THE_ADMINISTRATION.search(asks["by"]))
        # else the party acting in the clause, else the whole sentence's subject (over its semicolons)
        # … else the party of the nearest clause before it that has one (患者要求复制病历资料的，医疗机构应当提供复制服务，可以
        # 收取工本费: the clause of 可以 names none, the one before it names 医疗机构)
        clauses = [c for c in re.split(r"[，,；;]", before) if c]
        # (… else the subject of the sentence before, which the case goes on with: 经营者应当按照规定明码标价……。收取起步费、
        # 楼层费……等费用的，应当分项标明收费标准)
        tries = [(_CLAUSE_SUBJECT, clauses[-1] if clauses else ""), (_SENTENCE_SUBJECT, whole),
                 *((_SENTENCE_SUBJECT, c) for c in reversed(clauses[:-1]))]  # (a modal's subject, not a topic)
        if _CASE_OPENS.match(whole) and earlier.strip():
            tries.append((_SENTENCE_SUBJECT, re.split(r"[。！？!?]", earlier.rstrip("。！？!? \n"))[-1]))
        for lead, text in tries:
            subject = lead.match(text)
            if subject is not None:  # (a village or residents' committee collecting for the administration is no seller)
                return classify(subject.group(1)) == "private" and not _SELF_GOVERNING.search(subject.group(1))
    notify = _NOTIFY.search(sentence)
    if notify is None:
        return False
    who = re.split(r"[，,]", sentence[:notify.start()])[-1]  # 公墓单位应当在期满以前180日内（通知办理人……缴纳）
    return classify(who) == "private"


@dataclass(frozen=True)
class Reading:
    mood: str = "creates"
    basis: str = ""
    cited: tuple[str, ...] = ()
    internal: bool = False
    why: str = ""
    private_payee: bool = False
    sentence: str = field(default="", repr=False)

    @property
    def creates(self) -> bool:
        return self.mood not in NOT_CREATING


def _sentence(unit: Unit, start: int, end: int) -> tuple[int, int]:
    return unit.sentence(start, end)


_AT_TIME = re.compile(r"(?:在|于|自|从)[^，。；在于自从]{0,30}$")
_DONE_BY_THEN = re.compile(r"^(?:(?:或者|或|以及|及|和|、)[^，。；]{0,10}?|[^，。；]{0,6}?)(?:后|之后|以后|之日起|之日)")
_GATED_AFTER = re.compile(r"取得|领取|获得|办理|持有|方可|才能|方能|才可")
_BORNE_BY = re.compile(r"(?:费用|所需经费|所需资金|保费|经费)[^。；，]{0,4}?由(?P<who>[^。；，]{2,16}?)(?:承担|负担|支付|列支)")
_BUYER = re.compile(r"([^，。；]{2,12}?)(?:为|统一|负责|将|对)")
_ENCOURAGED = re.compile(r"(?:积极|大力|进一步)?(?:鼓励|倡导|引导|支持)")
_COMPELLING = re.compile(r"应当|必须|须|不得|禁止|严禁|一律|要求|强制|不予|取消|暂停|停止|扣减|扣除|纳入[^。；，]{0,6}?考核|通报|"
                         r"列入[^。；，]{0,8}?名单|作为[^。；，]{0,10}?条件")
# (… nor, for a market, a move rewarded: 鼓励外地企业迁入，凡将注册地……迁至本县的，优先安排工业用地)
_REWARDED = re.compile(r"凡|优先|给予|享受|奖励|补贴|补助|扶持|方可|才能")
_IN_THE_PLACE = re.compile(r"在本(?:省|市|县|区|镇|乡|地)(?:行政区域内|辖区内|范围内|内)?[^。；，]{0,4}?(?:从事|进行|开展|种植|养殖)")
_BY_ORIGIN = re.compile(r"注册|登记|设立|落户|纳税|户籍|总部|税收|本(?:地|省|市|县|区)(?:企业|产品|品牌)|"
                        r"(?:生产|制造|出产|加工)的(?:产品|商品|农产品|设备|机具|机械|货物)")
_BENEFIT_SOUGHT = re.compile(r"(?:申请|申领|享受|领取|获得|发放)[^。；，]{0,12}?(?:补贴|补助|救助|津贴|奖励|奖补|资助|优待|抚恤|"
                             r"保障金|生活费|护理费|慰问金|低保|特困供养)")
_OWN_ACT_GATED = re.compile(r"^[^。；]{0,12}?(?:不得|不予|方可|才能|才可)(?:拨付|下达|安排|兑付|列支|列入)[^。；，]{0,8}?"
                            r"(?:资金|经费|款项|预算|投资计划)")
# (… nor when the same gate opens an activity too: 须经……等级评定后，方可享受运营补贴并收住老人)
_ACTS_GATED = re.compile(r"(?:方可|才能|方能|才可)[^。；]*?(?:收住|收治|招收|经营|营业|从事|开展|销售|生产|施工|招生|接待|运营|开业|执业|承接|"
                         r"进场|上岗|入驻|使用)")
_PROOF_ASKED = re.compile(r"提交|提供|出具|开具|证明|盖章|签注|公证|签字|确认")
_LICENCE_SOUGHT = re.compile(r"许可|执照|资质|资格证|审批|批准|核准|准予|备案|登记证")
_FUNDS_DUTY = re.compile(r"^(?:各|由)?([^，。；、]{2,24}?)(?:具体|统一|共同)?(?:负责|承担)(?:做好)?(?:本辖区|辖区内|本级)?[^，。；、对向给为的予]{0,8}$")
_MANAGED = re.compile(r"^(?:专项)?(?:资金|经费)?的?(?:筹集|筹措|保障|监督|管理|监管|审核|拨付|核拨|发放|兑付|结算|绩效评价|使用管理|预算)")
# The people of a body named after it (经营单位及其工作人员, 医疗机构及其从业人员): they are of the body's class
_STAFF_OF = re.compile(r"(?:及其|及|和|以及)(?:主要)?(?:工作人员|从业人员|负责人|责任人员|直接责任人员|员工|职工)$")
# A duty owed under the contract the administration signed with the one it bought a service from (运维单位应当按照合同约定
# 履行下列职责：……未经镇人民政府同意，不得擅自停止运行设施): the consent asked is the issuer's as the other party
_CONTRACTED = re.compile(r"(?:按照|依照|根据|依据|按)[^。；，]{0,12}?(?:合同|协议)(?:的)?(?:约定|规定)")
_AGREED = re.compile(r"(?:与|同)[^，。；]{1,20}?(?:约定|签订|订立)|(?:合同|协议|租约)(?:的)?(?:约定|规定)")
_CONSENTER = re.compile(r"(?:未经|经|征得|取得)(?P<body>[^，。；经]{2,20}?)(?:书面)?(?:同意|批准|许可)")
# (… an approval the law names, not the consent of a party: 许可、审批)
_CONTRACT_PARTY = re.compile(r"许可|审批|核准")


def _own_contract(facts, unit: Unit, before: str) -> bool:
    """Whether the sentence (or the lead-in of its list) lays the duty down as a term of a contract and the body whose
    consent it asks is the issuer itself, the contract's other party."""
    if not _CONTRACTED.search(before):
        node = unit.node
        lead = facts.lead_of(node) if node is not None and node.kind != "article" else None
        if not lead or not _CONTRACTED.search(lead):
            return False
    consenter = _CONSENTER.search(before + "同意")
    issuer = getattr(facts.issuer, "name", None) or ""
    if consenter is None or not issuer:
        return False
    body = consenter.group("body")
    return issuer.endswith(body) or body in ("本机关", "本单位", "甲方", "发包方", "委托方")


def read_measure(facts, unit: Unit, start: int, end: int, kind: str | None = None) -> Reading:
    """The reading of the measure named by ``unit.text[start:end]`` (see the module docstring)."""
    text = unit.text
    left, right = _sentence(unit, start, end)
    sentence = text[left:right]
    before = text[left:start]
    after = text[end:right]
    segment_start = max((m.end() for m in _SEGMENT_BREAK.finditer(before)), default=0)
    clause_before = before[segment_start:]
    cited = tuple(dict.fromkeys(_CITED.findall(sentence)))
    lead = _list_lead(facts, unit)
    if kind == "privacy":  # on whom it falls: the owner of the information, not who handles it
        target = _OWNER.split(clause_before + text[start:end])[-1]  # (the hit may hold the verb: 采集本单位工作人员的指纹)
        internal = internal_target(target)
    else:
        target = target_of(before, kind)
        internal = internal_target(target) or bool(DISCIPLINE.match(text, end))
    if not internal and kind in ("penalty", "coercion") and target and not target.endswith("的") and not place_only(target):
        # a sanction on a body of the administration named as such, its head noun (对未按照要求办理的行政机关，予以通报
        # 批评) is its superiors' supervision, not a penalty on the public (a topic ending in 的 describes a conduct)
        internal = classify(_STAFF_OF.sub("", target)) == "public"  # (经营单位及其工作人员: the firm's staff, the firm's class)
    if not internal and kind in ("burden",) and target and not place_only(target):
        described = _DESCRIBED.match(target)
        internal = classify(described.group(1) if described else target) == "public"  # a duty of the administration
        if internal and text.startswith("将", start):
            # … unless what it does is done to a private party named as the object of 将 (婚姻登记机关应当将离婚登记
            # 当事人的姓名、身份证号码……公示): the act falls on them, not on the administration
            internal = classify(text[start + 1:min(end, start + 21)]) == "public"
    if internal and kind in ("burden",) and (organised := _ORGANISED.match(text, start)) is not None:
        # … nor when it has private parties do the act (各乡镇……组织农户购置家庭应急睡袋): the act falls on them
        internal = classify(organised.group(1)) != "private"

    head = sentence_head(text, left)
    payee = kind == "fee" and _private_payee(before, sentence, text[start:end], text[head:right], text[:head])

    def reading(mood: str, why: str, basis: str = "", cited_: tuple[str, ...] = cited) -> Reading:
        return Reading(mood, basis, cited_, internal, why, private_payee=payee, sentence=sentence)

    # (是否……，由……核对: the 是否 clause is the topic handed to an agent, whose act the measure is — not a criterion)
    own = clause_before + text[start:end]
    assigned = re.match(r"(?:应当|须|要|统一|一律)?(?:由|交由)", own) is not None and not re.search("是否|有无", own)
    if _DRAFT_REVIEW.search(sentence):
        return reading("criterion", "该句规定对草案的审核（审查）标准，不是设定该措施")
    if "“" in sentence and _mentioned(text, left, right, start, end):
        return reading("criterion", "该句引述该措施的文字（审核、检查的对象），不是设定该措施")
    if _REVIEW_POINT.search(before) and ("是否" in after or "有无" in after):
        return reading("criterion", "该句以文件规定的该措施为审核（审查）的对象，不是设定该措施")
    if not assigned and _REVIEWED.search(sentence) and _REVIEW_TOPIC.search(before):
        return reading("criterion", "该句以该措施为审核（审查）的对象，不是设定该措施")
    if _STRIKE_OUT.search(sentence):
        return reading("criterion", "该句是审核文件时删除（纠正）该措施的要求，不是设定该措施")
    # (不论是否…… / 无论是否…… sets no criterion, it sets the measure aside from the case: 不论是否发生病害，一律……)
    unconditional = _WHETHER_OR_NOT.sub("", before)
    # (… except the applicant's standing made a condition of its licence: 将申请人是否加入行业协会作为审查条件)
    conditioned = kind == "licence" and _APPLICANT_CONDITION.search(sentence) is not None
    if not assigned and not conditioned and _CRITERION.search(unconditional) and (
            "是否" in unconditional or "有无" in unconditional or _CRITERION.search(unconditional[:segment_start + 1])):
        if "是否" in unconditional[-40:] or "有无" in unconditional[-40:] or _CRITERION.search(sentence[:12]):
            return reading("criterion", "该句是审查（检查）时适用的标准，不是设定该措施")
    opening = sentence.lstrip()
    if (_PAST_YEAR.match(opening) and not _PLANNED.search(sentence)
            or (_SINCE_YEAR.match(opening) and not _NORM.search(sentence))) and _DONE.search(sentence):
        return reading("fact", "该句叙述某年已经发生的事实，不是设定该措施")
    if kind == "licence" and _CONTRACT_PARTY.search(text[start:end] + after[:4]) is None and _own_contract(facts, unit, before):
        return reading("background", "该句是制定机关与其合同相对人约定的履约义务，所需“同意”是制定机关作为合同一方的意思表示，"
                                     "不是设定行政许可")
    if kind == "licence" and _AGREED.search(sentence) and (consent := _CONSENTER.search(before + "同意")) is not None \
            and classify(consent.group("body")) == "private":
        # a term two private parties agreed (商场与入驻商户约定，……装修方案须经商场管理方书面同意后方可施工): the consent is
        # the other party's under their contract, not an administrative licence
        return reading("background", "该句是民事主体之间约定须经对方同意的事项，不是行政许可")
    if _ABSENT_TERM.search(clause_before) and _TERM.match(after):
        return reading("prohibits", "该句说明合同（文件）中不含（不得约定）该措施的条款，不是设定该措施")
    if _NOT_A_GROUND.search(clause_before) and _GROUND.match(after):
        return reading("prohibits", "该句说明该结果不作为采取该措施的依据，是限制而不是设定该措施")
    if _REMEDY_AGAINST.match(after):
        return reading("procedure", "该句告知对该措施不服时的救济途径，不是设定该措施")
    if ((classed := _CLASSIFIED.match(after)) and not _NORM.search(clause_before) and not _NORM.search(classed.group())) \
            or _KINDS_LISTED.search(clause_before):
        return reading("background", "该句说明该措施的法律性质，不是设定该措施")
    if clause_before.endswith(("实施", "作出", "适用")) and _BY_STAFF.match(after):
        return reading("procedure", "该句规定行政机关实施该措施的程序要求，不是设定该措施")
    if clause_before.endswith("作出") and _DECISION_TIME.match(after):
        return reading("procedure", "该句规定行政机关作出该决定前（时）的程序，不是设定该措施")
    if _AT_TIME.search(clause_before) and _DONE_BY_THEN.match(after) and not _GATED_AFTER.search(clause_before + after):
        # the act as a point in time (在排污许可证核发或者排污登记后的监督管理): what follows it is regulated, not the act
        return reading("background", "该句以该措施作出之后为时点，不是设定或者授权该措施")
    if _HANDLED.search(clause_before) and _MATTER_OF.match(after) and _AGENCY.search(before) \
            and not _CASE_OF_CONDUCT.search(before):
        # 县市场监督管理局负责……，接到县农业农村局依法作出的通知后，依法办理吊销营业执照等事项: the matter one agency handles
        # on another's notice, as the law divides it — no party's conduct is named for it
        return reading("procedure", "该句规定行政机关之间办理该措施的分工与衔接，未规定当事人的违法行为，不是设定该措施")
    if kind == "privacy" and _WITHHELD.match(after):
        return reading("abolishes", "该句说明该信息不予公开（不予采集），不是处理该信息")
    if _NEEDS_BASIS.search(after):
        return reading("criterion", "该句要求该措施须有法律、法规、规章依据，是限制而不是设定该措施")
    segment_rest = re.split(r"[，,；;。]", after, maxsplit=1)[0]
    if segment_rest.endswith("的") and _CORRECTED.match(after, len(segment_rest)):
        return reading("criterion", "该句以该做法为纠正（撤销）的对象，不是设定该措施")
    if (_CONTEMPLATED.search(clause_before) and (_SITUATION.search(segment_rest) or "决定" in segment_rest)) \
            or _INSTRUMENT.match(after):
        return reading("procedure", "该句规定行政机关适用该措施的程序或者裁量基准，不是设定该措施")
    if _LAW_SAYS.match(sentence.strip()):
        return reading("background", "该句引述上位法条文的规定，不是本文件设定该措施")
    if _STATISTIC.search(sentence) and not _NORM.search(sentence) and not _RATE.search(sentence):
        return reading("fact", "该句叙述现状或者统计数字，不是规范")
    if _DISCLAIMED.search(sentence):
        return reading("background", "该句说明该措施由法律设定或者本文件不作规定，不是设定该措施")
    if kind in ("market", "preference") and _ALIKE.search(sentence):
        return reading("prohibits", "该句对各类经营者同等对待，不是区别对待")
    if _FACT.search(clause_before):
        return reading("fact", "该句叙述已经作出的措施（或以其为条件），不是设定该措施")
    if _TAKEN.match(text, start):
        return reading("fact", "该句处理已经依法采取措施的财物，不是设定该措施")
    if (_NEGATED.search(clause_before) and not segment_rest.endswith("的")) or \
            (_NOT_DONE.search(clause_before) and "的" not in text[start:end] + segment_rest):
        # (personal information not published or collected is not handled: 不公示身份证号码和联系方式)
        return reading("abolishes" if kind == "privacy" else "prohibits", "该句说明不采取该措施，不是设定该措施")
    if kind == "market" and _INCLUDING.search(clause_before):
        return reading("prohibits", "该句将外地经营者一并纳入适用范围，不是限制")
    # (who receives it: the target, else the party of the clause that takes it, 承租人按照人才类别享受租金补贴)
    receiver = target or clause_before
    if kind == "preference" and ((_PRIVATE_GIVER.search(sentence) and not _PUBLIC_PURSE.search(sentence))
                                 or (_PEOPLE.search(receiver) and not re.search(r"企业|经营者|公司|单位|商户|市场主体", receiver))):
        return reading("background", "该优惠由经营者自行给予或者给予困难群众，不是对特定经营者的选择性优惠")
    if kind == "market" and (borne := _BORNE_BY.search(sentence)) is not None and classify(borne["who"]) == "public" \
            and (buyer := _BUYER.match(opening)) is not None and classify(buyer.group(1)) == "public":
        # the administration buys for its own work and pays (县体育局为其主办的……比赛统一购买……责任险，费用由县体育局承担):
        # its own procurement, no one else is told where to buy
        return reading("background", "该句是行政机关为自身事务购买并承担费用，不限定他人的交易")
    if kind in ("burden", "market") and _ENCOURAGED.match(opening) and not _COMPELLING.search(sentence) \
            and not (kind == "market" and _REWARDED.search(sentence)):
        # what the administration encourages a party to do (鼓励企业建立技能等级与……薪酬待遇相衔接的激励机制) is the party's
        # choice: no duty, no control — unless a modal or a sanction makes it one (鼓励……；未参加的，不予……)
        return reading("background", "该句鼓励、引导当事人自愿采取该做法，不是设定义务或者干预其经营")
    if kind == "preference" and _IN_THE_PLACE.search(whole_clause := clause_before + text[start:end] + segment_rest) \
            and not _BY_ORIGIN.search(whole_clause):
        # those who farm (build, run a service) here (补贴对象为在本省从事农业生产的个人和农业生产经营组织): the place of the
        # activity the policy covers, where anyone may come to do it, not the operator's origin or its registration
        return reading("background", "该句以在本地从事该活动划定适用范围，不以经营者的所在地、注册地区别对待")
    if kind == "licence" and _OWN_ACT_GATED.search(after):
        # what the approval gates is the administration's own paying out (规划未经批准的，不得拨付扶持资金): its procedure,
        # no one's activity waits on a licence
        return reading("procedure", "该句以批准为行政机关拨付、安排资金的前提，是内部程序，不是对公民、法人设定许可")
    if kind == "licence" and _BENEFIT_SOUGHT.search(sentence) and not _LICENCE_SOUGHT.search(sentence) \
            and not _PROOF_ASKED.search(sentence) and not _ACTS_GATED.search(sentence):
        # who may apply for a benefit the administration pays (具有本县户籍……的残疾人，可以申请相应补贴): its recipients,
        # not the conditions of a licence (who is left out of a benefit is a matter of its fairness, read elsewhere);
        # the papers asked of the applicant are read as such (申请临时救助的，须提交……公证书: a needless proof all the same)
        return reading("background", "该句规定申请补贴（救助、奖励）的对象和条件，不是行政许可的条件")
    if kind == "preference" and not target and (duty := _FUNDS_DUTY.match(clause_before)) is not None \
            and classify(duty.group(1)) == "public" and _MANAGED.match(after):
        # a body's part in handling the money (市财政局负责租金补贴资金的保障和监督): the division of duties grants nothing;
        # who takes the preference and on what terms is said where the document grants it
        return reading("procedure", "该句规定行政机关对该项资金的保障、管理职责分工，未规定给予谁优惠，不是给予该优惠")
    # (清理费用由……承担: the cost of the act the measure is, not the act of abolishing it)
    abolish_before, abolish_tail = clause_before, before[-16:]
    if (text[start:end] + after).startswith("费用"):
        abolish_before, abolish_tail = (_COST_OF.sub("", t) for t in (clause_before, before[-16:]))
    if (kind is None or kind in ABOLISHING_KINDS) and (_ABOLISH.search(abolish_before) or _ABOLISH.search(abolish_tail)):
        return reading("abolishes", "该句取消、免除或者清理该措施")
    if (kind is None or kind in ABOLISHING_KINDS) and _GIVEN_BACK.search(after) and (
            _WITHOUT_BASIS.search(sentence) or _EARLIER.search(clause_before)):
        return reading("abolishes", "该句清退没有依据或者此前收取的款项，不是设定该收费")
    if _COMPLAINED.search(clause_before) and _MATTER.match(after):
        return reading("fact", "该句以该做法为群众反映、投诉或者排查的问题，不是设定该措施")
    if _CLASSED_AND_BARRED.search(after):
        return reading("prohibits", "该句说明该措施的法律性质并禁止本文件设定，不是设定该措施")
    if _BAN_ON_CONDITION.search(clause_before + text[start:end]) and _AS_CONDITION.search(after):
        return reading("prohibits", "该句禁止将该事项作为条件，不是设定该条件")
    # A market restriction falls on the operator's own move; 擅自 marks that move as unauthorised (企业不得擅自迁出;
    # 对擅自迁出的企业，收回扶持资金), which is the restriction itself, not an unlawful act of the administration.
    own = clause_before.replace("擅自", "") if kind == "market" else clause_before
    if _UNLAWFUL.search(own):
        return reading("prohibits", "该句所称的是违法、违规的做法，意在禁止或者纠正")
    if defines_only(sentence):
        return reading("background", "该句是本文件用语的定义，不是设定该措施")
    cap = _CAP.search(text[left + segment_start:end])
    forbidding = _PROHIBIT.search(clause_before)
    if not forbidding and not _OWN_MODAL.search(clause_before):
        # a prohibition whose act opens with its pretext carries past the comma: 不得以保障工资支付为由，要求施工单位
        # 另行缴纳其他保证金; and so does one the administration is told to keep, to the next modal: 各执法部门不得以本
        # 实施意见为依据，对经营者作出责令停产停业……处理 (not a party forbidden, then sanctioned: 禁止采砂，违者由……处以罚款
        # — no pretext and no public subject there)
        forbidding = _PRETEXT.search(before[:segment_start]) or _public_ban(before[:segment_start])
    if forbidding and kind in RESTRICTION_KINDS:
        forbidden = clause_before[forbidding.start():] + text[start:end]
        if kind == "market":  # 企业不得擅自迁出 (see above)
            forbidden = forbidden.replace("擅自", "")
        # (a ban on the administration protects whatever it names: 各部门不得将企业迁移注册地、纳税地作为……条件)
        forbidding = forbidding if _RESTRICTING.search(forbidden[2:]) or _public_ban(before) else None
    if forbidding and not _gate_before(before) and not cap:
        return reading("prohibits", "该句禁止该措施本身，不是设定该措施")
    items_lead = _items_lead(facts, unit)
    if items_lead is not None and _FORBIDDING_LEAD.search(items_lead) and not cap and not _gate_before(before):
        return reading("prohibits", "该项所在条款禁止下列行为，不是设定该措施")
    if (items_lead is not None and _DEFINING_LEAD.search(items_lead)) or _DEFINING_INLINE.search(text, 0, start):
        return reading("defines_violation", "该项是所列违法（违规）情形之一，定义违法行为，不是设定该措施")
    if kind in RESTRICTION_KINDS and _protects(text[start:end] + after):
        return reading("prohibits", "该句禁止对当事人采取该限制，是保护性规定，不是设定限制")
    if kind == "fee" and segment_rest.endswith("的") and _SANCTIONED.match(after, len(segment_rest) + 1):
        # 排水单位不缴纳污水处理费的，依照该条例第五十四条的规定处理: the fee is the duty whose breach is sanctioned
        return reading("defines_violation", "该句以不缴纳该费用为违法情形，规定其法律责任，不是设定该费用")
    basis = _basis_of(_consequence(before, text[start:end] + after))
    if not basis and (trailing := _TRAILING_CITE.search(sentence)) is not None:
        basis = trailing.group(1)  # ……投标保证金不得超过……的2%（《……实施条例》第二十六条）: the bracket covers the sentence
    if lead is not None:
        lead_basis = _basis_of(lead)
        lead_cited = tuple(dict.fromkeys(_CITED.findall(lead)))
        if lead_basis:
            return reading("defines_violation", f"该项列举违法情形，由所在条款援引的上位法（{lead_basis}）处理",
                           lead_basis, cited + lead_cited)
    if "《" not in basis:  # 依照《……》第……条的规定，……；情节严重的，吊销……: a named basis earlier in the sentence
        # governs it (and outranks a clause's own 依法: ……，并由……依法组织清除)
        governing = governing_basis(text, sentence_head(text, left), start)
        if governing is not None:
            basis = governing.group(0).rstrip("，,的")
            cited = tuple(dict.fromkeys(cited + tuple(_CITED.findall(basis))))
    if not basis and lead is None:  # 依照《……》第……条，……有权采取下列措施：（三）查封……: the lead-in's basis
        lead_basis = _basis_of(_consequence(items_lead, "")) if items_lead else ""
        if not lead_basis and items_lead:
            governing = governing_basis(items_lead, 0, len(items_lead))
            lead_basis = governing.group(0).rstrip("，,的") if governing is not None else ""
        if lead_basis:
            return reading("restates", f"该项所在条款载明了依据（{lead_basis}）", lead_basis,
                           tuple(dict.fromkeys(cited + tuple(_CITED.findall(items_lead)))))
    if basis:
        if "《" not in basis and re.search(_BACK_REF, basis):  # 依照该法第……条: the title it points back to
            at = text.rfind(basis, 0, end)
            pointed = tuple(c.title for c in facts.citations.in_span(unit.start + (at if at >= 0 else left), unit.start + right)
                            if c.kind == "back" and c.title)
            cited = tuple(dict.fromkeys(cited + pointed))
        return reading("restates", f"该句载明了依据（{basis}）", basis, cited)
    if _BACKGROUND.search(sentence.strip()) and not _MODAL.search(sentence) and not _RULE_MARK.search(sentence) \
            and not _MEASURE_AFTER_PURPOSE.match(sentence.strip()):
        return reading("background", "该句说明目的或者背景，不是规范")
    return reading("creates", "该句由本文件直接作出规定，未载明上位法依据")


def _consequence(before: str, rest: str) -> str:
    """The part of the sentence that lays the measure down: after its condition (违反《……》规定的，/ 对未按规定……的单位，
    name the conduct, not the basis of the measure) up to the end of the measure's own clause (按非法占地论处，由……
    责令退还……，可以并处罚款: the basis governs the chain of consequences)."""
    cut = max(before.rfind("的，"), before.rfind("的,"))
    head = before[cut + 2:] if cut >= 0 else before
    return head + re.split(r"[，,；;。]", rest, maxsplit=1)[0]


_SENTENCE_HEAD = re.compile(r"[。！？!?\n]")
# a named basis: 依照《……》（第……条（第……款））的规定 — not the failure to follow it (未依照《……》规定)
_NAMED_BASIS = re.compile(rf"(?<![未不没])(?:依照|依据|按照|根据|适用)(?:《[^》]{{2,60}}》|(?:{_BACK_REF})(?={_ARTICLE_REF}))(?:{_ARTICLE_REF}"
                          rf"(?:(?:、|和|及|或者){_ARTICLE_REF})*)?(?:的)?(?:有关)?(?:规定)?")


def sentence_head(text: str, left: int) -> int:
    """The start of the whole sentence (up to the previous 。) that holds the clause starting at ``left``: a
    sentence runs on over its semicolons (……的，依照……处罚；情节严重的，吊销……)."""
    return max((m.end() for m in _SENTENCE_HEAD.finditer(text, 0, left)), default=0)


def governing_basis(text: str, head: int, pos: int):
    """The named basis that governs the words at ``pos`` from earlier in their sentence (``text[head:pos]``), or
    None: a 依照《……》第……条的规定 at the head of the sentence, after its condition, or in an earlier clause before a
    semicolon governs the rest of the sentence; one inside a condition (依照《……》规定应当取得……而未取得的，) or
    negated (未依照《……》规定) does not."""
    for found in _NAMED_BASIS.finditer(text, head, pos):
        stop = re.search(r"[，,；;：:。]", text[found.end():pos])
        segment_end = found.end() + stop.start() if stop else pos
        if text[found.end():segment_end].rstrip().endswith("的") or \
                (segment_end == found.end() and found.group(0).endswith("的")):
            continue
        return found
    return None


def _items_lead(facts, unit: Unit) -> str | None:
    """The lead-in of the list a 项 belongs to when it ends with a colon (……有权采取下列措施：), else None
    (``facts.lead_in``, for 项 only: a 款 written as an item is not read against its lead here)."""
    node = unit.node
    if node is None or node.kind not in ("point", "hcontainer"):
        return None
    return facts.lead_of(node)


def _protects(rest: str) -> bool:
    """The first norm from the measure's words on forbids the restricting act itself (``_PROTECTING``); a duty of the
    administration to serve the party's move before it (应当及时办理迁移手续、出具证明) does not restrict."""
    from .clauses import MODAL, classify

    for found in MODAL.finditer(rest):
        if _SERVING.match(rest, found.end()):
            continue
        # (a ban on private parties is no protection: 由县城投公司统一投放运营，其他企业不得另行设置)
        who = re.split(r"[，,：:]", rest[:found.start()])[-1]
        return _PROTECTING.match(rest, found.start()) is not None and not (
            classify(who) == "private" and _TRADER.search(who))
    return False


_TRADER = re.compile(r"企业|公司|经营者|商户|个体|机构|网点|门店|从业")
_SERVING = re.compile(r"(?:依法|及时|主动|积极|优先|按规定|为其|为企业)*(?:办理|出具|受理|提供|协助|支持|保障|做好|给予便利)")


# the administration as the subject of a prohibition that opens the sentence (各部门不得……, 县市场监管局严禁……)
_PUBLIC_BAN = re.compile(r"^(?P<who>[^，。；：]{2,30}?)(?:一律|均|都|也)?(?:不得(?!超过|高于|低于|少于|突破|多于)|严禁|禁止|不准|不许)")


def _public_ban(before: str) -> re.Match | None:
    """The prohibition the sentence lays on the administration, when nothing after it starts a new duty (its scope
    runs past commas to the next modal)."""
    found = _PUBLIC_BAN.match(before)
    if found is None or classify(found["who"]) != "public" or _OWN_MODAL.search(before, found.end()):
        return None
    return found


def _gate_before(before: str) -> bool:
    """未经……批准，不得……: the prohibition guards a gate (the licence is what the 不得 protects), it does not
    forbid the measure."""
    return bool(re.search(r"未(?:经|取得|办理|获得)[^。；]{0,30}$", before))


def _basis_of(text: str) -> str:
    """The basis named in ``text``; not one the measure is set beside (除依照有关法律法规处理外，另行责令……: in
    addition to what the law does, not under it)."""
    for found in _BASIS.finditer(text):
        if text[max(0, found.start() - 1):found.start()] == "除" and "外" in text[found.end():found.end() + 12]:
            continue
        return found.group(0).rstrip("，,的")
    return ""


def _list_lead(facts, unit: Unit) -> str | None:
    """The lead-in of the enumeration ``unit`` belongs to, if any: the text of the item's parent node when it opens
    a list of violations (有下列行为之一的，由……处罚：), or an earlier paragraph of the same article that ends with a
    colon after naming a basis (根据《殡葬管理条例》规定，……按照下列标准给予处罚：)."""
    node = unit.node
    if node is None:
        return None
    if node.kind in ("point", "hcontainer"):
        parent = facts.parents.get(id(node))
        text = getattr(parent, "text", None) or ""
        if _LIST_LEAD.search(text):
            return text
    if node.kind == "paragraph":
        parent = facts.parents.get(id(node))
        siblings = getattr(parent, "children", None) or []
        for sibling in siblings:
            if sibling is node:
                break
            text = (sibling.text or "").rstrip()
            if text.endswith(("：", ":")) and _BASIS.search(text):
                return text
    return None
