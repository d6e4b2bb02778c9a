"""Word classes and constants shared by the normalization stages (no logic): token kinds, verb, tool, material,
body and place words, markers. ``extract.py`` (pipeline), ``resegment.py``, ``roles.py``, ``names.py``, ``carry.py`` and
``breaks.py`` import them from here."""
from __future__ import annotations

import re
from types import SimpleNamespace


# part-of-speech tables the stages read, set to the spec's own by extract() at the start of every text (and the
# dictionary's rare count words, extract._rare_counts)
POS_TAGS = SimpleNamespace(segment={}, roles={}, counts=frozenset())

# Full-width forms are written as escapes so that no editor can fold them into their ASCII twins (they
# once were, and Chinese text with ，；！？： was read as one long clause).
FULLWIDTH_PUNCT = "\uff0c\uff1b\uff01\uff1f\uff1a\uff08\uff09\uff3b\uff3d\uff5e\u2014\u2013\uff0e\u3000"

PUNCT = set(",。;!?、…\n\r\t:“”\"'‘’()[]【】《》<>·~ ") | set(FULLWIDTH_PUNCT) | {",", "."}

FILLERS = {"嗯", "啊", "呃", "哎", "哎呀", "哎哟", "唉", "哦", "噢", "呀", "吧", "呢", "嘛", "啦", "哈", "哇", "诶", "欸",
           "那个", "这个", "就是", "就是说", "对吧", "对", "是吧", "你知道", "你看", "我跟你说", "怎么说呢", "然后呢",
           "反正", "其实", "所以说", "的话", "这样", "那样", "这么", "那么", "一般", "一般来说", "我们", "咱们", "你",
           "我", "他", "她", "要", "得", "的", "地", "了", "着", "过", "把", "将", "给", "就", "也", "都", "还", "再说",
           "好", "好了", "行", "是", "这", "那", "呗", "嘿", "喏"}

# Markers that start a new unit (and say where the step sits in the order).
SEQ_MARKERS = {"先", "首先", "再", "然后", "接着", "接下来", "之后", "随后", "最后", "最后呢", "完了", "完了以后",
               "第一步", "第二步", "第三步", "第四步", "第五步", "第六步", "第七步", "第八步", "第九步", "第十步",
               "第一", "第二", "第三", "第四", "第五", "其次", "等到", "等", "以后", "以后呢", "之后呢"}

SKIP = FILLERS | SEQ_MARKERS

# Markers after which the same action said again is done again (「先锤成长条,再锤成细条」), not the
# step before described once more (with only a quantity, 「再烤足两个钟头」, it is the step going on).
REPEAT_MARKERS = {"再", "然后", "接着", "接下来", "之后", "随后", "最后", "第二步", "第三步", "第四步", "第五步", "其次"}

# Adverbs that link a second predicate to the first within one clause (「泡好了就下锅」「晾透了才上色」).
PREDICATE_ADVERBS = {"就", "才", "便", "又", "还", "也"}

LINKING_ADVERBS = {"就", "才", "便"}

# Words after which 点 is 'a bit' or a point, never the verb (「有点」「这点」「差点」「快点」).
POINT_BEFORE = {"有", "这", "那", "哪", "一", "差", "快", "慢", "多", "少", "早", "晚", "大", "小", "重", "好", "几", "每"}

MODALS = {"要", "得", "能", "会", "该", "可以", "应该", "需要"}
# modals that may stand between a topic noun and its sequence marker (「龟板要先砸碎」「坯子得先晾干」: roles)
TOPIC_MODALS = frozenset(("要", "得", "需要", "应该", "该", "必须", "得要"))

# Verbs of phase that take the predicate after them (「开始降温」「接着上色」「继续揉」): what follows is the action.
ONSET_VERBS = {"开始", "接着", "继续"}

DIRECTION_VERBS = {"上", "下"}

AGENT_SUFFIX = frozenset({"手"})  # 鼓手, 划手, 舵手: a person named by what the hand does

TOPIC_PARTICLES = {"嘛", "呢", "的话", "啊", "呀"}
# sentence-final particles of speech: in text without punctuation they end a phrase (「龙头嘛用樟木」「画青花啊毛笔蘸了
# 料」: breaks cuts after them; nonsteps' prohibition reaches over none of them)
SPEECH_PARTICLES = frozenset({"啊", "嘛", "呢", "吧", "呀", "啦", "哈", "哦", "呐", "咯", "喽", "哇"})
CLAUSE_COMMAS = frozenset((",", "，"))  # a comma between clauses (not 、, which lists)
RATIO_NUMERALS = frozenset("一二两三四五六七八九十")  # 「二比一」 left as words: a ratio said with a topic

# 「…,不然/否则…」: what follows is what happens when the work is not done right (a consequence, no step)
OTHERWISE_CUES = ("不然", "要不然", "否则")
WARNING_CUES = OTHERWISE_CUES + ("要不", "免得", "以免", "小心", "注意", "千万", "容易")  # (要不: a word of jieba's)
# the words that forbid what follows (「千万别拉太紧」「不能用手碰」「切忌直冲壶心」): the one list of the prohibitives
# (nonsteps.py reads a verb after one as not done). 别 is read there with its look-arounds (not in 特别/分别/
# 别人); 不得 is not one (急不得/舍不得/恨不得: a potential complement)
PROHIBITIONS = ("别", "莫", "不要", "不许", "不敢", "甭", "不能", "不可", "勿", "不用", "切忌", "切莫", "切勿", "严禁",
                "禁止")

# 「发绣不用丝线」「千万别使铁锅」「没使胶」: a negation or a prohibition right before a verb of using (the text just before
# a noun) says that the thing named after it is not used: no step's tool or material, not in view (``nonsteps.unused``)
UNUSED_RE = re.compile(r"(?:不|没|别|甭|莫|勿|不要|不能|不可|不许|切忌|切莫|切勿|严禁|禁止)(?:使用|用|使)$")
# the character right before the search's end that a match of UNUSED_RE needs: its verb's last one (or a newline, before
# which ``$`` also matches); tested first, it spares the search before most nouns (a regex call costs several times more)
UNUSED_LAST = frozenset("用使\n")


def said_unused(text: str, at: int) -> bool:
    """Whether the thing named at ``at`` in ``text`` is said not to be used (``UNUSED_RE`` on the six characters before
    it; ``UNUSED_LAST`` tested first). The one reading of it: ``nonsteps`` blanks such nouns, ``render`` leaves them out
    of view."""
    return at > 0 and text[at - 1] in UNUSED_LAST and UNUSED_RE.search(text, max(0, at - 6), at) is not None


def from_pos_table(build):
    """What ``build(table)`` derives from jieba's part-of-speech table in use (``POS_TAGS.segment``: a spec's
    ``pos_tags()``, built once and never changed), computed once per table and kept while that table is in use (a
    rule's own word list drawn from the dictionary: verbs by first character, proper nouns with numerals)."""
    table = POS_TAGS.segment
    hit = _FROM_POS_TABLE.get(build)
    if hit is None or hit[0] is not table:
        hit = _FROM_POS_TABLE[build] = (table, build(table))
    return hit[1]


_FROM_POS_TABLE: dict = {}

TOOL_LEAD = {"用", "以", "拿", "拿着", "持", "握", "握着", "使", "使用", "捏着", "攥着", "借助", "靠", "拿起", "拿起来", "执",
             "采用", "利用", "运用",
             "持着", "抓着", "捏", "攥", "拎着", "操起", "握住", "拿住", "用着"}

NEGATIONS = {"不", "别", "没", "没有", "不要", "甭", "不用", "不能", "莫", "勿"}

# Leads that only say what with (「用…」), never an action by themselves.
INSTRUMENT_LEADS = {"用", "以", "使", "使用", "借助", "靠", "用着", "采用", "利用", "运用"}

# 把/将 + noun: the noun is what is worked on.
OBJECT_MARKERS = {"把", "将"}

# Verbs that never start a step by themselves (copulas, modals, speech and thought, motion
# complements); any other verb jieba tags as a verb can.
STOP_VERBS = {
    "是", "有", "要", "会", "能", "可以", "得", "让", "叫", "说", "讲", "看", "看看", "觉得", "知道", "想", "记得",
    "注意", "小心", "学", "教", "开始", "需要", "应该", "必须", "可能", "喜欢", "算", "等", "行", "对", "来", "去",
    "到", "在", "给", "没", "没有", "别", "不要", "成", "变成", "就是", "像", "叫做", "称", "称为", "认为", "希望",
    "发现", "出来", "进去", "起来", "下去", "上去", "过来", "过去", "记住", "晓得", "懂", "讲究", "告诉", "问", "决定",
    "保证", "能够", "应当", "免得", "以免", "容易", "显得", "成为", "属于", "不能", "不会", "还有", "试试", "练",
    "掌握", "用", "把", "将", "被", "使", "令", "怕", "敢", "肯", "愿意", "打算", "准备", "继续", "接着", "完",
    "弄好", "做好", "搞好", "好看", "算是", "叫作", "所谓", "别说", "听", "听说", "看到", "看见", "说是", "来说",
    "不用", "用不着", "得到", "变", "感觉", "估计", "管", "比", "跟", "和", "同", "为", "以为", "当", "作为", "出",
    "上", "下", "起", "回", "过", "住", "带", "搁着", "完事", "加上", "好像", "似的", "一样", "一点", "有点",
    "记", "念叨", "琢磨", "讲讲", "说说", "啥", "咋", "干嘛", "着急", "急", "慌", "歇", "拿捏", "跟着", "随着", "顺着",
    "进行", "加以", "予以", "开展", "实施", "经过", "通过", "待", "等待", "等到", "使得", "制成", "做成",
    "为止", "改用", "换用", "改成", "换成", "不行", "不让", "可", "才能", "只能", "就能", "不许", "不准", "得了", "好使", "管用", "中用",
}

# What written text about a craft says of its history, listing, fame and names, and a reporter's narration: never a
# step (「2006年列入国家级非物质文化遗产名录」「相传始于唐代」「素有…之称」「只见他…」). Session 10, from the written-register probe
# halves A, C, D, E (bench/probes/written_*.json; not one of these verbs is an expected step there or in the pool).
BACKGROUND_VERBS = {"列入", "列为", "入选", "批准", "公布", "命名", "授予", "评为", "荣获", "获评", "流行", "流传", "流布", "相传",
                    "并称", "合称", "统称", "俗称", "又称", "简称", "素有", "享有", "著称", "闻名", "得名", "视为", "誉为",
                    "记载", "见于", "留有", "保留", "保存", "保护", "传承", "源自", "源于", "起源", "始于", "产于", "盛行",
                    "为主", "便是", "即", "已有", "举行", "举办", "演出", "祭祀", "崇敬", "伴随", "比赛", "培训", "授课", "坐诊",
                    "只见", "展示", "演示", "介绍", "表示", "告诉", "谈", "谈到", "说道"}
STOP_VERBS |= BACKGROUND_VERBS

# What the material does by itself, not what the hands do (「朱泥收缩大」「铁就化了」「一碰就散开」), and
# verbs too vague to be a step (做/弄/搞).
RESULT_VERBS = {"收缩", "变形", "开裂", "裂", "裂开", "断", "断掉", "化", "化开", "散开", "发亮", "变色", "起泡", "冒泡", "冒烟",
                "发黑", "发白", "发红", "变硬", "变软", "凝固", "结块", "成型", "成形", "掉", "塌", "缩", "胀", "鼓",
                "做", "弄", "搞", "干活", "操作", "处理", "完成", "制作", "出现", "存在", "发生", "形成", "产生"}

# (nlp-steps) Verbs of the stop lists above that are a craft action where their place says so: 称 weighs, 对 matches
# or aligns, 比 compares, 练 practises, 做 makes, 学 imitates, 讲/说 is the storyteller's telling. Not by dropping them
# from the lists: ``extract._stop_verb_acts`` reads the place (the second verb of 一边…一边…/边…边…; closing its clause
# right after a modal, 再 or 去: 「都得练」「还要再称」「拿到台上去对」).
CONTEXT_STOP_VERBS = frozenset({"称", "对", "比", "练", "做", "学", "讲", "说"})
# of them, the ones a modal or 再/去 before the clause end makes the step (not the speech verbs: 「我得说,…」 opens a remark)
DONE_STOP_VERBS = frozenset({"称", "对", "比", "练", "做"})
# (s27-narrative) stop verbs of an exchange between persons, each with its own object: 给 gives (a person and a thing),
# 问 asks, 请 invites. A step where the clause says so (``extract._exchange_acts``: its object right after it, no verb
# after it in its clause, not after 你): a legend's 「给了他一颗…」「去问一个猎人」, a rite's 「先请家先」.
EXCHANGE_STOP_VERBS = frozenset({"给", "问", "请"})
# the markers of two actions done at once (「一边摇一边讲」「边打边唱」)
SIMULTANEOUS_MARKERS = frozenset({"一边", "边"})

NOT_VERBS = {"上头", "下头", "底下", "前头", "后头", "里头", "外头", "上面", "下面", "从头", "正当中", "料", "到", "在", "成", "好", "完", "着", "了", "给", "住", "足", "得", "开", "满", "够", "匀"}

# Motion/result complements that follow a verb and are not its object.
# Single-character hand actions that jieba's dictionary tags as morphemes (绑/zg, 削/zg …): verbs here.
MANUAL_VERBS = set("绑捆缠削剁锉钻凿錾锯刨磨捶捣揉搓捏拧掐抹刷涂蘸浇淋洒泼撒搅拌筛晒晾烘烤焙蒸煮熬炒炸煎炖焖烧熔铸锻淬焊敲"
                   "打拍剪裁切割劈剖刮铲挖挑拨拽扯推压按捺托抬提举抛扔甩摇晃抖转绕卷折叠粘贴糊裱缝绣织编扎穿插塞填灌倒舀"
                   "盛装封盖包裹勾描画写印染浸泡沤漂洗搓纺捻弹吹拉擂击捧端握捋抽")

# Common verbs jieba's dictionary tags as something else (换/nz: glued to the noun after it, 「换尖刀」)
MISTAGGED_VERBS = frozenset("换")
# Verbs that put another instrument in hand (「换尖刀」「换三四种錾子」): a tool-headed object is what with
SWAP_VERBS = frozenset({"换", "换上", "改用", "换用"})

# More one-character hand and body verbs that are also nouns or classifiers (套, 钉, 顶, 背): verbs only
# where their place says so (``open_kinds``), never tagged as verbs everywhere.
CONTEXT_HAND_VERBS = MANUAL_VERBS | set("套挂拴系搭挎扛拎抓捞夹钉揭撕剥掰扭拈摘采砍锤晃摆颠揣踩蹬踢跺扶靠顶撑垫铺摊舞甩扔接送")

# What follows the verb of a 把 clause where it says where the thing goes (把X卡进…, 把X搁在…, 把X卡到…): a
# one-character word jieba left between the object and one of these is that verb, whatever its tag (卡/n, 楔/n,
# 纳/v), never the object's last character (``resegment.ba_verb_char``).
BA_VERB_NEXT = frozenset({"进", "在", "到", "入", "进去", "进来", "到了", "在了"})

# What may follow the name a text opens with (``names._opening_names``: 「发绣不用丝线…」「三句半就四个人…」): an
# adverb, a negation, a copula or a topic particle that says something of it, never a verb of its own.
OPENING_NAME_NEXT = frozenset({"就", "不用", "不", "是", "就是", "都", "也", "讲究", "要", "得", "啊", "嘛", "呢", "呀",
                               "这", "那", "可", "最"})

# (nlp-fresh-a) After 每/几/各 (``COUNT_PREV``) a character is a classifier (每遍, 各层) unless what follows counts what
# it takes: a quantity, or a numeral + classifier word (「两人各坐一边」「各扛一头」「各站一排」); not a numeral word that
# is an adverb or a likeness (一样, 一起, 一块, 一直: 「各层一样厚」). The second characters of those adverbs:
NUMERAL_ADVERB_TAILS = frozenset("样般起块齐共直定些点同并")

# Posture verbs: the body set in place, a step of its own (站, 坐, 蹲, 跪, 趴, 躺). Glued by jieba to a distributive
# before them (分站/n, 各站/r) after the people who take it, the word is that verb (``extract._posture_verb``).
POSTURE_VERBS = frozenset("站坐蹲跪趴躺")
POSTURE_PREFIXES = frozenset("分各对并围")

# (nlp-fresh-a) Prepositions that are also verbs of following (跟): with a direction after them and nothing more in the
# clause (「左脚再跟上」: jieba's 跟上/f) they are the verb, not the preposition.
FOLLOW_PREPOSITIONS = frozenset("跟")

# Nouns that name no tool or material (time, place, people, abstractions).
STOP_NOUNS = {"时候", "地方", "东西", "样子", "办法", "手艺", "师傅", "功夫", "意思", "问题", "感觉", "道理", "事", "事情",
              "时间", "部分", "部位", "这边", "那边", "关键", "效果", "程度", "位置", "方向", "方面", "大家", "人家", "老师",
              "学徒", "徒弟", "情况", "规矩", "步骤", "工序", "过程", "遍数", "次数", "秘诀", "诀窍", "窍门", "经验",
              "技术", "技艺", "手法", "手劲", "力气", "劲儿", "力道", "火候", "样", "种", "回事", "年", "月", "日", "天",
              "早上", "晚上", "中间", "两边", "旁边", "周围", "之间", "以后", "以前", "开始", "最后", "师父", "咱", "人",
              "个人", "家里", "老家", "祖上", "爷爷", "奶奶", "父亲", "母亲", "徒弟们", "观众", "客人", "顾客",
              # times, places, people and measures a prompt showed as the thing worked (「俺们小时候拍手歌是这么
              # 玩的」「往半空一抛」「老辈人」「全靠人工」「直径七寸五」「温度高」)
              "小时候", "钟头", "半空", "原地", "老辈", "老话", "人工", "手工", "比例", "直径", "温度", "时",
              # strength drawn on (「借着劲往上一送」「使上劲」): no thing
              "劲", "劲头", "力"}
# (nlp-s21-roles) a quality of a thing, never the thing (「声音发硬」「挑个头大的」): attribute nouns, dropped from the tool
# and material slots (roles._drop_non_things; still nouns to the other stages: 「声音就响了」 is what sounds, no step)
QUALITY_NOUNS = frozenset(("声音", "个头", "味道", "气味", "分量", "手感", "口感", "光泽", "色泽"))
# a temperature named by what it is of (锅温, 水温, 醅温, 炉温): a quality too, whatever comes before 温
TEMPERATURE_SUFFIX = "温"
# points on the body a healer presses, needles or burns (the lexicon lists them as technique terms): named where a
# thing stands (「按手上的穴位」「在穴位上揉」), they are the spot worked, the material (roles._noun_phrase)
BODY_POINT_WORDS = frozenset(("穴位", "穴道", "穴", "经穴", "阿是穴"))
# verbs that fill a vessel (盛, 舀, 斟, 倒, 装) and the vessels said as the measure filled (「盛一碗」「舀一瓢」):
# with no stuff named after it, the vessel is the tool (roles._open_read)
FILL_VERBS = frozenset("盛舀斟倒装")
VESSEL_CLASSIFIERS = frozenset("碗杯盆桶瓢壶罐坛盘碟缸锅盅钵")
# jieba's tags for an idiom, a set phrase, an abbreviation, a morpheme or an unknown string: a two-character
# word of these ending in 子 (槌子/i) is a thing all the same (tokens.kind_table)
ODD_NOUN_TAGS = frozenset(("i", "l", "j", "g", "x"))
# prepositions and markers before which a character jieba does not know is a thing (往尜上剁, 把尜削尖: extract)
ODD_NOUN_BEFORE = frozenset(("往", "把", "在", "用", "拿", "将", "朝", "对"))
# a verb that puts a thing into (or takes it out of) a vessel, and the vessels so entered: jieba glues the two into
# one noun (装坛/n, 下锅/n, 入瓮): the word is the step, the vessel its tool (extract: kind V; roles._compound_object)
VESSEL_ENTRY_VERBS = frozenset("装下进入上出")
VESSELS_ENTERED = VESSEL_CLASSIFIERS | frozenset("笼甑窑屉灶炉瓮篓")
# sizes said of a thing only to compare (「鸡蛋大的小块」「指头粗的条」: roles._noun_phrase reads the noun after 的)
SIZE_COMPARISONS = frozenset(("大", "小", "粗", "细", "长", "短", "厚", "薄", "宽", "大小", "粗细", "长短", "厚薄"))

# Adjectives jieba tags as verbs: how, not what (「斜一点」「稳住」「匀一点」).
MANNER_VERBS = set("斜稳匀慢快轻重平直紧松薄厚细密干湿正歪亮暗深浅满空齐准竖横侧立透") | {"反复", "来回", "慢慢", "轻轻", "用力",
                                                                       "使劲", "一直", "不停", "注意", "保持"}

# Verbs that say 'in turns, one after another' (「交替踩下」「轮流敲」): how the verb after them is done, never a
# predicate of their own before it (``extract.split_units``' two verbs side by side, recall).
TURN_ADVERBS = frozenset({"交替", "轮流", "依次", "互相", "相互"})

COMPLEMENTS = {"到", "在", "成", "好", "开", "完", "起", "下", "上", "出", "进", "过", "来", "去", "着", "了", "给", "住",
               "足", "得", "一下", "起来", "下去", "上去", "出来", "进去", "过来", "过去", "回", "透", "匀", "满", "够",
               "一遍", "两下", "几下", "个", "只", "把", "根", "块", "点", "一点", "些", "一些"}

# The head character of a noun says whether it is a tool (Chinese compounds are head-final); an oar (橹, 桨, 桡, 篙)
# is an implement the hands move (「桡片一下一下划」「橹一推一扳」), and so are the farm and kitchen implements
# that sift, rake, fork, cut or take blows (匾 箩 箕 杈 耙 镰 锹 镐 锄 犁 砧 钎: 「两手端着匾转」「一手一根木杈」).
TOOL_HEADS = set("刀针笔锤剪凿梭刷锥钳尺棒杆勺铲锉钻机车锅模夹架绷轮筛斗槌錾梳签拍篦笼帘板锯刨斧钩镊炉窑缸盆桶筒盘碾臼杵戥秤罐壶碗匙叉棍鞭扇铃鼓琴笛箫弦槽筘竿弓橹桨桡篙匾箩箕杈耙镰锹镐锄犁砧钎杠")

# (s27-tool, roles._open_read's place after the verb) a frame a thing is stretched, sewn, nailed or stuck onto after
# the verb (「画布绷在木框上」) is what the work is done on, a tool, as a vessel or a support whose name says tool is;
# only as that place (「往窗框上刷漆」: the frame painted is worked), so not one of TOOL_HEADS
FRAME_HEADS = frozenset("框")

# Of those heads, the implements that work ANOTHER thing (cut, pierce, draw, strike, brush, comb, scoop, sift,
# weigh, measure, row, dig; a fiddle's bow, a mould or screen that lifts pulp, a reed, a machine, a roller, a
# clamp): held, they are what with. The rest of TOOL_HEADS name things that are handled or
# played themselves — vessels (盘 碗 罐 盆 锅), instruments (鼓 琴 板 铃), props and rods (扇 竿 杆 弓), frames
# (架 绷): gripped with nothing else worked, the holding works them (「端个盘子」「握住命杆」: an instrument or prop
# handled is the material, data/eval/README.md); taken up with 拿 or shaken with 摇 (「左手拿板」「摇铜铃」) they
# are what the hand performs with, the tool (roles._open_read; the set's writers split on this).
WORKING_HEADS = frozenset("刀针笔锤剪凿梭刷锥钳尺棒勺铲锉钻锯刨斧钩镊杵戥秤匙叉棍鞭槌錾梳签拍篦筛橹桨桡篙耙镰锹镐锄犁钎"
                           "弓模帘筘机车碾夹")

RELATION_MARKERS = {"沿", "沿着", "顺着", "从", "垂直于", "平行于", "贴着", "绕着", "围着", "对着", "朝着", "朝", "往",
                    "向", "在", "由",
                    "对准"}  # (「对准穴位往下一焠」: what is aimed at is where; jieba tags 对准 a noun, read as the material)

# what opens a clause that goes on with the move before it (extract._moves_on: 「…滚到肩膀上,再从后背滚到…」)
MOVE_ON_MARKERS = frozenset(("再", "又", "然后", "接着"))
# aiming markers: the thing aimed at before the verb is what the verb works (roles: 「对准木楔敲下去」)
AIM_MARKERS = frozenset(("对准",))  # only 对准 is read as a relation marker (roles); 瞄准/照准 would need that first

RELATION_END = {"上", "下", "里", "边", "中", "内", "外", "处", "方向", "周围", "中间", "边缘", "上面", "下面", "里面",
                "旁边", "到", "为止", "底下", "面上"}

BEFORE_WORDS = {"之前", "以前"}

# Verbs that mean 进针/出针 only when a needle is in the unit (「针要斜一点进去」).
CONTEXT_ACTIONS = {"进去": "进针", "下去": "进针", "扎": "进针", "扎下去": "进针", "刺": "进针", "穿过去": "进针",
                   "出来": "出针", "拉出来": "出针", "挑出来": "出针"}

NEEDLE_TOOLS = {"绣针"}

# 「每针」「一针接一针」: after a numeral or 每, 针 counts stitches and is not the needle.
MEASURE_FORMS = {"针"}

MEASURE_PREV = {"一", "每", "两", "几", "半", "这", "那", "哪", "多少"}


QSENT = "\x00"  # placeholder character for a quantity's span in the text jieba sees

WHITESPACE = {" ", "\n", "\r", "\t", "\r\n", "\u3000", "\xa0", "\u2003", "\u2002", "\u200b", "\ufeff", "\x0b", "\x0c"}


_FINISH_KINDS = {"V", "N", "T"}

_CRAFT_KINDS = frozenset(("T", "A"))  # the spec's terms and craft names: what craft.detect counts

_FINISH_WORDS = {"上", "下", "时", "时候"}


# jieba's tags of a word that names a thing (person and place names included: jieba tags many
# unknown craft words so, 松明子/nr, 丹/ns)
NOUN_TAGS = {"n", "ng", "nr", "ns", "nz", "nrt", "nrfg"}

ADJ_TAGS = {"a", "b"}

# a locative after a noun says where, it never ends a compound (「锅里」「板上」)
PLACE_SUFFIX = set("上里中内外下边")

# before a one-character adjective: these make it a predicate or a complement (「泥软」「捶得匀」「很大」)
PREDICATE_PREV_TAGS = {"n", "ng", "nr", "ns", "nz", "nrt", "f", "d", "a", "ad", "s", "t", "zg", "ud", "uv"}

COMPOUND_MAX = 4  # characters in a noun compound joined here

VERB_COMPLEMENT_CHARS = set("起开上下到住好完出进过来去着了成")  # 「拿起」「放下」 + 刀 is no tool name

# after a character these make it a verb with its complement or aspect (「化到」「泡了」「刷成」)
VERBAL_NEXT = {"到", "得", "成", "了", "着", "过", "完", "好", "开"}

NUMERAL_CHARS = set("一二两三四五六七八九十百千万几半这那每哪")

RARE_FREQ = 10  # a dictionary entry this rare, glued to 先/再, is an artefact of the dictionary

# a character jieba's dictionary has only as a bound morpheme (g), a non-morpheme (x), or as a rare one of
# the loose zg class (醅, 篓, 蹀; not 往, 够, 掉): it is no word of its own, so standing alone it is a piece of
# a noun jieba did not know (醋/醅, 夹/缬, 乌/榄/核, 袼/褙) and joins its one-character neighbours as a noun does
BOUND_TAGS = frozenset(("g", "x"))
BOUND_ZG_FREQ = 100


# A word's properties for the repairs (computed once per word and spec), by index:
# 0/1 a one-character noun (with/without the spec's tools and materials), 2/3 a noun of two characters
# or more (same), 4 a one-character adjective, 5 a verb that can name an instrument with a tool
# character after it, 6 a tool/material character jieba tags as a classifier, 7 a noun character
# glued to a locative (窝里), 8 a rare entry glued to 先/再, 9 ends in a tool character, 10 its tag makes
# a one-character adjective after it a predicate (True), or it is a numeral/demonstrative (None), else False;
# 11 a word of two characters or more that does not open with a verb, direction, preposition or adverb;
# 12 a tool character that is also a hand verb (刷, 锯, 钻); 13/14 anything may join it to the word
# before (with/without the spec's words); 15 a tool/material character jieba tags as a verb (签, 鼓); 16/17 a join
# may start from it to the next word (with/without the spec's words); 18 a classifier that can end a noun (枝, 口:
# see NAME_CLASSIFIERS_NOT).
_NO_PROPS = (False,) * 19

# Classifiers that measure an action, an amount or a while, never a thing (个 with them: 「亮个相」 is no count of
# 相): one list for the two readers below (each adds what its own reading needs)
ACTION_CLASSIFIERS = frozenset("个次下遍回趟阵些点番顿")

# Classifiers that never end a noun after a one-character noun or adjective (r14): 个 and the counts of an action
# or of kinds stand after a verb or an adjective with 一 dropped (「飞个两百米」「深个两公分」「掺个三成」); every
# other one-character classifier right after a one-character noun or adjective (no numeral or demonstrative
# before it, which a classifier needs) is the noun's last character: 铁|枝, 罐|口, 锡|片, 大|绺, 净|场.
NAME_CLASSIFIERS_NOT = ACTION_CLASSIFIERS | frozenset("声种样")

# Prepositions of the way a motion goes (「往下弹」「朝天弹」「向外翻」): the verb after them has no object of its
# own there (extract; breaks adds the spoken 望)
ROUTE_MARKERS = frozenset(("往", "朝", "向"))


# Body parts that stand as the subject of a hand or foot verb (「一只手提经线」「两只脚蹬住」).
BODY_CHARS = set("手脚腿嘴")

# What may stand right before a body part used as the subject: a numeral and classifier, a side.
BODY_PREV = {"一只", "两只", "只", "双", "一双", "两", "上", "下", "左", "右", "另一只", "这只", "那只", "一"}

# What follows a verb and never a noun: its result, aspect or direction (「脚蹬住」「手提着」).
AFTER_VERB_WORDS = set("住着了紧起开稳实过") | {"起来", "下去", "上去", "出来", "进去", "过来", "过去", "出去", "下来",
                                            "上来", "进来", "回来", "回去"}

# Directions: never one of the two alternating verbs of 一A一B (「一上一下」 says how, not what).
DIRECTION_WORDS = set("上下前后左右里外进出来去")


# Speaking and singing: no action said in passing (「我跟你讲」), a performed act with a counted object.
SPEECH_VERBS = {"说", "讲", "唱", "念", "背", "吟", "诵"}

# Words after which a character is a classifier: 每遍, 几道, 各层.
COUNT_PREV = {"每", "几", "各"}

# Deictic sides that close a place after 往/朝 + a noun (「往台子那边跑」).
SIDE_DEICTICS = {"那边", "这边", "那头", "这头", "那儿", "这儿"}

# Verbs of looking, practising and measuring: no step said in passing (「你看」「我学的」), a step when
# a sequence marker opens the clause with them (「先看风」「先练马步」).
MARKED_VERBS = {"看", "练", "听", "学", "试", "闻", "瞧"}

# Verbs of the lists above that are a motion of their own where they close a clause that says where it goes
# (「从锅底往锅边上带」「对着亮看」; ``extract._after_path``): a step there, nowhere else.
PATH_CLOSING_VERBS = frozenset(("带", "看", "瞧"))


# Conditions, mishaps and consequences are said with verbs too, and are no step a craftsperson performs.
WAIT_WORDS = {"等", "等到"}

WAIT_SUBJECTS = {"它", "他", "她", "它们", "这", "那", "这个", "那个"}  # (not 我/你/咱: 「等我拿来」 is done)

WAIT_ENDS = {"才", "就", "再", "然后", "便"}

MISHAP_CHARS = set("破肿伤疼痛酸麻裂烂")  # 「手都练肿了」「皮也磨破了」: what happened to the body or thing
MISHAP_ADVERBS = {"都", "也", "全", "就", "又", "快", "早"}  # 「皮也磨烂了」: the subject's adverb before a mishap

CONSEQUENCE_TAIL = {"了", "啦", "咯", "喽", "起来", "下去", "上去", "出来", "进去", "过来", "过去", "回来", "回去",
                    "出去", "进来", "上来", "下来", "起", "出", "开", "走"}

BODY_TURN = set("头腰身")  # 「低下头」「弯下腰」「俯下身」: a verb with its direction and the body part moved


# 「反手往里挑」「顺手一抹」「空手接」: how the hand acts (backhand, in passing, bare), neither an action nor
# which hand.
MANNER_HANDS = {"反手", "顺手", "随手", "正手", "空手", "徒手", "单手"}


ROUTE_PREPOSITIONS = {"按", "照", "照着", "按照", "依照", "依着", "按着"}

JOB_OPENERS = {"先", "首先"}


# Words after which a hand is where something goes, not who acts (「往左手手心一塞」「交到右手」); after 在
# only when a part of the hand follows (「放在左手手心里」: a place; 「勾牌挂在左手上」: the hand that holds).
HAND_PLACE_MARKERS = {"到", "进", "往", "向", "朝", "于"}
# coverbs with 着 that point at a target (照着, 对着, 冲着…): a hand after them is what is faced
FACING_COVERBS = {"照", "对", "朝", "冲", "向", "贴", "挨", "靠", "顺"}

HAND_PARTS = {"手心", "手背", "掌心", "手掌心", "手心里", "手背上", "掌心里", "虎口"}


SIDE_WORDS = {"左边": "左手", "左面": "左手", "左侧": "左手", "左首": "左手", "左": "左手",
              "右边": "右手", "右面": "右手", "右侧": "右手", "右首": "右手", "右": "右手",
              "左右": "双手", "两边": "双手", "两侧": "双手"}

# a hand word jieba or the quantity finder made of a pair (「左右手」, 「俩只」 + 手: a count of two hands)
BOTH_HAND_WORDS = {"左右手"}

PAIR_COUNTS = {"两只", "俩只", "两个", "俩个", "一双", "两"}

# one character after a hand word that is a part of that hand, not a verb (「两个手|掌往里一合」)
HAND_PART_CHARS = set("掌心背指")

# the arm, the fist, the palm, the wrist said with a side: that side's hand (「左掌往前一推」「右拳」「左臂」)
ARM_WORDS = {"掌", "拳", "臂", "腕", "胳膊", "胳臂", "手臂", "手腕", "手掌", "巴掌", "拳头", "胳膊肘"}
# a wrist or a palm named before a verb with no object is what moves (「手腕一抖」「手掌往下按」), not the hand acting
LIMB_MOVERS = frozenset(("手腕", "手腕子", "手掌", "掌", "腕", "腕子"))

SIDE_FILLERS = {"这", "那", "这只", "那只", "只", "这个", "那个", "个", "的", "一只"}


# Where a hand is said to be (「左手在绷子底下」), by the side it names: below or above.
PLACE_SIDES = {"底下": "below", "下面": "below", "下头": "below", "下边": "below", "下方": "below",
               "上头": "above", "上面": "above", "上边": "above", "上方": "above"}


HAND_JOINERS = {"跟", "和", "与", "同", "及", "或", "、", "还有", "带"}
# the words that join two hands named together as both acting (「左手和右手一起握住」); not 或 (左手或右手: either one)
BOTH_HAND_JOINERS = frozenset(HAND_JOINERS - {"或"})


PURPOSE_LINKS = {"来", "去", "以", "好", "用来", "为了"}


# 「看过」「听过几回」「见过」「吃过」: the speaker once saw, heard or tasted something; a craft named only so
# (「我小时候看过皮影」) is not what the text is about
WITNESS_VERBS = {"看", "见", "听", "吃", "喝", "去", "逛", "瞧", "看到", "见到", "听到", "碰到", "遇到"}

WITNESS_FILLERS = {"几回", "几次", "几场", "一回", "一次", "一场", "两回", "两次", "两场", "那么", "这么", "一些",
                   "好几回", "好几次", "好几场", "不少", "很多"}


DIRECTION_CHARS = set("出上下起进回过")
# (s27-drops) Places a body goes up to, down from, into or out of, named by one character after a direction verb (下山,
# 上岸, 上台): jieba tags such words places or locatives, not verbs (``extract._verb_in_place``).
GOAL_PLACE_CHARS = frozenset("山岸坡台")

# Verbs of the whole body moving or settling (jump, walk, run, stand, sit, squat, kneel, lie, turn round):
# they take no object that a sentence has dropped and no single hand (「右手按着笙管,一边吹一边跳」: the
# dancer jumps, not the right hand, and jumps no 笙斗). A verb counts when it is one of these, alone or
# followed only by direction and aspect characters (跳起来, 走过去, 蹲下); an object it is said with
# (跳绳, 走线) is its own word and is read as such.
BODY_MOTION_VERBS = {"跳", "蹦", "走", "跑", "奔", "站", "坐", "蹲", "跪", "躺", "趴", "跃", "转圈", "打转", "转身",
                     "起舞", "下腰", "弯腰", "翻身", "鞠躬", "踏步", "迈步", "跺脚", "起跳", "腾空", "蹦跶", "溜达"}
BODY_MOTION_TAIL = set("出上下起进回过来去着了")
# the body part a verb-object word ends in (低头, 弯腰, 踮脚, 转身): the verb has its object already
BODY_OBJECT_CHARS = set("头腰手脚身腿背肩臂眼膝")
# A two-character verb whose second character is fire, water, heat, air or wind holds its own object and
# takes no other (淬火, 进水, 降温, 升温, 换气, 通风): a noun after it is the next clause's subject
# (「淬火一进水刃口就硬了」), and the thing worked before is not carried onto it
OWN_OBJECT_CHARS = set("火水温气风")

# the verbs that introduce a name, spoken and written (「这叫捞纸」「俗称撩水花」「谓之凤凰点头」「称之为跑马灯」): one
# list, read by names._technique_compounds (what follows is a name) and nonsteps._NAMING (what follows is no step)
NAMING_VERBS = {"叫", "叫做", "叫作", "称为", "称作", "名叫", "所谓", "就叫", "俗称", "人称", "又称", "统称", "旧称",
                "谓之", "称之为"}
STOP_VERBS |= NAMING_VERBS  # (a naming verb starts no step, and is no noun: jieba tags 谓之 n)
# 「老话讲轻胶十万杵」「老辈人讲杜康造酒,…」「老辈人都爱讲刘伯温的故事」: who hands a tradition down (the old saying, the
# elders) and the verb of telling it; what is told right after them, up to the clause end (or 的, 是), is the name of
# the saying, the legend or its hero (names._saying_names). Adverbs may stand between (都, 也, 常, 爱).
SAYING_SOURCES = frozenset(("老话", "俗话", "老古话", "古话", "老辈人", "老辈", "老一辈", "老人", "老人家", "老辈子",
                            "老祖宗", "上辈人", "前辈"))
SAYING_VERBS = frozenset(("讲", "说"))
# The copula names what it identifies (「这就是降龙」「刻的是阳文」「慢了就是散板」) after a demonstrative,
# a 的 (the pseudo-cleft 「V的是X」) or, for 就是, any word of its clause (opening a clause it is a filler)
COPULAS = {"是", "就是"}
# (s22-terms2) characters no piece of a name jieba's HMM joins: a preposition of direction, the adverb 全, the
# existential 有 (「全|靠」「纸|往」「底|有」: a phrase, never a name)
HMM_PAIR_CLOSED = {"全", "靠", "往", "有"}

# jieba's tags of the words a name said as a sentence's topic is made of: nouns, names jieba's dictionary
# lacks (nr/ns/nz, or no tag: a word the repairs joined), idioms and set phrases (五禽戏/i), abbreviations,
# times (端节/t), morphemes (叼/zg); a numeral only inside it (汤瓶八诊)
TOPIC_NAME_TAGS = {"n", "i", "j", "l", "t", "z", "x"}

# what a one-character object of a one-character verb may be tagged (「出」「痧」, 「摊」「青」, 「吹」「脸」)
OBJECT_CHAR_TAGS = {"n", "ng", "nr", "ns", "nrt", "vn", "zg"}


# What ends a name a naming verb introduces: punctuation, and where the text has none, the start of the
# next clause (a hand, a sequence marker, a quantity).
NAME_ENDS = ("P", "Q", "H", "M")

# jieba's tags of characters that never head a name (classifiers, numerals, particles, pronouns, adverbs…)
FUNCTION_TAGS = set("qmurdpcyex")


# The last character of a coined name of a technique or a form: 趟泥步, 单换掌, 站桩功, 回旋针, 滚刀法,
# 白鹤亮翅式, 冲天拳.
TECHNIQUE_SUFFIX = set("法功步式拳掌针刀")

# Words ending so that are no name of a technique (a way, a manner, a form in general).
GENERIC_SUFFIX_WORDS = {"办法", "方法", "做法", "想法", "说法", "看法", "用法", "法子", "方式", "形式", "样式", "模式",
                        "公式", "正式", "仪式", "一步", "进步", "地步", "脚步", "成功", "用功"}

# A one-character technique named at the head of its definition (「猱是左手…」「搭这个手法,…」: the 手法 of
# 古琴, 龙井, 毽子, 太极 are single characters): 是/就是, or a demonstrative and a general word for a
# technique, right after it.
DEFINING_DEMONSTRATIVES = frozenset(("这个", "这种", "这一"))
TECHNIQUE_WORDS = frozenset(("手法", "指法", "步法", "身法", "技法", "动作", "招", "招式", "姿势"))

# Verbs of coming and going whose purpose follows them (「来盘道的」: the work named before 的).
PURPOSE_VERBS = frozenset(("来", "去"))

# The complements of reaching (「髹上」「打到」): what follows them is the thing reached (names._reached_things).
REACH_ENDS = frozenset("上到")

# Words that never open such a name: what takes it as an object or points at it (是, 用, 练, 叫, 这…).
SUFFIX_NAME_STOP = {"是", "用", "叫", "练", "学", "使", "走", "做", "有", "教", "讲", "来", "去", "要", "会", "能", "得",
                    "打", "出", "下", "上", "第", "每", "各", "该", "算", "像", "叫做", "就是", "还是", "都是", "练的",
                    "用的"}

SUFFIX_NAME_TAGS = FUNCTION_TAGS | {"f", "s", "t"}

# 「用的是挑二压二的编法」「靠的是推光的工艺」「用到游丝描的手法」: what 的 joins to a word for a way of working (these,
# and any word of two characters ending in 法: 刀法, 针法, 唱法) is the name of that way (``names._method_names``);
# the name runs back to the word that takes it (a copula, 用/靠/讲究, a demonstrative, punctuation)
METHOD_WORDS = TECHNIQUE_WORDS | frozenset(("工艺", "技艺", "技巧", "绝活", "刀工", "做法", "方法", "法子"))
METHOD_LEADS = frozenset(COPULAS | TOOL_LEAD | NAMING_VERBS | DEFINING_DEMONSTRATIVES
                         | {"讲究", "用到", "有", "还是", "都是", "用的", "练的", "种", "一种", "个", "这", "那", "那种",
                            "那个"})


# The head character of a craft's name made of a place's or a people's one-character name and the work:
# 苗绣, 羌绣, 汴绣, 核雕, 徽雕, 烙画.
CRAFT_HEADS = set("绣雕塑画")

# (nlp-s21-terms) The head character of the name of a form or genre (a drama, a song, a dance, a tune, a festival)
# or a craft (CRAFT_HEADS): 邕剧, 布依戏, 拍手歌, 望果节, 苏绣. A word ending in one that jieba tags as a person, a
# place or a set phrase names that form (its dictionary lacks it); GENRE_NOUN_HEADS, the ones that are nouns alone,
# also close a name jieba cut off before them (布依 + 戏).
GENRE_HEADS = frozenset("戏剧歌曲调舞节") | CRAFT_HEADS
GENRE_NOUN_HEADS = frozenset("戏剧歌")

# (nlp-s21-terms) Verbs of practising or learning a skill: what they take is the skill's name (「再练甩发」, names.py)
PRACTICE_VERBS = frozenset(("练", "学", "苦练", "练习"))

# Words after which a craft's name stands as an object (「做汴绣」「学苗绣」「是核雕」).
CRAFT_NAME_LEADS = {"做", "学", "是", "叫", "的", "搞", "干", "说", "讲"}



# what stands before a person's name, not a thing's (「跟王师傅学」「问李四」)
PERSON_LEADS = {"跟", "跟着", "向", "问", "找", "拜", "叫", "师父", "师傅", "老师", "给", "和", "让", "请"}


COORD_RE = re.compile("[跟和与及或]")

# The words that join two things as one object of a verb (「把糯米跟红豆一起泡」「用竹篾和铁丝扎」「塞进艾叶、丁香」):
# ``roles.joined_things`` keeps both. 或 offers one of two, it joins none.
JOIN_WORDS = frozenset(("跟", "和", "与", "及", "以及", "同", "、"))

# What after 「A跟B」 makes the pair a comparison or a relation, not two things worked (「跟头发丝一样」「与肩同宽」
# 「跟地面平」「和原来差不多」「与雕工同等重要」).
JOIN_COMPARISONS = frozenset(("一样", "一般", "似的", "差不多", "相同", "相当", "同等", "同样", "同宽", "同高", "相比", "比",
                              "平", "齐", "一致", "相反", "不同", "之间", "中间", "当中", "同时", "一起比"))

# characters that never stand in a coordinated name (numbers, classifiers, particles, pronouns, sides)
COORD_STOP = set("一二两三四五六七八九十百千万几半这那每个只的了着过我你他她它们左右上下前后里外先再")


# Quotation marks a speaker's transcript puts round a name (ASCII ' and " open and close alike).
QUOTE_PAIRS = {"'": "'", '"': '"', "\u2018": "\u2019", "\u201c": "\u201d", "\u300c": "\u300d", "\u300e": "\u300f"}

# What is said before a quotation (a speech verb, a colon) makes it words spoken, not a name.
SPEECH_LEADS = set("说讲问喊骂念唱答") | {":", "\uff1a"}

# Characters that make a quotation a sentence (pronouns, negations, particles of mood), not a name.
SENTENCE_CHARS = set("我你他她它们不别没吗呢吧啦了的么")


# Words that take a tool in hand (or change it) before the tool's name: 「拿平口刀」「换圆口刀」「用大号毛刷」.
LED_TOOL_RE = re.compile("(?:拿起|拿着|握着|捏着|攥着|抡着|举着|换成|换上|换|拿|用|握|持)")

# Characters that never open or fill a tool's name (a number, a classifier, a pronoun, a particle, the
# result of the taking verb 「拿稳」「用力」, a body part 「用手刷」, a medium 「用水刷」).
LED_TOOL_STOP = set("一二两三四五六七八九十百千万几半这那每个只把根支条件的地得了着过起开上下到住好完出进过来去成"
                    "稳紧牢力劲心手脚掌指拳嘴身水火油汤气是在从往向朝给被让和跟与或也都还就再又才便先")

# what may follow a tool's head and belong to its name (刷子, 钻头)
TOOL_NAME_SUFFIX = set("子头儿")


SLOT_PREPOSITIONS = {"从", "在", "到", "往", "由", "按", "朝", "向"}  # (not 比: 比X小, the adjective is the predicate)

SLOT_LOCATIVES = {"上", "里", "中", "内"}


# the words that never make a technique compound (built once: the sets are constants)
_COMPOUND_CLOSED = frozenset(SKIP | COMPLEMENTS | MEASURE_PREV | NEGATIONS | PREDICATE_ADVERBS | STOP_NOUNS
                             | PLACE_SUFFIX)


# One-character complements that say only where or how far (熬到, 放在, 拿着): dropped from the action
# said; a result complement (分开, 放平, 压干, 揭起, 揉匀) is part of the action and kept.
FUNCTION_COMPLEMENTS = set("到在着了给得过成")

RESULT_COMPLEMENTS = set("平紧匀干透直开起满齐实牢净碎细软硬亮光薄圆正稳住好完")
# the results that close a one-character verb and never open the name of the thing after it (「抹平墙面」「锤平铜片」
# 「拧紧螺帽」: not 平墙面, 紧螺帽); not those that also say what kind a thing is (攥细头, 搓圆团, 磨光面)
CLOSING_RESULTS = frozenset("平紧匀透满实牢净稳")

# 「刮掉」「锉掉」: 掉 (off, away) after a verb is its result, never its object (kept out of the action said)
AWAY_COMPLEMENTS = {"掉"}

# (r11) The complements after which another craft's one-character technique name (盘 for 盘金), said after a manner
# adverb or a reduplicated 一X, is the verb (「慢慢盘出包浆」「一圈一圈盘到盆里」): a noun takes none of them.
TECHNIQUE_VERB_NEXT = frozenset(("到", "出", "在", "好", "上", "进", "成"))

AGENT_NOUN_SUFFIX = {"人", "者", "匠", "师", "员", "家"}

# 「出来」「下去」: the two-character directional complements (one list for extract, breaks and render)
DIRECTION_COMPOUNDS = frozenset({"出来", "出去", "下去", "上去", "进去", "进来", "起来", "下来", "上来", "回来", "过来",
                                 "过去", "回去", "开来"})

DIRECTIONAL_COMPLEMENTS = DIRECTION_COMPOUNDS | {"起", "出"}

# (nlp-actions) A verb and its direction or result that jieba's dictionary has as another part of speech (架起/s,
# 塞上/s, 立于/d, 蒙上/ns, 张大/nr): the tags of such entries (a place, an adverb, a name, a set phrase, a
# conjunction; not a time, 会上/t, nor a locative, 背上/f) and the second characters that make one (a direction, a
# result, written 于 'at'). ``extract._verb_in_place`` reads such a word as the verb where a predicate stands.
VERB_COMPLEMENT_ODD_TAGS = frozenset(("s", "d", "ns", "nr", "nz", "nrt", "l", "c"))
VERB_COMPLEMENT_SECONDS = frozenset("上下起进出开住于")
# (nlp-actions) jieba's tags of a verb character + 个 read as one word (缝个/n, 添个/n, 烫个/b, 剩个/l), not 挨个/d
# 'one by one' nor 分个/m: before a count such a word is the verb + 个 (``resegment._resegment``)
VERB_GE_TAGS = frozenset(("n", "b", "l"))

# What follows a verb and never a noun: aspect particles and result complements.
ASPECT_AFTER_VERB = {"了", "着", "过", "成", "一下", "得", "好了", "完了"}
# Aspect particles between a verb's result and a 的 that closes a modifier (「穿好了的针」「泡软过的竹篾」): the clause
# still describes the noun after 的.
ASPECT_BEFORE_DE = frozenset(("了", "过"))

# Adverbs of manner that stand before a predicate.
MANNER_ADVERBS = {"慢慢", "轻轻", "慢慢儿", "轻轻儿", "使劲", "用力", "狠狠", "稳稳", "细细", "来回", "反复", "一直",
                  "不停", "赶紧", "马上", "立刻", "随手", "顺手", "一点点", "一下下", "再", "先", "又", "还"}



DEGREE_MARKERS = {"到", "得"}

# what may follow 到/得 in a degree complement (「捶到不粘手」「揉得很匀」) rather than a place or an object
DEGREE_NEXT_KINDS = (None, "V", "T", "C")


# Body parts by their last character (左脚, 手腕, 胳膊肘), and the body as a place (身前, 身上): a
# position, never the tool or material of a step when named as where.
LIMB_CHARS = set("脚腿臂肘肩腰胸膝胯腕掌脸脖额怀")

# the last character of a colour's name (藏青, 毛蓝, 朱红); jieba tags many such names as a person's or a place's
# (words of its dictionary rarer than ``COLOUR_NAME_FREQ``; 明白, 白白 and 天黑 are more frequent)
COLOUR_CHARS = frozenset("蓝青红黄绿白黑紫")
COLOUR_NAME_FREQ = 200

# The body's named points and the named parts of the fist and palm that medicine, massage, singing and
# the martial arts talk about (「印堂这种皮薄的地方」「丹田使劲」「虎口半开」「拳眼朝上」): jieba tags several as
# place or person names (印堂/ns, 丹田/nr, 虎口/ns) and has no 拳眼 or 掌根, so they would be no nouns; each is a
# body term (and, like any body part, never a tool or material). Those jieba lacks are given to the
# tokenizer (``BODY_POINTS_UNKNOWN``). Not 人中 (「三个人中」).
BODY_POINTS_UNKNOWN = frozenset(("拳眼", "拳面", "拳背", "掌根", "掌沿"))
BODY_POINTS = frozenset(("印堂", "丹田", "虎口", "太阳穴", "百会", "涌泉", "命门", "膻中", "合谷", "足三里", "内关", "风池", "肩井",
                         "大椎", "劳宫", "气海", "委中", "承山", "曲池", "拳心")) | BODY_POINTS_UNKNOWN

BODY_WORDS = {"手", "身", "身子", "身体", "身上", "脚下", "膝盖", "胸口", "肚子", "脑袋", "后背", "背", "舌头", "舌尖", "嘴", "嘴巴",
              "嘴唇", "眼睛", "鼻子", "头顶"} | BODY_POINTS

BODY_LOCATIVES = set("上下前后里间边")

# Parts of a hand, a foot or the body that a speaker names as what moves (「食指往里弹」「脖子一缩」
# 「脚尖点地」「手腕子画小圈」): general words of the body, the longer first
LIMB_SUBJECTS = ("大拇指", "小拇指", "无名指", "手指头", "手腕子", "脚后跟", "胳膊肘", "拇指", "食指", "中指", "小指",
                 "手指", "指头", "指尖", "指肚", "手腕", "腕子", "手掌", "掌心", "掌根", "手背", "虎口", "脚尖", "脚跟",
                 "脚掌", "脚背", "脖子", "肩膀", "胳膊", "膝盖", "屁股")

# limbs that are no hand, whose moves make a dance or a form rather than handwork (a step that moves one
# counts towards a performer's scene when the craft is unknown: render.style_for); a limb only where it
# is the body's, after a side, a numeral and classifier, 把/往 or a clause's start (not 针脚, 瓶腰, 壶肩)
PERFORMING_LIMBS = ("脚", "腿", "胳膊", "胳臂", "臂", "肘", "肩", "腰", "胸", "膝", "胯", "身子", "身体")
LIMB_OWNER_BEFORE = "左右双两一只条个边把往朝"
HAND_CHARS = set("手指掌拇")  # a hand or a finger acts; a limb (胳膊, 肘, 腰, 脚) can be what moves

BODY_MOVERS = LIMB_CHARS | HAND_CHARS | BODY_CHARS | BODY_TURN  # what a body-part noun opens with (脖子, 脚尖, 头)

RAW_STUFF_HEADS = set("木竹篾草秆藤柴炭")  # wood, cane and plant stuff, fuel

# Musical instruments and their strings: played by the hand or a stick (the stick, the bow is the tool)
INSTRUMENT_HEADS = set("鼓琴笛箫弦锣钹笙")
# one-character instruments a striking verb glued to its object plays (打板, 敲锣, 击磬): the material
# (roles._struck_instrument; 打斗, 打扇 are no instrument played)
STRUCK_HEADS = frozenset("鼓锣钹镲板磬钟铃梆")
# what may follow a striking verb's character in the action said for it still to strike (击节, 打拍, 敲响, 敲打,
# 打着; not 打眼, 打磨, 打斗: roles._struck_instrument)
STRIKE_ENDINGS = frozenset(("", "节", "拍", "响", "击", "打", "着", "了"))
# a form performed, named by its last character: a dance, song, tune or step (长鼓舞, 盘王歌, 长调, 十字步). Named as a
# verb's object it is what the step performs (`roles._named_work`); it is no thing a later step picks up (`carry`)
PERFORMED_SUFFIX = frozenset("舞歌曲调步")

# Abrasive sheets (砂纸, 水砂纸, 砂布): they rub the work smooth or bright and are never what a result of state
# changes (「砂纸打磨亮」: the piece is bright, not the paper; unlike 「刀磨快了」: roles._open_read)
ABRASIVE_SHEETS = frozenset({"砂纸", "砂布"})

# Instruments named by what they do and the stuff they are made of, so headed by a stuff character (烙铁: a
# branding iron, 电烙铁; the abrasive sheets): tools whatever their head says (tokens._is_tool_word reads the
# last two characters)
STUFF_NAMED_TOOLS = frozenset({"烙铁"}) | ABRASIVE_SHEETS

# Classifiers of a thing held or worked that 那/这 glue to (那根, 这块): after a noun or a place closing the clause
# they name the thing of that kind there (「捏脖子那根」「握住背后那根」: roles._that_one)
THAT_ONE_CLASSIFIERS = frozenset("根块片截条支把只")

# A handle named after its tool (针柄, 刀柄, 棍把), and its tip (刀尖, 针尖, 笔尖): held or moved, it is the tool
# (tokens._is_tool_word reads the name before it); a handle or tip of anything else (锁把, 木柄, 鞋尖) is not
HANDLE_SUFFIX = frozenset("柄把尖")

# adverbs of degree between V得 and the state it brings about (「揉得很软」「烧得挺红」: roles._state_after_de)
DEGREE_ADVERBS = frozenset(("很", "挺", "特别", "非常", "更", "够"))
# Results that say what state the thing is brought to (烧热, 磨快, 擦净, 泡软); not phase complements (拿住, 做好)
STATE_RESULTS = set("热凉冷快红黑白干湿软硬亮光平直紧松匀净碎细薄圆正实牢")

# Verbs of putting and hanging: what they put somewhere is worked (an instrument too: 「长鼓斜挎在身前」),
# the place is a support or a vessel (a tool).
PUT_VERBS = set("放搁摆架置安挂挎背套插搭扣")
# 上/下/进 + a vessel as one verb-object step (上锅, 下锅, 进炉): the thing goes into it, the next verb works there
VESSEL_ENTRY = frozenset("上下进")
# Verbs that spread, pour or air a thing out onto a place (「摊在席上」「倒在簸箕上」): the place after 在/到
# holds it, a support (a tool), as for a putting verb; only the place reading, not carrying over steps.
SPREAD_VERBS = set("摊铺晾晒倒泼")
# Verbs that sprinkle or add stuff onto or into a thing (撒盐, 添水, 洒酒): glued to a one-character noun after them,
# that noun is the stuff added, the material, not what receives it (roles._compound_object)
SPRINKLE_VERBS = frozenset("撒洒添浇泼")
# Verbs that hang a thing from a support or hold it clamped in a place (「堂鼓吊到木架子上」「竹竿夹在板凳缝里」):
# the thing named before them that goes there is what is worked, as for a putting verb; only the place
# reading in ``roles._open_read`` (夹 before its object, 「夹起金箔」, still takes what it picks up).
HANG_VERBS = frozenset("吊夹悬")


# who a person's 的 names as the owner before an object (「托住他的胳膊肘」: roles); 人家, 病人, 患者 and 别人 are
# also in PERSON_NOUNS below, which names who acts (widening this rule to all of those would change output)
PERSON_PRONOUNS = {"他", "她", "我", "你", "人家", "病人", "患者", "对方", "别人"}
# The people who do the work, named by a noun (「师傅」「徒弟」「病人」「大家」「演员」): one list for the clause
# reader (a topic naming a person acts, it is not a thing: persons.info_is_person) and for unpunctuated text
# (such a noun after a verb opens the next clause: breaks)
PERSON_NOUNS = frozenset({"师傅", "师父", "徒弟", "学徒", "老师", "助手", "病人", "患者", "人家", "大家", "大伙", "大伙儿",
                          "年轻人", "姑娘", "姑娘们", "演员", "舞者", "观众", "别人", "客人", "老人", "孩子", "娃娃", "新娘",
                          "新郎",
                          # (written text, session 10 wr2: who takes part in a rite, a contest or a workshop)
                          "后生", "长辈", "长老", "喇嘛", "男子", "女子", "妇女", "男女", "众人", "人们", "双方", "亲友",
                          "全体"})
# Who acts, read by the word's form rather than listed one by one (nlp-persons; persons.info_is_person and
# persons.person_shaped, asked by roles, extract and breaks). The last character of a noun that names a person by trade, kin or
# standing (木匠, 琴师, 演员, 舞者, 艺人, 货郎, 媒婆, 绣娘, 大嫂, 老汉, 大夫, 艄公): a person wherever the noun stands,
# unless jieba tags the word a place, time, numeral or function word (武汉/ns, 东汉/t, 或者/c), and for 人 unless
# the word is a figure of some stuff (泥人, 面人: a MATERIAL_HEADS character first)
PERSON_SUFFIXES = frozenset("匠师员者人郎婆娘嫂爷姐哥汉夫公")
PERSON_ENDINGS = ("奶奶", "子弟")
# Endings that name a person only where the place says the subject (鼓手, 骑手, 小工, 学生, 农家): many things and
# verbs end so too (扳手, 动手, 手工, 加工, 花生, 发生, 国家), so the word must open its clause (or follow 的, a count,
# 老/小) and come before a hand word or 们 — 手 also before a verb or 就/都/也 (「对面的骑手追过来」)
SUBJECT_PERSON_SUFFIXES = frozenset("手工生家")
# things named X手 that are no person (a tool, a handle, a fruit), and the hands themselves (双手, 两只手 are terms)
HAND_NAMED_THINGS = frozenset({"扳手", "把手", "扶手", "拉手", "抓手", "护手", "佛手", "机械手", "小手", "大手"})
HAND_COUNT_CHARS = frozenset("左右双两单一只每")
# the characters a person pronoun opens with (jieba tags 我们, 咱们, 俺们, 他们, 您 as r; 它, 这, 那 are things)
PERSON_PRONOUN_CHARS = frozenset("我你他她俺咱您")
# jieba tags that say the word names no person whatever it ends in: place (ns, s), time (t), numeral, classifier,
# direction and function words
NOT_PERSON_TAGS = frozenset({"ns", "s", "t", "tg", "m", "mq", "q", "f", "c", "p", "u", "d"})
# what may follow a subject X手 besides a hand word or a verb (「鼓手就位」「划手们」「划手跟着鼓点」)
SUBJECT_NEXT_WORDS = frozenset({"们", "就", "都", "也", "便", "又", "一齐", "跟着", "一起"})
# every ending of a person's name that ``persons.person_shaped`` reads where the place says who acts (鼓手, 绣娘, 艄公,
# 小工, 学生): the two lists above together, one set for the three readers (roles, extract, breaks)
PERSON_TAIL_CHARS = PERSON_SUFFIXES | SUBJECT_PERSON_SUFFIXES
# what stands before a person and belongs to it (「老鼓手」「小工」): ``persons.person_position`` reads past it
PERSON_PREFIX_CHARS = frozenset("老小")
# the classifiers that count people (「两个鼓手」「一位老艄公」「三名学生」): a person's count before it
PERSON_CLASSIFIER_CHARS = frozenset("个位名")
# place words a person may stand after, at the head of what they do (「底下织手就挖花」「旁边的…」): ``persons``
PERSON_PLACES = frozenset({"底下", "下头", "上头", "后头", "前头", "旁边", "边上", "两边", "这边", "那边"})


# 「拍这头的鼓面」「敲那根弦」: a demonstrative before the noun it points at
DEMONSTRATIVES = {"这", "那", "这个", "那个", "这些", "那些", "哪"}


MATERIAL_HEADS = set("线丝绒浆水泥漆墨料胶粉油纸布缎绢绸土沙砂灰蜡釉彩色汁液膏糖面米豆茶叶皮革麻棉毛羽金银铜铁锡"
                     "木竹篾草秆藤柴炭绳")  # wood, cane and plant stuff, fuel, cord


# Stuff that is used up or spread (glue, water, dye, powder, thread): material even when taken in hand
# before 把 (「用胶水把两片粘上」); a solid thing so taken (布, 纸, 木) is what works what 把 names.
CONSUMED_HEADS = set("线丝浆水泥漆墨料胶粉油土沙砂灰蜡釉彩色汁液膏糖面米豆茶")


# Media a thing is treated in (soaked, fried, fired, steamed): with the thing named before 用, the
# medium is what with (「麦秆用水泡软」), not what is worked.
MEDIUM_HEADS = set("水油火汤酒醋汽气")


UNKNOWN_NAME_TAGS = {"nr", "ns", "nrt", "nz", "nrfg"}  # jieba's tags for many words its dictionary lacks
# jieba's tags for a word its dictionary lacks or mistakes (a person, a place, a time: 鹿角霜/nr, 卯眼/t)
MISTAGGED_NOUN_TAGS = UNKNOWN_NAME_TAGS | {"t"}

LOCATIVE_SUFFIX = {"里", "上", "中", "内", "外", "下", "边", "面", "底", "口", "头上", "里面", "上面", "底下",
                   "前", "后", "前头", "后头", "前面", "后面", "跟前"}


# a rod or stalk named after what it belongs to (手杆, 命杆, 烟杆), which jieba reads as a classifier
ROD_SUFFIX = frozenset("杆")

# Shape suffixes: a thing named by its stuff and its form (纸条, 泥条, 银块, 竹片, 面团) is headed by the
# stuff, as a classifier follows the noun it counts.
SHAPE_SUFFIX = set("条片块段粒团卷")


PLACE_MARKERS = {"在", "到", "进", "往", "从", "由"}

LOCATIVES = {"里", "上", "中", "内", "底下", "里面", "里头", "上面", "上头", "当中", "中间", "前", "后", "前头", "后头",
             "前面", "后面", "跟前"}

# A modifier closed by 的 before the noun after a verb (「刷过油的木桶」「一截长约一尺的单袖」: roles._modified_head):
# at most this many tokens before 的, none a punctuation mark, sequence word, 把/将, 拿/用 or hand
# (those open another clause or phrase).
MODIFIER_REACH = 6
MODIFIER_STOP_KINDS = frozenset("PMOLH")
# what such a modifier opens with, by jieba's tag (a quantity or a verb the lexicon lists aside): a numeral
# (一截长约一尺的), a verb, an adjective, an adverb or a state word (刷过油的, 高约…的, 多出来的); not a classifier
# alone, which jieba also gives a noun's first character (「台/q 边/d 的立柱」), nor a noun or a place
MODIFIER_OPENING_TAGS = frozenset("mvadz")

INSIDE = {"里", "内", "中", "里面", "里头", "当中"}  # 「X里」: X holds the thing, a vessel

# a path or a direction of motion in the clause: the thing before the verb is what moves (a tool)
MOTION_WORDS = {"往", "朝", "向", "从", "顺着", "沿着", "过去", "下去", "进去", "过来", "上去", "出去", "往下", "往上", "往里",
                "往外", "往前", "往后"}

# instruments the fingers pinch to work with (「捏针」「捏刻刀」「捏毛笔」): what else is pinched (签, 杆, 板) is handled
PINCHED_TOOL_HEADS = frozenset("针刀笔")

# verbs that wield their object (「抡锤」「举槌子」「挥鞭」「推刀」「摇铃」「摇着扇子」): a tool there is what with; so is an
# implement the hand steadies or draws (s26-slots: 「扶着弹弓」「拉开弓」「拉动筘座」)
WIELD_VERBS = set("抡举挥舞推操握持执拿攥摇扶拉")


BARE_OBJECT_TAGS = {"n", "ng", "zg", "ns", "nr", "nt"}  # (nt: 渣 jieba reads as an organisation)


# 「拿起刻刀」「各拿一根竹签」「抡锤子」「用篾刀」: the words that take a tool in hand just before its name
# (with a numeral and a classifier between: 「拿一把折扇」)
_HOLD_BEFORE = re.compile("(?:" + "|".join(sorted((re.escape(w) for w in TOOL_LEAD), key=len, reverse=True))
                          + "|[抡举挥舞操握持执拿攥])(?:[一两各每几][根把支个只块张面杆]?)?$")


# 「毛笔蘸了墨」「勺子舀了糖汁」: the step loads the tool it holds; the next step uses it on its own thing
LOAD_VERBS = set("蘸沾舀")


_LEAD_IN = re.compile("(?<![不没有])(?:" + "|".join(sorted((re.escape(w) for w in TOOL_LEAD if len(w) >= 2 or w in "用拿持握"),
                                                          key=len, reverse=True)) + ")(?![力劲心])")  # (not 用力, 不用)


# what may stand before a tool that opens its clause: a hand, a filler, a sequence marker
_OPENING = re.compile("(?:[左右双两]手|一只手|另一只手|" + "|".join(sorted((re.escape(w) for w in SKIP if w), key=len, reverse=True))
                      + ")*")


# words for a part or an end of a thing (「竹竿的头」「鞭子的中间」): where it is taken or touched, the
# thing itself is what is worked
PART_WORDS = {"头", "头儿", "一头", "两头", "那头", "这头", "尾", "尾巴", "尖", "尖儿", "梢", "中间", "中段", "当中", "两端",
              "一端", "末端", "根", "根部", "底", "底部", "边", "边儿", "边上", "腰"}


# verbs that make marks or a pattern on the ground they name after 在 (「画在纸上」「刻在石头上」)
MAKING_VERBS = set("画写描绣刻印题染烫烙")


# verbs of striking down or together
STRIKE_VERBS = set("拍敲打击磕碰")
# verbs of striking that land on a thing (「磕在炕沿上」「砸在鼓口边上」「捶在石头上」): what follows 在/到 after them is
# what is struck, the material (roles._open_read; a putting verb's place is a support instead)
STRIKE_AT_VERBS = frozenset(STRIKE_VERBS | set("砸捶锤剁擂杵"))
# the ground and the floor: where a striking verb lands without working a thing (「跺在地上」「摔在地上」)
GROUND_WORDS = frozenset(("地", "地面", "地下", "地板", "地皮", "场地", "台", "台面", "台上", "空中", "半空"))


# verbs that treat a thing by heat or liquid: where it was put (火上, 锅里, 水里) is what they work with
TREAT_VERBS = set("烤烘焙蒸煮熬炒炸煎炖焖烧熔淬泡浸沤晒晾熏煨焐")


# verbs that wind, tie, wrap or weave the thing they take (「拿麻绳缠」): it is used up in the work
BIND_VERBS = set("缠绕绑捆扎系拴包裹编织缝")


# verbs that stick or lay a thing on something: what is taken up for them is what they put there
ATTACH_VERBS = set("贴粘糊盖铺钉")


# verbs that lay stuff on a ground (paint, smear, draw, dye): what 用/以 takes up for them, a name that says
# neither tool nor stuff (胭脂, 佛青), is what they put there; the figure or ground after them is not
APPLY_VERBS = set("涂抹画描勾染敷绘")

# result complements after which a verb's object is what the work makes or how far it covers (画出, 涂满, 垒成)
MADE_COMPLEMENTS = set("出满成")


SENTENCE_ENDS = set("。!?;\n\uff01\uff1f\uff1b")

# A hand named as the subject goes on over a semicolon (「这叫顶绢转;转稳了往天上一抛」: the clauses of one
# sentence), not over a full stop.
FULL_STOPS = SENTENCE_ENDS - set(";\uff1b")


WEAR_VERBS = {"戴", "戴上", "戴好"}


# Markers that open a sentence going on with what the sentence before did (the same doer).
CONTINUE_MARKERS = ("然后", "接着", "接下来", "随后", "再")

FILLER_CHARS = set("嗯啊呃哎哦噢那个就")


# (nlp-s21-roles) A heat level (小火, 文火, 大火…): how hard the fire burns, the tool's slot (「小火熬」), never the
# stuff worked, even as a verb's object (「改小火」「转文火」). A closed class: a degree character + 火.
HEAT_LEVELS = frozenset(c + "火" for c in "大小中文武细慢猛旺急微温")

# what a length said before it measures (「留三公分宽」「拍到两毫米厚」): part of the quantity's clause
DIMENSION_CHARS = set("长宽高厚深粗细薄")
# a size said by a thing it matches (「巴掌大的红布」「指头粗的条子」): N + one of these + 的 measures the noun after 的
SIZE_WORDS = frozenset(DIMENSION_CHARS | {"大", "小", "大小", "粗细", "长短", "见方"})

# verbs that take a thing in the hand and hold it (not 捏/托: what the fingers pinch or the palm supports is
# mostly the piece worked, 「捏住线头」「托住葫芦」)
GRASP_VERBS = frozenset({"拿", "拿着", "拿起", "拿起来", "拿住", "握", "握着", "握住", "持", "持着", "执", "攥",
                         "攥着", "操起", "抓着", "端", "端着", "端起"})
# verbs of pinching a thing between the fingers: what they hold is mostly the piece worked (「捏住线头」, not in
# GRASP_VERBS), but the striker where the next verb strikes with it (carry._strikes_with_held)
PINCH_VERBS = frozenset(("捏", "捏着", "捏住", "捏紧"))
# (s26-slots, extract._held_tool) verbs of the hand that hold, carry or raise a thing besides the grip verbs, by their
# character (扶着, 提着, 举起, 抡起, 托住)
HOLD_CHARS = frozenset("扶提拎举抡托端捧抱挎扛背")
# (s25-steps, breaks._asr_grip_done) the characters of a hand's grip on a thing, alone or with ``ASR_GRIP_ENDS``: the
# grasping and pinching verbs above by their first character (not 拿/端/操, whose own step the writers do not agree
# on, nor 用), with 抓 and 揸
ASR_GRIP_CHARS = frozenset("握攥捏抓持执揸")
ASR_GRIP_ENDS = frozenset(("住", "着", "紧"))
# verbs that strike with a thing held (「捏根筷子敲」「攥着木棍砸」: carry._strikes_with_held); not 拍, which pats the
# thing held as often (「捏着面皮拍」), nor 磕/碰, which knock the things held together (「两块一碰」「磕着打拍子」)
STRIKE_WITH_VERBS = frozenset(STRIKE_AT_VERBS - set("拍磕碰"))
# an arm that swings what its hand holds (「胳膊往下一甩」: carry._strikes_with_held)
SWINGING_LIMBS = frozenset(("胳膊", "胳臂", "臂", "手臂", "小臂"))
POUR_CHARS = frozenset("泼倒洒浇淋灌舀")  # verbs that pour or throw out what the hand holds
# V着 that says what the motion follows (「跟着板眼在碟边上点」「照着样子剪」): the noun after it is no subject
# (carry). BEAT_LEADS below is a different class: what a beat or a tune is kept with (not 照着/顺着, a
# pattern or a line followed; with 和着/伴着/踩着), read as neither a step nor the thing worked (extract)
FOLLOW_LEADS = ("跟着", "随着", "合着", "照着", "顺着", "按着")
# V着 that takes the path or the pattern a motion follows as its object (FOLLOW_LEADS and 沿着/依着/循着): a
# one-character word right after it and before the clause's verb is that object, whatever jieba tags it
# (「顺着缝灌进去」「照着画描」: 缝/v, 画/v are the seam and the picture; ``extract._step_kinds``)
PATH_LEADS = frozenset(FOLLOW_LEADS + ("沿着", "依着", "循着"))
# V着 that says what a beat, a tune or a breath is kept with (「跟着节拍敲」「随着呼吸起伏」「伴着二胡唱」): what
# follows it, up to where (在/往…) or the verb, is followed, neither a step nor what is worked; jieba may cut
# the lead in two (踩/伴 + 着). 踩着 is the lead only before a beat (「踩着鼓点」, not 「踩着刀刃」)
BEAT_LEADS = frozenset(("跟着", "随着", "合着", "和着", "伴着", "踩着", "跟", "随", "合", "和", "伴", "踩"))
BEAT_CHARS = frozenset("点拍节奏眼声调")  # last character of a beat or a sound: 鼓点, 节拍, 板眼, 锣鼓声
# a beat named with 子 (「打拍子」): a clapper struck for it is what is played, the beat no thing worked
# (roles._struck_instrument, with BEAT_CHARS)
BEAT_WORDS = frozenset(("拍子",))
# (nlp-s21-roles) a beat or a measure of time kept, said as a noun (「打拍子」「跟着拍子抖」「打板眼」): never the tool nor the
# material, unless taken in hand (「拿拍子拍」: a paddle of that name; roles._drop_non_things)
BEAT_NOUNS = BEAT_WORDS | {"节拍", "鼓点", "锣鼓点", "节奏", "板眼"}
# verbs that put, hang, throw or grip the thing named before them (「琵琶竖放在琴架上」「盘子往桌上一扣」「扇子攥在手里」):
# a vessel, instrument or prop moved so is what the step works, not what with (roles._handled_topic)
HANDLED_VERBS = frozenset("放搁摆置挂挎背扣搭吊抛扔甩丢攥握捧端抱托举提拎")
# subjects that share out the work (「一个问,一个答」「一半背鼓,一半拿槌」「有的敲,有的唱」)
DISTRIBUTIVES = frozenset(("一个", "一半", "有的", "有人", "一人", "一帮"))
# correlatives said once per clause of a pair (「一边往封子里灌,一边拿棍子筑」「一会儿高高举起来,一会儿斜着拿」):
# said again after more than a bare verb, the second opens the next clause (breaks, text without punctuation)
PAIRED_OPENERS = frozenset(("一边", "一面", "一会儿", "一会", "一手", "有时", "有时候"))
# adverbs that share a counted object out among the subjects (「两只手各拿一面钹」「左右手各攥一根」): the
# distributed object closes its clause (breaks, text without punctuation); not DISTRIBUTIVES, which are subjects
EACH_ADVERBS = frozenset(("各", "各自"))
REACH_CHARS = frozenset("伸探")  # verbs that reach a hand or limb into or onto something
ROUND_MARKERS = frozenset(("围着", "绕着"))  # a motion round a ground
# classifiers that count pieces of a thing (一张一张, 一颗一颗), not strokes or turns (一下一下, 一刀一刀, 一圈一圈)
PIECE_CLASSIFIERS = frozenset("张颗块根片条粒枚串朵")
# classifiers that count things, never strokes or times (一刀, 两下, 两回): 个, pieces and what is held one by one
# (extract._counted_thing: 「拿两个制钱,」)
THING_CLASSIFIERS = PIECE_CLASSIFIERS | THAT_ONE_CLASSIFIERS | frozenset("个双对件副")
# (nlp-merge) who does the work, named by a verb (and its object) closed by 的 opening its clause: the word after 的
# that makes the phrase a person (人, 师傅…) or the side that person stands at (一边, 那边, 这头…): 「灌封的一边往罐里灌」
# 「拉线的那边往回收」「跳的人往圈里跳」; the phrase is no step (``extract._doer_phrases``), its verb being the doer's
DOER_AFTER_DE = frozenset(("一边", "那边", "这边", "那头", "这头", "人")) | PERSON_NOUNS
# 「抬轿的那头」 cut 那/头: a demonstrative and the side word after 的
DOER_SIDE_CHARS = frozenset("头边")
# (nlp-merge) the noun suffix jieba leaves alone (子/ng) after a one-character verb it did not list with it: the two are
# one noun (跷子, 铰子, 封子: of the ~165 one-character verbs + 子 in jieba's dictionary, all but 2 are nouns there).
# Only 子: another bound morpheme after a verb is its object (拿板, 抡槌) (``resegment._repair_tokens``)
VERB_NOUN_SUFFIX = "子"

# Adverbs written with 一 and a verb-like character (一定, 一直, 一再…): how or when, never 一 + a verb said
# suddenly (「下句一定要押韵」 is one clause; not 「墨斗一弹」). Read by breaks' sudden-action cut.
ONE_ADVERBS = frozenset(("一定", "一直", "一再", "一向", "一律", "一概", "一旦", "一齐", "一同", "一并", "一起", "一早",
                         "一时", "一心", "一连", "一经", "一致", "一贯", "一度", "一味"))


# (s22-terms) The practice a text opens with, said as its first clause's topic (``render._opening_name``): what may
# stand before it in that clause (the speaker's pronoun, a demonstrative, a classifier: 「俺这支巴乌是…」「我们这个…」)
# and what may close the clause after it (particles of mood) or go on from it (a copula: 「巴乌是中音的」). Closed classes.
OPENING_PRONOUNS = ("我们", "俺们", "咱们", "我", "俺", "咱")
OPENING_DEMONSTRATIVES = ("这", "那")
OPENING_CLASSIFIERS = frozenset("个支把种门首件张台套出段")
OPENING_CLOSING_PARTICLES = frozenset("嘛啊呀呢吧哈哦")
OPENING_COPULAS = ("就是", "就系", "是")
