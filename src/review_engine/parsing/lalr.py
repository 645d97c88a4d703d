"""The LALR tables of ``grammars/draft.lark`` run without Lark: what a one-draft check would otherwise import.

Lark builds the parser (``grammar.lark_parser``): the LALR table, the rules, a lexer for every parser state.
Importing Lark and loading its parser costs a one-draft check a tenth of its time, and every line of every draft
goes through layers of Lark objects. ``tables(lark)`` reads off a built Lark parser what running it takes, as
plain data (kept in the cache folder with ``marshal``, under the digest of the grammar, the installed Lark and
this module); ``Tables.parse`` runs it exactly as Lark's LALR parser with its contextual lexer does:

* the lexer of the current state tries its terminals' regular expressions as one alternation, in Lark's order
  (priority, then width), at the current position; a token is a ``Token``: the matched text with its
  ``type``, ``line`` and ``column`` (1-based), lines counted as Lark counts them;
* each reduction hands the transformer's method of the rule (``grammar.ToRaw``) the children Lark hands it:
  the values of the rule's symbols, those of rules named ``_…`` (Lark's expansions of ``*``, ``+``, ``?``)
  spliced in;
* input the grammar rejects raises ``Rejected`` with the line and the terminals expected there, the set
  Lark's ``UnexpectedToken`` (``expected``) or ``UnexpectedCharacters`` (``allowed``) carries.

Anything in a grammar this reading does not cover (placeholders, ``?rule`` inlining, token callbacks, a postlexer,
ignored terminals) makes ``tables`` return None, and the parser stays Lark's. The tests compare both on the corpus
and on generated drafts, rejected ones included.
"""

from __future__ import annotations

import re

FORMAT = 1
"""The tables' format: part of the cache key (with this module's own text)."""
END = "$END"


class Token(str):
    """A token as Lark gives it to the transformer: its text, with ``type``, ``line`` and ``column`` (slots, as
    Lark's own: one per line of every draft, and no attribute dict to make for each)."""

    __slots__ = ("type", "line", "column")
    type: str
    line: int
    column: int


class Rejected(Exception):
    """The input does not fit the grammar: ``line`` of the token (or character) where it stopped, and the terminal
    names ``expected`` there."""

    def __init__(self, line: int, expected: set[str]):
        super().__init__(f"line {line}: expected {sorted(expected)}")
        self.line = line
        self.expected = expected


class Tables:
    """The parser as data (see the module docstring); ``data`` is what ``tables`` returns and the cache keeps.

    For the run the data is recoded once: an action is one int (a shift to state ``s`` is ``s``, a reduction by
    rule ``r`` is ``-1 - r``), the goto after a reduction is a plain state, and each state's lexer is the list of
    its patterns' ``match`` methods."""

    def __init__(self, data: dict):
        self.data = data
        self.start = data["start"]
        self.end = data["end"]
        self.states = data["states"]
        self.rules = data["rules"]
        self.newline = frozenset(data["newline"])
        lexers = [([re.compile(p) for p in patterns], frozenset(allowed)) for patterns, allowed in data["lexers"]]
        self.lexer_of = {state: lexers[i] for state, i in data["state_lexer"].items()}
        self._actions = {state: {symbol: arg if shift else -1 - arg for symbol, (shift, arg) in actions.items()}
                         for state, actions in self.states.items()}
        self._matchers = {state: [pattern.match for pattern in patterns]
                          for state, (patterns, _) in self.lexer_of.items()}
        self._last_transformer = self._last_reductions = None

    def _reductions(self, transformer) -> list:
        """The rules as ``parse`` runs them with ``transformer``: (origin, size, children filter or ``_APPEND``,
        callback or None); kept for the transformer last used (the parser keeps one)."""
        if self._last_transformer is not transformer:
            self._last_reductions = [
                (origin, size, _APPEND if size == 2 and include == _APPENDS and not callback else include,
                 getattr(transformer, callback) if callback else None)
                for origin, size, include, callback in self.rules]
            self._last_transformer = transformer
        return self._last_reductions

    def parse(self, text: str, transformer):
        """The value of the start rule, as Lark's ``parse`` with ``transformer=`` would return it.

        One loop does what Lark's lexer and ``ParserState.feed_token`` do: read the next token with the lexer of
        the current state, then reduce as the table says until the token can be shifted; after the last token
        the end token (``$END``) is fed the same way, and the parse is accepted when a reduction reaches the end
        state."""
        reductions = self._reductions(transformer)
        actions, matchers, newline, end_state = self._actions, self._matchers, self.newline, self.end
        state_stack = [self.start]
        value_stack: list = []
        pos, line, line_start, length = 0, 1, 0, len(text)
        token = None
        while True:
            if pos < length:  # the next token
                for match in matchers[state_stack[-1]]:
                    found = match(text, pos)
                    if found is not None:
                        break
                else:
                    raise Rejected(line, set(self.lexer_of[state_stack[-1]][1]) or {"<END-OF-FILE>"})
                value = found.group(0)
                kind = found.lastgroup
                token = Token(value)
                token.type = kind
                token.line = line
                token.column = pos - line_start + 1
                if kind in newline:
                    count = value.count("\n")
                    if count:
                        line += count
                        line_start = pos + value.rindex("\n") + 1
                pos += len(value)
                is_end = False
            else:  # then the end of the input, at the last token's place
                end = Token("")
                end.line, end.column = (token.line, token.column) if token is not None else (1, 1)
                end.type = kind = END
                token, is_end = end, True
            while True:  # reduce until the token is shifted (or, at the end, the start rule is reached)
                state_actions = actions[state_stack[-1]]
                action = state_actions.get(kind)
                if action is None:
                    raise Rejected(token.line, {s for s in state_actions if s.isupper()})
                if action >= 0:
                    if is_end:  # Lark never shifts the end token
                        return None
                    state_stack.append(action)
                    value_stack.append(token)
                    break
                origin, size, include, callback = reductions[-1 - action]
                if include is _APPEND:  # `_list: _list item` (Lark's `item+`): the item joins the list so far
                    item = value_stack.pop()
                    listed = value_stack.pop().children
                    del state_stack[-2:]
                    listed.append(item)
                    value = _Inline(listed)
                else:
                    if size == 1:
                        children = [value_stack.pop()]
                        del state_stack[-1]
                    elif size:
                        children = value_stack[-size:]
                        del state_stack[-size:]
                        del value_stack[-size:]
                    else:
                        children = []
                    if include is not None:  # keep the symbols Lark keeps, splice in the values of _… rules
                        filtered: list = []
                        for i, expand in include:
                            if expand:
                                if filtered:
                                    filtered += children[i].children
                                else:
                                    filtered = children[i].children
                            else:
                                filtered.append(children[i])
                        children = filtered
                    value = callback(children) if callback is not None else _Inline(children)
                new_state = actions[state_stack[-1]][origin]
                state_stack.append(new_state)
                value_stack.append(value)
                if is_end and new_state == end_state:
                    return value


_APPENDS = [(0, True), (1, False)]
"""The children filter of a rule that adds one item to the list of a ``_…`` rule (``_list: _list item``)."""
_APPEND = object()
"""Marks such a rule for ``Tables.parse``: the most frequent reduction by far, done in place."""


class _Inline:
    """The value of a rule named ``_…``: its children, spliced into its parent's (Lark's ``Tree`` of it)."""

    __slots__ = ("children",)

    def __init__(self, children: list):
        self.children = children


def tables(lark, transformer) -> dict | None:
    """The data ``Tables`` runs, read off a Lark LALR parser with the contextual lexer (built with or without a
    transformer); None when the grammar uses something ``Tables`` does not do as Lark does."""
    from lark.lexer import PatternRE
    from lark.parse_tree_builder import maybe_create_child_filter
    from lark.parsers.lalr_analysis import Shift

    options = lark.options
    if (options.parser != "lalr" or options.lexer != "contextual" or options.postlex is not None
            or options.lexer_callbacks or options.propagate_positions or options.keep_all_tokens
            or options.ambiguity not in ("auto", "resolve") or options.regex or options.g_regex_flags
            or options.use_bytes or options.tree_class is not None):
        return None
    frontend = lark.parser
    lexer = frontend.lexer
    if type(lexer).__name__ != "ContextualLexer" or any(t.name.isupper() and hasattr(transformer, t.name)
                                                          for t in lark.terminals):
        return None
    if lark.lexer_conf.ignore or any(not isinstance(t.pattern, PatternRE) for t in lark.terminals):
        return None
    table = frontend.parser.parser.parse_table
    rule_index: dict = {}
    rules = []
    for rule in lark.rules:
        options = rule.options
        # str(): a freshly built Lark (no cache of its own yet) names rules with Tokens, which marshal refuses
        callback = str(rule.alias or options.template_source or rule.origin.name)
        user = hasattr(transformer, callback)
        if options.expand1 or options.empty_indices or (not user and not rule.origin.name.startswith("_")):
            return None
        made = maybe_create_child_filter(rule.expansion, False, False, None)
        include = None
        if made is not None:
            if made.func.__name__ != "ChildFilterLALR_NoPlaceholders":
                return None
            include = [(i, bool(expand)) for i, expand in made.args[0]]
        rule_index[rule] = len(rules)
        rules.append((str(rule.origin.name), len(rule.expansion), include, callback if user else None))
    states = {}
    for state, actions in table.states.items():
        states[state] = {str(symbol): (True, arg) if action is Shift else (False, rule_index[arg])
                         for symbol, (action, arg) in actions.items()}
    lexers: list = []
    seen: dict = {}
    state_lexer = {}
    for state, basic in lexer.lexers.items():
        if id(basic) not in seen:
            scanner = basic.scanner  # built on first use, with the lexer's callbacks
            if basic.callback or basic.ignore_types:
                return None
            seen[id(basic)] = len(lexers)
            lexers.append(([m.pattern for m in scanner._mres], sorted(scanner.allowed_types)))
        state_lexer[state] = seen[id(basic)]
    newline = sorted({name for basic in lexer.lexers.values() for name in basic.newline_types})
    start, = table.start_states.values()
    end, = table.end_states.values()
    return {"format": FORMAT, "start": start, "end": end, "states": states, "rules": rules, "lexers": lexers,
            "state_lexer": state_lexer, "newline": newline}
