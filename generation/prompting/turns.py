"""Who is speaking: the parts of an interview transcript that are not the master describing the work.

Oral histories are interviews. A transcript pasted or imported as it was written down carries speaker
labels (「问:」「答:」「记者:」「王师傅:」「金文华(传承人):」「Q:」), the interviewer's turns, and questions put
to the master (「您这个锔钉是怎么打的?」). None of them is a step: a label is no term or material, and
a question names an action without describing it being done. :func:`spans` finds them on the normalized
text; ``core.normalize`` blanks them (:func:`blank`, one character for one, so every offset still indexes the
caller's text) before the stages read it, and says how many it set aside in a warning.

The rules, each general to interview transcripts of any craft:

* **A speaker label** is a short name before 「:」 at the start of a line or a sentence (after a time code
  such as ``[00:01:23]`` too): a role word (:data:`INTERVIEWER_ROLES`, :data:`SPEAKER_ROLES`), a name with a
  title (「王师傅」「李大爷」「老张」「小刘」「阿英」), a surname and one or two more characters that are no
  word of jieba's dictionary (「金文华」, while 「温度:」「左手:」「关键:」 are words and stay), or any of these
  with a role in brackets (「金文华(传承人):」). Only the label is set aside.
* **The interviewer's turn** (a label of :data:`INTERVIEWER_ROLES`, or a name the caller gives as the
  interviewer's) runs to the next label or the end of the line; when the text has neither, to the end of the
  turn's first question (「?」), else of its first sentence.
* **A question put to the master** anywhere else: the clause ending in 「?」 when it asks (an interrogative
  word of :data:`INTERROGATIVES`, or a final 吗/么/呢/嘛). Only that clause: 「你看,针要斜着进,懂吗?」 keeps its
  step, 「您这个锔钉是怎么打的?」 gives none; and of a statement ending in a tag (:data:`TAGS`, 「针要斜着进是不是?」)
  only the tag. A question without a question mark (speech-recogniser output)
  cannot be told from a statement and is read as one.
"""
from __future__ import annotations

import re

# Full-width forms as escapes (see words.FULLWIDTH_PUNCT): \uff1a ：, \uff1f ？, \uff01 ！, \uff08 （, \uff09 ）,
# \uff0c ，, \uff1b ；, \u3010 【, \u3011 】.
_COLON = ":\uff1a"
_QUESTION = "?\uff1f"
_SENTENCE_END = "\u3002!\uff01?\uff1f\n\r"
_CLAUSE_END = _SENTENCE_END + ",\uff0c;\uff1b\u3001:\uff1a"
_FILLER = "\u3002"  # what a set-aside character becomes: a full stop, so no clause runs across the gap

INTERVIEWER_ROLES = frozenset({
    "问", "提问", "记者", "采访", "采访者", "采访人", "访谈者", "访谈人", "访问者", "访员", "主持人", "主持",
    "编者", "编导", "整理者", "整理人", "调查者", "调查人", "调研者", "Q", "q", "问者"})
SPEAKER_ROLES = frozenset({
    "答", "回答", "传承人", "受访者", "受访人", "讲述人", "讲述者", "口述人", "口述者", "艺人", "师傅", "师父", "老师",
    "匠人", "手艺人", "A", "a", "答者", "甲", "乙", "徒弟", "学徒"})

# a title said after a surname or a name (「王师傅」「李大爷」「刘湘云老师」), and 老/小/阿 before one (「老张」)
_TITLES = ("师傅", "师父", "老师", "大爷", "大娘", "大妈", "阿姨", "奶奶", "爷爷", "婆婆", "姥姥", "大姐", "大哥", "大叔",
           "大婶", "老汉", "老爷子", "匠人", "艺人", "手艺人", "传承人", "老太", "先生", "女士", "同志", "师", "姐", "哥", "叔", "伯", "婶", "嫂", "公", "婆", "工")
_PREFIXES = ("老", "小", "阿")

# The commonest Chinese surnames (single and double), for a name before a colon that jieba's dictionary does
# not know (「金文华:」).
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊"
    "葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉"
    "骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏"
    "宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
COMPOUND_SURNAMES = frozenset({"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "司徒", "令狐",
                               "夏侯", "长孙", "宇文", "端木", "独孤", "南宫", "西门", "百里", "呼延"})

# words and final particles that make a clause ending in 「?」 a question (not 吧: 「差不多了吧?」 is said of the work)
INTERROGATIVES = ("怎么", "怎样", "咋", "如何", "什么", "啥", "多少", "多大", "多长", "多久", "多厚", "多高", "多宽",
                  "多深", "多重", "多远", "多粗", "几", "哪", "谁", "为什么", "为啥", "干嘛", "干吗", "是不是", "有没有",
                  "能不能", "会不会", "要不要", "可不可以", "对不对", "行不行", "好不好", "中不中", "是否", "可否")
_FINAL_PARTICLES = "吗么呢嘛"
# a tag at the end of a statement asking the listener to agree or follow (「针要斜着进是不是?」「先泡三天对吧?」):
# only the tag is a question, the words before it are the master's statement
TAGS = ("是不是", "对不对", "好不好", "行不行", "中不中", "是吧", "对吧", "好吧", "懂吗", "懂不懂", "知道吗", "知道不",
        "明白吗", "明白不", "晓得吗", "晓得不", "记住没", "记住了吗", "看见没", "看到没", "听见没", "会了吗", "是吗", "对吗",
        "行吗", "好吗", "有没有")

# a label at the start of a line or a sentence, after a time code as transcripts write it ([00:01:23], 00:01:23.5,
# (01:23), 【1:02:03】): a short run of letters (Chinese or Latin) with an optional bracketed role, then a colon.
# One pattern, so that the scan for it runs in the regular-expression engine.
_LABEL = re.compile(
    r"(?:^|(?<=[\u3002!\uff01?\uff1f\r]))[ \t\u3000]*"
    r"(?:[\[(\uff08\u3010]?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?[\])\uff09\u3011]?[ \t\u3000-]*)?"
    r"([^\W\d_]{1,8}?)[ \t]*(?:[(\uff08]([^()\uff08\uff09\n]{1,10})[)\uff09])?[ \t]*[:\uff1a][ \t\u3000]*",
    re.M)
_INTERROGATIVE = re.compile("|".join(sorted(INTERROGATIVES, key=len, reverse=True)))
_TAG = re.compile("(?:" + "|".join(sorted(TAGS, key=len, reverse=True)) + ")[啊呀哈嘛呢]?$")


def is_interviewer(name: str, interviewers=()) -> bool:
    """Whether a speaker (a label, or a transcript segment's speaker) is the interviewer: an interviewer's role
    word (「问」「记者」「采访人」「Q」) or one of the names the caller knows (the recording's interviewer). The one
    rule for it: the normalizer's labels and the archive's segments both ask here."""
    name = (name or "").strip()
    return bool(name) and (name in INTERVIEWER_ROLES or name in interviewers)


# Role words that stand for the one who answers in an interview: the recording's speaker (not 徒弟/学徒, someone
# else, nor 甲/乙, which say nothing of who is who).
ANSWERER_ROLES = SPEAKER_ROLES - {"徒弟", "学徒", "甲", "乙"}


def surname(name: str) -> str:
    """A Chinese name's surname: a compound surname (欧阳) or its first character."""
    name = (name or "").strip()
    return name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1]


def is_speaker(label: str, names=(), interviewers=()) -> bool:
    """Whether a transcript's speaker label stands for the recording's speaker, the person interviewed, whose
    ``names`` (the inheritor's name, the recording's speaker name) the caller knows: one of those names, that
    name or its surname with a title (沈秀芬老师, 沈老师, 沈师傅), 老/小/阿 with the surname (老沈), or a role
    word for the one who answers (答, 受访者, 讲述人, 传承人 …). Never the interviewer (``is_interviewer``).
    How a recording maps its transcript's labels to people: the S2V speaker check asks here."""
    label = (label or "").strip()
    if not label or is_interviewer(label, interviewers):
        return False
    if label in ANSWERER_ROLES:
        return True
    for name in filter(None, ((n or "").strip() for n in names)):
        if label == name:
            return True
        for head in {name, surname(name)}:
            if label.startswith(head) and label[len(head):] in _TITLES:
                return True
        if label[:1] in _PREFIXES and label[1:] == surname(name):
            return True
    return False


def _role(name: str, bracket: str | None, interviewers: frozenset, dictionary: dict) -> str | None:
    """"interviewer", "speaker" or None (no label) for a name before a colon."""
    for word in (bracket, name):
        if word is None:
            continue
        word = word.strip()
        if is_interviewer(word, interviewers):
            return "interviewer"
        if word in SPEAKER_ROLES:
            return "speaker"
    return "speaker" if _is_name(name, dictionary) else None


def _is_name(name: str, dictionary: dict) -> bool:
    """A person's name or form of address: a surname or 老/小/阿 with a title (王师傅, 老匠人), 老X/小X/阿X with X a
    surname, a word jieba's dictionary tags as a name (nr), or a surname and one or two more characters that are no
    word of the dictionary (金文华; 温度 and 左手 are words)."""
    n = len(name)
    if n < 2 or n > 5:
        return False
    for title in _TITLES:
        if name.endswith(title) and len(name) > len(title):
            head = name[:-len(title)]
            if head[0] in SURNAMES or head[:2] in COMPOUND_SURNAMES or len(head) <= 3 and head[0] in _PREFIXES:
                return True
    if n == 2 and name[0] in _PREFIXES and name[1] in SURNAMES:
        return True
    tag = dictionary.get(name)
    if tag is not None:
        return tag[:2] == "nr"
    if name[:2] in COMPOUND_SURNAMES:
        return 3 <= n <= 4
    return name[0] in SURNAMES and n <= 3


def _labels(text: str, interviewers: frozenset, dictionary: dict) -> list[tuple[int, int, str]]:
    """(start, end, role) of each speaker label, in order (a time code before it is left as it is)."""
    out = []
    for m in _LABEL.finditer(text):
        role = _role(m.group(1), m.group(2), interviewers, dictionary)
        if role is not None:
            out.append((m.start(1), m.end(), role))
    return out


def _turn_end(text: str, start: int, stop: int) -> int:
    """The end of an interviewer's turn starting at ``start`` with no label or line end before ``stop``."""
    line = text.find("\n", start, stop)
    if line >= 0:
        return line
    if stop < len(text):
        return stop  # the next label ends the turn
    q = -1
    for ch in _QUESTION:
        at = text.find(ch, start, stop)
        if at >= 0 and (q < 0 or at < q):
            q = at
    if q >= 0:
        while q < stop and text[q] in _SENTENCE_END:
            q += 1
        return q
    k = start
    while k < stop and text[k] not in _SENTENCE_END:
        k += 1
    while k < stop and text[k] in _SENTENCE_END:
        k += 1
    return k


def _questions(text: str, skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clauses ending in 「?」 that ask, outside ``skip``."""
    out = []
    for qm in re.finditer("[" + _QUESTION + "]", text):
        end = qm.start()
        if any(a <= end < b for a, b in skip):
            continue
        k = end
        while k > 0 and text[k - 1] not in _CLAUSE_END:
            k -= 1
        clause = text[k:end].rstrip()
        if not clause.strip():
            continue
        tag = _TAG.search(clause)
        if tag is not None:
            said = clause[:tag.start()]
            if not said.strip():
                out.append((k, qm.end()))  # the clause is the tag
                continue
            if not _INTERROGATIVE.search(said):
                out.append((k + tag.start(), qm.end()))  # only the tag: what comes before it is a statement
                continue
        if _INTERROGATIVE.search(clause) or clause[-1] in _FINAL_PARTICLES:
            out.append((k, qm.end()))
    return out


def spans(text: str, *, interviewers=(), dictionary: dict | None = None, speakers=()) -> list[tuple[int, int]]:
    """The spans of ``text`` (``normalize_chars`` output) that are not the master describing the work:
    speaker labels, the interviewer's turns and questions put to the master (module docstring), sorted,
    not overlapping. ``interviewers``: names the caller knows to be the interviewer's (the recording's
    interviewer); ``speakers``: ``(start, end, speaker)`` of the parts of ``text`` whose speaker the caller
    knows (a recording's transcript segments), the interviewer's set aside whole; ``dictionary``: jieba's
    word → part-of-speech table (``Spec.pos_tags()``), so that a word before a colon is no name. Empty, at
    the cost of one scan, when the text has no colon and no 「?」 and no known interviewer's part."""
    names = frozenset(n.strip() for n in interviewers if n and n.strip())
    found: list[tuple[int, int]] = [(max(a, 0), min(b, len(text))) for a, b, who in speakers
                                    if a < b and is_interviewer(who, names)]
    if not found and not any(ch in text for ch in _COLON + _QUESTION):
        return []
    dictionary = dictionary or {}
    labels = _labels(text, names, dictionary) if any(ch in text for ch in _COLON) else []
    for i, (a, b, role) in enumerate(labels):
        if role == "interviewer":
            stop = labels[i + 1][0] if i + 1 < len(labels) else len(text)
            found.append((a, _turn_end(text, b, stop)))
        else:
            found.append((a, b))
    found.extend(_questions(text, found))
    found.sort()
    merged: list[tuple[int, int]] = []
    for a, b in found:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def blank(text: str, found: list[tuple[int, int]]) -> str:
    """``text`` with each span's characters made full stops (line ends kept), one for one."""
    if not found:
        return text
    parts, pos = [], 0
    for a, b in found:
        parts.append(text[pos:a])
        parts.append("".join(ch if ch in "\n\r" else _FILLER for ch in text[a:b]))
        pos = b
    parts.append(text[pos:])
    return "".join(parts)
