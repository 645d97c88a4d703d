"""``clause``: a norm of a given shape — who must/may/must not do what, around a trigger word.

Where one regular expression would have to spell out every order of subject, modal, object and context, a
``clause`` rule names the parts instead. It finds its trigger words in one pass over the document, then
looks at each trigger in its sentence: at the words just before and after it, and, when a form asks for it,
at the structure of the sentence (``facts/clauses.py``: subject, modal 应当/不得/须/可以…, predicate). The
trigger counts when one of the ``forms`` matches.

Parameters:

``lexicon``, ``patterns``  the trigger: literal terms and/or regular expressions (one is required). They are
                           searched as one alternation. Write readable alternations (``(?:{CLIENT})(?=…)``,
                           ``(?:收取|缴纳)…``: ``re`` skips ahead by their first characters as fast as by a literal);
                           what is slow is a pattern that begins with a character class (``[一二]+年``) or a
                           lookbehind — the loader moves a leading fixed lookbehind behind a literal head
                           (``kinds/terms.py``), put other context in the forms
``forms``                  the shapes a trigger may be in; a form matches when every part it gives matches:
    ``match``              regex the trigger text must match in full (which triggers the form is for)
    ``preceding``          regexes, one must match the sentence text before the trigger, up to 80 characters
                           (end it with ``$`` for "right before": ``(?:予以|可以|有权)[^，。；]{0,6}$``)
    ``following``          regexes, one must match the sentence text after the trigger, up to 80 characters
                           (``^`` for "right after")
    ``sentence``           regexes, one must match the whole sentence (read with the half before it when a ；
                           joins them, and with the lead-in of its list for an item)
    ``not_preceding``, ``not_following``, ``not_sentence``  regexes that must not match there
    ``actor``              classes of who performs the act the trigger names (``facts/clauses.py``, ``actor_of``):
                           the agent after 由 (``由物业服务企业负责查处``, ``由开办者予以没收``), else the subject of the
                           trigger's segment (``供热企业负责……认定``, ``执法人员可以进入``), else the agent named after
                           the act as a topic (``扬尘执法检查，由施工企业负责组织实施``); a matter handed on
                           (``报告城管部门予以查处``) or helped with (``协助街道办事处做好检查``) is the other body's act
    ``subject``            subject classes of a clause of the sentence: ``public`` (人民政府、××部门、执法人员…),
                           ``private`` (企业、经营者、申请人、单位和个人…), ``generic`` (从事……的, 举办……活动),
                           ``unknown``
    ``modal``              modal words of that clause (应当、应、必须、须、需、不得、禁止、严禁、不准、可以、有权、一律、
                           方可…; ``''`` for a sentence without one)
    ``before``, ``after``  regexes, one must match the sentence before the modal / the predicate after it
    ``not_before``, ``not_after``
                           The clause parts (subject … not_after) are checked against the clauses of the
                           sentence, one of which must have them all; a form without them needs no parsing.
    ``unless_basis``       regexes: the form does not apply in a document whose basis clause matches one of them
                           (as the rule's ``unless_basis``, for one form: a duty searched only in documents without
                           a legal basis, beside a kind of duty no basis gives, searched in every document)
    ``unless_article``     regexes: the form does not apply in an article that matches one of them (as the rule's
                           ``unless_article``, for one form: a duty taken to restate the law its article cites,
                           beside a kind of duty no law gives, which only its own sentence's citation excuses)
    Without ``forms`` every trigger counts.
``terms``                  named regex fragments: ``{NAME}`` in any regex of the rule (patterns, forms, unless_…,
                           require_sentence, subjects) stands for ``(?:fragment)``, so that a class of words is
                           written once and every form uses the same class (``{ACT}``, ``{RESTRICT}``). The rule
                           folder's ``terms.yaml`` holds the classes several rules share (``{LOCAL}``, ``{CITED}``,
                           ``{PROHIBIT}`` …; ``kinds/terms.py``); a rule's own terms override them.
``unless_sentence``, ``unless_unit``, ``unless_article``, ``require_sentence``  as in ``pattern``
``unless_basis``           regexes: no finding at all when the document's basis clause (根据《…》……制定本办法,
                           in the first paragraphs) matches one of them
``public_subjects``, ``private_subjects``  extra terms (regexes) for the subject classes of this rule
``group``                  the group of the trigger to report as the excerpt
``max_per_unit``, ``max_per_article``  report at most this many hits per 款/项 or per article

A sentence gives at most one finding (at its first trigger that matches). Its excerpt is the trigger with the
words right next to it that the form's ``preceding``/``following`` matched (up to 16 characters each side):
“可以予以扣押”, “收取油烟检测费”, rather than the bare trigger.

Message fields: ``{subject}`` (the subject found, when a form looked at the clause, or the actor, when a form
asked for one), ``{modal}``.

Example (CONT-LIC-01, shortened): a private party must obtain an approval

    check: clause
    lexicon: [批准, 审批, 许可, 核准, 同意]
    forms:
      - {subject: [private, generic], modal: [应当, 须, 必须], after: ['^(?:先|事先)?(?:经|报经|取得)']}
      - {subject: [private, generic, unknown], modal: [不得, 禁止], before: ['未经[^，。；]{0,30}(?:批准|同意)']}
    unless_sentence: ['依法(?:取得|办理|经)', '(?:依照|根据)《[^》]+》']

Example (CONT-COE-01, shortened): an agency empowered to seize

    lexicon: [查封, 扣押, 扣留, 冻结]
    forms:
      - preceding: ['(?:予以|可以|有权|应当|由[^，。；]{1,12})[^，。；]{0,6}$']
        not_following: ['^的']
"""

from __future__ import annotations

import re
from functools import partial
from typing import Literal

from pydantic import Field

from ..empty import Strings, new_list
from . import Check, Hit, Params, regex
from .pattern import CONTINUES as _CONTINUES, PatternParams, any_regex, match_span, unless_scope
from .terms import expand, factor

SubjectKind = Literal["public", "private", "generic", "unknown"]


class Form(Params):
    match: str | None = None
    preceding: Strings
    following: Strings
    sentence: Strings
    not_preceding: Strings
    not_following: Strings
    not_sentence: Strings
    actor: list[SubjectKind] | None = None
    subject: list[SubjectKind] | None = None
    modal: list[str] | None = None
    before: Strings
    after: Strings
    not_before: Strings
    not_after: Strings
    unless_basis: Strings
    unless_article: Strings


class ClauseParams(PatternParams):
    """The parameters of ``pattern`` (trigger, ``unless_*``, ``group``, ``max_per_unit``) and the clause's own."""

    forms: list[Form] = Field(default_factory=new_list)
    unless_basis: Strings
    public_subjects: Strings
    private_subjects: Strings
    max_per_article: int | None = None

    REGEX_LISTS = PatternParams.REGEX_LISTS + ("unless_basis", "public_subjects", "private_subjects")

    def expand_terms(self, terms: dict[str, str]) -> None:
        super().expand_terms(terms)
        for form in self.forms:
            if form.match is not None:
                form.match = expand(form.match, terms)
            for name in ("preceding", "following", "sentence", "not_preceding", "not_following", "not_sentence",
                         "before", "after", "not_before", "not_after", "unless_basis", "unless_article"):
                setattr(form, name, [expand(p, terms) for p in getattr(form, name)])


def trigger_regex(patterns: list[str], lexicon: list[str]) -> re.Pattern:
    """One flat alternation: ``re`` skips ahead by first characters only when no branch begins with a group.

    The lexicon is compiled as a trie (``查(?:封|验)|扣(?:押|留)``): ``re`` tries the branches of an alternation
    one after the other, so sharing prefixes halves the work at every candidate position.
    """
    sources = [factor(p) for p in patterns]
    if lexicon:
        sources.append(_trie(sorted(set(lexicon))))
    if not regex.is_lazy():
        for source in sources:
            re.compile(source)  # a bad pattern is reported as itself
    return regex.compile("|".join(sources))


def _trie(words: list[str]) -> str:
    """A regex matching exactly ``words``, longest first, with shared prefixes factored out."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def alternatives(node: dict) -> list[str]:
        return [re.escape(char) + body(node[char]) for char in sorted(c for c in node if c)]

    def body(node: dict) -> str:
        alts = alternatives(node)
        if not alts:
            return ""
        inner = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{inner})?" if "" in node else inner

    return "|".join(alternatives(root))


class _CompiledForm:
    def __init__(self, form: Form):
        self.match = regex.compile(form.match) if form.match else None
        self.preceding = any_regex(form.preceding)
        self.following = any_regex(form.following)
        self.sentence = any_regex(form.sentence)
        self.not_preceding = any_regex(form.not_preceding)
        self.not_following = any_regex(form.not_following)
        self.not_sentence = any_regex(form.not_sentence)
        self.actor = frozenset(form.actor) if form.actor else None
        self.subject = frozenset(form.subject) if form.subject else None
        self.modal = frozenset(form.modal) if form.modal is not None else None
        self.before = any_regex(form.before)
        self.after = any_regex(form.after)
        self.not_before = any_regex(form.not_before)
        self.not_after = any_regex(form.not_after)
        self.unless_basis = any_regex(form.unless_basis)
        self.unless_article = any_regex(form.unless_article)
        self.needs_clause = any(x is not None for x in (self.subject, self.modal, self.before, self.after,
                                                        self.not_before, self.not_after))

    def around(self, trigger: str, sentence: str, preceding: str, following: str,
               matched: bool = False, lead: str = "") -> tuple[int, int] | None:
        """The checks on the trigger and its sentence (no parsing): None when they fail, else how many
        characters the ``preceding`` / ``following`` matches reach into the words right before / after the
        trigger (what the excerpt may take in: 可以予以扣押, 收取油烟检测费). ``matched``: ``match`` was
        checked already (``Clause.forms_for``). ``lead``: the lead-in of the list the sentence is an item of
        (申报……应当同时满足以下条件：), read with the item for ``sentence``: the item completes the lead's sentence."""
        if not matched and self.match is not None and not self.match.fullmatch(trigger):
            return None
        grow_left = grow_right = 0
        if self.preceding is not None:
            found = self.preceding.search(preceding)
            if found is None:
                return None
            if found.end() == len(preceding):
                grow_left = found.end() - found.start()
        if self.following is not None:
            found = self.following.search(following)
            if found is None:
                return None
            if found.start() == 0:
                grow_right = found.end()
        if self.sentence is not None and self.sentence.search(lead + sentence if lead else sentence) is None:
            return None
        if self.not_preceding is not None and self.not_preceding.search(preceding) is not None:
            return None
        if self.not_following is not None and self.not_following.search(following) is not None:
            return None
        if self.not_sentence is not None and self.not_sentence.search(sentence) is not None:
            return None
        return grow_left, grow_right

    def clause(self, clause, kind: str) -> bool:
        """The checks on one clause of the sentence (subject, modal, before and after the modal)."""
        if self.modal is not None and clause.modal not in self.modal:
            return False
        if self.subject is not None and kind not in self.subject:
            return False
        if self.before is not None or self.not_before is not None:
            before = clause.before
            if self.before is not None and self.before.search(before) is None:
                return False
            if self.not_before is not None and self.not_before.search(before) is not None:
                return False
        if self.after is not None or self.not_after is not None:
            after = clause.after
            if self.after is not None and self.after.search(after) is None:
                return False
            if self.not_after is not None and self.not_after.search(after) is not None:
                return False
        return True


class Clause(Check):
    name = "clause"
    Params = ClauseParams
    outcomes = {"default": "条款设定了不应由本文件设定的内容"}
    fields = frozenset({"subject", "modal"})

    def __init__(self, rule, params: ClauseParams):
        super().__init__(rule, params)
        self.regex = trigger_regex(params.patterns, params.lexicon)
        self.forms = [_CompiledForm(f) for f in params.forms]
        self._by_trigger: dict[str, list[_CompiledForm]] = {}
        self.unless_sentence = any_regex(params.unless_sentence)
        self.unless_unit = any_regex(params.unless_unit)
        self.unless_article = any_regex(params.unless_article)
        self.require_sentence = [regex.compile(p) for p in params.require_sentence]
        self.unless_basis = any_regex(params.unless_basis)
        self.classify = None
        if params.public_subjects or params.private_subjects:
            from ..facts.clauses import classify

            self.classify = partial(classify, extra_public=any_regex(params.public_subjects),
                                    extra_private=any_regex(params.private_subjects))

    @property
    def regexes(self) -> list[re.Pattern]:
        return [self.regex]

    def forms_for(self, trigger: str) -> list[_CompiledForm]:
        """The forms whose ``match`` the trigger text satisfies, in order (cached per trigger text: most
        triggers are a few words seen again and again)."""
        found = self._by_trigger.get(trigger)
        if found is None:
            found = [f for f in self.forms if f.match is None or f.match.fullmatch(trigger)]
            if len(self._by_trigger) < 4096:
                self._by_trigger[trigger] = found
        return found

    def run(self, ctx):
        params = self.params
        facts = ctx.facts
        index = facts.index
        if self.unless_basis is not None and any(self.unless_basis.search(t) for t in facts.clauses.basis):
            return
        # the forms that do not apply in this document (a form's own ``unless_basis``)
        off = frozenset(id(f) for f in self.forms
                        if f.unless_basis is not None and any(f.unless_basis.search(t) for t in facts.clauses.basis))
        if off and len(off) == len(self.forms):
            return
        scopes = self.scopes
        per_unit: dict[int, int] = {}
        per_article: dict[int, int] = {}
        seen: set[int] = set()
        forms = self.forms
        group = params.group
        require = self.require_sentence
        skip = [0]  # where the search resumes after a sentence that gave a finding
        # (this loop runs for every trigger of every clause rule, some 23,000 over the corpus, of which 1 in 150
        # gives a finding: what is done for each one before the forms reject it is kept to the bare minimum)
        for unit, found in self.triggers(index, scopes, skip):
            if group is None:
                offset = unit.start
                start, end = found.start() - offset, found.end() - offset
            else:
                start, end = match_span(found, unit, group)
            left, right = unit.sentence(start, end)
            if unit.start + left in seen:  # one finding per sentence
                continue
            text = unit.text
            sentence = text[left:right]
            # the cheap checks first: what the sentence must hold, the trigger and its neighbours, what the
            # sentence must not hold, then the parse
            if require and any(r.search(sentence) is None for r in require):
                continue
            if forms:
                matched = self.matching(facts, unit, sentence, start, end, left, right, off)
            elif self.unless_sentence is not None and self.unless_sentence.search(unless_scope(text, left, right, start)):
                matched = None
            else:
                matched = {}
            if matched is None:
                continue
            if self.unless_unit is not None and self.unless_unit.search(text):
                continue
            if self.unless_article is not None and self.unless_article.search(index.article_text(unit)):
                continue
            if params.max_per_unit is not None and per_unit.get(id(unit), 0) >= params.max_per_unit:
                continue
            key = id(unit.article) if unit.article is not None else id(unit)
            if params.max_per_article is not None and per_article.get(key, 0) >= params.max_per_article:
                continue
            values = {k: v for k, v in found.groupdict().items() if v is not None}
            start, end = matched.pop("_span", (start, end))
            values.update(matched)
            hit = Hit(unit=unit, start=start, end=end, values=values)
            yield hit
            if not hit.kept:  # the gate read this trigger as not creating: the sentence's next one is read
                continue
            per_unit[id(unit)] = per_unit.get(id(unit), 0) + 1
            per_article[key] = per_article.get(key, 0) + 1
            seen.add(unit.start + left)
            skip[0] = unit.start + right

    def triggers(self, index, scopes: frozenset[str], skip: list[int]):
        """(unit, match) for the triggers in ``scopes``, overlapping ones included.

        ``pattern.scan`` with ``overlapping``: the search resumes one character after each trigger rather
        than after its end, so a trigger inside or across another (统一定价 in 实行统一定价) is still seen; a
        sentence that has given a finding is skipped (the caller sets ``skip[0]``).
        """
        return index.scan(self.regex, scopes, overlapping=True, skip=skip)  # (the scan itself: no generator around it)

    def matching(self, facts, unit, sentence: str, start: int, end: int, left: int, right: int,
                 off: frozenset = frozenset()) -> dict | None:
        """Template values of the first form the trigger is in (None: none is, or the sentence is excepted).

        The windows around the trigger are cut to ``WINDOW`` characters (every form's neighbourhood regexes
        are bounded well within it); ``unless_sentence`` is tested once, when a form first fits. What only some
        forms read (the list's lead-in, the half-sentence before a ；, the clauses and their subjects) is
        computed when a form first reads it.
        """
        text = unit.text
        trigger = text[start:end]
        forms = self.forms_for(trigger)
        if not forms:
            return None
        window = start - WINDOW
        preceding = text[window if window > left else left:start]
        window = end + WINDOW
        following = text[end:window if window < right else right]
        clauses = None
        excepted = None
        lead = None
        half = None
        for form in forms:
            if off and id(form) in off:
                continue
            if form.sentence is None:
                grown = form.around(trigger, sentence, preceding, following, True)
            else:
                if lead is None:  # (only ``sentence`` reads it)
                    node = unit.node
                    lead = (facts.lead_of(node) or "") if node is not None and node.kind != "article" else ""
                grown = form.around(trigger, sentence, preceding, following, True, lead)
                if grown is None:
                    if half is None:  # the half before a ；that this sentence continues (see _CONTINUES)
                        half = (text[_FULL_STOP.match(text, 0, left - 1).end():left]
                                if left and text[left - 1] in "；;" and _CONTINUES.match(sentence) else "")
                    if half:
                        grown = form.around(trigger, sentence, preceding, following, True, lead + half)
                        if grown is not None and any(r is not None and r.search(half) is not None
                                                     for r in (form.not_sentence, self.unless_sentence)):
                            grown = None
            if grown is None:
                continue
            if excepted is None:
                excepted = (self.unless_sentence is not None
                            and self.unless_sentence.search(unless_scope(text, left, right, start)) is not None)
                if excepted:
                    return None
            if form.unless_article is not None and form.unless_article.search(facts.index.article_text(unit)):
                continue
            span = {"_span": (start - min(grown[0], EXCERPT_GROWTH), end + min(grown[1], EXCERPT_GROWTH))}
            if form.actor is not None:
                actor, kind = facts.clauses.actor(unit, start, end, self.classify)
                if kind not in form.actor:
                    continue
                span["subject"] = actor
            if not form.needs_clause:
                return span
            if clauses is None:
                clauses = facts.clauses.at(unit, start, end)
            modals = form.modal
            for clause in clauses:
                if modals is not None and clause.modal not in modals:
                    continue  # (form.clause would say no before reading the subject)
                kind = clause.subject_kind if self.classify is None else facts.subject_kind(clause, self.classify)
                if form.clause(clause, kind):
                    return {**span, "subject": clause.subject or "", "modal": clause.modal}
        return None


WINDOW = 80
EXCERPT_GROWTH = 16
"""At most this many characters of the matched context are added to the excerpt on either side."""
_FULL_STOP = re.compile(r"(?:.*[。！？!?])?", re.S)
