"""Does the document create the measure a content rule found, and may its issuer create it? The trust gate.

A content rule (``creates: licence``) finds the words of a measure; before its hit becomes a finding, this
module reads the sentence (``facts/reading.py``) and the issuer (``facts/issuer.py``) and decides, by principles
that hold for any wording:

1. **Mood.** A criterion, a fact, an abolition, a prohibition of the measure itself, a list of violations handed to
   a higher law's penalty, or a statement of purpose does not create the measure: no finding.
2. **Actor.** A penalty or a duty that falls on the administration itself (its departments, subordinate bodies,
   staff: 对考核不合格的乡镇予以通报批评; 各部门应当……) is internal supervision: no finding.
3. **Issuer and document type.** The measure is one the instrument may create (``registry/powers.py``: a 部门规章
   may set 警告、通报批评 and fines; a 地方性法规 licences; the State Council a licence by decision): no finding.
4. **Basis.** The sentence restates the measure with a named higher law (依照《……》第……条): no finding. With only
   "依法" or "按照有关规定": at most ``modify`` — name the law and the article; so too a fine whose sum the
   sentence writes under a law's title without an article (根据《……法》和有关规定，……处每次一千元罚款). With a title the registry does not
   know: ``warn`` — the reviewer checks that it provides the measure.
   Without a citation, a licence, fee or coercive measure of the same name in a law or regulation (the draft's
   own basis first: ``registry/restate.py``), or a sentence that repeats the words of a law's penalty, licence, fee
   or coercive measure (the registry's quotation of it: ``restate.repeated``) makes it a restatement: ``modify`` —
   cite it — unless the law is one the document names (its basis clause, or another citation): then the basis is
   stated and only the article is not, ``warn`` (compare and cite), as for licence conditions a named law sets
   (……应当具备下列条件：) and for a fine under a law's title whose ranges an article of that law gives. Penalties after a
   citation earlier in the same article (the half before a ；, 其中……) restate it when the cited article provides
   them; 依照该法 with no article points to the law of that genre named last. A measure of a kind the
   draft's basis law provides (a liberty restriction in a document made under the law on assemblies): ``warn``.
   A rule whose measure no higher law gives an administrative body (utility cut-offs, local-registration
   requirements, liability of relatives) says ``restatable: false``: "依法" and look-alike names do not soften it;
   a sentence that repeats a law's own words (``restate.repeated``) does.
5. Otherwise the document creates a measure its issuer may not create, with no basis named: the rule's severity.

The finding's ``{reading}`` field says which reading decided (该句由本文件直接作出规定，未载明上位法依据；制定机关为……).
Kinds: ``licence``, ``penalty``, ``coercion``, ``fee``, ``price``, ``preference``, ``market``, ``liberty`` (measures
an instrument creates), ``burden`` and ``power`` (obligations on private parties, powers of the administration: a
prohibition is their normal form, so only criteria, facts, purposes, violation lists and internal duties pass), and
``privacy`` (the collection, publication or transfer of personal information: a burden that falls on the person the
information is about, whoever is told to handle it — 网格员应当采集居民的宗教信仰 is not internal because 网格员 act;
it is internal only when the information is the administration's own people's, 工作人员的手机号码). Information said
to be withheld or not published (the ``abolishes`` mood: 身份证号码……不予公开) is not handled: it passes.

Longer than 450 lines because the basis step reads the registry several ways (the article cited, a citation earlier in
the article, a provision of a law the document names, the fines a cited law gives) and each is one step of the one
decision, kept in the order it is taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

MeasureKind = Literal["licence", "penalty", "coercion", "fee", "price", "preference", "market", "liberty", "burden",
                      "privacy", "power"]
# (a measure on personal information is a burden on the person whose information it is, whoever handles it)
_POWER_KIND = {"licence": "licence", "penalty": "penalty", "coercion": "coercion", "fee": "fee", "price": "price",
               "preference": "preference", "market": "market", "liberty": "liberty", "burden": "burden",
               "privacy": "burden"}
_DUTY_KINDS = frozenset({"burden", "privacy", "power"})
_DUTY_PASS = frozenset({"criterion", "fact", "background", "defines_violation"})
_INTERNAL_KINDS = frozenset({"penalty", "burden", "privacy"})  # a power is the administration's by definition
_PENALTY_TYPES = [
    ("行政拘留", re.compile(r"拘留")), ("吊销许可证件", re.compile(r"吊销")), ("暂扣许可证件", re.compile(r"暂扣")),
    ("责令关闭", re.compile(r"关闭")), ("责令停产停业", re.compile(r"停产|停业|停止营业")),
    ("没收违法所得", re.compile(r"没收[^，。；]{0,4}违法所得")), ("没收非法财物", re.compile(r"没收")),
    ("降低资质等级", re.compile(r"降低[^，。；]{0,4}资质")), ("限制从业", re.compile(r"不得从事|禁止从事|限制从业")),
    ("通报批评", re.compile(r"通报批评")), ("警告", re.compile(r"警告")), ("罚款", re.compile(r"罚|元")),
]
# The registry's kind of provision for a measure kind (a liberty restriction is a coercive measure there, a price a
# fee; the registry records no preference, market measure, burden or power)
_REGISTRY_KIND = {"liberty": "coercion", "price": "fee", "preference": None, "market": None, "burden": None,
                  "privacy": None, "power": None}
_COERCION_TYPES = [("限制人身自由", re.compile(r"约束|留置|隔离|带离|人身")), ("冻结", re.compile(r"冻结")),
                   ("查封", re.compile(r"查封")), ("扣押", re.compile(r"扣押|扣留|暂扣"))]


@dataclass(frozen=True)
class Judgement:
    """What the gate decided for one hit: ``keep`` it (at ``severity``, or the rule's when None) with ``reading``
    (the Chinese explanation that goes into the finding), or drop it (``reason`` says why, for debugging)."""

    keep: bool
    severity: str | None = None
    reading: str = ""
    reason: str = ""


def judge(kind: str, ctx, unit, start: int, end: int, excerpt: str = "", restatable: bool = True) -> Judgement:
    from ..facts.reading import NOT_CREATING, read_measure
    from ..registry.powers import may_create

    reading = read_measure(ctx.facts, unit, start, end, kind)
    if kind in _DUTY_KINDS:
        if reading.mood in _DUTY_PASS or (kind == "privacy" and reading.mood == "abolishes"):
            return Judgement(False, reason=reading.why)
        if kind == "power" and reading.mood == "prohibits" and _restrains_administration(ctx, unit, start):
            return Judgement(False, reason="该句禁止行政机关自身采取该做法，限制而不是扩大其权力")
    elif reading.mood in NOT_CREATING:
        return Judgement(False, reason=reading.why)
    if kind == "fee" and reading.private_payee:
        return Judgement(False, reason="费用由经营者等私主体收取，是其服务价格（由价格规则审查），不是行政收费")
    if kind in _INTERNAL_KINDS and reading.internal:
        return Judgement(False, reason="措施针对行政机关自身或者其下级、工作人员（内部监督）")
    issuer = ctx.facts.issuer
    if kind in _POWER_KIND:
        sub = _subtype(kind, excerpt or unit.text[start:end])
        power = may_create(_POWER_KIND[kind], ctx.view.type, issuer.body, issuer.level, sub)
        if power.allowed:
            return Judgement(False, reason=f"{ctx.view.type}可以设定（{power.source}）")
    who = issuer.describe()
    if reading.mood == "restates" and restatable:
        if not reading.cited and (back := _back_title(ctx, unit, start, reading.basis)) is not None:
            from dataclasses import replace

            reading = replace(reading, cited=(back,))  # 依照该法 with no article: the law last named
        # a bare 依法 after the article cited the law for its penalties (依照《……》的规定予以处罚。其中，……依法处……罚款)
        if not reading.cited and kind == "penalty" and (
                earlier := _penalty_earlier(ctx, unit, start, end, excerpt, reading.sentence, who)):
            return earlier
        return _restated(reading, ctx, who, kind, _whole_sentence(unit, start, end))
    if not restatable:  # "依法" and look-alike names do not soften it; the words of a law's provision do
        cited = _cited_consent(ctx, kind, reading)
        if cited is not None:
            return Judgement(False, reason=f"援引的{cited}规定了该审批（核准）")
        provision = _repeated(ctx, kind, unit, start, end, excerpt)
        if provision is not None:
            return _repeats(provision, who)
        duty = _duty_restated(ctx, kind, _whole_sentence(unit, start, end))
        if duty is not None:
            return _named_restated(f"该句复述{duty}", who)
        return Judgement(True, reading=f"{_own(reading, kind)}；{who}")
    earlier = _cited_before(ctx, kind, unit, start, reading.sentence)
    if earlier is not None:
        return Judgement(False, reason=f"同条前文援引的{earlier}规定了该措施，该句是其复述")
    if kind == "penalty" and (earlier := _penalty_earlier(ctx, unit, start, end, excerpt, reading.sentence, who)):
        return earlier
    if kind == "penalty" and (multiple := _named_multiple(ctx, reading.sentence)) is not None:
        return _named_restated(f"该句的罚款（{multiple[1]}）由{multiple[0]}规定", who)
    provision = _provision_restated(ctx, kind, _with_gate_before(unit, reading.sentence))
    if provision is None and kind in ("burden", "market") and _APPROVAL_WORDS.search(reading.sentence):
        # a business's matter put to an approval (变更海域使用权人的，需经……批准): the approval a law provides
        provision = _provision_restated(ctx, "licence", _with_gate_before(unit, reading.sentence))
    if provision is not None:
        if provision.title in named_titles(ctx):
            return _named_restated(f"该句规定的“{provision.name}”由{provision.cite()}规定（{provision.level}）", who)
        # (a name another law shares, 临时用地, while the sentence repeats a provision of a law the document names)
        repeated = _repeated(ctx, kind, unit, start, end, excerpt)
        if repeated is not None and repeated.confirmed and repeated.title in named_titles(ctx):
            return _named_restated(f"该句复述{repeated.cite()}（{repeated.level}）的规定", who)
        # (a licence another law provides, held as one of the conditions a named law lists: 接种单位应当取得医疗机构执业
        # 许可证，……具有……)
        conditions = _conditions_restated(ctx, kind, reading.sentence)
        if conditions is not None:
            return _named_restated(f"该句所列条件出自{conditions}", who)
        return Judgement(True, "modify", f"该句规定的“{provision.name}”由{provision.cite()}规定（{provision.level}），"
                                         f"本文件是复述而未注明依据；{who}")
    quoted = _quoted(ctx, reading, unit, start, end, excerpt)
    if quoted is not None:
        title, label = quoted
        if title in named_titles(ctx):
            return _named_restated(f"该句复述《{title}》{label}的规定", who)
        return Judgement(True, "modify", f"该句复述《{title}》{label}的规定，本文件未注明依据；{who}")
    conditions = _conditions_restated(ctx, kind, reading.sentence)
    if conditions is not None:
        return _named_restated(f"该句所列条件出自{conditions}", who)
    duty = _duty_restated(ctx, kind, _whole_sentence(unit, start, end))
    if duty is not None:
        return _named_restated(f"该句复述{duty}", who)
    provision = _repeated(ctx, kind, unit, start, end, excerpt)
    if provision is not None:
        if provision.confirmed and provision.title in named_titles(ctx):
            return _named_restated(f"该句复述{provision.cite()}（{provision.level}）的规定", who)
        return _repeats(provision, who)
    basis = _basis_providing(ctx, kind, excerpt or unit.text[start:end], reading.sentence)
    if basis is not None:
        return Judgement(True, "warn", f"{reading.why}；本文件据以制定的《{basis}》规定了此类措施，请核实该句是否"
                                       f"为其复述（是则注明所依据的条款，不是则应删除）；{who}")
    return Judgement(True, reading=f"{_own(reading, kind)}；{who}")


def named_titles(ctx) -> set[str]:
    """Full titles of the registered laws and regulations the document itself names: those of its basis clause and
    every other citation of one (not the document's own title, nor one it repeals or calls former)."""
    found = ctx.__dict__.get("_named_titles")
    if found is None:
        registry = ctx.registry
        found = {inst.title for inst in basis_titles(ctx)}
        for citation in ctx.facts.citations:
            if citation.title and citation.role not in ("self", "repeal", "former"):
                inst = citation.resolve(registry)
                if inst is not None:
                    found.add(inst.title)
        ctx.__dict__["_named_titles"] = found
    return found


def _named_restated(what: str, who: str) -> Judgement:
    """A sentence restating a provision of a law or regulation the document names as its basis (or cites elsewhere),
    without the article: the basis is stated, the article is not — the reviewer compares the sentence with the article
    and the drafter cites it (``warn``: the verdict does not turn on it). Real drafts restate their basis law this way
    (第一条 根据《校车安全管理条例》……; later 取得校车使用许可应当符合下列条件：……)."""
    return Judgement(True, "warn", f"{what}，本文件已列明该上位法为依据但未注明条款：请核对该句与该条一致，并注明"
                                   f"所依据的条款；{who}")


def _own(reading, kind: str) -> str:
    """Why the document itself lays the measure down: the reading's words, except for a bar laid on the public — the
    normal form of a duty or of a limit on remedies, where "a prohibition of the measure" would say the opposite."""
    if kind in _DUTY_KINDS and reading.mood == "prohibits":
        return "该句以禁止性规定限制相对人，由本文件直接作出规定，未载明上位法依据"
    return reading.why


def _cited_consent(ctx, kind: str, reading) -> str | None:
    """《title》第N条 when a market restriction that is a consent (变更主要股东须经核准) names as its basis an article of a
    law or regulation that the registry says provides a licence: the law itself puts the change to approval."""
    if kind != "market" or reading.mood != "restates" or not reading.cited:
        return None
    from ..numerals import to_chinese

    for title in reading.cited:
        inst = ctx.registry.resolve(title)
        if inst is None or inst.level not in ("法律", "行政法规"):
            continue
        for article in _cited_articles(reading.basis, title):
            if provides(ctx, inst, "licence", article):
                return f"《{inst.title}》第{to_chinese(article)}条"
    return None


def _cited_before(ctx, kind: str, unit, start: int, sentence: str) -> str | None:
    """《title》第N条 when an earlier sentence of the same article names it as a basis (依照《……》第二十条的规定，……。
    燃气经营者停业、歇业的，……经批准方可停业、歇业) and the registry says that article provides a measure of this kind
    named as the sentence names it: the sentence goes on restating the cited article. A citation of an article that
    provides another measure (a licence A cited, a licence B laid down after it) does not cover it."""
    from ..numerals import to_chinese

    measure = _REGISTRY_KIND.get(kind, kind)
    if measure not in ("licence", "fee", "coercion") or unit.article is None:
        return None
    left, _ = unit.sentence(start, start)
    for c in ctx.facts.citations.in_span(ctx.facts.index.article_start(unit), unit.start + left):
        if c.role not in ("basis", "mention") or not c.articles:
            continue
        inst = c.resolve(ctx.registry)
        facts = facts_of(ctx, inst, exact=True) if inst is not None else None
        if facts is None:
            continue
        for ref in c.articles:
            fact = facts.fact(ref.article)
            for p in fact.provisions if fact is not None else ():
                if p.kind != measure or p.denied:
                    continue
                # six characters in common, or the whole of a shorter name: an object alone (危险废物) is shared by
                # another measure on it (转移危险废物 / 设置危险废物暂存点)
                if _longest(p.name, sentence) >= min(6, len(p.name)):
                    return f"《{inst.title}》第{to_chinese(ref.article)}条"
            # … or a licence's condition the cited article lays down (依照《农药管理条例》第二十四条的规定取得农药经营许可证。
            # 经营限制使用农药的，还应当配备相应的用药指导和病虫害防治专业技术人员)
            if measure == "licence" and _condition_of(ctx, inst, str(ref.article), sentence):
                return f"《{inst.title}》第{to_chinese(ref.article)}条"
    return None


def _condition_of(ctx, inst, article: str, sentence: str) -> bool:
    """Whether ``sentence`` repeats an obligation ``article`` of ``inst`` lays down (eight characters of its act in a
    row, or the whole of a shorter one)."""
    for number, _, _, act, _, _ in _obligations(ctx, inst):
        if number != article or not act or len(act) < 6:
            continue
        if _longest(act, sentence) >= min(8, len(act)):
            return True
    return False


def _penalty_earlier(ctx, unit, start: int, end: int, excerpt: str, sentence: str, who: str) -> Judgement | None:
    """The judgement of a penalty an earlier citation in the same article covers (``_penalty_cited_before``), or None."""
    earlier = _penalty_cited_before(ctx, unit, start, end, excerpt or unit.text[start:end], sentence)
    if earlier is None:
        return None
    title, articles, exact = earlier
    cited = "、".join(articles)
    if exact:
        return Judgement(False, reason=f"同条前文援引的《{title}》{cited}规定了该处罚，该句是其复述")
    return Judgement(True, "warn", f"同条前文援引《{title}》，该法{cited}规定了同一幅度的罚款：请核对该句所列违法行为"
                                   f"与该条一致，并注明所依据的条款；{who}")


def _penalty_cited_before(ctx, unit, start: int, end: int, words: str, sentence: str):
    """(title, the articles as cited, exact) when an earlier sentence of the same article, or the half before a ；, cites a law or
    regulation for the penalties that follow (有《……》第六十二条规定的情形的，依照该条规定……；有违法所得的，没收违法所得 /
    依照《校车安全管理条例》的规定处罚。其中，……处1万元以上2万元以下的罚款): with the article cited, the registry says it provides a
    penalty of the sentence's type, and the fines the sentence writes range for range (``exact``); with the title only,
    an article of it gives every fine the sentence writes (the conduct is for the reviewer to compare) — for a penalty
    of no sum (给予警告), every fine its whole sentence writes over its semicolons, the article giving that penalty too
    (……责令限期改正，给予警告；逾期不改正的，处十万元以上五十万元以下的罚款)."""
    from ..facts.amounts import SUM_WRITTEN

    if unit.article is None:
        return None
    sub = _subtype("penalty", words)
    if sub is None:
        return None
    left, _ = unit.sentence(start, start)
    written = SUM_WRITTEN.search(sentence) is not None
    for c in ctx.facts.citations.in_span(ctx.facts.index.article_start(unit), unit.start + left):
        if c.role not in ("basis", "mention"):
            continue
        inst = c.resolve(ctx.registry)
        if inst is None or inst.level not in ("法律", "行政法规"):
            continue
        if c.articles:
            facts = facts_of(ctx, inst, exact=True)
            if facts is None:
                continue
            for ref in c.articles:
                fact = facts.fact(ref.article)
                if fact is None or not any(sub in p.types for p in fact.penalties):
                    continue
                if not written or _written_fines(sentence) <= {(p.kind, p.min, p.max) for p in fact.penalties}:
                    return inst.title, [_label(str(ref.article))], True
        elif written:
            same = _same_fines(ctx, inst, sentence)
            if same:
                return inst.title, same, False
        else:
            same = _same_fines(ctx, inst, _whole_sentence(unit, start, end), sub)
            if same:
                return inst.title, same, False
    return None


def _repeats(provision, who: str) -> Judgement:
    """A sentence repeating a law's provision (``restate.repeated``): cite it (modify). When only the penalty's
    sanction could be compared (``confirmed`` False), the reviewer is told to compare the conduct too."""
    if not provision.confirmed:
        return Judgement(True, "modify", f"该句的处罚与{provision.cite()}（{provision.level}）规定的处罚逐字相同，但上位法库"
                                         f"未记载该条所列的违法行为：系复述的，应当注明依据；违法行为与该条不一致的，则是"
                                         f"本文件设定行政处罚，应当删除；{who}")
    return Judgement(True, "modify", f"该句复述{provision.cite()}（{provision.level}）的规定，本文件未注明依据；{who}")


def _quoted(ctx, reading, unit, start: int, end: int, excerpt: str):
    """(title, 第X条) when the clause repeats the words of a law the draft is made under or cites (law texts
    configured only)."""
    from ..registry.restate import quoted_from

    insts = list(basis_titles(ctx))
    for title in reading.cited:
        inst = ctx.registry.resolve(title)
        if inst is not None and inst not in insts:
            insts.append(inst)
    if not insts:
        return None
    left, right = unit.sentence(start, end)
    return quoted_from(ctx.registry, insts, unit.text[left:right], excerpt or unit.text[start:end], ctx.review_date)


_REPEATABLE = frozenset({"licence", "penalty", "coercion", "fee", "liberty", "market", "price"})


def _repeated(ctx, kind: str, unit, start: int, end: int, excerpt: str):
    """The provision of a law or regulation whose words (the registry's quotation) the whole sentence repeats, the
    measure's words among them (``registry/restate.repeated``); None for duties and powers."""
    from ..registry.restate import repeated

    if kind not in _REPEATABLE:
        return None
    sentence = _whole_sentence(unit, start, end)
    if _BREACH_OF_BEFORE.match(sentence):  # 任何人不得在学校……吸烟、饮酒。违反的，由……给予警告: the conduct is the sentence before
        sentence = _sentence_before(unit, sentence) + sentence
    return repeated(ctx.registry, sentence, excerpt or unit.text[start:end], ctx.review_date,
                    tuple(sorted(named_titles(ctx))))


def _sentence_before(unit, sentence: str) -> str:
    """The sentence of ``unit`` before ``sentence`` (to its 。), or "" when it is the first."""
    head = unit.text.find(sentence)
    before = re.search(r"[^。！？!?]*[。！？!?]\s*$", unit.text[:head]) if head > 0 else None
    return before.group().strip() if before is not None else ""


def _conditions_restated(ctx, kind: str, sentence: str) -> str | None:
    """《title》第N条 when the sentence lays down a licence's conditions (……应当具备下列条件：) and a law or regulation the
    document names lays down conditions for the same licence or licensee in its own words (排水户申请领取污水排入排水管网
    许可证应当具备下列条件 / 排水户申请排水许可，应当具备下列条件): the list is the law's, to be compared item by item; a
    list written inline is ``_inline_conditions``'s."""
    if kind != "licence":
        return None
    found = _CONDITIONS.search(sentence)
    if found is None:
        return _inline_conditions(ctx, sentence)
    head = sentence[:found.start()]
    for inst in _named_laws(ctx):
        for number, _, subject, act, _, _ in _obligations(ctx, inst):
            if not re.match(r"(?:具备|符合|具有)(?:以下|下列)条件", act or ""):
                continue
            if _longest(subject or "", head) >= 4:
                return f"《{inst.title}》{_label(number)}"
    return None


def _inline_conditions(ctx, sentence: str) -> str | None:
    """《title》第N条 when the sentence writes a named law's list of conditions inline (设立房地产经纪机构，应当有自己的名称和
    组织机构，有固定的服务场所…… / 房地产中介服务机构应当具备下列条件：（一）有自己的名称和组织机构；……): two or more
    conditions (有…… / 具有…… / 取得…… / 配备……) after its modal verb, every one an item of the same list (``registry.
    listed.listed_conditions``; the body the place names for the law's, 县卫生健康局 for 县级人民政府卫生健康主管部门:
    half of the shorter in runs of three characters, one of six), for a licensee the list's subject shares three
    characters in a row with (中介服务机构 / 经纪机构: 房地产). Whatever else follows the modal is the procedure of
    setting up (并向……申请设立登记，领取营业执照后，方可开业); a condition the law does not list, or anything else,
    keeps the sentence the draft's own."""
    modal = _MODAL.search(sentence)
    if modal is None:
        return None
    head = sentence[:modal.start()]
    wanted = []
    for phrase in _PHRASE.split(sentence[modal.end():]):
        phrase = phrase.lstrip("并且还同时").replace("的", "")
        if _CONDITION_WORDS.match(phrase):
            wanted.append(phrase)
        elif phrase and not _SETTING_UP.search(phrase):
            return None
    if len(wanted) < 2:
        return None
    for inst in _named_laws(ctx):
        lists: dict[tuple, list] = {}
        for number, verb, subject, act, paragraph, _ in _obligations(ctx, inst):
            if verb == "具备" and act:
                lists.setdefault((number, paragraph, subject or ""), []).append(act.replace("的", ""))
        for (number, _, subject), items in lists.items():
            if _longest(subject, head) >= 3 and all(any(_same_condition(c, item) for item in items) for c in wanted):
                return f"《{inst.title}》{_label(number)}"
    return None


def _longest(a: str, b: str) -> int:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match().size


def _runs(a: str, b: str) -> list[int]:
    """The lengths of the runs of three characters or more that ``a`` and ``b`` share."""
    from difflib import SequenceMatcher

    return [m.size for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() if m.size >= 3]


def _same_condition(phrase: str, item: str) -> bool:
    if phrase in item or item in phrase:
        return True
    blocks = _runs(phrase, item)
    return bool(blocks) and max(blocks) >= 6 and sum(blocks) >= 0.5 * min(len(phrase), len(item))


_MODAL = re.compile(r"应当|必须|须")
_PHRASE = re.compile(r"[，,；;。]")
_CONDITION_WORDS = re.compile(r"有(?!关)|具有|具备|符合|取得|配备|配置|建立|持有")
_SETTING_UP = re.compile(r"^(?:向[^，；。]{2,30}?)?(?:依法)?(?:申请|办理|领取|取得)[^，；。]{0,20}?(?:登记|执照|备案)[^，；。]{0,4}$|"
                         r"^(?:领取|取得)[^，；。]{0,12}?后$|^方可(?:开业|营业|经营|从事[^，；。]{0,12})$")
_APPROVAL_WORDS = re.compile(r"批准|审批|核准|许可|同意")
_DUTY_RESTATABLE = frozenset({"burden", "market", "preference", "privacy"})
"""The kinds whose measure is a duty laid on the public (not a licence, fee, penalty or coercion the sentence may add
beside a duty it repeats): a duty repeated from a named law is that law's (``_duty_restated``)."""


def _duty_restated(ctx, kind: str, sentence: str) -> str | None:
    """《title》第N条规定的义务 when the sentence repeats an obligation that a law or regulation the document names lays
    down: eight characters of its act in a row and three fifths of it in all (取得农药经营许可证的农药经营者在本县设立分支机构
    的，应当依法申请变更农药经营许可证 / 《农药管理条例》第二十五条: ……设立分支机构的，应当依法申请变更农药经营许可证): the
    case and the duty are the law's, read in the draft's place. For a power, the entrustment the law provides instead
    (……规定的委托)."""
    if kind not in _DUTY_RESTATABLE and kind != "power":
        return None
    entrusts = kind == "power"  # (for a power, the organisation a named law lets the competent body entrust)
    for inst in _named_laws(ctx):
        for number, verb, _, act, _, _ in _obligations(ctx, inst):
            if (verb == "委托") != entrusts:
                continue
            if not act or len(act) < 8 or not any(act[i:i + 8] in sentence for i in range(len(act) - 7)):
                continue
            if sum(_runs(act, sentence)) >= 0.6 * len(act):
                return f"《{inst.title}》{_label(number)}规定的{'委托' if entrusts else '义务'}"
    return None


def _named_laws(ctx):
    """The registered laws and regulations the document names (``named_titles``), in the order of their titles."""
    for title in sorted(named_titles(ctx)):
        inst = ctx.registry.resolve(title)
        if inst is not None:
            yield inst


def _obligations(ctx, inst) -> list:
    """The obligations the import read in ``inst``'s version in force on the review date (else its current one):
    [article key, verb, subject, act, 款, 项] each (``registry.describe.obligations_of``)."""
    from ..registry.describe import obligations_of

    version = ctx.registry.version_on(inst, ctx.review_date) or inst.current
    return obligations_of(ctx.registry, inst, version) if version is not None else []


_CONDITIONS = re.compile(r"[，,]?(?:应当|应|须|必须)?(?:具备|符合|具有)(?:以下|下列)条件")


def _with_gate_before(unit, sentence: str) -> str:
    """``sentence``, and when it is a bare gate (未经许可，任何单位或者个人不得经营烟花爆竹) the sentence before it too, which
    names the permit it gates (从事烟花爆竹零售经营，应当依法取得《烟花爆竹经营（零售）许可证》。), or the half before its
    semicolon (……应当依法取得……文物销售许可证；未取得许可证的单位或者个人，不得……)."""
    if not _BARE_GATE.match(sentence):
        return sentence
    head = unit.text.find(sentence)
    half = re.search(r"[^。！？!?；;]*[；;]\s*$", unit.text[:head]) if head > 0 else None
    return (half.group().strip() if half is not None else _sentence_before(unit, sentence)) + sentence


_BARE_GATE = re.compile(r"未经(?:许可|批准|审批|核准)[，,]|"
                        # (… or the holding of the permit just named: 未取得许可证的单位或者个人，不得从事……)
                        r"未(?:取得|持有|领取)(?:该|上述|相应的?)?(?:许可证|许可|证照|执照|证书)的?[^，。；]{0,10}?[，,]")
_BREACH_OF_BEFORE = re.compile(r"(?:违反(?:的|前款规定的|上述规定的|前述规定的|本款规定的)|有(?:前款|上述|前述)(?:所列)?(?:行为|情形)(?:之一)?的)[，,]")


def _whole_sentence(unit, start: int, end: int) -> str:
    """The sentence holding ``unit.text[start:end]`` from its head to its 。, over its semicolons."""
    from ..facts.reading import sentence_head

    text = unit.text
    stop = re.search(r"[。！？!?]", text[end:])
    return text[sentence_head(text, unit.sentence(start, end)[0]):end + (stop.end() if stop else len(text) - end)]


def basis_titles(ctx) -> list:
    """The registered laws and regulations the draft says it is made under: its basis clause (根据《……》……制定本办法)
    and a title that implements one (某省实施《中华人民共和国渔业法》办法)."""
    registry = ctx.registry
    texts = list(ctx.facts.clauses.basis) + [ctx.doc.title_block.title or ""]
    out = []
    for text in texts:
        for title in re.findall(r"《([^》]{2,60})》", text):
            inst = registry.resolve(title)
            if inst is not None and inst not in out and inst.level in ("法律", "行政法规"):
                out.append(inst)
    return out


_LIBERTY_WORDS = re.compile(r"拘留|约束|带离|带至|带到|传唤|盘问|隔离|留置|看管|收容|遣送|强制戒毒|强制检测|限制[^，。；]{0,4}活动|不得离开")


def _basis_providing(ctx, kind: str, words: str, sentence: str = "") -> str | None:
    """For a restriction of liberty (which only a law may lay down), the title of a law the draft is made under
    that itself restricts liberty (行政拘留 among its penalties, or coercive measures), or None: the draft most
    likely restates it, which the reviewer confirms — unless the clause gives the restriction to a body no law lets
    restrict anyone's liberty (村治保会可以暂时看管: a village committee, a firm, a guard; ``_NOT_A_STATE_ORGAN``).
    Other kinds are not softened this way: a basis law that provides fines does not provide the draft's fines."""
    if kind != "liberty" or not _LIBERTY_WORDS.search(words):
        return None
    at = sentence.find(words)
    clause = re.split(r"[，,；;]", sentence[:at])[-1] if at > 0 else ""
    if _NOT_A_STATE_ORGAN.search(clause):
        return None
    for inst in basis_titles(ctx):
        facts = facts_of(ctx, inst)
        if facts is None:
            continue
        for fact in facts.articles.values():
            if any("行政拘留" in p.types for p in fact.penalties) or any(p.kind == "coercion" for p in fact.provisions):
                return inst.title
    return None


_NOT_A_STATE_ORGAN = re.compile(r"村(?:民|居民)?委员会|居民委员会|村委会|居委会|治保会|治安保卫委员会|村民小组|网格员|物业|保安|"
                                r"商户|经营者|企业|商场|志愿者|协会|商会|巡逻队|护村队|联防队")


def _provision_restated(ctx, kind: str, sentence: str):
    """The provision of a law or regulation the sentence restates (a licence, fee or coercive measure of the same
    name), the laws of the draft's basis clause first; None when there is none."""
    from ..registry.restate import KINDS, restated

    measure = {"liberty": "coercion"}.get(kind, kind)
    if measure not in KINDS:
        return None
    prefer = tuple(inst.title for inst in basis_titles(ctx))
    return restated(ctx.registry, measure, sentence, ctx.review_date, prefer)


def _restated(reading, ctx, who: str, kind: str, sentence: str = "") -> Judgement:
    """The sentence names a basis. A higher law that may provide the measure (and, where the registry knows the
    cited article, does provide it — or the sentence repeats the article's words) passes; a cited article the
    registry records no such penalty of blocks, one it records no such licence, coercion or fee of is warned; a cited
    instrument that may not provide it (a 规范性文件, a 部门规章 for a licence) is no basis; "依法" alone or a title the
    registry does not know is for the reviewer."""
    from ..facts.amounts import SUM_WRITTEN
    from ..numerals import to_chinese
    from ..registry.powers import may_create
    from ..registry.restate import repeats_article

    if reading.cited:
        registry = ctx.registry
        for title in reading.cited:
            inst = registry.resolve(title)
            if inst is None:
                continue
            level = "法律" if inst.level == "宪法" else inst.level
            if kind in _POWER_KIND and not may_create(_POWER_KIND[kind], level).allowed:
                return Judgement(True, reading=f"该句援引的《{inst.title}》是{inst.level}，不能设定该措施；{who}")
            articles = _cited_articles(reading.basis, title)  # 第三十五条、第三十六条: the measure may be any one's
            if articles and all(provides(ctx, inst, kind, a) is False and not repeats_article(
                    registry, inst.title, str(a), sentence, ctx.review_date) for a in articles):
                cited = "、".join(f"第{to_chinese(a)}条" for a in articles)
                if kind != "penalty":
                    # the registry records penalties from every liability clause, so there its silence is an
                    # answer; licences, coercive measures and fees it records only where an article provides them in
                    # words it knows (a licence named among conditions, 持有建设工程规划许可证; a removal told after the
                    # fine, 逾期不拆除的，由交通主管部门拆除): its silence does not show the article lacks the measure,
                    # and the reviewer reads the article
                    return Judgement(True, "warn", f"该句援引《{inst.title}》{cited}，上位法库未记录该条规定了该措施，"
                                                   f"请核实该条是否规定了该措施；{who}")
                return Judgement(True, reading=f"该句援引的《{inst.title}》{cited}没有规定该措施；{who}")
            if not articles and kind == "penalty" and SUM_WRITTEN.search(sentence):
                # the sum is the document's own; which article provides it (if any) is not said — unless an article of
                # the cited law gives every fine the sentence writes, range for range: then the reviewer compares the
                # conduct with that article
                same = _same_fines(ctx, inst, sentence)
                if same:
                    cited = "、".join(same)
                    return Judgement(True, "warn", f"该句援引《{inst.title}》而未写明条款；该法{cited}规定了同一幅度的罚款，"
                                                   f"请核对该句所列违法行为与该条一致，并注明所依据的条款；{who}")
                # (… or the fine is a multiple the cited law gives, base and bounds alike, the sum written only the base's
                # floor: 并处违法所得五倍以上二十倍以下的罚款，违法所得不足一万元的，按一万元计算)
                multiple = _named_multiple(ctx, sentence, [inst])
                if multiple is not None:
                    return Judgement(True, "warn", f"该句援引《{inst.title}》而未写明条款；{multiple[0]}规定了同一倍数的罚款"
                                                   f"（{multiple[1]}），请核对该句所列违法行为与该条一致，并注明所依据的条款；{who}")
                return Judgement(True, "modify", f"该句援引《{inst.title}》而未写明条款，罚款数额由本文件写明，无法核对"
                                                 f"该法是否对该行为规定了这一罚款；{who}")
            return Judgement(False, reason=f"援引上位法《{inst.title}》")
        return Judgement(True, "warn", f"该句援引《{reading.cited[0]}》作为依据，上位法库中没有该文件，"
                                       f"请核实其效力层级及是否规定了该措施；{who}")
    # (… unless the sentence restates a provision of a law the document names: 依照国家有关规定 is then the law's own
    # words, 未经有关部门依照国家有关规定批准，任何单位和个人不得收购电力设施器材)
    provision = _provision_restated(ctx, kind, sentence) if sentence else None
    if provision is not None and provision.title in named_titles(ctx):
        return _named_restated(f"该句规定的“{provision.name}”由{provision.cite()}规定（{provision.level}）", who)
    return Judgement(True, "modify", f"该句仅称“{reading.basis}”，未写明所依据的法律、法规及其条款；{who}")


def _same_fines(ctx, inst, sentence: str, also: str | None = None) -> list[str]:
    """The articles (第N条, in order) of ``inst`` (the version in force on the review date) that give the fines
    ``sentence`` writes, each the same kind of fine with the same bounds; empty unless every fine written is found.
    ``also``: only articles that give this type of penalty as well (警告)."""
    facts = facts_of(ctx, inst)
    written = _written_fines(sentence)
    if facts is None or not written:
        return []
    found: dict[tuple, str] = {}
    for article in sorted(facts.articles, key=_number):
        penalties = facts.articles[article].penalties
        if also is not None and not any(also in p.types for p in penalties):
            continue
        for penalty in penalties:
            fine = (penalty.kind, penalty.min, penalty.max)
            if fine in written:
                found.setdefault(fine, article)
    return [_label(a) for a in sorted(set(found.values()), key=_number)] if len(found) == len(written) else []


def _number(key: str) -> tuple[int, int]:
    """An article key of the registry ("35", "133-1") as (number, suffix), for ordering."""
    number, _, suffix = str(key).partition("-")
    return int(number), int(suffix or 0)


def _label(key: str) -> str:
    """第三十五条 / 第一百三十三条之一 for the registry's article key."""
    from ..registry.lawtext import article_label

    return article_label(*_number(key))


def _named_multiple(ctx, sentence: str, insts=None) -> tuple[str, str] | None:
    """(《title》第N条, the fine as written) when every fine the sentence writes is a multiple of a named base
    (土地复垦费的2倍以上5倍以下) that one article of a law the document names gives, base and bounds alike (《土地管理法实施
    条例》第五十六条: 罚款额为土地复垦费的2倍以上5倍以下): the law's fine, its article to be cited. A range of plain sums
    is not read so — the same range is in many laws for other conduct (``_same_fines`` reads it after a citation)."""
    from ..facts.amounts import find_penalty_ranges

    fines = find_penalty_ranges(sentence)
    if not fines or any(r.kind != "multiple" or not r.base for r in fines):
        return None
    wanted = {(r.base, r.min, r.max) for r in fines}
    for inst in (_named_laws(ctx) if insts is None else insts):
        facts = facts_of(ctx, inst)
        for article in sorted(facts.articles, key=_number) if facts is not None else ():
            given = {(p.base, p.min, p.max) for p in facts.articles[article].penalties if p.kind == "multiple" and p.base}
            if wanted <= given:
                return f"《{inst.title}》{_label(article)}", "、".join(r.raw for r in fines)
    return None


def _written_fines(sentence: str) -> set[tuple]:
    """(kind, min, max) of every fine of a sum ``sentence`` writes (a fixed sum, a range, an upper or a lower bound)."""
    from ..facts.amounts import find_penalty_ranges

    return {(r.kind, r.min, r.max) for r in find_penalty_ranges(sentence)
            if r.kind in ("fixed", "range", "max_only", "min_only")}


_BACK_BASIS = re.compile(r"该(法|条例|规定|办法|决定)(?![人律院定第])")


def _back_title(ctx, unit, start: int, basis: str) -> str | None:
    """The title a basis that names no title points back to (依照该法责令关闭 after 依照《中华人民共和国体育法》的规定……):
    the law or regulation of that genre the document named last before the sentence; None when there is none."""
    found = _BACK_BASIS.search(basis or "")
    if found is None:
        return None
    genre = found.group(1)
    at = unit.start + start
    for citation in reversed(ctx.facts.citations):
        if citation.gstart >= at or citation.kind not in ("title", "name") or not citation.title:
            continue
        if citation.role not in ("self", "repeal", "former") and citation.title.endswith(genre):
            return citation.title
    return None


def _cited_articles(basis: str, title: str) -> list[int]:
    """The articles cited after 《title》: 第三十五条、第三十六条 / 第二十七条第一项和第四十二条 (in order), as the
    citations read them (``facts.citations.articles_at``)."""
    from ..facts.citations import articles_at

    at = basis.find(f"{title}》")
    refs = articles_at(basis, at + len(title) + 1)[0] if at >= 0 else []
    return list(dict.fromkeys(ref.article for ref in refs))


def facts_of(ctx, inst, exact: bool = False):
    """The article facts of the version of ``inst`` in force on the review date; without ``exact``, else those of
    its latest imported text (a revision after the snapshot keeps most measures, not their numbers)."""
    version = ctx.registry.version_on(inst, ctx.review_date) or inst.current
    facts = inst.facts_for(version)
    if facts is None and not exact and inst.text_versions:
        facts = inst.facts_for(inst.text_versions[-1])
    return facts


def provides(ctx, inst, kind: str, article: int | None = None) -> bool | None:
    """Whether the version of ``inst`` in force on the review date provides a measure of ``kind`` (in ``article``
    when given); None when the registry has no article facts for it."""
    facts = facts_of(ctx, inst, exact=article is not None)
    if facts is None:
        return None
    measure = _REGISTRY_KIND.get(kind, kind)
    if measure is None:
        return None
    if article is not None:
        fact = facts.fact(article)
        if fact is not None and kind == "liberty" and any("行政拘留" in p.types for p in fact.penalties):
            return True  # 处十日以上十五日以下拘留: a penalty that restricts liberty
        return fact is not None and measure in fact.empowers
    if measure == "penalty":
        return facts.any_penalty()
    return bool(facts.provisions(measure))


def _subtype(kind: str, words: str) -> str | None:
    table = _PENALTY_TYPES if kind == "penalty" else _COERCION_TYPES if kind == "coercion" else None
    if table is None:
        return None
    return next((name for name, pattern in table if pattern.search(words)), None)


def _restrains_administration(ctx, unit, start: int) -> bool:
    """A prohibition said of the administration (备案机关不得以备案的名义对项目进行审批): the clause holding the
    measure forbids it, and its subject is a public body — a power is curbed, not given (a prohibition said of the
    public, 任何单位和个人不得拒绝检查, implies the power it protects and is not curbed)."""
    clauses = [c for c in ctx.facts.clauses.at(unit, start) if c.modal_start <= start]
    return bool(clauses) and clauses[-1].modal in ("不得", "禁止", "严禁", "不准", "不许") \
        and clauses[-1].subject_kind == "public"
