"""Steps that are no steps (issue 11, r6-precision): a verb the speaker says but does not do.

``non_steps(steps, norm)`` is read once the steps of a text are built (after a correction's retraction,
before the order and the carried roles): it returns the ids of the steps whose verb, by the words around
it in its clause, is not an action performed, and ``extract`` hands each one's quantities and notes to the
step before (or after), so nothing said is lost. Every test reads the normalized text around the step's
own verb (its ``surface``), inside the clause (between two clause marks), in constant reach; the classes:

* a **correction cue** read as a verb (「三四遍,哎说错了,四五遍」: 说错 is the speaker taking a word back);
* a verb under a **prohibition** (words.PROHIBITIONS, 别/莫/不要/不许/不敢/甭/不能/不可/切忌/切勿… before it, with
  a degree adverb, a coverb phrase 往…/在…/把…, for a one-character result complement its verb, or any few words
  that hold no verb of another step between, unless 要/得/才/只/了/一… turns the clause or the next clause starts there
  (unmarked without punctuation: 先/然后…, 时候, a person 们/师傅/我…, a hand, a particle): 「手千万别凑上去」「莫扎死了」
  「不敢捆太死」「火别在罐口停」「千万别搁太阳底下晒」「不用弦乐伴奏」; not 「不能吹太阳要勤翻」): what must not be
  done is not done, the prohibitive read as a verb (「切忌直冲壶心」) is no step either, and what such a step names
  (and a mishap's, below) is given to no other step (``warned``: 「切忌直冲壶心」 makes no 「冲壶心」);
* a **name** after a naming verb (「这叫捞纸」「管它叫抽陀螺」: 叫/叫做/称为 + the verb named) and the words of
  a **saying** quoted (「老话讲三煮九蒸十八晒」: 老话/俗话/老人… + 讲/说, up to the clause's end);
* a verb that only says **when**: 「V之前/V以前/V前,先…」 when the text says the verb again later as a step
  (「吹之前得先泡…吹的时候…」: it is done where it is described; said once, 「下锅以前豆子要先泡一夜」, it
  stays a step, put after, by ``_reorder``);
* a verb that only says **when** as a **recap**: 「V完了,…」「V完拿…」「V完一色换一色」 after a step of the same
  verb and with a step after it (「钉钉子…钉完了捻缝」「洗手…洗完了按穴位」): the work said before is over, the
  step is what follows (a V完 with no step after it, 「全刻完了。」, ends the text and stays; a V完 whose verb
  was no step before, 「勾…弹完了」, stays too);
* how long a step **lasts**, said again: 「一V就是 + a duration」 (「一站就是半个钟头」) after a step of the same
  verb among the three steps before it (站桩…), or of a thing left to stand (「封好坛口,一放就是三年」: 放/搁/存),
  is no step of its own (its duration goes to the step before); otherwise it is the step, the duration its
  parameter (「唱之前先盘腿坐…一唱就是三四个钟头」: 唱);
* a **distance** said with 离/隔/距 and a number (「火头离皮肤一寸」「两只手隔一尺」): a measure of the step,
  not a motion of its own;
* a **sound** described (「敲鼓心声音闷」: 声音/声儿 + the predicate): how it sounds, not what is done;
* a **mishap** and what brings it on: a clause that ends in 就 + damage or failure (「扎松了一煮就散」「一滑就扎手」
  「眼打歪了整根料就废了」「熬过了一百七,糖就发苦」) is a warning, not the work: the verb after 就, and the
  condition's verbs before it (in its clause, or the clause before when that one ends the condition:
  「对版对不准,颜色就跑了」); a failure said as avoided (「下刀不容易崩」) and what a clause opened by
  省得/免得/以免 avoids (「打个结,省得滑手」) or what follows 不然/要不然/否则 (「线要绷紧,不然绣出来会皱」). A result that is no failure (「袖子就甩出去了」「花样就印到布上了」)
  keeps its steps.

* a **doer or a thing named by a verb**: the clause opens with 「V(O)的 + noun」 (「打鼓的人站后头」「描金的笔是
  狼毫」「染好的叫花布」): the verb says who or what, its subject, not a step;
* the **same verb again**, right after a comma: 「篾片拿手弯,弯成半圆」「慢慢摊凉,凉到三十度」 (the step's verb starts
  with the character the step before ends with, a comma between): its extent, said of the step before;
* a **quality**: a verb right after a degree adverb (最/很/挺/真/特别/非常: 「这道工序最磨人」「描金最见功夫」
  「火候最要紧」) or before a degree complement (得很/得不得了/得要命: 「铁水烫得很」) says how the work is, not
  what is done;
* a **count of things** read as a verb: 「一个皮猴…」「二十个鼓手」 (a number + 个 opening the clause, then a word
  of two characters): a thing counted, not a step;
* a **span summed up**: 「一 + a span (段/场/套/天/口气…) + V下来」 (「一场演下来两个钟头」「一口气写下来」) says how
  long or how much the work said before takes, not a step of its own (its quantities go to the step before);
* the **work the text opens on**: the text's first clause is the verb with at most three characters of its object and
  a particle (「滚元宵,」「吹木叶嘛,」「我们打糍粑,」), and a later step says the verb again: the work named, its steps
  said after; what it names goes to no step (a verb said once, 「晒酱,黄豆煮烂了…」, stays a step);
* a **rate or an amount said again** (s22-spurious): the clause opens with 一/每 + a unit, then the verb of a step
  before and a number (「一分钟能打个一百多下」「一把要扎三十来根」「一出戏里头要甩个十来回」): how often or how much
  of the work said before, not a step of its own (its quantities go to the step before); not 一边/一只/一下…, not after
  了/再/又/先 (「一遍干透了再上一遍」 is a step), not V一V (「每个穴位上点一点」), not a step reaching past its clause;
* a **bare direction** as the verb, after 就 or after 一 + a stroke (「门就开出来了」「墨就渗下去了」「一铲子
  下去三寸」): what comes out of a step (a result said by its subject) or the measure of each stroke, not a
  motion of a hand.

Junk steps (issue 11, p1): words read as verbs that show nothing a video could:

* a **verdict**: the verb after 算 (「膝盖着了地都算输」「交到裁判手里才算赢」; not 打算/计算), the words 算数/就算
  (「磨到发亮才算数」) and a contest's outcome (输/赢) said alone;
* a **mistake**: 错 said alone (「这个比例错不得」「错一根整片花都得拆」), not the stroke 一错 (「钹往两边一错」);
* a **feeling or a knowing** (想/觉得/知道/怕/疼/累/僵/会…: 「疼是有点疼」「想到啥数啥」); seeing and hearing
  (看/听/盯) are done and stay;
* a **function character** read as a verb: 每 (「每过一梭」), 靠 after 全/就/只/都 (「全靠手腕子往下弹」);
* a **classifier** after a number after the verb of the step before (「拉六扣」「一弓拉四拍」; not 一, a stroke;
  not 「九蒸九晒」, the same number before both verbs);
* a bare **出来** (「盐花一层一层析出来」「出来那个气泡音」「出来再填」: what comes out, unless a hand or a foot
  does) and a **fall** opening its clause before a step (「扔上去,落下来拿线接住」: when the catch is done).

Junk steps, round 2 (issue 11, p2):

* a **mishap said with 要** right after its condition (「刷厚了要起皱的」「罐口烫了要烫伤人的」「油珠子滴下来要烫
  人」: V了/V过/V + a direction, then 要 + a word of damage closing the clause), in ``_mishap`` as the 就 form is;
* a **job named** by its verb before the ordinal of its steps (「造龙舟头一步是放样」「拉京胡头一件事是点松香」, speech's
  头一样: 「打腰鼓头一样是系鼓带」) or
  before 这一步/这道工序 (「和料这一步」「拉丝这道工序最磨人」), or before what it takes (讲究/最要紧: 「俺们酿醋讲究
  蒸」「淬火最要紧」): the job, its steps said after;
* a verb that only says **when**, 「V(O)的时候」 opening its clause, after a step of the same verb (「芦笙是边吹边跳
  的。吹的时候两只手捧着笙斗」; said first, 「吹的时候…」 stays the step);
* 上 + a **steamer** or a pot right before the next step's verb (「上笼蒸一天」「上锅蒸一刻钟」): where 蒸 is done;
* a **sentence-final particle** read as a verb, closing its clause (「三分钟就筑满咧」);
* a **test of readiness**: 能 + the verb, the clause ending in 就中/就成/就行 (「松紧能插进一个指头就中」「膏子能扯成旗
  就成了」): what the thing takes when it is ready.

One class is read on the tokens, before the steps are built (``likened``, called by ``extract``):

* a **comparison**: 「像吊着线一样」「像捏毛笔那样」「跟拿毛笔一样」「像翅膀一样」 (像/好像/就像/如/犹如/仿佛/跟/和/
  同 … 一样/那样/似的/一般, in one clause) says how the next verb is done: its verbs are no steps and its
  nouns no tool or material (「两只手像吊着线一样抬起来」: 抬起, both hands; 「就跟拿毛笔一样」 alone: no
  step). The words stay in the text.
"""
from __future__ import annotations

import re

from .quantities import CORRECTION_CUES
from .words import (NAMING_VERBS, OTHERWISE_CUES, PERSON_NOUNS, PROHIBITIONS, PUNCT, SENTENCE_ENDS, SPEECH_PARTICLES,
                    UNUSED_LAST, UNUSED_RE, said_unused)

# (the clause marks: a step's clause runs between two of them)
_CLAUSE_MARKS = frozenset(PUNCT)
_REACH = 24  # characters before or after a verb that a test reads (constant: linear in the text)

# a speaker's correction of a word said: the verb-like cues of quantities.CORRECTION_CUES (the one list of
# the cues that take a value back: 说错, 讲错, 搞错, 记错, 口误) and three that take no value back
_CORRECTION_VERBS = frozenset(c for c in CORRECTION_CUES if c[-1] in "错误") | {"说反", "讲反", "说岔"}

# prohibition and inability (words.PROHIBITIONS); 别 not inside 别人/特别/分别/区别/别的…
_PROHIBITION = re.compile("(?:" + "|".join(
    r"(?<![特分区差类告识个派性级鉴])别(?![人的处样])" if w == "别" else w
    for w in sorted(PROHIBITIONS, key=lambda w: (-len(w), w))) + ")")
# characters every match of _PROHIBITION holds (tests/test_prompting_nonsteps.py checks it): words before a
# verb with none of them prohibit nothing, and the scan for the last prohibition is skipped
_PROHIBITION_ANCHORS = ("别", "莫", "不", "甭", "勿", "忌", "禁")
# a prohibitive read as a verb of its own (「切忌直冲壶心」: 切忌) is no step
_PROHIBITION_WORDS = frozenset(w for w in PROHIBITIONS if len(w) == 2 and w[0] != "不")
# what may stand between a prohibition and the verb: degree and manner adverbs
_GAP_ADVERBS = re.compile(r"(?:太|硬|再|乱|老|过|多|太过|轻易|随便|急着|一下子|马上|就)*")
# or a coverb phrase (「别往指头那边走」「别在罐口停」「别拿指尖戳」)
_COVERBS = ("往", "朝", "向", "在", "对着", "冲着", "把", "拿", "用", "从")
# or any words that hold no verb of a step (「千万别搁太阳底下晒」「不用弦乐伴奏」), in this reach, unless one of
# them turns the clause to what is to be done (「不能吹太阳要勤翻」「别停手得一直搅」), ends what was done before
# (了: unpunctuated speech runs on, 「千万别过四十五度翻到底了撒盐」) or opens a stroke (「莫甩过肩膀膝盖一屈」)
_GAP_REACH = 10
_TURNS = re.compile("[要得该应才而只了一]")
# nor over where the next clause starts, which text without punctuation does not mark (nlp-asr: 「大鼓平时不许敲击
# 舞前寨老们杀一头乳猪」: 杀 is done): a sequence word (先/再/然后/接着…), a time said (…的时候, 之前/以前), a person
# who does the next thing (…们, a person noun, a pronoun; not after 让/叫/给…, who is made to do it), a hand, a
# sentence-final particle
_GAP_STOPS = re.compile("|".join((
    "先", "再", "然后", "接着", "接下来", "随后", "最后", "其次", "时候", "之前", "以前", "之后", "以后",
    "(?<![让叫给替帮教跟和同])(?:们|我|你|他|她|咱|俺|%s)" % "|".join(sorted(PERSON_NOUNS, key=lambda w: (-len(w), w))),
    "左手", "右手", "双手", "两手", "两只手", *sorted(SPEECH_PARTICLES))))

# naming: the words right after 叫/称为… are a name (「这叫捞纸」「管它叫…」「这叫挑压」: up to three
# characters of the name before the verb), not when a person stands there (「叫徒弟拉」: 叫 makes someone do it)
# (the naming verbs are words.NAMING_VERBS, the longest first)
_NAMING = re.compile("(?:" + "|".join(sorted(NAMING_VERBS, key=lambda v: (-len(v), v))) + ")([^他她我你人们徒弟家]{0,3})$")
# a saying quoted (「老话讲…」「俗话说…」「老人讲…」)
_SAYING = re.compile(r"(?:老话|俗话|古话|老人|老辈人|老辈|老古话|老话儿|常言)(?:讲|说|道|儿讲|儿说)|常言道|俗话讲")
# characters every match of _NAMING and of _SAYING holds (tests/test_prompting_nonsteps.py checks it)
_NAMING_ANCHORS = ("叫", "称", "谓")
_SAYING_ANCHORS = ("话", "老", "常")

# 「V之前」「V前,」「V前先…」: a time said by a verb done later (what follows the verb starts with one of
# _BEFORE_WORDS, a test in C, before the pattern is tried)
_BEFORE_WORDS = ("之前", "以前", "前")
_BEFORE_FIRST = frozenset(w[0] for w in _BEFORE_WORDS)  # (the first characters of them: non_steps' gate)
_BEFORE = re.compile(r"(?:之前|以前|前(?=[先要得还都就必一]|$))")
# (p2) a test of readiness: 能 + the verb, and the clause ends in 就中/就成/就行 (「松紧能插进一个指头就中」「膏子能扯成
# 旗就成了」): what the thing can take when it is ready, not a step (not 「压到两毫米就够了」: how far a step goes)
_ABLE = ("能", "能够")
_ABLE_LAST = frozenset(w[-1] for w in _ABLE)  # (the last characters of them: non_steps' gate)
_READY = re.compile(r"就(?:中|成|行|可以)[了啦咧喽]*$")
_READY_ENDS = ("中", "成", "行", "以", "了", "啦", "咧", "喽")  # (the last character of every _READY match)
# (p2) a sentence-final particle of speech read as a verb (「三分钟就筑满咧」「火就起来咧」: 咧 as jieba's 咧嘴), when
# it closes its clause
_FINAL_PARTICLES = frozenset(("咧", "哩", "嘞", "啰"))
# (p2) 上 + a steamer or a pot right before the verb of the next step (「上笼蒸一天」「上锅蒸一刻钟」): where the
# verb is done, as 搁锅里 is (the step is 蒸)
_STEAMERS = frozenset("锅笼屉甑")
# (p2) a job named by its verb before the ordinal of its steps or 这 + a step word, opening its clause (「造龙舟头
# 一步是放样」「打锡头一步是化锡」「拉京胡头一件事是点松香」「拉丝这道工序最磨人」「和料这一步」), or before what it takes
# (「俺们酿醋讲究蒸」「打腰鼓讲究个踢」「淬火最要紧」): the job, not a step (its object at most four characters)
_JOB_ANCHORS = ("步", "桩", "件", "道", "序", "究", "紧", "样")  # (characters every match of _JOB_STEP holds: a text with none names no job)
_JOB_STEP = re.compile(r"[^的,,]{0,4}?(?:(?:头|第)[一二三四五六七八九十]+(?:步|桩|件事|道工序|道|样)|这(?:一|头)?(?:步|道工序|道|桩|个工序|个步骤)|讲究|最要紧|顶要紧)")
# (p2) 「V(O)的时候」 opening its clause: a time said by a verb that was a step before (the same verb)
_WHILE = re.compile(r"[^的,,]{0,3}?的时候")
_WHILE_REACH = 7  # characters after the verb where 的时候 may start (an object of at most three, then 的时候)
# 「V完」 as a recap: what may follow 完 (了, a clause mark, a tool lead or 把, 一 + what was done once, a
# link to the next verb)
_RECAP_NEXT = ("了", "拿", "用", "把", "将", "一", "就", "再", "才", "以后", "之后", "后")
# (a recap's verb ends in 完 or 好, or 完 or 好了 follows it: ``_recap`` is read only then)
_RECAP_ENDS = ("完", "好")
_RECAP_AFTER = ("完", "好了")
# (the first characters of _RECAP_AFTER: a step with neither after it nor 完/好 ending its verb is no recap, and
# ``_recap`` is not called; where one is, ``_recap`` reads the whole cue itself)
_RECAP_FIRST = frozenset(w[0] for w in _RECAP_AFTER)
# 「一V就是三天」: how long (a number or 一整/大半 + a time word after 就是)
_LASTS = re.compile(r"就是(?:[0-9一二两三四五六七八九十半几俩仨来多个整大]+)(?:[个]?(?:钟头|小时|天|夜|宿|年|月|个月|礼拜|星期|时辰|分钟|晚上|早上|上午|下午|整天))")
# a thing left to stand (「封好坛口,一放就是三年」): how long it waits, never a step of its own
_LEFT_VERBS = frozenset(("放", "搁", "存", "撂", "摆", "放着", "搁着", "存着"))
# distance and spacing verbs, a number after them in the clause
_DISTANCE_VERBS = frozenset(("离", "隔", "距", "距离", "相隔", "相距", "隔开"))
_NUMBER = re.compile(r"[0-9一二两三四五六七八九十半百几俩仨]")
# a span summed up: 一 + a span word, at most three characters (a noun), then V下来 (「一段唱下来」「一场跳下来」)
_SPAN = re.compile(r"一(?:段|场|套|天|整天|夜|趟|轮|曲|口气|个曲牌|个钟头|上午|下午|晚上)(?:[^一]{0,3}?)$")
# (nlp-spoken) what may follow the verb in the clause that opens the text, the work named: its object and a particle,
# no word of a step's own (先/再/要/用/拿/是/把/在/了…: 「剪纸先剪样」「扎灯先扎骨架」 open on a step)
_OPENER_TAIL = re.compile(r"[^先再要用拿是就把将在了着过的一]{0,3}[啊嘛呀呢哪吧]?")
# a bare direction: the step's verb is a directional complement alone (its verb is no step: 「亮出来」)
_DIRECTIONS = frozenset(("出来", "出去", "下去", "下来", "回去", "回来", "上去", "上来", "过去", "过来", "进去",
                         "进来", "起来", "掉下来", "掉下去", "掉出来"))
# a result said by its subject (「花就亮出来了」「罐子自己就掉下来了」): 就 among the four characters before
_RESULT_LEAD = "就"
# each stroke's measure (「一刀下去」「这一铲子下去」): 一 + one to three characters of a stroke
_STROKE = re.compile(r"一[^一就了]{1,3}$")
# a doer or a thing named by what is done to it, opening its clause as its subject (「打鼓的人站后头」
# 「描金的笔是狼毫」「染好的叫花布」): V + at most one character (no pronoun: 「按住他的手腕往下压」 is done) + 的 +
# a noun (not 的时候, 的话…; not 「V用的是…」: what it is done with), and the clause goes on after it (its
# predicate: 「开出个人脸的大样,」 is done), not a list of 的 (「泡,红的黄的就不用泡」: 泡 is done)
_RELATIVE = re.compile(r"[^的了着得地他她它我你]?的(?!时候|话|地方|样子|时|那)[^的了啊嘛呢吧哈呀是]")
_PREDICATE_AFTER = 3  # characters of the clause after 的, at least
_OPENERS = frozenset(("", "我们", "咱们", "咱", "俺们", "那个", "这个", "嗯", "这", "那"))
# a count of things read as a verb: the clause opens with a number + 个, then a word of two characters or more
# (「一个皮猴脖子上一根线」「二十个鼓手」; not 「做一个转身」: a verb counts it; not 「拿两个铜钱」: a thing held, a
# term kept with its step)
_COUNTED = re.compile(r"^[0-9一二两三四五六七八九十百几俩仨]+个$")
# a degree adverb right before the verb makes it a quality (「这道工序最磨人」「描金最见功夫」「火候最要紧」)
_DEGREE = ("最", "很", "挺", "真", "特别", "非常", "顶顶")
_DEGREE_LAST = frozenset(w[-1] for w in _DEGREE)  # (the last characters of them: non_steps' gate)
# or a degree complement after it, ending its clause (「铁水烫得很」「腰酸得不得了」; not 「打得很高」: how high)
_DEGREE_AFTER = re.compile(r"得(?:很|不得了|要命|慌|厉害)[了啊呢嘛哦哟呀]*")
# the marks that end a sentence: a verb said again after one of them is a new step
_STOPS = frozenset(SENTENCE_ENDS | {"."})  # (words.SENTENCE_ENDS, and the ASCII full stop)
# a sound as the subject of what is said
_SOUND = ("声音", "声儿", "响声", "音色")
_SOUND_LAST = frozenset(w[-1] for w in _SOUND)  # (the last characters of them: non_steps' gate)

# (s22-spurious) a rate or an amount said of a step again: the clause opens with 一/每 + a unit (of time, of the work,
# of a thing: 一分钟, 一出戏里头, 一把, 一瓣, 一天下来, 每回), then at most a modal (要/能/也就…), the verb of a step
# before (its first character), and a number (「一分钟能打个一百多下」「一把要扎三十来根」「一天也就弹两三床」): how often or how
# much, not a step of its own (its quantities go to the step before); not 一边/一面 (two verbs at once), not a hand
# (「一只手拿…」), not 一下, not a condition or a sequence (「一遍干透了再上一遍」: 了/再/又/先…), not V一V (「每个穴位上
# 点一点」: a step said softly)
_RATE_BEFORE = re.compile(r"(?:一|每)(?!边|面|只|手|下|齐|起|块儿|道|直|定|般|样|共)[^,，。.、一每的手脚是拿用往在了过着再又先还]{1,6}")
_RATE_LEADS = ("一", "每")
_RATE_AFTER = re.compile(r"[个了上它]{0,2}[0-9一二两三四五六七八九十半百几俩仨]")
# (issue 11, p1: junk steps)
# a verdict: the verb after 算 says what counts (「膝盖着了地都算输」「交到裁判手里才算赢」), not 打算/计算…;
# the verdict words themselves (「才算数」「就算腌好了」) and a contest's outcome said alone (输/赢)
_VERDICT = re.compile(r"(?<![打计盘估预核清换])算是?$")
_VERDICT_WORDS = frozenset(("算数", "就算", "才算", "算是", "输", "赢", "输了", "赢了"))
# a feeling or a knowing: nothing a hand shows (「疼是有点疼」「想到啥数啥」「脖子都僵了」); 看/听/盯 are done
# (「先看风」「听听声儿」) and stay
_FEELINGS = frozenset(("想", "想想", "觉得", "觉着", "感觉", "知道", "晓得", "懂", "明白", "记得", "怕", "害怕",
                       "担心", "疼", "痛", "累", "僵", "会"))
# a function character read as a verb: 每 (「每过一梭」: each time), 靠 after 全/就/只/都 (「全靠手腕子往下弹」:
# by what the step is done)
_FUNCTION_WORDS = frozenset(("每",))
_RELYING = ("全", "就", "只", "都", "主要")
# a classifier right after a number that follows the step before's verb (「拉六扣」「一弓拉四拍」, and 「拉八扣…拉九扣」:
# that verb said again): what that verb counts; 一 is a stroke (「往两边一错」), and 「九蒸九晒」 (the same number
# before both verbs) are two steps
_COUNT_NUMERALS = frozenset("二三四五六七八九十两几俩仨百")
# a fall of a thing thrown, opening its clause before a step (「扔个五六米高,落下来拿线接住」): when the catch is
# done, not a step
_FALLS = frozenset(("落下来", "掉下来", "落地", "落下"))
# a bare 出来 is what comes out (「盐花一层一层析出来」「出来那个粗粗的气泡音」「出来再填」), unless a hand or a foot
# comes out (a motion of the body)
_BODY_CHARS = tuple("手脚腿臂肘膝指")

# (words.MISHAP_CHARS is the other list of damage: what a bare predicate after 都/也 says happened to the
# body or the thing, 「手都练肿了」, read in extract's step kinds; this one is what follows 就 after a condition)
# a mishap: 就 (with up to two characters of a verb or a modal between: 「就车穿了」「就搅浑了」「就会裂」) + a
# word of damage or failure, ending its clause (a particle or an aspect mark may follow)
_MISHAP_WORDS = ("废", "散", "断", "破", "裂", "歪", "糊", "焦", "酸", "苦", "砸", "虚", "浑", "变形", "走样",
                 "起皱", "挂彩", "呛", "穿", "跑", "坏", "脆", "扎手", "烫手", "滑手", "毁", "塌", "烂", "崩", "瞎",
                 "伤人", "烫人", "扎人")
# (what may close the clause after the word of damage: an aspect mark or a particle, 的 of a warning)
_MISHAP_TAIL = r"(?:了|掉|着|咗|黑|啦|喽|咯|嘛|哦|的)*$"
_MISHAP = re.compile(r"就(?:会|要|得)?[^,,就]{0,2}?(?:%s)%s" % ("|".join(_MISHAP_WORDS), _MISHAP_TAIL))
# (p2) the same mishap said with 要 right after its condition, 「刷厚了要起皱的」「罐口烫了要烫伤人的」「油珠子滴下来要
# 烫人」: the condition ends in 了/过 or a direction (来/去) right before 要 (not 「刀要磨快」: no condition; not
# 「竹子要破开」: 开 after the word of damage)
_MISHAP_YAO = re.compile(r"(?<=[了过来去])要[^,,就要]{0,2}?(?:%s)%s" % ("|".join(_MISHAP_WORDS), _MISHAP_TAIL))
_YAO_AFTER_CONDITION = ("了要", "过要", "来要", "去要")  # (a text with none of them says no mishap with 要)
_MISHAP_FIRST = frozenset(w[0] for w in _MISHAP_WORDS)  # (a verb that starts with none of them is no failure)
# the condition it follows: a verb with 了/过 after it or 一 before it in its clause (not 「对版对不准」: a
# verb whose potential complement fails is done, and it goes wrong)
_CONDITION = re.compile(r"[了过]")
_CONDITION_REACH = 5  # characters between the condition's verb and 就
# a failure said as avoided, and a clause that says what is avoided
_AVOIDED = ("不容易", "不会", "就不", "才不", "不至于")
_AVOIDING = ("省得", "免得", "以免", "免") + OTHERWISE_CUES  # (「…,不然绣出来会皱」: what a clause so opened says)
_AVOIDING_FIRST = frozenset(w[0] for w in _AVOIDING)


# a clause mark, and the last one before a position (the scans of ``_clause``, in C)
_MARK = re.compile("[%s]" % "".join(sorted(map(re.escape, _CLAUSE_MARKS))))
_LAST_MARK = re.compile("(?s:.*)" + _MARK.pattern)
# (the two scans' bound methods, taken once: compiled, ``_MARK.search(…)`` looks the method up at every call, twice a
# step)
_last_mark, _next_mark = _LAST_MARK.match, _MARK.search


def _clause(norm: str, at: int, end: int) -> tuple[int, int]:
    """The clause around norm[at:end] (between clause marks, in constant reach)."""
    lo = max(0, at - _REACH)
    m = _last_mark(norm, lo, at)
    hi = min(len(norm), end + _REACH)
    m2 = _next_mark(norm, end, hi)
    return (m.end() if m is not None else lo), (m2.start() if m2 is not None else max(end, hi))


def _named(before: str) -> bool:
    return _NAMING.search(before) is not None


def _prohibited(before: str, surface: str, free: int = 0) -> bool:
    """The clause's words before the verb end in a prohibition (and what may stand between: ``before[free:]``
    holds no verb of another step)."""
    for c in _PROHIBITION_ANCHORS:  # (a plain loop: compiled, ``any`` over a generator expression makes a generator)
        if c in before:
            break
    else:
        return False
    last = None
    for m in _PROHIBITION.finditer(before):
        last = m
    if last is None:
        return False
    gap = before[last.end():]
    rest = gap[_GAP_ADVERBS.match(gap).end():]
    if not rest:
        return True
    if len(surface) == 1 and len(rest) <= 2 and _GAP_ADVERBS.fullmatch(rest[1:]) is not None:
        return True  # 「莫扎死了」「不敢捆太死」: a result complement after the verb prohibited
    if str.startswith(rest, _COVERBS) and len(rest) <= 12:
        return True
    # 「千万别搁太阳底下晒」: what stands between is no step of its own, and nothing turns the clause
    # (a stroke 「一屈一伸」 opens with its 一: read with the gap)
    return last.start() >= free and len(rest) <= _GAP_REACH and _TURNS.search(rest + surface[:1]) is None \
        and _GAP_STOPS.search(rest) is None


def _mishap(norm: str, a: int, b: int, v: int, ve: int, surface: str, starts: list, jiu: bool,
            yao: bool = True) -> bool:
    """The step's verb (norm[v:ve], in the clause norm[a:b]) is a mishap or the condition that brings it on
    (``starts``: where the text's steps start; ``jiu``, ``yao``: whether the text holds 就, 要 at all)."""
    # (every mishap after a condition is said with 就; _MISHAP's $ is the clause's end, ``endpos``)
    m = _MISHAP.search(norm, a, b) if jiu and str.find(norm, "就", a, b) >= 0 else None
    if m is None and yao and str.find(norm, "要", a, b) >= 0 and (y := _MISHAP_YAO.search(norm, a, b)) is not None:
        # 「刷厚了要起皱的」: the mishap after 要, and its condition, right before 要 (V了/V过/V下来), with no
        # other step between
        at = y.start()
        return v > at or (at - ve <= _CONDITION_REACH and not any(ve <= q < at for q in starts))
    if m is not None:
        at = m.start()  # (where its 就 is)
        if v > at:
            return True  # 「一煮就散」: the mishap itself
        # the condition, right before 就, with no other step between (unpunctuated speech runs the steps
        # before it into its clause: 「缠三圈扎紧扎松了一煮就散」): 「手一抖就断」「抖了丝就歪」「刻深了露了胎就废了」
        if at - ve > _CONDITION_REACH or any(ve <= q < at for q in starts):
            return False
        return norm[v - 1:v] == "一" or _CONDITION.search(norm[ve:at]) is not None
    if jiu and str.find(norm, "就", b + 1, b + 6) >= 0 and b < len(norm) and norm[b] in _CLAUSE_MARKS:
        # 「熬过了一百七,糖就发苦」: a short clause after, its subject + 就 + the mishap, follows from this one
        # when this one is its condition (V过/V了; not 「刀往下一压,皮就破了」: what a stroke is meant to do)
        c, d = _clause(norm, b + 1, b + 1)
        m = _MISHAP.search(norm[c:d])
        if m is not None and m.start() <= 3 and _CONDITION.search(norm[ve:b]):
            return True
    if surface[0] in _MISHAP_FIRST and str.startswith(surface, _MISHAP_WORDS) and str.endswith(norm, _AVOIDED, a, v):
        return True  # 「泡透了下刀不容易崩」
    # (a cue's first character read first: most verbs have none after them or at their clause's start)
    return (norm[v:v + 1] in _AVOIDING_FIRST and str.startswith(norm, _AVOIDING, v)) \
        or (norm[a:a + 1] in _AVOIDING_FIRST and str.startswith(norm, _AVOIDING, a, v))


def _recap(norm: str, surface: str, ve: int, b: int, st, steps: list, starts: list) -> bool:
    """「V完了,…」: the step's verb ends in 完 (or 完 follows it), a step of the same verb is before it and a
    step after it."""
    if str.endswith(surface, "完") and len(surface) >= 2:
        at = ve
    elif str.startswith(norm, "完", ve):
        at = ve + 1
    elif str.endswith(surface, "好") and len(surface) >= 2 and str.startswith(norm, "了", ve):
        at = ve  # 「V好了,…」 (「下锅煮…加点碱。煮好了搁石板上」): the same recap, 好 with its 了 only
    elif str.startswith(norm, "好了", ve):
        at = ve + 1
    else:
        return False
    if not starts or st.start <= starts[0] or st.start >= starts[-1]:
        return False
    if not (at >= b or norm[at] in _CLAUSE_MARKS or str.startswith(norm, _RECAP_NEXT, at)):
        return False
    v = surface[0]  # (the verb was a step before: 「钉钉子…钉完了」「洗手…洗完了」, not 「勾…弹完了」)
    return any(q.start < st.start and (v in (q.surface or "") or v in (q.action or "")) for q in steps)


def _holds_any(text: str, subs: tuple) -> bool:
    """Whether ``text`` holds one of ``subs`` (a substring search each, in C; a plain loop: compiled, ``any`` over a
    generator expression makes a generator object each time)."""
    for sub in subs:
        if sub in text:
            return True
    return False


def non_steps(steps: list, norm: str, warned: set | None = None) -> set:
    """The ids of the steps whose verb is not an action done (the classes in the module's docstring); the ids of
    those that are what must not be done or what goes wrong (a prohibition, a mishap, a consequence) are also
    put in ``warned``, when given: what they name is no role of another step."""
    # (``str.find(norm, …)``, ``str.endswith(before, …)``, here and in the tests it calls: compiled, the string's
    # own C function is called directly, where ``norm.find(…)`` looks the method up and makes a bound method at
    # every call)
    gone: set = set()
    warned = set() if warned is None else warned
    starts = [q.start for q in steps]
    # a text with none of a pattern's anchor characters names nothing, or quotes no saying: that search is
    # skipped for each of its steps
    naming = _holds_any(norm, _NAMING_ANCHORS)  # (a substring search each, in C)
    saying = _holds_any(norm, _SAYING_ANCHORS)
    prohibiting = _holds_any(norm, _PROHIBITION_ANCHORS)
    jiu = "就" in norm  # (a mishap is said with it)
    # (or with 要 right after its condition's 了/过/来/去, p2: _MISHAP_YAO's look-behind; 要 alone is everywhere)
    yao = _holds_any(norm, _YAO_AFTER_CONDITION)
    job = _holds_any(norm, _JOB_ANCHORS)  # (a job named before its steps: 头一步, 这一步…)
    while_ = "的时候" in norm
    prev = None  # (the end and the verb of the step before)
    free = 0  # (where the verb of the last step not prohibited ends: a prohibition after it may reach over words)
    for n, st in enumerate(steps):  # (the V之前 test looks at the text's other steps: a few per text)
        surface = st.surface or st.action or ""
        if not surface or st.start < 0:
            continue
        v = str.find(norm, surface, st.start, max(st.end, st.start + len(surface)))
        if v == -1:
            continue
        ve = v + len(surface)
        a, b = _clause(norm, v, ve)
        before, after = norm[a:v], norm[ve:b]
        # the characters right before and right after the verb, read once: a test of what ``before`` ends with or
        # what follows the verb (``after``, ``norm`` at ``ve``) first asks whether that one character can be the
        # last (first) of what it looks for, a set lookup that spares the string method's call at most steps
        pc = norm[v - 1] if v > 0 else ""  # (norm[v - 1:v]; before[-1:] where before is not empty)
        nc = norm[ve] if ve < len(norm) else ""  # (norm[ve:ve + 1]; after[:1] where after is not empty)
        last, prev = prev, (ve, surface)
        if last is not None and v - last[0] == 1 and norm[last[0]] in _CLAUSE_MARKS and norm[last[0]] not in _STOPS \
                and surface[0] == last[1][-1] and len(surface) <= 2:
            gone.add(id(st))  # 「篾片拿手弯,弯成半圆」: the same verb again, its extent
        elif surface in _CORRECTION_VERBS:
            gone.add(id(st))
        elif surface in _VERDICT_WORDS or (pc == "算" and str.endswith(before, ("算", "算是")) and _VERDICT.search(before)):
            gone.add(id(st))  # 「都算输」「才算数」
        elif surface == "错" and pc != "一":
            gone.add(id(st))  # 「这个比例错不得」: a mistake, not 「往两边一错」
        elif surface in _FEELINGS:
            gone.add(id(st))  # 「疼是有点疼」
        elif surface in _FUNCTION_WORDS or (surface[0] == "靠" and str.endswith(before, _RELYING)):
            gone.add(id(st))  # 「每过一梭」「全靠手腕子往下弹」
        elif len(surface) == 1 and last is not None and v >= 2 and norm[v - 1] in _COUNT_NUMERALS \
                and norm[v - 2] == last[1][-1] and norm[v - 3:v - 2] != norm[v - 1]:
            gone.add(id(st))  # 「拉六扣」
        elif (surface == "出来" and not str.endswith(before, _BODY_CHARS)) or (surface in _FALLS and not before and any(
                ve <= q.start < b for q in steps)):
            gone.add(id(st))  # 「盐花一层一层析出来」「落下来拿手接住」
        elif prohibiting and _prohibited(before, surface, free - a):
            gone.add(id(st))
            warned.add(id(st))
            continue  # (a verb prohibited, 「别放太阳底下晒」: the prohibition reaches on over it to the next)
        elif surface in _PROHIBITION_WORDS:
            gone.add(id(st))  # 「切忌直冲壶心」: the prohibitive itself
            warned.add(id(st))
        elif naming and _named(before):
            gone.add(id(st))
        elif saying and (_SAYING.search(before) or (surface in ("讲", "说", "道") and _SAYING.search(before + surface))):
            gone.add(id(st))
        elif nc in _BEFORE_FIRST and str.startswith(after, _BEFORE_WORDS) and _BEFORE.match(after) and any(
                q is not st and q.start > ve and (q.surface or "")[:1] == surface[:1] for q in steps):
            gone.add(id(st))
        elif pc in _ABLE_LAST and str.endswith(before, _ABLE) and str.endswith(after, _READY_ENDS) and _READY.search(after) is not None:
            gone.add(id(st))  # 「松紧能插进一个指头就中」: a test of readiness, not a step
        elif surface in _FINAL_PARTICLES and (ve == len(norm) or norm[ve] in _CLAUSE_MARKS):
            gone.add(id(st))  # 「火就起来咧」: a particle closing the clause
        elif len(surface) == 2 and surface[0] == "上" and surface[1] in _STEAMERS and any(q.start == ve for q in steps):
            gone.add(id(st))  # 「上笼蒸一天」: onto the steamer, the step is the verb right after
        elif a == 0 and b < len(norm) and len(after) <= 4 and _OPENER_TAIL.fullmatch(after) is not None \
                and before in _OPENERS and any(
                (q.surface or "")[:1] == surface[0] and q.start >= b for q in steps[n + 1:]):
            gone.add(id(st))  # 「滚元宵,馅切成…再滚」: the work the text opens on, its steps said after
            warned.add(id(st))  # (what it names is the work's, no role of the next step: 「俺们熬阿胶,驴皮先…」)
        elif job and before in _OPENERS and _JOB_STEP.match(norm, ve, b) is not None:
            gone.add(id(st))  # 「造龙舟头一步是放样」「和料这一步」: the job named, its first step after
        elif while_ and before in _OPENERS and str.find(norm, "的时候", ve, ve + _WHILE_REACH) >= 0 and _WHILE.match(norm, ve, b) \
                and any(q.start < st.start and id(q) not in gone and q.surface == surface for q in steps):
            gone.add(id(st))  # 「芦笙是边吹边跳的。吹的时候两只手捧着…」: when, the verb a step already
        elif (nc in _RECAP_FIRST or surface[-1] in _RECAP_ENDS) \
                and _recap(norm, surface, ve, b, st, steps, starts):
            gone.add(id(st))
        elif pc == "一" and _LASTS.match(norm, ve) and (surface in _LEFT_VERBS or any(
                id(q) not in gone and surface[0] in (q.surface or "") + (q.action or "")
                for q in [q for q in steps if q.start < st.start][-3:])):
            gone.add(id(st))
        elif v > a and norm[a] in _RATE_LEADS and st.end <= b and _RATE_BEFORE.fullmatch(before) is not None \
                and _RATE_AFTER.match(after) is not None and not str.startswith(after, "一" + surface[-1]) and any(
                id(q) not in gone and surface[0] in (q.surface or "") + (q.action or "") for q in steps[:n]):
            gone.add(id(st))  # 「一分钟能打个一百多下」「一把要扎三十来根」: how often or how much, said of the step before
        elif surface in _DISTANCE_VERBS and _NUMBER.search(after):
            gone.add(id(st))
        elif pc in _SOUND_LAST and str.endswith(before, _SOUND):
            gone.add(id(st))
        elif before in _OPENERS and (m := _RELATIVE.match(norm, ve, b)) is not None \
                and b - m.end() >= _PREDICATE_AFTER - 1 and "的" not in norm[m.end():m.end() + 3]:
            gone.add(id(st))  # 「打鼓的人站后头」
        elif (pc in _DEGREE_LAST and str.endswith(before, _DEGREE)) or (nc == "得" and _DEGREE_AFTER.fullmatch(after) is not None):
            gone.add(id(st))  # 「描金最见功夫」
        elif len(surface) >= 2 and pc == "个" and _COUNTED.search(before):
            gone.add(id(st))  # 「二十个鼓手」
        elif ((nc == "下" and str.startswith(norm, "下来", ve)) or (len(surface) > 2 and str.endswith(surface, "下来"))) \
                and "一" in before and _SPAN.search(before):
            gone.add(id(st))  # 「一场演下来两个钟头」
        elif surface in _DIRECTIONS and (
                (_RESULT_LEAD in before[-4:] and str.startswith(norm, "了", ve))
                or (surface in ("下去", "下来") and _STROKE.search(before))):
            gone.add(id(st))  # 「门就开出来了」「一铲子下去三寸」
        elif _mishap(norm, a, b, v, ve, surface, starts, jiu, yao):
            gone.add(id(st))
            warned.add(id(st))
        free = ve
    return gone


# a comparison: the word that opens it, the word that closes it (跟/和/同 compare only with 一样/似的: 「跟着鼓点」
# 「左手和右手」 are no comparisons)
_LIKE_OPEN = frozenset(("像", "好像", "就像", "正像", "如", "犹如", "宛如", "好比", "仿佛", "似", "好似"))
_SAME_OPEN = frozenset(("跟", "和", "同", "与"))
_LIKE_CLOSE = frozenset(("一样", "那样", "似的", "一般", "般", "那般", "一样样"))
_LIKE_REACH = 8  # tokens between the two words, at most
# what inside a comparison is blanked: verbs, complements, tool leads, 把, relations, nouns, terms (a hand
# stays: 「右手跟左手一样往下压」 names who; a quantity, a marker and punctuation stay)
_LIKENED_KINDS = frozenset(("V", "C", "L", "O", "R", "N", "T"))


def likened(words: list, kinds: list) -> list:
    """The token ranges (opener through closer) of each comparison (「像吊着线一样」: see the module's doc),
    their kinds blanked; linear in the text (each closer looks back at most ``_LIKE_REACH`` tokens, to the
    nearest opener: 「大拇指跟食指捏住其余三个指头像扇子一样打开」 compares from 像, not from 跟)."""
    spans = []
    last = 0  # (comparisons do not overlap)
    for j, close in enumerate(words):  # (the closers only)
        if close not in _LIKE_CLOSE:
            continue
        if j < 2 or kinds[j] == "P":
            continue
        for i in range(j - 2, max(last, j - 2 - _LIKE_REACH) - 1, -1):
            w = words[i]
            if kinds[i] == "P":
                break
            if (w in _LIKE_OPEN or (w in _SAME_OPEN and close in ("一样", "似的"))) \
                    and kinds[i] not in ("V", "T", "Q"):
                for t in range(i + 1, j):
                    if kinds[t] in _LIKENED_KINDS:
                        kinds[t] = None
                spans.append((i, j + 1))
                last = j + 1
                break
    return spans


# ``words.UNUSED_RE`` anywhere in a text (its $ dropped): every match ``said_unused`` finds before a noun is one of
# these, so a text with none blanks nothing and ``unused`` need not walk its tokens (one search in C per text)
_UNUSED_ANYWHERE = re.compile(UNUSED_RE.pattern.removesuffix("$"))


def unused(words: list, kinds: list, starts: list, norm: str) -> bool:
    """The things said not to be used (「发绣不用丝线」「千万别使铁锅」: a noun right after a negated verb of using,
    ``words.UNUSED_RE``, and the nouns right after it) have their kinds blanked: no tool or material of any step
    (their terms are still listed; the prompt does not show them, ``render``). True when one was blanked."""
    if _UNUSED_ANYWHERE.search(norm) is None:
        return False  # (no negated verb of using in the whole text, as in about eleven texts in twelve: no walk)
    n = len(words)
    k = 1
    blanked = False
    while k < n:
        # (said_unused's own first test, the character before the noun, read here first: spares the call before
        # most nouns)
        if kinds[k] in ("N", "T") and norm[starts[k] - 1] in UNUSED_LAST and said_unused(norm, starts[k]):
            while k < n and kinds[k] in ("N", "T"):
                kinds[k] = None
                k += 1
            blanked = True
        k += 1
    return blanked


def cut_likened(units: list, spans: list) -> list:
    """The units with each comparison's tokens taken out (「两只手像吊着线一样抬起来」 → 两只手 | 抬起来: the hand
    named before it goes on to the verb after it; 「就跟拿毛笔一样」 alone gives no unit)."""
    if not spans:
        return units
    out = []
    for a, b in units:
        for i, j in spans:
            if a < j and i < b:
                if i > a:
                    out.append((a, i))
                a = max(a, j)
        if b > a:
            out.append((a, b))
    return out
