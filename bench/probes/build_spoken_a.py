"""Writes bench/probes/spoken_A.json (brief spoken, writer A, 2026-11-30): 14 colloquial transcripts of an elderly
master (craftsman, performer, practitioner) talking to a visitor, with the annotations a careful annotator expects,
written and annotated by a helper who neither read nor ran the normalizer (only evaluation.py's format functions,
through probe_build).

Conventions are those of generation/prompting/data/eval/README.md and dev.json: a step is a clause with its own
action (拿/用/搁 fold into the clause's verb; a clause that only refines the step before it is folded into it, its verb
an acceptable alternative); a topic opener (头一道是炒籽, 头一样是眼神), a result (弦一抖棉花就飞起来了), a
conditional or a prohibition (千万别…) is not a step; a static description with 是…的 (铁环是粗铁丝弯的, 龙身子是竹篾
骨架) is not a step; tools and materials only where named in the clause; a frame, vessel or board named in the clause
(铁圈, 榨槽, 门板, 木甑, 锅) is the tool, things used up or built in (木楔 struck, 竹篾箍, 麻丝, 浆子) the material;
an instrument or a handled prop the action is done to (木叶, 三弦, 梆子, 铰子, 金箍棒, 把子) is the material; body parts
are never materials; hands only where said. Every quantity the speaker states is a parameter; a correction keeps only
the corrected value; 来/左右/上下/多 are approx, 个 alone is not; 一尺见方 is length 333.3 mm; a count of one action
(走一圈, 一个跟头翻出去) is count 1 as in dev (走一圈, 啪一下); distributive phrases (每节底下一个人, 一块一块) and single
objects are not counted; numbers inside a legend (一万个弓箭手) in a text with no action are not parameters.
Grounded items take their facts from the pages cited in `source` (found with the project's search tool); where a
detail or number is common practice rather than the page's, `facts` says so. The transcripts are in the set's own
words. Run: python bench/probes/build_spoken_a.py"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from probe_build import CHI, HOUR, Items, P, S, SRC  # noqa: E402

ITEMS = Items()
item = ITEMS.item

# ------------------------------------------------------------------------------------------------ 传统技艺
item("A", "sp-a01-zhayou", "传统技艺", "古法榨油", ["木榨榨油", "木榨榨油技艺", "油坊榨油", "打油"],
     "嗯，这个这个榨油啊，头一道是炒籽。菜籽倒进大锅里炒，炒个二十来分钟，捏一把搁灶台上碾开看看芯子，黄了就行。"
     "炒好了上碾子碾成粉。粉要蒸，一锅蒸一个饼的粉，十五斤，哎不对，十七斤左右。蒸好了倒进铁圈里，光脚板上去踩成饼，"
     "饼有七公分厚。饼一个个竖着装进榨槽，掌锤的甩起三十斤的油锤撞楔子，千万别撞偏了。",
     [S(["炒", "炒籽", "倒"], tool=["锅", "大锅"], material=["菜籽"]),
      S(["碾开", "碾", "捏", "看"]),
      S(["碾", "碾粉", "磨", "磨粉"], tool=["碾子"]),
      S(["蒸", "蒸粉"], material=["粉"]),
      S(["倒", "倒进"], tool=["铁圈"]),
      S(["踩", "踩饼"]),
      S(["装", "装榨", "上榨"], tool=["榨槽"], material=["饼"]),
      S(["撞", "撞榨", "甩"], tool=["油锤", "锤"], material=["楔子", "木楔"])],
     params=[P("duration_s", 1200, approx=True), P("weight_g", 8500, approx=True), P("thickness_mm", 70),
             P("weight_g", 15000)],
     terms=["炒籽", "碾子", "榨槽", "油锤", "楔子"], inc=["菜籽", "油锤"], dialect=True,
     source=SRC("古老傳統木榨榨油，整個過程絕了！（天天要聞）", "https://ttnews.xyz/a/5caabdb4dc9b5e75aaa011dd?lang=zh-hant",
                "篩籽、車籽、炒籽、磨粉、蒸粉、踩餅、上榨、插楔、撞榨、接油；每鍋蒸一個餅的粉，大約十七斤；蒸好的粉倒進放了稻草"
                "的鐵圈中，榨匠赤腳踩餅；餅厚約七公分；木楔擠餅榨油。第二頁 https://www.meipian.cn/g0ebh68：炒籽二十多分鐘，"
                "師傅捏起一把菜籽碾開在灶台上，憑菜籽芯的顏色判斷起鍋；胚餅豎著放進榨槽。第三頁 "
                "http://ndbrw.com/chuantongwenhua/51049.html：掌錘的師傅執著懸吊的約30斤重的油錘撞進樁"))

item("A", "sp-a02-tanmianhua", "传统技艺", "弹棉花", ["弹棉", "弹花", "手工弹棉花", "弹棉絮"],
     "俺这弹棉花, 家伙什就这几样: 弹弓, 榔头, 揿花盘, 磨盘. 棉花先摊在门板上. 左手扶着弓, 右手拿榔头敲那根羊肠弦, "
     "嘭嘭嘭, 一分钟敲个七八十下, 弦一抖棉花就飞起来了. 一面弹好了翻过来再弹反面. 弹匀了就布纱, 纱横着竖着布成网. "
     "再拿揿花盘往下压, 那盘子竹编的, 直径50公分左右. 最后上磨盘, 人站在磨盘上扭着身子磨, 从外圈慢慢往中间走, "
     "来回磨个六七遍, 千万莫偷懒, 磨不实的棉胎盖不了几年就散了.",
     [S(["摊", "铺"], tool=["门板"], material=["棉花"]),
      S(["扶"], hand="left", tool=["弓", "弹弓"]),
      S(["敲", "弹", "击"], hand="right", tool=["榔头", "弹花榔头"], material=["弦", "羊肠弦"]),
      S(["弹", "翻", "翻过来"]),
      S(["布", "布纱", "布网"], material=["纱"]),
      S(["压", "揿"], tool=["揿花盘", "盘子"]),
      S(["磨", "站", "上磨盘"], tool=["磨盘"])],
     params=[P("rate_per_min", [70, 80]), P("length_mm", 500, approx=True), P("count", [6, 7])],
     terms=["弹棉花", "揿花盘", "磨盘", "羊肠弦", "布纱"], inc=["棉花", "榔头"], dialect=True,
     source=SRC("弹棉花的老手艺（百检网转载报道，於师傅）", "https://m.baijiantest.com/infoDetails/82/13692140",
                "工具：弹弓、弹花榔头、揿花盘、木制磨盘、甩丝棒；榔头落到弹弓的羊肠线上，平放在门板上的棉花随弦跃动；一面弹好"
                "还要弹反面；弹完布线，用直径约50厘米的竹编揿花盘按压，再用磨盘来回磨；人站在磨盘上扭动身体，先在外围荡一圈，"
                "慢慢靠近中心，重复六七遍。第二页 http://www.bczicp.cn/content/15/0213/22/1260840_448457043.shtml：用木棰频频"
                "击弦，纱纵横布成网状以固定棉絮。敲弦的快慢（一分钟七八十下）不出自以上页面"))

item("A", "sp-a03-gutong", "传统技艺", "箍桶", ["箍桶技艺", "圆作", "箍木桶", "木桶制作"],
     "箍桶嘛 这个这个 前前后后四十多道工序 我拣要紧的讲 杉木板子先拿板凳刨把边刨直 那刨子长60公分左右 刨好了一块一块"
     "围成圈 拿竹篾箍箍紧 里头用内圆刨铲 外头用外圆刨刨光 底下拿脚刨开道槽 桶底嵌进去 缝里塞上麻丝 再抹油腻子 "
     "千万别抹厚了",
     [S(["刨", "刨直"], tool=["板凳刨", "刨子"], material=["杉木板子", "板子", "杉木"]),
      S(["围", "围成圈", "拼"]),
      S(["箍", "箍紧"], material=["竹篾箍", "箍", "竹篾"]),
      S(["铲"], tool=["内圆刨"]),
      S(["刨", "刨光"], tool=["外圆刨"]),
      S(["开", "开槽"], tool=["脚刨"]),
      S(["嵌", "嵌进去", "装"], material=["桶底"]),
      S(["塞"], material=["麻丝"]),
      S(["抹"], material=["油腻子"])],
     params=[P("count", 40, approx=True), P("length_mm", 600, approx=True)],
     terms=["箍桶", "板凳刨", "内圆刨", "外圆刨", "脚刨", "麻丝", "油腻子"], inc=["箍"],
     source=SRC("箍桶（词条：箍桶匠的工具与工序）", "http://news.huandun.cc/huandun/箍桶/11055452",
                "木匠刨子、锯子之外的特殊工具：外圆刨、板凳刨、削刀、刮刨、脚刨、内圆刨、斜凿；板凳刨长约60公分，刨桶帮板的"
                "两个小面；内圆刨铲桶里面，外圆刨刨桶外面；脚刨为桶底安装开槽；麻丝和油腻子（桐油和石灰膏）防漏。第二页 "
                "https://jendow.com.tw/wiki/%E7%AE%8D%E6%A1%B6：箍桶制作共有四十多道工序。第三页 "
                "https://blog.sina.com.cn/s/blog_a30e8c210102y0yg.html：箍桶多取材杉木，竹篾箍"))

# ------------------------------------------------------------------------------------------------ 传统美术
item("A", "sp-a04-keci", "传统美术", "刻瓷", ["瓷刻", "淄博刻瓷", "临清刻瓷", "刻瓷艺术"],
     "刻瓷啊，我刻得多的是八寸的瓷盘。先拿毛笔在盘子上把画稿勾出来。然后左手捏着刻刀，右手拿小锤子，嗒嗒嗒往刀上敲，一个点一个点地刻，"
     "一分钟敲个一百多下。刀尖吃进釉面也就0.1毫米上下，千万别使蛮劲，一使劲瓷面就崩了。刻完了拿墨往刻痕里一填，"
     "再拿布把面上的墨擦掉，黑白就出来了。",
     [S(["勾", "勾出", "画", "勾稿"], tool=["毛笔", "笔"], material=["画稿", "盘子", "瓷盘"]),
      S(["捏", "持", "拿"], hand="left", tool=["刻刀", "刀"]),
      S(["敲", "刻", "点刻", "凿"], hand="right", tool=["小锤子", "锤子", "锤"]),
      S(["填", "填墨"], material=["墨"]),
      S(["擦", "擦掉"], tool=["布"], material=["墨"])],
     params=[P("length_mm", 266.64), P("rate_per_min", 100, approx=True), P("depth_mm", 0.1, approx=True)],
     terms=["刻瓷", "刻刀", "釉面", "画稿", "刻痕"], inc=["刻刀"],
     source=SRC("刻瓷：方寸瓷盘上的千万次敲击（临清刻瓷）", "https://xcx.wuyangsong.com/index/4119.html",
                "刻制是最关键一步：一手捏刀，一手持锤，用粗细不同的微型刻刀在瓷盘上刻上一个个小点，靠点的大小、深浅、疏密"
                "形成画面，千万次敲击。第二页 https://m.fx361.cc/news/2017/0213/767122.html：刻瓷用特制刀具在瓷器釉面上"
                "刻画、凿镌，刻好后填上墨色，黑白分明。八寸瓷盘、毛笔起稿、敲击快慢和吃刀深浅是通行做法，不出自以上页面"))

item("A", "sp-a05-butiehua", "传统美术", "布贴画", ["布堆画", "宫廷补绣", "布贴花", "布摞花"],
     "这个布贴画, 老辈人叫宫廷补绣. 那个, 底布一尺见方, 碎布头先照着样子剪下来, 剪好了拿浆子贴到底布上, 贴一块压一块, "
     "边上再拿针线缝个两三针, 就掉不了了.",
     [S(["剪", "剪下来"], material=["碎布头", "布头", "布"]),
      S(["贴", "压", "粘"], material=["浆子", "底布"]),
      S(["缝"], tool=["针线", "针"])],
     params=[P("length_mm", CHI), P("count", [2, 3])],
     terms=["布贴画", "宫廷补绣", "底布"], inc=["底布"], exc=["铁花", "紫泥"],
     source=SRC("布贴画（艺术百科，转载于抚顺文化论坛）", "http://www.gxfxwh.com/thread-65729-1-1.html",
                "布贴画原名宫廷补绣，又叫布堆画、布贴花、布摞花；用不同色彩、质地、形状的布块剪贴；布缝是大面积的拼贴，"
                "包括贴块、缝合、镶花和拼接；补花是在一块底布上贴、缝、镶上布片。浆子粘贴与底布尺寸是通行做法，不出自该页"))

# ------------------------------------------------------------------------------------------------ 民俗
item("A", "sp-a06-shaota", "民俗", "中秋烧塔", ["烧瓦塔", "烧塔", "烧瓦子灯", "烧花塔"],
     "嗯，八月十五烧瓦塔，前几天细囝就满街去捡破瓦片。十五下午就砌塔：瓦片两片一合，按品字形往上叠，越往上越收。"
     "底下留两个门，一个添柴，一个掏灰。细囝砌的也就两三尺高，后生仔能砌到五六尺。月亮升起来就点火，烧到瓦片通红，"
     "抓一大把粗盐往塔里撒，噼里啪啦跟放炮一样，再撒硫磺，火就变蓝了。千万别站下风，火星子燎头发。",
     [S(["捡", "拾"], material=["瓦片", "破瓦片"]),
      S(["砌", "砌塔"]),
      S(["合"], material=["瓦片"]),
      S(["叠", "砌", "收"]),
      S(["留", "留门"]),
      S(["点", "点火"]),
      S(["烧"]),
      S(["撒"], material=["粗盐", "盐"]),
      S(["撒"], material=["硫磺"])],
     params=[P("count", 2), P("count", 2), P("length_mm", [666.6, 999.9]), P("length_mm", [1666.5, 1999.8])],
     terms=["烧瓦塔", "瓦塔", "品字形"], inc=["瓦片"], dialect=True,
     source=SRC("燒塔的注意事項（PChouse 家居百科）", "http://www.sumolinen.com/baike/decorate/1209/226391.html",
                "中秋前几天四处捡拾残破瓦片；中秋下午砌瓦塔；两片瓦片合在一起按品字形架放；塔下留两个门，一个投放燃料，一个"
                "掏出木灰；10岁左右的孩子砌的小瓦塔两三尺高，青年砌的五六尺到一丈多；烧得通红时把粗粒海盐一大把一大把撒向塔里，"
                "发出鞭炮一样的噼啪声，再撒硫磺，燃放出蓝色光焰"))

item("A", "sp-a07-shefan", "民俗", "土家族社饭", ["社饭", "做社饭", "过社", "吃社饭"],
     "我们屋里做社饭, 头一样是蒿子. 蒿子剁碎了, 搁清水里使劲搓, 把苦水挤干净, 再下锅拿小火焙干. 米是三份粘米七份糯米, "
     "哎不对, 是四份粘米六份糯米. 糯米拿温水泡一两个钟头. 半斤腊肉切成小指头尖那么大的丁丁, 跟蒿子和米一起拌匀了"
     "上木甑蒸, 蒸个半个钟头, 香得很!",
     [S(["剁", "剁碎"], material=["蒿子"]),
      S(["搓", "搓洗"], material=["清水", "水"]),
      S(["挤", "挤干净"], material=["苦水"]),
      S(["焙", "焙干", "下锅"], tool=["锅"]),
      S(["泡", "浸泡"], material=["糯米", "温水"]),
      S(["切", "切丁"], material=["腊肉"]),
      S(["拌", "拌匀"], material=["蒿子", "米"]),
      S(["蒸", "上甑"], tool=["木甑", "甑"])],
     params=[P("ratio", [4, 6]), P("duration_s", [HOUR, 2 * HOUR]), P("weight_g", 250), P("duration_s", 1800)],
     terms=["社饭", "蒿子", "粘米", "糯米", "木甑"], inc=["蒿子", "糯米"], dialect=True,
     source=SRC("土家族过社与社饭（ndbrw 传统美德）", "http://ndbrw.com/chuantongmeide/42842.html",
                "香蒿洗净剁碎，在清水中反复搓洗，挤出苦汁，在锅中用文火焙干；腊肉等切成小指尖大小的丁；一般四份粘米六份糯米；"
                "糯米用温水浸泡一二小时后沥干；拌匀用木甑蒸熟。第二页 http://www.okeytime.com/techan/27784：蒿菜与饭拌匀后"
                "盖上锅盖燜上半个钟头。腊肉的分量（半斤）不出自以上页面"))

# ------------------------------------------------------------------------------------------------ 民间文学 (no action)
item("A", "sp-a08-qianwang", "民间文学", "钱王传说", ["钱王射潮", "钱镠传说", "吴越王传说"],
     "钱王的故事，我们临安人从小听到大。嗯，钱王就是吴越王钱镠，临安是他老家。老辈人讲，那时候钱塘江的潮水凶得很，"
     "海塘这边修好那边又冲坍了。钱王火了，八月十八潮神过生日那天，调了一万个弓箭手到江边，对着潮头放箭，硬是把潮水"
     "射退了。你看，这就是钱王射潮。",
     [], terms=["钱王射潮", "钱镠"], inc=[],
     source=SRC("钱王传说（词条）", "http://www.hfbida.com/citiao/155641.html",
                "钱王姓钱名镠，临安人；钱王传说以吴越国王钱镠生平事迹衍化而成，临安是钱王故里；钱塘江潮水大，两岸堤坝这边"
                "修好那边又冲坍。第二页 https://cha138.com/minsu/show-14735.html（民间故事：钱王射潮）：八月十八潮神生日，"
                "钱王调一万名弓箭手到江边射潮"))

# ------------------------------------------------------------------------------------------------ 传统音乐
item("A", "sp-a09-muye", "传统音乐", "吹木叶", ["木叶", "木叶吹奏", "吹树叶", "吹叶"],
     "吹木叶嘛你看木叶横着贴在下嘴唇上两只手的食指轻轻按住一口气吹出去叶子就响了气大音就高气小音就低一首山歌吹下来"
     "叶子要坏三四片千万莫拿嫩叶子嫩的一吹就破",
     [S(["贴", "放"], material=["木叶", "叶子"]),
      S(["按", "按住"], hand="both"),
      S(["吹"])],
     params=[P("count", [3, 4])],
     terms=["木叶", "山歌"], inc=[["木叶", "叶子"]], dialect=True)

# ------------------------------------------------------------------------------------------------ 传统舞蹈
item("A", "sp-a10-caolong", "传统舞蹈", "舞草龙", ["草龙", "草龙舞", "中秋舞草龙", "徽州草龙"],
     "我们蜀源八月中秋舞草龙。龙身子是竹篾骨架、稻草的皮、红纸的须，一共13节，连起来15米上下。嗯，舞的时候每节底下"
     "一个人，两只手攥紧把子举过头顶。先是蛟龙漫游，绕着晒谷场走一圈；然后龙头从龙身底下钻过去，这叫龙头钻档；"
     "末了蛟龙摆尾，扛尾巴那个人要甩得开，千万别甩脱了手。",
     [S(["攥", "举", "握"], hand="both", material=["把子"]),
      S(["走", "绕", "漫游", "舞"]),
      S(["钻", "钻档"]),
      S(["甩", "摆尾", "摆"])],
     params=[P("count", 13), P("length_mm", 15000, approx=True), P("count", 1)],
     terms=["草龙", "蛟龙漫游", "龙头钻档", "蛟龙摆尾"], inc=["稻草"],
     source=SRC("徽州地区中秋习俗（黄山旅游资讯）", "http://siren.org.cn/article/678640",
                "徽州区潜口镇蜀源村村民扎草龙，八月中秋舞草龙；草龙由竹篾、稻草、红纸等扎成，十三节龙身，长约15米；舞龙程式"
                "有蛟龙漫游、龙头钻档、头尾齐钻、蛟龙摆尾。举把子、绕晒谷场是舞龙的通行做法，不出自该页"))

# ------------------------------------------------------------------------------------------------ 传统戏剧
item("A", "sp-a11-houxi", "传统戏剧", "绍剧猴戏", ["绍剧", "绍兴大班", "猴戏", "南派猴戏"],
     "嗯, 演猴戏头一样是眼神, 眼珠子要活, 一秒钟眨个两三下. 右手攥着金箍棒转棍花, 转个七八圈, 左手搭凉棚往远处望. "
     "然后一个跟头翻出去, 落地就抓耳挠腮. 千万别站直了, 猴子哪有直腰的!",
     [S(["眨", "眨眼"]),
      S(["转", "转棍花", "攥", "耍"], hand="right", material=["金箍棒"]),
      S(["搭", "搭凉棚", "望"], hand="left"),
      S(["翻", "翻跟头"]),
      S(["抓耳挠腮", "抓", "挠"])],
     params=[P("rate_per_min", [120, 180]), P("count", [7, 8]), P("count", 1)],
     terms=["猴戏", "金箍棒", "棍花", "搭凉棚", "抓耳挠腮"], inc=["金箍棒"])

# ------------------------------------------------------------------------------------------------ 曲艺
item("A", "sp-a12-sanxianshu", "曲艺", "三弦书", ["三弦铰子书", "沁州三弦书", "南阳三弦书", "腿板书"],
     "嗯，俺们唱三弦书，两个人搭伙。俺手里拿着铰子，磕着打拍子；伙计坐一边，脚底下蹬梆子，手上拨三弦。早先还有一个人"
     "唱的，叫腿板书，现在少了。",
     [S(["磕", "打", "打拍子"], material=["铰子"]),
      S(["蹬"], material=["梆子"]),
      S(["拨", "弹"], material=["三弦"])],
     params=[P("count", 2)],
     terms=["三弦书", "铰子", "梆子", "腿板书"], inc=["三弦"], dialect=True,
     source=SRC("三弦书（沁州三弦书、南阳三弦书）（汉程网 民俗·非遗，来源中国非物质文化遗产网）",
                "https://minsu.httpcn.com/html/feiyi/20131011/MECQME.shtml",
                "三弦书又称三弦铰子书，流传于晋东南沁县等地和河南南阳；最初演员腿缚节子、怀抱三弦弹唱，称腿板书；后发展为一人"
                "手执铰子、八角鼓打拍演唱，另一人脚蹬梆子、手拨三弦伴奏"))

# ------------------------------------------------------------------------------------------------ 传统体育、游艺与杂技
item("A", "sp-a13-tiehuan", "传统体育、游艺与杂技", "滚铁环", ["推铁环", "滚铁圈", "推铁圈"],
     "滚铁环, 俺们小的时候天天玩. 铁环是粗铁丝弯的, 直径一尺, 哎不对, 一尺二. 钩子是铁丝窝的U字钩, 装在一根2尺长的竹竿上. "
     "右手拿钩子, 左手把铁环往前一推, 钩子赶紧跟上去抵住环, 推着它跑. 拐弯的时候钩子往左一别, 环就拐过去了. "
     "千万别跑太快, 环一歪就倒.",
     [S(["拿", "握", "持"], hand="right", tool=["钩子"]),
      S(["推"], hand="left", material=["铁环", "环"]),
      S(["抵", "抵住", "跟"], tool=["钩子"], material=["环", "铁环"]),
      S(["推", "跑", "滚"]),
      S(["别", "拐"], tool=["钩子"])],
     params=[P("length_mm", 399.96), P("length_mm", 666.6)],
     terms=["铁环", "钩子"], inc=["铁环"], dialect=True)

# ------------------------------------------------------------------------------------------------ 传统医药
item("A", "sp-a14-bianshi", "传统医药", "砭石疗法", ["砭术", "砭石", "砭法", "温砭"],
     "这砭石啊，用之前搁热水里泡个五分钟，温乎了捞出来，千万不敢烫着人。砭板贴着后背，顺着膀胱经从上往下刮，"
     "一分钟刮个二三十下，刮到皮肤发红就停，每回刮一刻钟左右。",
     [S(["泡", "烫", "温"], material=["砭石", "热水"]),
      S(["捞", "捞出来"]),
      S(["刮", "贴"], tool=["砭板", "砭石"])],
     params=[P("duration_s", 300), P("rate_per_min", [20, 30]), P("duration_s", 900, approx=True)],
     terms=["砭石", "砭板", "膀胱经"], inc=[["砭石", "砭板"]], dialect=True)

# ================================================================================================ checks
ITEMS.write("spoken", "A", lambda half: (
    f"Spoken probe set, half {half} (brief spoken, writer A, 2026-11-30): 14 colloquial transcripts of an elderly "
    "master talking to a visitor (fillers, dialect words, spoken and Arabic numbers, ranges, approximations, "
    "corrections, two hands, warnings, rates, spoken durations, traditional units, classifiers; full-width, ASCII "
    "and no punctuation), one craft or practice per item, across the ten ICH categories, one text with no action "
    "(a legend); written and annotated by a helper who neither read nor ran the normalizer, in the format and "
    "conventions of generation/prompting/data/eval/README.md (grounded items cite the page their facts come "
    "from; the rest: numbers plausible, not authoritative)."),
    one_without_action=True)
