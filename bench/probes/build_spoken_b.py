"""Writes bench/probes/spoken_B.json (brief spoken, writer B, 2026-11-30): 14 colloquial transcripts of an elderly
master (craftsperson, performer, practitioner) talking to a visitor, with expected annotations, written by a helper
who neither read nor ran the normalizer (only evaluation.py's format functions: text_features, validate_item).
Conventions are those of generation/prompting/data/eval/README.md and dev.json, plus the writer's calls listed in
bench/probes/README.md (section "Spoken probes, writer B"): a clause with its own action is a step, a helper verb
(拿, 用, 抓) is folded into the step it serves; a conditional, a prohibition or a piece of advice adds no step, nor do
the actions of the creature, the object or the onlookers (「它一蹦出来」, 「泥块打头顶上飞过去」, 「看的人笑得不得了」)
or background history; a clause that only refines the step before it (「孔只钻一半深」, 「磕三个头」 after 拜梁) is
folded into it; vessels and frames named in the clause (甑, 搪瓷盘, 铜盆, 竹篓, 草鞋耙) are tools, things used up or
left in the work (线, 麻绳, 铜钱, 凉水) and things wrapped on or handled (毛毯, 蚌壳, 节子板) are materials, a thing
used to act on something else (锯子, 砂布, 弓子, 棒槌, 葱) is a tool; body parts, the baby and the cricket are never
materials. Grounded items take their facts from the page cited in `source` (found with the project's search tool);
the transcripts are in the set's own words. Run: python bench/probes/build_spoken_b.py"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from probe_build import CHI, CUN, DAY, HOUR, Items, P, S, SRC  # noqa: E402

ITEMS = Items()
item = ITEMS.item
WEEK = 7 * DAY


# ================================================================================================ half B
# 民间文学: no action at all (the legend's own story and the place's history only); full-width punctuation.
item("B", "sp-b01-lanke", "民间文学", "烂柯山传说", ["烂柯传说", "王质遇仙", "观棋烂柯"],
     "嗯，你问烂柯山啊，就在我们衢州城东南，老早叫石室山。老辈人讲，晋朝那会儿有个砍柴的叫王质，上山碰见两个童子在"
     "石头上下棋，一边下一边唱，他就站边上看入了迷。童子给他一颗枣核样的东西，他含在嘴里，一点都不觉得饿。看了一会儿，"
     "童子说，你咋还不回家？他回头去拿斧头，斧头把子都烂没了，回到村里，一个认得的人都没有了。所以讲山中方一日，世上已"
     "千年。斧头把子古话叫柯，烂柯烂柯就是这么来的，后来下棋的人就拿烂柯当围棋的别名。",
     [], terms=["烂柯山", "王质", "石室山"], inc=[],
     source=SRC("衢州文化地标 烂柯山的入世与出世（nankong.net，转衢州市旅游局稿）",
                "http://www.nankong.net/news_detail/id-14756.html",
                "春秋时称空石山（石室山），因晋代王质遇仙、观弈烂柯的故事始称烂柯山；任昉《述异记》：信安郡石室山，王质伐木"
                "至，见童子棋而歌，童子与一物如枣核，含之不觉饥，童子谓曰何不去，斧柯烂尽，既归无复时人；“烂柯”成为围棋的别称。"
                "第二页 https://qzwb.qz828.com/html/2022-01/17/content_3401_5603795.htm（衢州晚报）：东晋虞喜《志林》最早"
                "记载，信安即衢州。第三页 http://3g.quwen5.cn/lishi/74806.html：烂柯山在衢州市东南"))

# 传统音乐: short (3 steps), ASCII punctuation, two hands.
item("B", "sp-b02-bawu", "传统音乐", "巴乌", ["哈尼巴乌", "四眼巴乌", "梅巴"],
     "巴乌啊,就是一截竹管子,26到28公分长,上头有片三角形的铜簧片. 我们老辈吹的是四眼巴乌,就四个孔. 吹的时候嘴把簧片"
     "含住,左手在上右手在下,左手食指按第四个孔,右手食指按第二个孔. 气要匀匀的,千万别使蛮劲,一使劲簧片就哑了.",
     [S(["含", "含住", "吹"], material=["簧片", "铜簧片"]),
      S(["按", "按孔"], hand="left", material=["孔", "第四个孔"]),
      S(["按", "按孔"], hand="right", material=["孔", "第二个孔"])],
     params=[P("length_mm", [260, 280]), P("count", 4)],
     terms=["巴乌", "簧片", "四眼巴乌"], inc=["簧片"],
     source=SRC("简单奇特的哈尼族乐器，巴乌（第一星座网）", "https://3g.d1xz.net/wenhua/minzu/art87973_2.aspx",
                "取一段长约26到28公分的竹管，上端近节处一侧嵌一片三角形铜质簧片；竖吹时用嘴含住近顶端的簧片；吹低音时嘴唇放松，"
                "气息徐缓均匀。第二页 http://www.jizihe.com/page/2014/0103/11285044.shtml（红河学院王磊）：四眼竹簧巴乌，吹奏时"
                "口含簧舌，左手在上，右手在下，左手食指按第四音孔，右手食指按第二音孔"))

# 传统舞蹈: medium (5 steps), full-width, dialect (脑壳).
item("B", "sp-b03-bangwu", "传统舞蹈", "蚌舞", ["蚌壳舞", "蚌壳灯", "蚌壳精", "戏蚌壳"],
     "我们南川跳蚌壳，蚌壳就是个竹篾架子，外头一层彩布，四边一圈红布边。跳的时候，姑娘钻进蚌壳里，两只手抓住两扇壳，"
     "一开一合，一开一合，你看，就跟真蚌喘气一样。渔翁那边先理网，理顺了一网撒出去，哎，撒了个空，蚌壳一合，把他脑壳"
     "夹住了，底下看的人笑得不得了。伴奏就是二胡、笛子，曲子是《八板》，有舞没歌，一场一刻钟上下。",
     [S(["钻", "钻进"], material=["蚌壳"]),
      S(["抓", "抓住", "开合", "一开一合"], hand="both", material=["壳", "蚌壳"]),
      S(["理", "理网", "理顺"], material=["网"]),
      S(["撒", "撒网", "撒出去"], material=["网"]),
      S(["合", "夹", "夹住"], material=["蚌壳"])],
     params=[P("count", 2), P("duration_s", 900, approx=True)],
     terms=["蚌壳", "渔翁", "八板"], inc=["蚌壳"], dialect=True,
     source=SRC("蚌壳舞（重庆南川，区文化馆/区非遗中心资料）",
                "https://www.cqncnews.com/html/1415623192941293568/web/content_1415623192941293568.html",
                "南川蚌壳舞：蚌壳用竹篾扎制，外糊彩纸或蒙彩布，四周镶红色布边；少女饰蚌壳精藏身壳中，双手抓住蚌壳作翕张动作；"
                "渔翁作观蚌、理网、撒网、涉水、摸捞等动作；蚌壳时而夹住打鱼人的头；二胡、笛子伴奏，曲牌常为《八板》，有舞无歌。"
                "演出时长（一刻钟上下）为本条所加"))

# 传统戏剧: short (3 steps), ASCII.
item("B", "sp-b04-sizhouxi", "传统戏剧", "泗州戏", ["拉魂腔", "泗州拉魂腔"],
     "我们泗州戏学身段,头一样就是压花场,这个这个,不压花场你就别想上台. 拦马那一折,头上顶一碗水走圆场,少说走三圈,"
     "一滴都不许泼出来. 还有一手叫燕子拨泥,脚把地上的泥块往后一拨,泥块打头顶上飞过去,落在前头.",
     [S(["顶", "顶碗"], material=["水", "碗"]),
      S(["走", "走圆场", "圆场"]),
      S(["拨", "燕子拨泥"], material=["泥块", "泥"])],
     params=[P("count", 3)],
     terms=["压花场", "圆场", "燕子拨泥"], inc=["圆场"],
     source=SRC("泗县（泗州戏表演艺术介绍，map456 地方页）", "http://suzhou2.sixian.map456.com",
                "压花场是泗州戏表演艺术的根本，学表演从压花场开始；身段有燕子拨泥、四台角、旋风式等；《拦马》中头顶水碗急走圆场，"
                "点水不泼；燕子拨泥须把脚下的泥块从后面拨起，再从头顶上飞过去。第二页 http://wwwbaike.com/a/201902/75632.html："
                "泗州戏原名拉魂腔。「少说走三圈」为本条所加"))

# 曲艺: short (3 steps), full-width, a correction of the hand (左手 → 两只手), dialect (扛大个儿、胶皮).
item("B", "sp-b05-shidiao", "曲艺", "天津时调", ["时调", "靠山调"],
     "时调啊，老早是码头上扛大个儿的、拉胶皮的唱着玩儿的，年年端午前后唱起，一直唱到重阳。那会儿台上有张场面桌，唱的人"
     "手扶着桌子唱，一点身段都没有。后来不用桌子了，我左手拿节子板……哎不对，是两只手一块儿打节子板，打着板唱靠山调，"
     "伴奏就是大三弦、四胡。",
     [S(["唱", "扶"], material=["桌子", "场面桌"]),
      S(["打", "打板", "击"], hand="both", material=["节子板"]),
      S(["唱", "唱靠山调"])],
     terms=["时调", "节子板", "靠山调", "场面桌"], inc=["节子板"], dialect=True,
     source=SRC("民间曲艺 天津时调（央视网·艺术台，来源北方网）", "http://big5.cctv.com/gate/big5/arts.cntv.cn/20120413/119957.shtml",
                "一人或二人执节子板站唱，另有人操大三弦和四胡伴奏；唱腔有靠山调、老鸳鸯调等；初为船夫、搬运工人、人力车夫等的"
                "业余演唱；每当端午节前后开始，直到重阳。第二页 https://m2.allhistory.com/ah/article/5f75ce8a851391000173f1fc："
                "五十年代之前设场面桌，演员站在桌后手扶桌子演唱，无做功表演"))

# 传统体育、游艺与杂技: medium (5 steps), no punctuation, spaces at pauses.
item("B", "sp-b06-douxishuai", "传统体育、游艺与杂技", "斗蟋蟀", ["斗蛐蛐", "秋兴", "斗促织"],
     "嗯 捉蛐蛐要趁天蒙蒙亮 露水没干的时候 先听它在哪块叫 拿根尖草往洞里撩 再拿竹筒往里灌水 它一蹦出来 拿铜丝罩一扣"
     " 千万别上手抓 腿一碰就掉 比之前先过秤 我们论斟 四斟差不多零点七克 分量对不上的不许斗",
     [S(["听"]),
      S(["撩", "撩拨"], tool=["尖草", "草"]),
      S(["灌", "灌水"], tool=["竹筒"], material=["水"]),
      S(["扣", "罩"], tool=["铜丝罩"]),
      S(["过秤", "称", "称重"])],
     params=[P("weight_g", 0.7, approx=True)],
     terms=["蛐蛐", "尖草", "铜丝罩", "斟"], inc=["铜丝罩"], dialect=True,
     source=SRC("斗蟋蟀（苏州，2500sz 专题）", "http://test2.2500sz.net/content.php?id=114&nav=5",
                "捉蟋蟀要在黎明时分、露湿草叶时；听其声，察其穴，操以尖草，灌以筒水，待其跃出，以铜丝罩捕；白露前后取雄健者驯养"
                "赌斗，俗称秋兴。第二页 https://siliu.net/p/9d4e2e5lxp.html（绍兴斗蟋大赛）：赛前先给蟋蟀称重，以斟为计量单位，"
                "4斟相当于0.7克，按体重分组"))

# 传统美术: medium (5 steps), full-width.
item("B", "sp-b07-gendiao", "传统美术", "根雕", ["根艺", "树根雕刻"],
     "根雕这东西靠天吃饭，根长成啥样就是啥样。挖回来的树根先泡水里，泡个五六天，皮就好剥了，剥的时候当心，别把根上的"
     "纹路刮花了。剥干净了照着它的样子，多余的根须拿锯子截掉，再拿砂布磨，先粗的后细的，磨光了刷清漆，刷三遍。",
     [S(["泡", "浸泡"], material=["树根"]),
      S(["剥", "剥皮", "去皮"], material=["皮"]),
      S(["截", "截掉", "锯"], tool=["锯子", "锯"], material=["根须"]),
      S(["磨", "打磨", "磨光"], tool=["砂布"]),
      S(["刷", "刷漆", "上漆"], material=["清漆", "漆"])],
     params=[P("duration_s", [5 * DAY, 6 * DAY]), P("count", 3)],
     terms=["根雕", "根须", "清漆"], inc=["根须"],
     source=SRC("根雕的製作方法（勵志人生知識庫）",
                "https://www.zeelive.com.tw/a/%e6%a0%b9%e9%9b%95%e7%9a%84%e8%a3%bd%e4%bd%9c%e6%96%b9%e6%b3%95.html",
                "去皮：浸泡法将根料浸入水中数天后再剥皮，注意保护根材的天然纹理；构思后裁截掉多余的根须；先用粗砂布打磨，再用细砂布"
                "抛光；通常用清漆上色，均匀涂抹3遍。「五六天」为本条把“数天”说具体"))

# 传统美术: short (3 steps), no punctuation, no spaces, dialect (俺们、搁、日头).
item("B", "sp-b08-liubian", "传统美术", "柳编", ["曹县柳编", "杞柳编织", "柳条编"],
     "俺们曹县编柳条子使的是杞柳一把锥子一把剪子一个马扎就是全部家什割回来的柳条得趁湿剥皮剥了皮搁日头底下晒两三天"
     "晒得白生生的跟象牙一个色粗的柳条拿刀劈成细篾条千万别阴天剥一捂就发霉变色了",
     [S(["剥", "剥皮"], material=["皮", "柳条"]),
      S(["晒", "搁"]),
      S(["劈", "劈成"], tool=["刀"], material=["柳条", "篾条"])],
     params=[P("duration_s", [2 * DAY, 3 * DAY])],
     terms=["杞柳", "柳条", "篾条"], inc=["柳条"], dialect=True,
     source=SRC("柳编简介及调查记录（qebk.com）", "http://m.qebk.com/jiaju/2e2e081cc43c1a9c61189ed5332faaa1.html",
                "采下的柳条剥去外皮后晒干，成为圆润光滑、色如象牙的白色枝条；剥皮后需及时晒干，否则容易变色或发霉；劈条加工：用刀取"
                "粗柳条外部的木质表皮，切割成细长的篾条。第二页 https://wxredian.com/art?id=e486359d07e76528330ee401d0210710："
                "曹县柳编，原料主要是杞柳，“一把锥子一把剪，马扎一坐搞柳编”。「两三天」为本条所加"))

# 传统技艺: long (9 steps), ASCII, two hands, rate, warning.
item("B", "sp-b09-juci", "传统技艺", "锔瓷", ["锔瓷技艺", "锔碗", "锔活", "锔艺"],
     "嗯,锔碗这活儿,头一步找碴对缝,碎片一块一块拼拢了,拿线绑紧. 再顺着裂缝拿笔点记号,锔子跟锔子隔个一公分半上下. 然后"
     "上金刚钻,钻杆10公分来长,左手扶住碗,右手拉弓子,一分钟拉个六七十下. 孔只钻一半深,千万不能钻透,碗壁才两三毫米厚. "
     "锔子是铜的,枣核样,拿小锤轻轻敲进孔里,再抹上白灰膏,拿布一擦就齐活了.",
     [S(["拼", "拼拢", "找碴", "对缝"], material=["碎片"]),
      S(["绑", "绑紧", "扎"], material=["线"]),
      S(["点", "点记号", "做记号"], tool=["笔"]),
      S(["上", "钻", "钻孔", "打孔"], tool=["金刚钻"]),
      S(["扶", "扶住"], hand="left", material=["碗"]),
      S(["拉"], hand="right", tool=["弓子"]),
      S(["敲", "敲进", "钉"], tool=["小锤", "锤"], material=["锔子"]),
      S(["抹"], material=["白灰膏", "灰膏"]),
      S(["擦"], tool=["布"])],
     params=[P("spacing_mm", 15, approx=True), P("length_mm", 100, approx=True), P("rate_per_min", [60, 70]),
             P("thickness_mm", [2, 3])],
     terms=["锔子", "金刚钻", "找碴", "对缝"], inc=["锔子", "金刚钻"], dialect=True,
     source=SRC("锔碗：打钯锔的修碗方法（goggeous.com）", "http://goggeous.com/20241215/1/664553",
                "手艺人将打破的碗片拼拢，用线扎缚固定，计算该打几个钯锔，做好记号，用金刚钻在碗外壁接缝两侧钻小孔，取铜质或铁质的"
                "枣核形钯锔用小槌钉入小孔，最后涂特制白色灰膏，用布擦去多余的灰膏。第二页 "
                "http://tech.jiangsulong.com/a/2020/1204/1607070277.html：锔瓷第一步找碴、对缝，第二步定位点记，第三步用金刚钻"
                "打孔，金刚钻是长约10公分的铁钻杆；有些瓷器厚度就几毫米，最好不能打穿。锔钉间距、拉弓的速率为本条所加"))

# 传统技艺: medium (5 steps), ASCII, a correction of a duration.
item("B", "sp-b10-douchi", "传统技艺", "豆豉酿制技艺", ["黄姚豆豉", "淡豆豉", "豆豉"],
     "我们黄姚做豆豉,用本地黑豆. 洗干净的豆子上甑蒸,蒸个把钟头,蒸熟了摊开,要快快地凉透. 然后进霉房捂,热天五六天,冷天"
     "得两个礼拜...哎不对,三个礼拜,等豆子上长满淡黄色的霉,拿清水把霉洗掉. 再装进大竹篓,一篓400斤的量,三个礼拜以后"
     "就成淡豆豉了.",
     [S(["蒸", "蒸熟"], tool=["甑"], material=["豆子", "黑豆"]),
      S(["摊", "摊开", "凉", "凉透"]),
      S(["捂", "发霉", "进霉房"]),
      S(["洗", "洗掉"], material=["霉", "清水"]),
      S(["装", "装进"], tool=["竹篓", "大竹篓", "篓"])],
     params=[P("duration_s", HOUR, approx=True), P("duration_s", [5 * DAY, 6 * DAY]), P("duration_s", 3 * WEEK),
             P("weight_g", 200000), P("duration_s", 3 * WEEK)],
     terms=["豆豉", "霉房", "淡豆豉", "黑豆"], inc=["霉房"],
     source=SRC("广西贺州：百菜酿、黄姚豆豉和红糟辣椒（越秀区图书馆《岁月》期刊）",
                "http://wap.gzyxlib.cn/dzqk/s/slshzk/201403/t20140327_205718_22.htm",
                "高士其记黄姚豆豉：黑豆洗净，蒸熟，快速充分冷却，在霉房发酵、发霉5~6天，冬天三星期，出现均匀的淡黄色霉菌后取出，"
                "用清水洗净霉菌；黄姚师傅把洗净霉菌的豆装入大口竹篓，密封，二次发酵三星期，晒干成淡豆豉；作坊的箩筐每个可以放400斤"
                "豆。「蒸个把钟头」为本条所加"))

# 传统技艺: long (9 steps), full-width, correction of a spacing (一寸 → 一寸半), approximation (个把钟头).
item("B", "sp-b11-caoxie", "传统技艺", "打草鞋", ["编草鞋", "草鞋编织", "织草鞋"],
     "打草鞋啊，绳是先搓好的棕绳。你看，绳对折两回，一头绕在小竹节上，这个就叫鞋鼻子，另一头扣在草鞋耙上。腰上系根绳，"
     "把鞋鼻子拴住，绳子要一直绷得紧紧的，一松鞋就松垮垮的。手里抓几根稻草，在绳里头一上一下地穿，边穿边往里拧，草少了"
     "就续一根。编到巴掌宽，两边安耳子，耳子跟耳子隔一寸，哎不对，隔一寸半。一只鞋底打下来个把钟头，最后拿剪子把边上"
     "多出来的草剪干净。",
     [S(["对折", "折"], material=["绳", "棕绳"]),
      S(["绕"], material=["小竹节", "竹节"]),
      S(["扣"], tool=["草鞋耙"]),
      S(["系"], material=["绳"]),
      S(["拴", "拴住"], material=["鞋鼻子", "鼻子"]),
      S(["穿", "穿编", "编"], material=["稻草", "草"]),
      S(["拧", "拧转"]),
      S(["安", "安耳子"], material=["耳子"]),
      S(["剪", "剪干净"], tool=["剪子"], material=["草"])],
     params=[P("count", 2), P("spacing_mm", round(1.5 * CUN, 1)), P("duration_s", HOUR, approx=True)],
     terms=["草鞋耙", "鞋鼻子", "耳子", "棕绳"], inc=["草鞋耙"],
     source=SRC("即将消逝的手工艺“打草鞋”（里下河，yztpdq.com 转载）", "http://www.yztpdq.com/articleinfo/detail_5_13_8597.aspx",
                "打草鞋从搓绳子开始，棕丝搓成草鞋绳；草鞋绳对折两次，一头绕在小竹节上即草鞋鼻子，另一头扣在草鞋耙上；腰间系绳，把"
                "草鞋鼻子拴在绳上；几根稻草在草鞋绳内一上一下穿编，边穿边往内拧转；感觉稻草少了就加一根；到一定宽度两边安耳纽；腰间"
                "的绳子一定要一直拉紧，否则容易松散；从起手到鞋底成型大约一小时；用剪刀剪净边线外多余的草。耳纽间距「一寸半」为本条"
                "所加（原文以手指横宽量）"))

# 传统医药: medium (5 steps), full-width, warning with a bound (千万别过一百度).
item("B", "sp-b12-laliao", "传统医药", "蜡疗", ["石蜡疗法", "蜡疗法", "蜂蜡疗法"],
     "嗯，这个蜡疗啊，我们用医用石蜡，一回化个一斤，搁搪瓷盘里小火慢慢化开，温度千万别过一百度，过了蜡就坏了，还烫皮。"
     "化开了往盘里兑点凉水，水比蜡重，沉到底下，上下两面凝住了，当中还软乎乎的，这就是蜡饼。把水倒掉擦干，蜡饼往膝盖上"
     "一裹，外头拿毛毯包严实，捂半个钟头到一个钟头。",
     [S(["化", "化开", "熔化", "熔"], tool=["搪瓷盘", "盘"], material=["石蜡", "蜡"]),
      S(["兑", "加", "兑水"], material=["凉水", "水"]),
      S(["倒", "倒掉", "擦", "擦干"], material=["水"]),
      S(["裹"], material=["蜡饼", "蜡"]),
      S(["包", "捂", "保温"], material=["毛毯"])],
     params=[P("weight_g", 500), P("temperature_c", 100), P("duration_s", [1800, 3600])],
     terms=["蜡疗", "石蜡", "蜡饼"], inc=["蜡饼"],
     source=SRC("蠟療法能夠有效的來治療風溼病（medicalteaching.org）",
                "https://www.medicalteaching.org/posts/cgJeL3cBhgYN2SYvJ3ac/",
                "买500克医用石蜡，装在铝制或搪瓷菜盘内，用小火使蜡完全熔化；往盘内加一些凉水，水比蜡重流到盘底；表层和底层凝固、中心"
                "还熔化即成蜡饼；把水倒掉擦干，把蜡饼迅速裹在治疗部位，外用毛毯保温30-60分钟。第二页 "
                "http://m.jizihe.com/page/2011/0211/16926553.shtml：石蜡加热超过100℃会氧化变质，易刺激皮肤"))

# 民俗: long (9 steps), ASCII, traditional units, Arabic numbers.
item("B", "sp-b13-shangliang", "民俗", "上梁习俗", ["上梁", "上梁仪式", "抛梁", "立新房"],
     "上梁那天,先拿块红布,1尺5寸长,7寸宽,里头包一本历书,一支毛笔,还有盐巴,茶叶,五谷,叠成个三角,拿几个铜钱钉在大梁"
     "正当中. 主家披红拜梁,磕三个头. 屋顶上的人拿麻绳把梁往上拉,稳稳地搁到中柱上头. 完了木匠跟主家的长辈提着公鸡,"
     "端着粑粑,顺木梯爬上梁顶,一边念上梁词,一边往下抛粑粑,底下热闹得很.",
     [S(["包"], material=["历书", "毛笔", "盐巴", "茶叶", "五谷"]),
      S(["叠", "叠成"], material=["红布"]),
      S(["钉", "钉在"], material=["铜钱"]),
      S(["拜", "拜梁", "披红", "磕", "磕头"]),
      S(["拉", "拉梁"], material=["麻绳", "梁"]),
      S(["搁", "放", "安放"]),
      S(["爬", "爬上"]),
      S(["念", "念上梁词"]),
      S(["抛", "抛梁"], material=["粑粑"])],
     params=[P("length_mm", round(1.5 * CHI, 1)), P("width_mm", round(7 * CUN, 1)), P("count", 3)],
     terms=["上梁", "拜梁", "上梁词", "中柱"], inc=["梁", "红布"], dialect=True,
     source=SRC("立新房吉利（华龙网·新重庆）",
                "https://news.cqnews.net/1/detail/1275411826163068928/web/content_1275411826163068928.html",
                "立新房以上梁为高潮：用铜钱把一块长1尺5寸、宽7寸的红布叠成对角形钉牢在大梁正中，红巾中间包一本日历、一支毛笔和盐、"
                "茶、五谷；木匠师傅指挥把大梁架上房顶，便和主人的亲族长者手拿一只大公鸡和两簸筛富贵粑粑，从中柱上的木梯登上梁顶，"
                "边上边念栋梁词。第二页 http://www.daqhyjtls.cn/?feed=rss2&tag=%E6%96%87%E5%8C%96%E8%AE%B0%E5%BD%95%E7%89%87："
                "男主人披红拜梁，礼拜三次；木匠用麻绳往屋顶上拉横梁，安放在中柱之上；抛梁是上梁仪式的高潮"))

# 民俗: long (9 steps), full-width, dialect (落草、铜子儿、末了).
item("B", "sp-b14-xisan", "民俗", "洗三", ["洗三礼", "三朝洗儿", "添盆"],
     "洗三啊，就是孩子落草第三天洗头一回澡。收生姥姥一进门，槐条蒲艾水早熬好了，倒在铜盆里。先把孩子抱起来，本家带头"
     "添盆，一小勺清水，几个铜子儿，亲戚们挨个儿往盆里添，添枣儿添栗子。姥姥拿棒槌往盆里搅三下，嘴里念叨一搅两搅连三搅。"
     "孩子往水里一搁，一凉就哭，这叫响盆，越响越吉利。洗完了拿生姜片托着点着的艾叶球，在脑门上炙一炙，末了拿葱往身上"
     "轻轻打三下，一打聪明，二打伶俐。",
     [S(["倒", "倒在"], tool=["铜盆", "盆"], material=["槐条蒲艾水", "艾水", "水"]),
      S(["抱", "抱起来"]),
      S(["添", "添盆"], material=["清水", "铜子儿"]),
      S(["添", "添盆"], tool=["盆"], material=["枣儿", "栗子"]),
      S(["搅"], tool=["棒槌"]),
      S(["念叨", "念"]),
      S(["搁", "放", "洗"]),
      S(["炙", "熏"], material=["艾叶球", "生姜片", "生姜"]),
      S(["打", "拍"], tool=["葱"])],
     params=[P("count", 3), P("count", 3)],
     terms=["洗三", "添盆", "响盆", "收生姥姥", "槐条蒲艾水"], inc=["添盆"], dialect=True,
     source=SRC("北京风俗·洗三（北京城市记忆 bjcity.net，旧京民俗文）", "https://ob.bjcity.net/home/dfolkways/detail.html?id=130",
                "收生婆（姥姥）主持洗三，预备棒锤、艾球儿、葱姜、生熟鸡蛋等，槐条蒲艾水早就熬得；先把孩子抱起，请本家儿添盆，亲友随"
                "喜，添凉水、枣栗、桂元各有吉祥词；拿棒锤往盆里搅，念“二搅二搅连三搅”；孩子一洗一哭名为响盆；炙脑门儿；用葱往身上"
                "三打，“一打聪明，二打伶利”。第二页 https://baike.baidu.hk/item/%E6%B4%97%E4%B8%89/912561：婴儿出生后第三日的"
                "沐浴仪式，也叫三朝洗儿，由收生姥姥或吉祥姥姥主持。以生姜片托着点燃的艾叶球炙脑门是通行说法（第一页只列葱姜、"
                "艾球儿并说炙脑门儿）"))


# ================================================================================================ checks
ITEMS.write("spoken", "B", lambda half: (
    f"Spoken-register probe set, half {half} (brief spoken, writer B, 2026-11-30): 14 colloquial transcripts of an "
    "elderly master talking to a visitor (fillers, dialect words, spoken and Arabic numbers, ranges, approximations, "
    "corrections, two hands, warnings, rates, spoken durations, traditional units), across the ten ICH categories, "
    "one item per craft, one item with no action (a legend); about half full-width punctuation, a third ASCII, two "
    "with none (one with spaces at pauses); a third short, medium and long. Written and annotated by a helper who "
    "neither read nor ran the normalizer, in the format and conventions of generation/prompting/data/eval/README.md; "
    "grounded items cite the page their facts come from."),
            one_without_action=True)
