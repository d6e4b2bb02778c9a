"""The craft a free text is about (no craft given): its names and own words, each occurrence weighed by its role.

The catalogue's names (weight 3) and the spec's and catalogue's words of one craft (weight 1) are the evidence
(``Spec.craft_words``, ``Spec.catalogue_words``). A name is not always what the text is about: 「端午前后去采」
(a time), 「跟二胡不一样」「像龙舟一样」「不是苏绣」 (a comparison or a negation), 「拿一张金箔」 (a thing handled),
「端午习俗的来历」 (the modifier of another noun), 「看过皮影」 (seen once). So each occurrence of a name is weighed
by its role and position:

* ``ASIDE`` (counts nothing): said in a comparison or a negation (像/比/不像/不是/好比… X, 跟/和/与 X …一样/不同/
  并称…) or only once seen, heard or tasted (「看过」);
* ``PASSING`` (a name counts as one word of the craft): a time (X前后/那天/期间…), a thing taken or used (用/拿/以
  … X, a numeral and classifier between), a thing counted (一张X), or the modifier of another noun (X的Y, XY) away
  from the opening;
* ``OPENING`` (half as much again): the name in the text's first sentence (its first 40 characters: a text with
  no full stop has no first sentence of its own) and not in a passing or aside role: the text's topic.

Words of a craft other than its names count once each (a word aside still counts nothing). A craft is detected
when its score is a name's at least, it leads the next craft by one word (or by a name in a better role), and one
word of the text is its name or its own (not shared with another craft; an action of its own, 摊开 上灰, only with a
second one: an action is done in many crafts, listed or not); otherwise the answer is "unsure": no
craft, no craft-specific defaults, a neutral scene. Scores are integers (a name's plain occurrence is 6), so the order evidence is added
in changes nothing."""
from __future__ import annotations

from bisect import bisect_right

from .words import FULL_STOPS, PUNCT, TOOL_LEAD, WITNESS_FILLERS, WITNESS_VERBS, _CRAFT_KINDS

# integer weights: a name said plainly 6, a word of the craft 2
NAME, WORD = 6, 2
OPENING, PLAIN, PASSING, ASIDE = 9, 6, 2, 0  # a name's weight by its role
THRESHOLD = NAME  # a plain name, or three words of the craft
MARGIN = WORD  # how far the best must lead the next craft: one word of its own, or a name in a better role
OPENING_CHARS = 40  # the first sentence, at most this long, is the text's opening
# an action (摊开, 上灰, 晒干) is done in many crafts, listed or not: one action of a craft's own is no proof of it
# (a thing of its own, its name, or this many actions of its own are)
OWN_ACTIONS = 2

# a comparison or a negation said before the name (closed class: comparative prepositions and verbs, 不是)
COMPARE_LEADS = frozenset(("像", "好像", "就像", "不像", "好比", "比", "比起", "如同", "犹如", "仿佛", "似",
                           "不是", "并非", "不同于", "有别于", "区别于", "类似于", "不如", "胜过", "除了"))
# the one-character leads jieba may glue to the verb after them (「比拉二胡还难」 is cut 比拉|二胡)
GLUED_LEADS = frozenset("比像")
# 跟/和/与/同 X … then one of these in the clause: a comparison, not a second topic
COMPARE_WITH = frozenset(("跟", "和", "与", "同", "对比"))
COMPARE_ENDS = frozenset(("一样", "不一样", "不同", "相同", "相比", "相似", "似的", "差不多", "并称", "齐名", "相近",
                          "类似", "有别", "区别", "那样", "一般", "比较", "比起来", "相比较"))
# a name followed by one of these is a time (「端午前后」「中秋那天」): a closed class of temporal locatives
# (not 前/后/之前/以后…, which follow an activity as often: 「念卷之前先洗手」)
TIME_AFTER = frozenset(("前后", "前夕", "那天", "当天", "那日", "期间", "时节", "左右"))
# what may stand between 用/拿 (or a numeral) and the thing: demonstratives and classifier phrases
_BETWEEN = frozenset(("这", "那", "这个", "那个", "这种", "那种", "一", "一张", "一把", "一块", "一根", "一个", "一条",
                      "一片", "一只", "一支", "一层", "一点", "一些", "些", "点", "张", "把", "块", "根", "个", "条", "片"))
_CLAUSE_STOPS = frozenset(PUNCT) - {"、"}  # (a list goes on over 、)
_BACK = 4  # tokens looked at before a name for its lead


def _witnessed(words, kinds, i) -> bool:
    """Whether token ``i`` is what an experiential 过 after a seeing, hearing or tasting verb takes
    (「看过皮影」「听过几回评书」「见过舞龙」), with at most two counting words between."""
    j = i - 1
    for _ in range(2):
        if j >= 0 and (kinds[j] == "Q" or words[j] in WITNESS_FILLERS):
            j -= 1
    if j < 0:
        return False
    w = words[j]
    if w == "过":
        return j > 0 and words[j - 1] in WITNESS_VERBS
    return len(w) >= 2 and w.endswith("过") and w[:-1] in WITNESS_VERBS


def _compared(words, kinds, i, tags) -> bool:
    """「像龙舟一样」「比二胡高」「不是苏绣」「跟京剧不一样」「与潮州木雕、潮州石雕并称」: the name is what the
    text's thing is likened to, set against or denied (``tags``: jieba's part-of-speech table)."""
    n = len(words)
    for j in range(i - 1, max(-1, i - 1 - _BACK), -1):
        w = words[j]
        if w in _CLAUSE_STOPS:
            return False
        if w in COMPARE_LEADS or (len(w) == 2 and w[0] in GLUED_LEADS and tags.get(w[1], "")[:1] == "v"):
            return True
        if w in COMPARE_WITH:
            for k in range(i + 1, min(n, i + 12)):
                if words[k] in _CLAUSE_STOPS:
                    break
                if words[k] in COMPARE_ENDS:
                    return True
            return False
    return False


def _handled(words, kinds, i) -> bool:
    """「拿一张金箔」「用那把二胡」「一张金箔」: the name is a thing taken, used or counted, not the practice."""
    j = i - 1
    while j >= 0 and words[j] in _BETWEEN:
        j -= 1
    if j >= 0 and kinds[j] == "Q":
        return True  # 「三寸见方的金箔」「两条龙舟」: a thing measured or counted
    if j >= 0 and words[j] in TOOL_LEAD:
        return True
    # a numeral and classifier between (「一张」 as one token, or 「张」 after a numeral)
    return j < i - 1 and words[j + 1][:1] == "一"


def _modifies(words, kinds, i) -> bool:
    """「端午习俗的来历」「炒茶的两只手」: the name modifies a noun after it (X的Y, or XY said as one phrase)."""
    if i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    if nxt == "的":
        return i + 2 < len(words) and words[i + 2] not in PUNCT
    return kinds[i + 1] in ("N", "T", "A")


def _opens_clause(words, kinds, i) -> bool:
    """The name is the first word of its clause (after fillers such as 咱/这个): its subject or topic."""
    j = i - 1
    while j >= 0 and kinds[j] is None and len(words[j]) == 1 and words[j] not in PUNCT:
        j -= 1  # (咱, 这: one-character words of no kind)
    return j < 0 or words[j] in PUNCT


def _aside(words, kinds, i, tags) -> bool:
    return _witnessed(words, kinds, i) or _compared(words, kinds, i, tags)


def name_role(words, kinds, i, opening: bool, tags) -> int:
    """The weight of a name said at token ``i`` (``opening``: the token is in the text's opening)."""
    if _aside(words, kinds, i, tags):
        return ASIDE
    if i + 1 < len(words) and words[i + 1] in TIME_AFTER:
        return PASSING
    if _handled(words, kinds, i):
        return PASSING
    if opening:
        return OPENING
    if _modifies(words, kinds, i) and not _opens_clause(words, kinds, i):
        return PASSING
    return PLAIN


def _is_action(spec, w: str) -> bool:
    """Whether the craft word ``w`` is an action (the lexicon's category, else the catalogue field it is listed in)."""
    info = spec.terms.get(w)
    return (info.category if info is not None else spec.catalogue_category.get(w)) == "action"


def _opening_end(text: str) -> int:
    end = min(len(text), OPENING_CHARS)
    for ch in FULL_STOPS:
        at = text.find(ch, 0, end)
        if at != -1:
            end = at
    return end


def detect(spec, words, starts, kinds, text: str, catalogue_said=()):
    """The craft of a free text, or None (unsure). ``words``, ``starts``, ``kinds``: the text's tokens as jieba cut
    it (``extract._base_tokens``); ``catalogue_said``: the (start, end) spans of the catalogue's own words found in
    ``text`` (``Spec.catalogue_re``), which jieba may have cut otherwise."""
    craft_words = spec.craft_words
    craft_names = spec.craft_names  # (the craft words that are a craft's name)
    catalogue_words = spec.catalogue_words
    opening_end = _opening_end(text)
    tags = spec.pos_tags()
    best_word: dict[str, int] = {}  # word → its highest weight (as a name) in the text
    # (only the spec's terms and craft names are looked at: the other tokens are skipped at once)
    for i, k in enumerate(kinds):
        if k is None or k not in _CRAFT_KINDS:  # (most tokens have no kind: one pointer test skips them)
            continue
        w = words[i]
        if w not in craft_words:
            continue
        had = best_word.get(w, -1)
        named = w in craft_names
        if had >= (OPENING if named else PLAIN):
            continue  # said before in the best role it can have: a later saying cannot weigh more
        if named:
            weight = name_role(words, kinds, i, starts[i] < opening_end, tags)
        else:  # (``_aside`` written out: one call fewer per word of a craft)
            weight = ASIDE if _witnessed(words, kinds, i) or _compared(words, kinds, i, tags) else PLAIN
        if weight > had:
            best_word[w] = weight
    for a, b in catalogue_said:
        w = text[a:b]
        if w not in catalogue_words or best_word.get(w, -1) >= PLAIN:
            continue
        i = bisect_right(starts, a) - 1
        weight = ASIDE if i >= 0 and (_witnessed(words, kinds, i) or _compared(words, kinds, i, tags)) else PLAIN
        if weight > best_word.get(w, -1):
            best_word[w] = weight
    scores: dict[str, int] = {}
    own: set = set()  # crafts with a word of their own said (their name, or a thing no other craft has)
    own_actions: dict[str, int] = {}  # craft → how many actions of its own were said
    for w, weight in best_word.items():
        if weight == ASIDE:
            continue
        table = craft_words.get(w, {})
        if w in catalogue_words:
            table = {**table, **catalogue_words[w]}
        for key, base in table.items():
            if base >= 3:
                add = weight
                own.add(key)
            else:
                add = WORD
                if len(table) == 1:
                    if _is_action(spec, w):
                        own_actions[key] = own_actions.get(key, 0) + 1
                    else:
                        own.add(key)
            scores[key] = scores.get(key, 0) + add
    for key, n in own_actions.items():
        if n >= OWN_ACTIONS:
            own.add(key)
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    best, score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if score >= THRESHOLD and score - second >= MARGIN and best in own:
        return spec._info(best, "detected")
    return None
