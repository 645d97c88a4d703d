"""The comments of the public consultation, their adoption and the feedback: how many the public sent (not the
departments consulted in writing, each clause speaking of the audience it names), how many were adopted (吸收、吸纳、
采用 read as 采纳; 均予采纳 = all, 未予采纳 = none beside a count), and whether the adoption was reported to the public
(a plan to report it is not). ``extract.read_sentence`` calls ``counts`` and ``feedback`` on the sentences about the
public consultation."""

from __future__ import annotations

import re

from .events import DEPT, N, PLAN, Candidates, clause_at, number
from .sentences import Sentence

_ZERO = re.compile(r"(?:未|没有)(?:收到|征集到|收集到|提出|反馈)[^，。；]{0,12}(?:意见|建议|反馈|留言|来信)|"
                   # the count written as none at all (一条意见也没有收到 / 意见建议均为零)
                   r"(?:一条|一件|任何)(?:意见|建议|反馈)?(?:建议)?(?:也|都)(?:没有|未)(?:收到|征集到|收集到)|无(?:人|单位)?(?:提出|反馈)(?:任何)?(?:意见|建议)|(?:意见|建议)[^，。；]{0,4}(?:为零|0条)")
_COUNT = re.compile(N + r"\s*(?:条|份|项|件)")
_ADOPTION_BEFORE = re.compile(r"(?P<neg>部分|未|不予|未予|没有)?(?:予以)?(?:采纳|采用|吸收)(?:了)?(?:其中)?(?:的)?(?:意见|建议)?\s*$")
_ADOPTION_AFTER = re.compile(r"^[^，。；]{0,6}?(?P<neg>部分|未|不|没有)?(?:予以|被|已|予)?(?:采纳|采用|吸收)(?!情况)")
_ALL_ADOPTED = re.compile(r"(?:全部|均|都|已全部|已)(?:已|已经)?(?:予以|予)?(?:吸收)?采纳")
_REJECTED = r"(?:未|不)(?:予以|予)?采纳"
_NONE_ADOPTED = re.compile(rf"(?:经(?:认真)?研究)?(?:后)?(?:均|都|全部)?{_REJECTED}")
# … and after a count: 7条意见均未予采纳 (seven comments, none adopted)
_ALL_REJECTED = re.compile(rf"^(?:意见|建议)?(?:均|都|全部){_REJECTED}")
_ADMIN_WHO = re.compile(r"部门|人民政府|机关|(?<![我本该])(?:局|委员会)(?!面)")
_PUBLIC_WHO = re.compile(r"公开|社会|公众|群众|市民|网民|居民|网友|村民|网站|公众号|公示|个人")
_DEPT_WHO = re.compile(r"部门|单位|乡镇|街道|区县|县（市、区）|县市区|学校|医疗机构"
                       r"|(?<![我本该])(?:局|委|办)(?=[、和及等]|的?(?:书面|反馈)?意见|反馈|提出)")


def counts(s: Sentence, c: Candidates) -> None:
    """The comments received and adopted in the public consultation. A sentence may tell of several audiences
    (部门反馈意见6条……；社会公众意见建议2条，采纳1条) or break a total down (共28条，其中……社会公众意见7条): each
    clause speaks of the audience it names, else of the one before it, and only the public's counts are kept."""
    text = s.text
    if (len(s.cells) > 2 and s.kind == "征求意见及采纳情况") or re.search(r"首次|第一轮|第一次|初次", text):
        return  # the rows of an adoption table are single comments (a labelled row, 意见数量 | 57条, is a statement)
    if DEPT.search(text) and not re.search(r"公开|社会|公众|群众|网民|市民|居民", text):
        return
    if re.search(r"专家|听证|论证|合法性审|公平竞争", text) and not re.search(r"公开征求|社会|公众", text):
        return
    w = 2 if s.kind == "征求意见及采纳情况" else 1
    masked = adoption_words(re.sub(r"征求意见稿|《[^《》]*》", lambda m: "＿" * len(m.group(0)), text))
    audience, comments, adopted, zero, share, others, said = "public", [], [], False, None, False, False
    for seg, item in _segments(masked):
        said = said or bool(re.search(r"意见|建议|留言|诉求", seg))  # 公开征求意见，共反馈3条: the comments named before
        named = _audience(seg)
        audience = named or audience
        others = others or (item and named not in (None, "public"))
        if audience != "public":
            continue
        if (item or others) and named == "public" and share is None:
            # the public's item of a breakdown by source (……乡镇意见9条、群众意见6条; 其中部门意见17条，采纳13条；
            # 社会公众意见9条，采纳4条)
            share = len(comments)
        for m in _COUNT.finditer(seg):
            before, after = seg[:m.start()], seg[m.end():]
            if before.endswith("第") or re.match(r"\s*(?:次|场|家|人|个)", after):
                continue
            taken = _ADOPTION_BEFORE.search(before) or _ADOPTION_AFTER.match(after)
            if taken and _ALL_REJECTED.match(after):  # 7条意见均未予采纳: seven comments, none adopted
                comments.append(number(m.group("n")))
                adopted.append(0)
            elif taken:
                if not taken.group("neg"):
                    adopted.append(number(m.group("n")))
            elif item or said and re.search(
                    r"收到|征集|收集|汇总|接到|提出|反馈|共|合计|累计|(?:意见|建议|留言)$", before):
                comments.append(number(m.group("n")))
        z = _ZERO.search(seg)
        zero = zero or bool(z and not re.search(r"涉及|关于|有关|反对|不同", z.group()))
        if _ALL_ADOPTED.search(seg) and not re.search(r"部分|未|不予", seg):
            adopted.append("all")
        elif _NONE_ADOPTED.fullmatch(re.sub(r"^(?:但|而|并)|[。！？!?]$", "", seg.strip())):
            adopted.append(0)
    comment = comments[share] if others and share is not None and len(comments) > share else (
        comments[0] if comments else (0 if zero else None))
    c.add("consultation.comments", comment, s, w)
    if adopted and adopted[0] in ("all", 0) and not comment:
        return  # 均予采纳 / 未予采纳 say how many only beside the number of comments
    if adopted:
        c.add("consultation.adopted", adopted[0], s, w)


def adoption_words(text: str) -> str:
    """吸收、吸纳、采用 (a comment taken into the text) read as 采纳, each word kept at its length."""
    return re.sub(r"吸收采纳|吸收|吸纳|采用", lambda m: "予以采纳" if len(m.group(0)) == 4 else "采纳", text)


def _segments(text: str) -> list[tuple[str, bool]]:
    """The clauses of a sentence, a breakdown (其中部门意见9条、学校意见12条; 其中：社会公众14条，部门及区县17条) cut
    at each of its items (True)."""
    out, listing = [], False
    for seg in re.split(r"[，,；;（）()]", text):
        if "其中" in seg:
            out += [(p, True) for p in seg.split("、") if p]
            listing = True
        elif listing and re.fullmatch(r"[^，。；]{1,14}?" + N + r"\s*(?:条|份|件|项)[。]?", seg.strip()) \
                and not re.search(r"采纳|未|不予", seg):
            out.append((seg, True))
        else:
            out.append((seg, False))
            listing = False
    return out


def _audience(seg: str) -> str | None:
    """Whom a clause's counts come from: the public, departments (and other units consulted in writing), all of
    them (各方面), or None when it does not say."""
    public = _PUBLIC_WHO.search(seg)
    if public and _ADMIN_WHO.search(seg) and _COUNT.search(seg):
        # one count of administrative bodies and the public together (各市民政部门、养老机构、行业协会及社会公众意见建议
        # 46条): not the public's (units of the public — 见习单位、企业 — are the public)
        return "all"
    if public:
        return "public"
    if DEPT.search(seg) or _DEPT_WHO.search(seg):
        return "dept"
    if re.search(r"各方面|各方", seg):
        return "all"
    return None


_FEEDBACK_NO = re.compile(
    r"(?:未|尚未|没有|未予)(?:在[^，。；]{0,12})?(?:向社会|向公众)?(?:公开)?(?:反馈|公布|公开)[^，。；]{0,10}(?:采纳|意见)"
    r"|(?:采纳|处理)情况[^，。；]{0,4}(?:未|尚未|没有)[^，。；]{0,10}(?:公开|公布|反馈)")
_FEEDBACK_YES = re.compile(
    r"(?:采纳情况|处理情况|采纳与否|反馈情况|采纳结果|本说明)(?:及(?:其|有关)?理由)?[^。；]{0,30}?(?<!未)(?<!不)(?:公开|公布|反馈|发布)"
    r"|(?:向社会|向公众|对社会|向社会公众)(?:公开)?反馈|(?:采纳|理由|处理)[^，。；]{0,20}(?:向社会|向公众)(?:公开)?公布"
    r"|(?:向社会|向公众)(?:公开)?公布[^，。；]{0,12}(?:采纳|理由|处理)|公开反馈|(?:反馈|公布|公开|发布)了?[^，。；]{0,10}采纳情况"
    r"|未(?:予)?采纳[^。]{0,30}(?:在|通过)[^。，；]{0,24}(?:网站|网|公众号|公示栏|公开栏)[^。]{0,16}(?:说明|公开|公布|反馈|答复|回复)"
    r"|未(?:予)?采纳[^。]{0,30}(?:说明|公开|公布|反馈|答复|回复)[^。]{0,6}(?:在|通过)[^。，；]{0,24}(?:网站|网|公众号|公示栏|公开栏)")


def feedback(s: Sentence, c: Candidates, about: bool) -> None:
    w = 2 if s.kind == "征求意见及采纳情况" else 1
    text = adoption_words(s.text)
    if not (about or re.search(r"采纳", text)):
        return
    if re.search(r"本说明", text) and s.kind != "征求意见及采纳情况":
        return
    yes = _FEEDBACK_YES.search(text)
    if _FEEDBACK_NO.search(text):
        c.add("consultation.feedback_published", False, s, w)
    elif yes and not re.search(r"向提出意见的|逐一电话|向[^，。；]{0,10}(?:单位|部门)反馈", text):
        if not PLAN.search(text):
            c.add("consultation.feedback_published", True, s, w)
        elif PLAN.search(text[clause_at(text, yes.start())[0]:yes.end()]) and not re.search(r"建议", text):
            # 采纳情况拟在《办法》公布时一并向社会反馈: not published yet (outweighed by any statement that it was)
            c.add("consultation.feedback_published", False, s, 0)


__all__ = ["adoption_words", "counts", "feedback"]
