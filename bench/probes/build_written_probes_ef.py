"""Writes bench/probes/written_E.json and written_F.json (brief nw3, session 10): a second written-register probe set,
in another voice than written_A/B (other papers, other phrasing): news reports about an inheritor (记者在…看到, 只见,
“……”他告诉记者), 非遗-centre and encyclopedia-style process descriptions (其主要工序有…：先…，再…，最后…), printed
quotations of a master, an overview list with or without details, written numbers (约0.5厘米, 3至4根, 约15分钟,
2.5万到3万次) and written forms (将…, 经…, 待…, 以…为原料). Both files are development material (may be tuned on).
Written and annotated by a helper who neither read nor ran the normalizer (only generation/prompting/evaluation.py,
for the format and validate_item).
Conventions on top of generation/prompting/data/eval/README.md (the same as build_written_probes.py): an overview list
and the details after it describe the same steps once (annotated once, in the order performed; the overview's name of a
step is an acceptable verb); an overview list with no details is the list of steps, in order; background verbs (列入,
入选, 传承, 起源, 流传, 讲述, 演出, 判定) are never steps, nor is waiting (待…后) or a purpose clause; years, dynasties,
batch numbers, ages, years of practice, dates and names with numbers (一寸三弯, 男儿三艺) are never parameters; the
number of 工序/步 of a craft is a count; people and props counted (两名选手, 两块竹板, 八名壮汉), body parts not.
Grounded items take their facts from the page cited in `source` (found with the project's search tool; a second page is
named in `facts` where one was used); the passages are in the set's own words.
Run: python bench/probes/build_written_probes_ef.py"""
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from generation.prompting.evaluation import text_features, validate_item  # noqa: E402


def S(action, hand=None, tool=None, material=None):
    a = action if isinstance(action, list) else [action]
    t = tool if tool is None or isinstance(tool, list) else [tool]
    m = material if material is None or isinstance(material, list) else [material]
    return {"action": a, "hand": hand, "tool": t, "material": m}


def P(name, value, approx=False):
    d = {"name": name, "value": value}
    if approx:
        d["approx"] = True
    return d


def SRC(title, url, facts):
    return {"title": title, "url": url, "facts": facts}


X = ["铁花", "绣针", "紫泥"]
CUN = 33.33
CHI = 333.3
DAY = 86400
ITEMS = []


def item(half, iid, cat, craft, aliases, text, steps, params=(), terms=(), inc=(), exc=X, source=None):
    action = bool(steps)
    ITEMS.append((half, {
        "id": iid, "category": cat, "craft": craft, "craft_aliases": list(aliases), "grounded": source is not None,
        "source": source, "features": text_features(text, action), "text": text,
        "expect": {"describes_action": action, "steps": steps, "params": list(params), "terms": list(terms),
                   "prompt_must_include": list(inc), "prompt_must_not_include": list(exc)}}))


# ================================================================================================ half E
item("E", "nw-e01-quyuan", "民间文学", "屈原传说", ["屈原的传说", "秭归屈原传说"],
     "屈原传说流传于湖北省秭归县一带，是当地百姓把屈原的生平与境内的山川、古迹和风俗相互附会而成的民间文学，"
     "题材涵盖人物、地名、景物和习俗等方面，目前已搜集整理91则。2008年6月，屈原传说经国务院批准列入第二批国家级"
     "非物质文化遗产名录，项目编号为Ⅰ-47。据介绍，当地不少端午习俗的来历，都能在这些传说里找到对应的故事。",
     [], terms=["屈原传说"],
     source=SRC("屈原的故事端午节的由来简短（平安财经网 wcro.cn）", "http://wcro.cn/shbk/202208/26991475.html",
                "湖北省秭归县地方民间传说；秭归人民将屈原与境内自然景观、人文景观相联系而创作传承；题材有人物、地名、"
                "景物、习俗传说；已收集91则；2008年6月7日列入第二批国家级名录，编号I-47"))

item("E", "nw-e02-wutaishan", "传统音乐", "五台山佛乐", ["五台山佛教音乐", "北方佛事"],
     "五台山的传统佛事除钟、鼓、木鱼等法器外，还加入笙、管、笛等乐器伴奏，当地老辈人称之为“北方佛事”。记者在"
     "南山寺看到，法事开始时，先由一名僧人敲响引磬作引导，另一名僧人以鱼鼓击节，其余僧人随即吹起笙管，与众僧的"
     "唱诵相和；每段“和念”结束后，乐僧们还要接着吹奏一两支小曲。五台山佛乐于2006年列入国家级非物质文化遗产名录。",
     [S(["敲", "敲响", "击", "引导"], material=["引磬", "磬"]),
      S(["击节", "击", "敲"], material=["鱼鼓"]),
      S(["吹", "吹起", "吹奏", "和"], material=["笙管", "笙", "管"]),
      S(["吹奏", "接奏", "吹"])],
     [P("count", [1, 2])], terms=["和念", "引磬", "鱼鼓"], inc=["引磬", "笙"],
     source=SRC("五台山的音声佛事（mifang.org）", "https://mifang.org/f/wh/p20.htm",
                "钟磬引导，鱼鼓击节，笙管和着唱诵；北方佛事带音乐（笙、管、笛）；用乐器伴奏的唱诵称和念，和念后接奏"
                "一段或几段小曲。第二页 http://www.360doc.com/content/13/0730/19/1630322_303641856.shtml：五台山佛乐，"
                "国家级，2006年申报，编号Ⅱ—66"))

item("E", "nw-e03-mugu", "传统舞蹈", "木鼓舞", ["佤族木鼓舞", "拉木鼓"],
     "木鼓舞是佤族最具代表性的传统舞蹈之一，流行于云南西盟、沧源等地的佤族村寨，木鼓则被佤族视为“通天神器”。"
     "演出时，每只木鼓由2至4人手持木槌合力敲打，众人手拉手围成一个大圈，踏着鼓点转圈起舞。“双脚与肩同宽站好，"
     "半蹲半俯，送胯转身，再把右脚抬起成‘三道弯’，连着伸缩三次。”传承人岩勇在排练现场一边示范一边讲解。",
     [S(["敲打", "敲", "打", "击"], tool=["木槌"], material=["木鼓"]),
      S(["围", "围成", "拉手"]),
      S(["舞", "起舞", "转圈", "跳", "踏"]),
      S(["站", "站好"]),
      S(["蹲", "半蹲", "俯"]),
      S(["转身", "送胯"]),
      S(["抬", "抬起"]),
      S(["伸缩", "伸", "缩"])],
     [P("count", [2, 4]), P("count", 3)], terms=["木鼓", "三道弯"], inc=["木鼓", "木槌"],
     source=SRC("云南日报（电子报，2026-01-26 阅读机）：游客体验佤族拉木鼓",
                "http://www.360elib.com:2027/detail.aspx?NewsCode=NC064&NewsId=30724254&OrgId=001",
                "木鼓是佤族的通天神器；木鼓舞流传于西盟佤族村寨；每个木鼓由2至4人手持木槌共同敲打；男女老幼拉成一大圈"
                "和着鼓点跳转；传承人岩勇讲解：双脚站立与肩宽，半蹲半俯，送跨转身，右脚抬起成三道弯，伸缩三次"))

item("E", "nw-e04-mulian", "传统戏剧", "目连戏", ["目连救母", "目连传"],
     "目连戏以目连救母的故事为主干，被戏曲界称作“戏祖”，演出中保留了不少武功、杂耍类的特技。“打叉”便是其中"
     "一例：演到刘氏过滑油山一场，扮鬼头的演员手持铁叉，接连朝刘氏的头部、腋下和胯下掷去；扮刘氏的演员或闪身"
     "让过，或伸手将叉接住；最后一叉被她扭身避开，直直插进台边的立柱。据《景德镇市戏曲志》记载，旧时玉合班的"
     "萧白莲、罗福生演这一技最为出色。",
     [S(["掷", "掷叉", "打叉", "投", "扔"], tool=["铁叉", "叉"]),
      S(["让", "让过", "闪身", "闪", "避"]),
      S(["接", "接住"], material=["叉", "铁叉"]),
      S(["扭身", "避开", "避", "躲"])],
     terms=["打叉", "目连戏"], inc=["铁叉"],
     source=SRC("打叉（《景德镇市戏曲志》，国家图书馆 metainfo）",
                "http://meta.librarydata.cn/metainfo?metaID=140434020210001017",
                "打叉是《目连传》中之表演特技；过滑油山时鬼头手拿铁叉或铁耙，连续向刘氏头部、腋下、胯下掷叉；刘氏"
                "让过或接住；最后一支被扭身避开，插入舞台边圆柱；玉合班萧白莲、罗福生最为出色。第二页 "
                "http://anhuify.net/article/mtgz/2665.html：目连戏被称作戏祖"))

item("E", "nw-e05-taiping", "曲艺", "太平歌词", ["太平歌词演唱", "手玉子"],
     "太平歌词是相声艺人“说学逗唱”中“唱”的基本功，约形成于清代初叶，流行于北京、天津一带。演唱者不用弦乐伴奏，"
     "只在手里握两块竹板，行内习称“手玉子”，凭手指开合敲出轻音、重音和连环点来托腔。旧时撂地演出，艺人往往"
     "半蹲在地上，一边往地上撒白沙子写字，一边开口演唱。唱词基本为七字句，一段唱词一韵到底。",
     [S(["敲", "打", "敲打", "敲出", "握"], material=["竹板", "手玉子"]),
      S(["蹲", "半蹲"]),
      S(["撒", "撒沙子", "写", "写字"], material=["白沙子", "沙子"]),
      S(["唱", "演唱"])],
     [P("count", 2)], terms=["手玉子", "连环点", "撂地"], inc=["竹板"],
     source=SRC("太平歌词是什么（华夏图书馆 hxlib.cn）", "http://m.hxlib.cn/huati/20221121238648.html",
                "约形成于清代初叶；相声四门功课中的唱；演唱时手持竹板两块，敲打出轻音、重音和连环点作为伴奏，竹板"
                "称手玉子；撂地时一个人半蹲着，边撒白沙子边唱；唱词基本是七字句，一韵到底"))

item("E", "nw-e06-yajia", "传统体育、游艺与杂技", "押加", ["大象拔河", "藏族押加"],
     "押加一词源自藏语，意为“大象的脖子”，俗称“大象拔河”，相传由耕牛拉犁时奋力向前的劳作动作演变而来，在西藏"
     "等地已流传上百年。比赛前，两名选手把一条布带套在各自的脖子上，布带从胯下穿过，将两人连在一起；裁判示意"
     "开始后，双方俯身趴在地上，手脚撑地，朝相反方向奋力爬拉。布带中间系着一根“坠条”，裁判依据它移动的位置"
     "判定胜负。在第十二届全国少数民族传统体育运动会上，选手按体重分为5个级别，以腰带颜色区分红蓝两队。",
     [S(["套", "套上"], material=["布带"]),
      S(["穿", "穿过", "连"], material=["布带"]),
      S(["趴", "俯身", "趴下"]),
      S(["撑", "撑地"]),
      S(["爬", "拉", "爬拉", "拉爬"])],
     [P("count", 2)], terms=["押加", "坠条"], inc=["布带"],
     source=SRC("全国少数民族传统体育运动会｜押加 藏语意为“大象的脖子”（中国网）",
                "http://big5.china.com.cn/gate/big5/photo.china.com.cn/2024-11/26/content_117569445.shtml",
                "押加来自藏语，意为大象的脖子，又叫大象拔河；选手趴在地上向相反方向拉爬；按体重分5个级别，以腰带颜色"
                "分红蓝两队；有上百年历史，来源于牛拉犁的劳作；人们把背带或腰带连在一起比赛；裁判通过墜條的移动位置"
                "判定胜负（布带从胯下穿过为通行赛制，非本页所述）"))

item("E", "nw-e07-mawei", "传统美术", "水族马尾绣", ["马尾绣", "水族马尾绣技艺"],
     "水族马尾绣是水族妇女世代相传的刺绣技艺，因以马尾为主要原料，被誉为刺绣的“活化石”，已入选国家级非物质"
     "文化遗产名录。其制作大致分四步：首先取3至4根马尾作芯，用白色丝线紧密缠裹，制成马尾绣线；其次将这种绣线"
     "沿剪纸纹样的轮廓盘绣；再以7根彩色丝线编成扁平的彩线，填绣在轮廓中间；最后按平绣、挑花等常规针法绣完其余部分。",
     [S(["缠", "缠裹", "缠绕", "裹"], material=["丝线", "白色丝线", "马尾"]),
      S(["盘绣", "盘", "绣"], material=["绣线", "马尾绣线"]),
      S(["编", "编成", "编制"], material=["彩色丝线", "丝线"]),
      S(["填绣", "填", "绣"], material=["彩线"]),
      S(["绣", "平绣", "挑花", "绣完"])],
     [P("count", 4), P("count", [3, 4]), P("count", 7)], terms=["马尾绣", "盘绣", "填绣", "平绣", "挑花"],
     inc=["马尾"], exc=["铁花", "紫泥"],
     source=SRC("水族蝶纹刺绣背带（桂林博物馆藏品）",
                "http://guilinmuseum.org.cn/Collection/Details/8725b595-9cdc-4514-903a-b4ae2b5cd369",
                "马尾绣以马尾为原料，被称为刺绣的活化石；先取马尾3至4根做芯，将白色丝线紧密缠绕在马尾上；再将白丝"
                "马尾芯绣线盘绣于刺绣或剪纸纹样轮廓上；用7根彩色丝线编制成扁形彩线填绣在轮廓中间；再按平绣、挑花等"
                "工艺绣出其余部分；已入选国家级名录"))

item("E", "nw-e08-qianci", "传统美术", "嵌瓷（潮州嵌瓷）", ["潮州嵌瓷", "贴饶", "扣饶"],
     "嵌瓷俗称“贴饶”“扣饶”，是潮汕地区用彩色瓷片装饰祠堂、庙宇屋脊的传统技艺，与潮州木雕、潮州石雕并称潮州古建筑"
     "三大装饰工艺，据研究至迟在明代万历年间已经出现。其制作可概括为塑坯、剪饶、贴饶三步：匠人先在屋脊上用草根灰打底，"
     "以佛青勾出轮廓，塑出花鸟人物的坯体；再用钳子把釉下彩瓷碗剪敲成大小不一的瓷片；最后趁坯体未干，蘸上糖灰将瓷片"
     "一片片贴嵌上去，拼成龙凤、花卉等图案。",
     [S(["打底", "抹"], material=["草根灰"]),
      S(["勾", "勾出", "画", "描"], material=["佛青"]),
      S(["塑", "塑坯", "塑出"]),
      S(["剪", "敲", "剪敲", "剪饶"], tool=["钳子", "钳"], material=["瓷碗", "瓷"]),
      S(["贴", "嵌", "贴嵌", "贴饶", "拼"], material=["瓷片", "糖灰"])],
     [P("count", 3)], terms=["嵌瓷", "贴饶", "剪饶", "草根灰", "糖灰"], inc=["瓷片"],
     source=SRC("潮州嵌瓷：屋脊上的雕龙画凤（中国陶瓷网 ctaoci.com）", "http://ctaoci.com/html/2017-01-12/158464.html",
                "嵌瓷与潮州木雕、潮州石雕并称潮州古建筑三大装饰工艺；将碎瓷片修剪、组装、粘贴，装饰在祠堂寺庙屋顶上。"
                "第二页 https://www.meipian.cn/4eqd6xld：潮汕称贴饶、扣饶，产生不晚于明代万历年间，用于屋脊、戗脊；"
                "草根灰打底、佛青描轮廓、糖灰贴瓷片及塑坯、剪饶、贴饶诸步见 https://duehsjxhd.cn/xian-hua-yang-hu/603242.html"
                "（用钳子剪瓷为通行做法，非以上页面所述）"))

item("E", "nw-e09-jinbo", "传统技艺", "南京金箔锻制技艺", ["南京金箔", "金箔锻制", "打金箔"],
     "南京金箔锻制技艺发源于栖霞区龙潭一带，素有“千锤万打出金箔”之说。一张金箔要经过12道工序才能制成。在一场"
     "技艺展示中，匠人先把约0.5厘米厚的金块锤打成0.14厘米左右的金片，这道工序称为“压延”；随后将金片切成1厘米见方"
     "的金叶，夹进乌金纸里“打金开子”；最后是“打了细”，直到金叶被锤成12厘米见方、只有0.1微米厚的薄箔。据介绍，"
     "从金块到金箔，前后要锤打2.5万到3万次。",
     [S(["锤打", "锤", "打", "压延"], material=["金块", "金子"]),
      S(["切", "切成"], material=["金片"]),
      S(["夹", "夹进"], material=["乌金纸", "金叶"]),
      S(["打金开子", "打", "锤打"]),
      S(["打了细", "锤", "锤打", "打"])],
     [P("count", 12), P("thickness_mm", 5, approx=True), P("thickness_mm", 1.4, approx=True), P("length_mm", 10),
      P("length_mm", 120), P("thickness_mm", 0.0001), P("count", [25000, 30000])],
     terms=["金箔", "乌金纸", "打金开子", "打了细", "压延"], inc=["乌金纸"],
     source=SRC("现代快报：锤打2.5万到3万次 金子才能变金箔（2018-12-11）",
                "http://dz.xdkb.net/html/2018-12/11/content_498955.htm",
                "千锤万打出金箔；从黄金配比到切箔12道工序；压延是第一道锤打工序，0.5厘米厚的金子锤到0.14厘米左右；"
                "切成1平方厘米的金叶；打金开子是第二道锤打工序，打了细是第三道；锤成12厘米见方、0.1微米厚；锤打"
                "2.5万到3万次。第二页 http://cn.cchfound.org/doc/4439.html：发源于栖霞区龙潭；乌金纸见 "
                "http://www.vivisiena.com/83_all.html"))

item("E", "nw-e10-zangxiang", "传统技艺", "藏香制作技艺", ["尼木藏香", "藏香"],
     "尼木藏香制作技艺流传于拉萨市尼木县吞巴一带，相传由藏文创制者吞弥·桑布扎传给家乡百姓，2008年列入国家级"
     "非物质文化遗产名录。藏香以柏树树干为主料，配以藏红花、麝香、檀香等数十种香料，主要工序有磨泥、揉香、挤香、"
     "晾晒四道。先将柏木锯成小段、剥去树皮，挂到水车的摇臂上，借水力在铺着石板的槽中反复摩擦成木泥，其间要不时"
     "往槽里加水；木泥晒成砖块后再磨成细粉，与各种香料一起搓揉成香泥；随后把香泥装进钻了孔的牛角，用力一推，"
     "香泥便从孔中挤出成笔直的细条；最后放在阳光充足而温度不高的地方晾干。",
     [S(["锯", "锯成"], material=["柏木", "柏树"]),
      S(["剥", "剥去", "去皮"], material=["树皮"]),
      S(["挂", "挂到"]),
      S(["摩擦", "磨", "磨泥"]),
      S(["加水", "加"], material=["水"]),
      S(["晒", "晒成"]),
      S(["磨", "磨成"]),
      S(["搓揉", "揉", "揉香", "搓"], material=["香料", "香泥"]),
      S(["装", "装进"], tool=["牛角"], material=["香泥"]),
      S(["推", "挤", "挤出", "挤香"]),
      S(["晾", "晾干", "晾晒"])],
     [P("count", 4)], terms=["藏香", "木泥", "香泥"], inc=["柏", "牛角"],
     source=SRC("非遗课堂（zztongyun.com，信息来源：百度百科、CCTV文化十分）",
                "https://zztongyun.com/article/小水车的制作过程和使用",
                "柏树树干为主料，配藏红花、麝香、白檀香等几十种香料；先把柏树锯成小段、去皮，借水车原理通过木头与石头"
                "摩擦磨成木泥；磨好的柏树末和香料一起搓揉；把木泥放入牛角挤出成笔直线条；在阳光充足但温度不高处晾晒。"
                "第二页 http://bodhi.takungpao.com/ptls/wenhua/2013-08/1831993_2.html：柏木段挂在水车摇臂上，在铺着石板"
                "的槽中摩擦，不时往槽里加水；柏木泥砖再打磨成粉；2008年列入国家级名录见 "
                "http://ttt.tibet.cn/cn/in/xzzz/202510/t20251009_7869419.html"))

item("E", "nw-e11-songjin", "传统技艺", "宋锦织造技艺", ["宋锦", "苏州宋锦"],
     "宋锦因兴盛于宋代、主产于苏州而得名，与南京云锦、四川蜀锦并称“中国三大名锦”。在吴江一家织造工坊，记者看到"
     "老织工坐在花楼机前，双脚交替踩下踏杆提起经线，右手将梭子从开口中投过去，左手随即拉动筘座，把纬线打紧。"
     "“宋锦讲究经纬同时显花，色彩要靠纬线来变换。”他告诉记者，遇到花色繁复的锦面，一天只能织出10厘米左右。",
     [S(["踩", "踏", "踩下", "提", "提起"], material=["踏杆", "经线"]),
      S(["投", "投梭", "穿梭", "过梭"], hand="right", tool=["梭子", "梭"]),
      S(["拉", "拉动", "打紧", "打纬"], hand="left", tool=["筘座", "筘"], material=["纬线"])],
     [P("length_mm", 100, approx=True)], terms=["宋锦", "花楼机", "经线", "纬线"], inc=["梭"])

item("E", "nw-e12-yaoyu", "传统医药", "瑶族药浴", ["瑶浴", "庞桶药浴", "百草药浴"],
     "瑶族药浴是瑶族群众防病治病、强身健体的传统疗法，已列入第二批国家级非物质文化遗产名录。据介绍，广西一些瑶族"
     "村寨每逢农历五月初五，上午要上山采集“百草药”，采回后洗净泥沙，放在通风处吹干。傍晚时分，由家中年长的老人"
     "把草药砍成三寸左右的小段，放进大锅，加入清水煎煮，煮沸约15分钟后捞出药渣；待药液自然降到合适的温度，再舀进"
     "高约70厘米的大木桶里，人坐进桶中，除头部外全身浸泡在药水里。",
     [S(["采", "采集"], material=["百草药", "草药"]),
      S(["洗", "洗净"]),
      S(["吹干", "晾", "放"]),
      S(["砍", "切", "砍成"], material=["草药"]),
      S(["放", "放进", "下锅"], tool=["大锅", "锅"]),
      S(["加", "加入", "加水"], material=["清水", "水"]),
      S(["煎煮", "煮", "煎", "煮沸"]),
      S(["捞", "捞出"], material=["药渣"]),
      S(["舀", "舀进", "倒"], tool=["木桶", "大木桶"], material=["药液"]),
      S(["坐", "坐进"]),
      S(["泡", "浸泡"], material=["药水"])],
     [P("length_mm", 3 * CUN, approx=True), P("duration_s", 900, approx=True), P("length_mm", 700, approx=True)],
     terms=["百草药", "药浴"], inc=["草药", "木桶"],
     source=SRC("瑶族药浴（zlnow.com 民族医药）", "http://zlnow.com/minzu/yy/301_3.html",
                "五月初五上午上山采集百草药；采回洗净泥沙，置通风处吹干；下午五时左右由家中年纪最大的老人将草药砍成"
                "三寸左右小段，放进大锅加清水煎煮，煮沸十五分钟左右，捞起药渣；待药液温度降到适合洗澡时舀药水洗澡；有的"
                "地方用高70厘米的大木桶，除头部外全身浸泡。第二页 http://jxqcjlb.com/newphoto/city/2015-05/12/"
                "content_35551865.htm：已列入第二批国家级名录"))

item("E", "nw-e13-miaonian", "民俗", "苗年", ["过苗年", "苗年节"],
     "苗年是苗族最隆重的传统节日，一般在秋收、谷子进仓之后举行，2008年6月列入第二批国家级非物质文化遗产名录。节前"
     "几天，家家户户打扫房屋，打糯米粑、酿米酒、做豆腐，不少人家还要杀年猪。年三十晚上，全家人围坐吃年饭，一直守"
     "到午夜，才打开大门燃放鞭炮，寓意迎龙进家。初一天刚亮，由长辈主持祭祖；早饭后，青壮年男子纷纷到邻居家拜年。",
     [S(["打扫", "扫"]),
      S(["打", "打粑", "舂"], material=["糯米粑"]),
      S(["酿"], material=["米酒"]),
      S(["做", "打豆腐"], material=["豆腐"]),
      S(["杀", "杀猪"], material=["年猪", "猪"]),
      S(["吃", "吃年饭"]),
      S(["守", "守岁"]),
      S(["打开", "开", "开门"], material=["大门", "门"]),
      S(["放", "燃放", "放鞭炮"], material=["鞭炮"]),
      S(["祭", "祭祖", "主持"]),
      S(["拜年", "拜"])],
     terms=["苗年", "糯米粑"], inc=["糯米"],
     source=SRC("苗族节日—苗年节（美丽广西 meiligx.com）", "http://meiligx.com/html/2016/jieqinghuodong_0106/141.html",
                "在收谷子进仓以后过苗年；头几天打扫房子，打糯米粑、酿米酒、打豆腐，一般还要杀猪；苗年三十晚上全家吃年饭，"
                "守岁到午夜才打开大门放鞭炮，表示迎接龙进家；天刚拂晓由长辈主持祭祖；早餐后中青年男子上邻居家拜年。"
                "第二页 https://m.canyinms.com/article/475146.html：2008年6月7日列入第二批国家级名录"))

item("E", "nw-e14-naadam", "民俗", "那达慕", ["那达慕大会", "蒙古族那达慕"],
     "那达慕是蒙古族一年一度的传统盛会，蒙古语意为“娱乐、游戏”，多在水草丰美的七八月间举行，赛马、射箭和摔跤"
     "被称为“男儿三艺”。在锡林郭勒草原的一场那达慕上，记者看到，参加赛马的少年骑手大多不备马鞍，扬鞭催马冲出"
     "起点，在约30公里的赛程上一路疾驰。射箭场上，射手在约75米外的起射线上站定，左手持弓，右手搭箭拉弦，瞄准后"
     "松指放箭，每人每轮射出4支。",
     [S(["扬鞭", "扬", "抽"], tool=["鞭"]),
      S(["冲", "冲出", "催马", "骑"], material=["马"]),
      S(["疾驰", "驰", "跑"]),
      S(["站", "站定"]),
      S(["持", "握", "持弓"], hand="left", tool=["弓"]),
      S(["搭", "搭箭"], hand="right", material=["箭"]),
      S(["拉", "拉弦", "拉弓"], hand="right", material=["弦"]),
      S(["瞄", "瞄准"]),
      S(["放", "放箭", "松指", "射"], material=["箭"])],
     [P("length_mm", 30_000_000, approx=True), P("length_mm", 75_000, approx=True), P("count", 4)],
     terms=["那达慕", "男儿三艺"], inc=["弓", "箭"])

# ================================================================================================ half F
item("F", "nw-f01-zhaojun", "民间文学", "王昭君传说", ["昭君传说", "昭君出塞传说"],
     "王昭君传说以西汉时昭君出塞、与匈奴和亲的史事为基础，主要流传于昭君故里湖北兴山和内蒙古等地。传说中，昭君的"
     "母亲梦见一轮明月投入怀中，不久便生下了她；出塞途中，南飞的大雁听到琵琶声，竟忘了扇动翅膀跌落在地，“落雁”"
     "由此成为昭君的代称。研究者认为，这些传说鲜明地体现了农耕文化与游牧文化相互交融的特点，至今仍在两地民间广为"
     "讲述。",
     [], terms=["王昭君传说"],
     source=SRC("王昭君传说与铸牢中华民族共同体意识（论文摘要，民族学刊 cnki）",
                "https://mzxk.cbpt.cnki.net/portal/journal/portal/client/paper/3bd6ee433e5e91ff4486693a477fbcf7",
                "王昭君传说以昭君出塞历史事件为基础，主要流传于湖北、内蒙古等地区；鲜明呈现农耕文化和游牧文化相互交融的"
                "总体特征。第二页 https://bbs.esanxia.com/archiver/tid-3898.html：兴山为昭君故里，母亲梦见明月投入怀中而生；"
                "落雁见 http://ccivv.cc/news/show-htm-itemid-2551.html"))

item("F", "nw-f02-muqam", "传统音乐", "维吾尔木卡姆艺术", ["木卡姆", "十二木卡姆", "新疆维吾尔木卡姆艺术"],
     "新疆维吾尔木卡姆艺术集歌、舞、乐于一体，2005年被联合国教科文组织宣布为“人类口头和非物质遗产代表作”。在喀什"
     "的一场演出中，只见老艺人盘腿坐在毡毯上，左手按住都塔尔的琴弦，右手五指轮番弹拨；身旁的鼓手把达甫举到胸前，"
     "用指尖敲击鼓面边缘，掌心不时拍向鼓心。一套完整的木卡姆往往要唱上两个小时左右。",
     [S(["坐", "盘腿", "盘腿坐"]),
      S(["按", "按住", "按弦"], hand="left", material=["琴弦", "弦", "都塔尔"]),
      S(["弹拨", "弹", "拨"], hand="right"),
      S(["举", "举到"], material=["达甫"]),
      S(["敲击", "敲", "击"], material=["鼓面", "达甫"]),
      S(["拍"], material=["鼓心"]),
      S(["唱", "演唱"])],
     [P("duration_s", 7200, approx=True)], terms=["木卡姆", "都塔尔", "达甫"], inc=["都塔尔"])

item("F", "nw-f03-zhuma", "传统舞蹈", "竹马", ["竹马舞", "跑竹马"],
     "竹马是流行于江南一带的民间舞蹈，每逢元宵节前后在村中巡演。道具马分前后两截，以竹篾扎成骨架，外面糊上彩纸"
     "或蒙上彩布。表演者将马头一截系在腰前、马尾一截系在身后，双手执缰，模仿骑马的姿态，时而碎步小跑，时而勒缰"
     "急停，时而原地打转。十余匹竹马穿插走阵，摆出“八字”“剪刀”等队形。",
     [S(["扎", "扎成"], material=["竹篾"]),
      S(["糊", "蒙", "糊上", "蒙上"], material=["彩纸", "彩布"]),
      S(["系", "绑"], material=["马头"]),
      S(["系", "绑"], material=["马尾"]),
      S(["执", "握", "执缰", "拉"], hand="both", material=["缰", "缰绳"]),
      S(["跑", "小跑", "碎步", "模仿"]),
      S(["勒", "勒缰", "停", "急停"], material=["缰"]),
      S(["转", "打转"]),
      S(["穿插", "走阵", "摆", "走"])],
     [P("count", 2), P("count", 10, approx=True)], terms=["竹马", "竹篾", "走阵"], inc=["竹马", "缰"])

item("F", "nw-f04-xiangju", "传统戏剧", "湘剧", ["湘剧高腔", "湖南湘剧"],
     "湘剧是湖南的主要地方剧种，流行于长沙、湘潭一带，声腔包括高腔、低牌子、昆腔和弹腔，已列入国家级非物质文化"
     "遗产名录。记者在长沙一处排练厅看到，一位青衣演员正在练水袖：她先将约1.2米长的水袖向前抖出，再向上一扬，"
     "随后收袖叠搭在左臂上；接着踩着碎步走了个圆场，站定后右手翘起兰花指，指向远处。“袖子要抖得开、收得拢，"
     "全凭手腕上那股劲。”一旁的老师告诉记者。",
     [S(["抖", "抖出", "甩"], material=["水袖", "袖"]),
      S(["扬", "上扬"], material=["水袖", "袖"]),
      S(["收", "收袖", "叠", "搭"], material=["水袖", "袖"]),
      S(["走", "圆场", "碎步", "踩"]),
      S(["站", "站定"]),
      S(["指", "翘", "翘起", "兰花指"], hand="right")],
     [P("length_mm", 1200, approx=True)], terms=["水袖", "圆场", "兰花指", "青衣", "高腔"], inc=["水袖"])

item("F", "nw-f05-urliger", "曲艺", "乌力格尔", ["胡仁乌力格尔", "乌力格尔说唱"],
     "乌力格尔汉语意为“说书”，是流行于内蒙古科尔沁一带的蒙古族说唱艺术，用四胡伴奏的称为“胡仁乌力格尔”。说书艺人"
     "“胡尔奇”往往一人一琴，席地而坐便可开讲：左手按弦，右手持弓拉奏过门，开口后或说或唱；遇到骑马征战的段落，"
     "便加快弓速，以琴声模仿马蹄声。一部长篇书目往往要连续说上七八天。",
     [S(["坐", "席地而坐"]),
      S(["按", "按弦"], hand="left", material=["弦"]),
      S(["拉", "拉奏", "持弓"], hand="right", tool=["弓"]),
      S(["说", "唱", "说唱"]),
      S(["加快", "拉", "模仿"])],
     [P("duration_s", [7 * DAY, 8 * DAY])], terms=["乌力格尔", "胡尔奇", "四胡", "胡仁乌力格尔"], inc=["四胡"])

item("F", "nw-f06-tanglang", "传统体育、游艺与杂技", "螳螂拳", ["北派螳螂拳", "七星螳螂拳", "少林螳螂拳"],
     "螳螂拳是我国北方著名的象形拳种，相传为明末清初山东即墨人王郎所创：他比武失利后，在归途中见螳螂捕蝉，受到"
     "启发而编成此拳。清末民初，少林螳螂拳、七星螳螂拳经武师传入辽宁，至今仍有传人。练习时，两手屈指成螳螂前足"
     "的钩状，即所谓“螳螂手”，以勾、搂、采、挂等手法为主：先以一手勾住来拳的手腕，顺势向下搂带，另一手随即向前"
     "采抓，再翻腕挂打对方头部。",
     [S(["屈", "屈指", "勾"], hand="both"),
      S(["勾", "勾住"]),
      S(["搂", "搂带"]),
      S(["采", "采抓", "抓"]),
      S(["挂", "挂打", "翻腕", "打"])],
     terms=["螳螂手", "螳螂拳"], inc=["螳螂"],
     source=SRC("螳螂拳（省级非遗项目页，fy.szu.edu.cn）", "https://fy.szu.edu.cn/fyxm/xmlb/wsl/tlq.htm",
                "明末清初山东即墨人王郞所创，比武失败后返乡途中见螳螂捕蝉受启发；少林螳螂拳、七星螳螂拳经王汝鹏、"
                "杨俊普等传入辽宁。第二页 https://54e1ad4b4888.kfd.me/zh-my/%E8%9E%B3%E8%9E%82%E6%8B%B3（维基百科镜像）："
                "两只手如螳螂的钩子，有勾搂采挂等技击手法"))

item("F", "nw-f07-penjing", "传统美术", "盆景技艺（扬派盆景）", ["扬派盆景", "扬州盆景"],
     "扬派盆景是我国盆景五大流派之一，以“一寸三弯”的剪扎技艺著称。所谓“一寸三弯”，源于中国画“枝无寸直”的画理，"
     "指枝条呈细密的蛇形弯曲。制作时，艺人先用棕丝将枝条逐段绑扎定型，再把枝片修剪平整，使叶片平行排列，远看"
     "如片片云朵，故称“云片”。一片云片往往要蟠扎数年才能成型。",
     [S(["绑扎", "扎", "蟠扎", "绑"], material=["棕丝", "枝条"]),
      S(["修剪", "剪", "剪扎"], material=["枝片"])],
     terms=["一寸三弯", "云片", "剪扎", "蟠扎"], inc=["棕丝", "枝条"],
     source=SRC("瘦西湖之扬派盆景博物馆（苗叶网 miaoyewang.com）", "https://www.miaoyewang.com/article/show-6612.html",
                "扬派盆景是全国五大流派之一，以一寸三弯的制作技艺独步天下；关键在于精巧的剪扎技艺；一寸三弯是根据"
                "中国画枝无寸直的画理，把云片中的每个枝条扎成细密的蛇形弯曲，叶片平行而列有如片片云朵，称一寸三弯"
                "云片式（用棕丝蟠扎为扬派通行做法，非本页所述）"))

item("F", "nw-f08-yudiao", "传统美术", "扬州玉雕", ["玉雕", "扬州玉器", "山子雕"],
     "扬州玉雕历史悠久，尤以体量厚重的“山子雕”见长，已列入国家级非物质文化遗产名录。在扬州一家玉器厂，记者看到"
     "老师傅先对着一块和田青白玉端详良久，用毛笔在玉料上勾出山石、人物的轮廓；随后开动砣机，双手捏着玉料贴向"
     "飞转的铡砣，沿墨线切去多余的部分；再换上钉砣，细细琢出衣纹和松针；最后用竹片蘸着解玉砂反复抛光。“看料要看"
     "半个月，动起手来反倒快。”老师傅说，一件半尺高的山子要做上一年左右。",
     [S(["端详", "看", "看料", "相玉"], material=["青白玉", "玉"]),
      S(["勾", "画", "描", "勾出"], tool=["毛笔"], material=["玉料"]),
      S(["开动", "开", "启动"], tool=["砣机"]),
      S(["贴", "贴向", "捏"], hand="both", tool=["铡砣"], material=["玉料"]),
      S(["切", "切去", "铡"]),
      S(["换", "换上"], tool=["钉砣"]),
      S(["琢", "雕", "刻", "琢出"]),
      S(["抛光", "磨"], tool=["竹片"], material=["解玉砂"])],
     [P("duration_s", 15 * DAY), P("length_mm", 0.5 * CHI), P("duration_s", 365 * DAY, approx=True)],
     terms=["山子雕", "砣机", "铡砣", "钉砣", "解玉砂"], inc=["玉"])

item("F", "nw-f09-tujia", "传统技艺", "土家族织锦技艺", ["土家织锦", "西兰卡普", "打花铺盖"],
     "土家织锦土家语称“西兰卡普”，意为“土花铺盖”，旧时是土家姑娘出嫁必备的嫁妆，已列入国家级非物质文化遗产名录。"
     "它以“通经断纬”著称，所用织机是古老的腰式斜织机。据介绍，其主要工艺流程依次为纺捻线、染色、倒线、打桩牵线、"
     "装筘、滚线、捡综、翻篙、捡花、捆杆上机、织布边和挑花织锦，共十余道。",
     [S(["纺捻线", "纺", "捻", "纺线"]),
      S(["染色", "染"]),
      S(["倒线", "倒"]),
      S(["打桩牵线", "牵线", "打桩"]),
      S(["装筘", "装"]),
      S(["滚线", "滚"]),
      S(["捡综"]),
      S(["翻篙"]),
      S(["捡花"]),
      S(["捆杆上机", "上机", "捆杆"]),
      S(["织布边", "织边", "织"]),
      S(["挑花织锦", "挑花", "织锦", "挑织"])],
     [P("count", 10, approx=True)], terms=["西兰卡普", "通经断纬", "捡综", "翻篙", "挑花"], inc=["染色"],
     source=SRC("古老的土家织锦手工艺（西兰卡普网 xilankapu.com）", "https://xilankapu.com/wenhua/2138.html",
                "通经断纬工艺；沿用腰裹斜织机；主要工艺流程有纺捻线、染色、倒线、打桩牵线、装筘、滚线、捡综、翻篙、"
                "捡花、捆杆上机、织布边、挑花织锦。第二页 https://www.feiyiw.cn/index.php?act=view&app=article&"
                "article_id=23696：西兰卡普又称打花铺盖，是土家姑娘的嫁妆"))

item("F", "nw-f10-zangtan", "传统技艺", "藏族织毯技艺", ["加牙藏毯", "藏毯", "加牙藏族织毯技艺"],
     "藏族织毯技艺以青海湟中县加牙村的“加牙藏毯”最为知名，当地织毯已有三百多年历史，民间流传着“姑娘嫁到加牙里，"
     "不捻线着干啥哩”的俗语。织毯选用藏系绵羊毛，先捻成毛线，再以植物染料低温染色。记者在传习所看到，织工把染好的"
     "毛线一圈圈绕在绕线杆上，随后用刀沿着杆子将线圈割开，形成绒头；整块毯子织完后，第七代传人杨永良又拿剪刀把毯面"
     "修剪平整。据介绍，加牙藏毯纵向每5厘米有9到13个结扣，毯面厚约15毫米。",
     [S(["捻", "捻线", "纺"], material=["羊毛", "绵羊毛"]),
      S(["染", "染色"], material=["植物染料", "毛线"]),
      S(["绕", "环绕"], tool=["绕线杆"], material=["毛线"]),
      S(["割", "割开"], tool=["刀"], material=["线圈"]),
      S(["修剪", "剪", "修"], tool=["剪刀"], material=["毯面"])],
     [P("length_mm", 50), P("count", [9, 13]), P("thickness_mm", 15, approx=True)],
     terms=["藏毯", "绕线杆", "结扣"], inc=["羊毛", "绕线杆"],
     source=SRC("加牙藏族织毯技艺（百科镜像 bk.haodianxin.cn）",
                "http://bk.haodianxin.cn/mip.php/%E5%8A%A0%E7%89%99%E8%97%8F%E6%97%8F%E7%BB%87%E6%AF%AF%E6%8A%80%E8%89%BA",
                "湟中加牙村；俗语“姑娘嫁到加牙里，不捻线着干啥哩”；藏系绵羊毛；植物染料低温染纱；纵向每5厘米9~13个扣，"
                "毯面厚约15毫米以上。第二页 http://jiangsulong.com/a/2020/0509/050aM6042020.html（中新网图片报道转载）："
                "加牙村300多年织毯历史；第七代传人杨永良；将毛线环绕在绕线杆上，用刀具将杆上的绕纱割开；用剪刀对编织好的"
                "藏毯精加工"))

item("F", "nw-f11-tiehua", "传统技艺", "芜湖铁画锻制技艺", ["芜湖铁画", "铁画"],
     "芜湖铁画创自清代康熙年间，相传由铁匠汤鹏与画家萧云从相互切磋而成，素有“以锤为笔、以铁为墨、以砧为纸”之说。"
     "其制作以低碳钢为原料，依照画稿取料入炉，再经锻打、焊接、钻锉、整形、防锈烘漆等工序，最后衬以白底、装框成画。"
     "其中锻打最见功力，行内称为“红锻”：铁件要烧到“和泥巴一样软”才能下锤，锤的力道、落点都有讲究。",
     [S(["取料", "取"]),
      S(["入炉", "烧", "放入"], tool=["炉"]),
      S(["锻打", "锻", "打", "红锻"]),
      S(["焊接", "焊"]),
      S(["钻锉", "钻", "锉"]),
      S(["整形"]),
      S(["烘漆", "防锈", "烘"]),
      S(["衬", "衬底"], material=["白底"]),
      S(["装框", "装"])],
     terms=["铁画", "红锻"], inc=["锻打", "焊接"], exc=["绣针", "紫泥"],
     source=SRC("芜湖铁画锻制技艺（《中国辞典》，五洲传播出版社，人物百科 renwuwiki.com）",
                "http://www.renwuwiki.com/book/17793/306771.html",
                "以低炭钢为原料；以锤为笔，以铁为墨，以砧为案；依据画稿取料入炉，经锻打、焊接、钻锉、整形、防锈烘漆，"
                "然后衬以白底，装框成画。第二页 https://henan.china.com/culture/art/2021/1214/2530227971.html（光明日报）："
                "红锻技法是铁画的魂，铁件和泥巴一样软；锤的力道、落点；汤鹏与萧云从见 "
                "http://17marry.cn/shsj/shsjbg/190904.html"))

item("F", "nw-f12-shaliao", "传统医药", "维吾尔医药（吐鲁番沙疗）", ["吐鲁番沙疗", "沙疗", "埋沙疗法"],
     "埋沙疗法是新疆吐鲁番维吾尔医的传统疗法，2014年列入第四批国家级非物质文化遗产名录。盛夏时节，吐鲁番沙丘表层的"
     "沙温可达75℃至82℃。据介绍，做全身沙疗时，先在沙地上挖一个与身形相当、深约30厘米的沙坑，患者仰卧其中，由医护"
     "人员把表面的热沙覆盖在身上，只露出头面、颈部和上胸部，同时在患者头部敷上冷水毛巾。盖沙的厚度四肢为15至20厘米，"
     "胸部为6至8厘米；首次治疗约20分钟，以后逐次延长，最长60分钟。",
     [S(["挖"], material=["沙坑", "沙"]),
      S(["卧", "仰卧", "躺"]),
      S(["覆盖", "盖", "埋"], material=["热沙", "沙"]),
      S(["敷", "冷敷"], material=["毛巾", "冷水毛巾"])],
     [P("temperature_c", [75, 82]), P("depth_mm", 300, approx=True), P("thickness_mm", [150, 200]),
      P("thickness_mm", [60, 80]), P("duration_s", 1200, approx=True), P("duration_s", 3600)],
     terms=["沙疗", "埋沙"], inc=["热沙"],
     source=SRC("吐鲁番沙疗（历史网 his.newdu.com）", "http://his.newdu.com/a/201708/26/22889_2.html",
                "全身沙疗：挖一个与患者体型相当、深约30厘米的坑，患者卧于其中，医者把表面热沙覆盖，仅露出头面、颈部和上胸部，"
                "头部冷水毛巾冷敷；盖沙厚度四肢15~20厘米，胸部6~8厘米；治疗时间开始20分钟，逐次增加到60分钟。第二页 "
                "https://www.163.com/dy/article/JNLKHO1K052583KJ.html（人民日报健康客户端）：2014年第四批国家级名录，"
                "吐鲁番市维吾尔医医院；表层沙温75-82度见 http://www.7tqp.com/jingdian10723.shtml"))

item("F", "nw-f13-qiangnian", "民俗", "羌年", ["羌历年", "日麦吉"],
     "羌年羌语称“日麦吉”，于每年农历十月初一举行，一般持续三至五天，2008年列入第二批国家级非物质文化遗产名录，2024年"
     "又由联合国教科文组织转入人类非物质文化遗产代表作名录。节前，各家用面粉捏成鸡、羊、牛等形状作祭品。还愿仪式上，"
     "释比点燃柏枝，敲着羊皮鼓唱诵祭词，众人依次从柏烟上跨过；随后往羊身上浇三次水，以示洗去污秽，再宰羊祭山。仪式"
     "结束后，寨民围着火塘喝咂酒，手拉手跳起萨朗。",
     [S(["捏", "做", "捏成"], material=["面粉"]),
      S(["点燃", "点"], material=["柏枝"]),
      S(["敲"], material=["羊皮鼓"]),
      S(["唱诵", "唱"]),
      S(["跨", "跨过"]),
      S(["浇"], material=["水"]),
      S(["宰", "杀", "宰羊"], material=["羊"]),
      S(["喝"], material=["咂酒"]),
      S(["跳", "跳起"])],
     [P("count", 3)], terms=["羌年", "释比", "羊皮鼓", "咂酒", "萨朗"], inc=["柏枝", "羊皮鼓"],
     source=SRC("释比开坛祭天地 羊皮鼓声祈福来（简篇 jianpian.cn）", "https://jianpian.cn/a/wzf74h6",
                "羌年又称羌历年，羌语日麦吉，每年农历十月初一举行，一般3-5天；2008年6月7日列入第二批国家级名录；释比开坛、"
                "羊皮鼓、跳沙朗。第二页 https://wyb.chinawriter.com.cn/content/202501/03/content77643.html：2024年12月转入"
                "人类非遗代表作名录，还愿仪式祭山会；点燃柏枝、敲羊皮鼓唱、众人跨过柏枝、宰羊前在羊身上浇三次水见 "
                "http://tour.shaoqun.com/a/15776.html（所述为祭山会）；面粉做鸡羊牛祭品、饮咂酒见 "
                "http://cidian.4hn.org/cd/MzUzNjUw.html"))

item("F", "nw-f14-taige", "民俗", "抬阁", ["台阁", "抬阁表演"],
     "抬阁是北方城乡元宵社火中的传统项目，以“险、奇、巧”著称。表演前，师傅先在木制底座上竖起一根弯曲的铁芯，将"
     "扮成戏曲人物的孩童用布带绑在铁芯顶端的托架上，外面再罩上戏服遮住铁芯，远看孩童仿佛悬在半空。出会时，八名"
     "壮汉把抬杠扛上肩，随着锣鼓点一步一颤地前行，上面的孩童则挥动彩扇与观众呼应。一架抬阁高约3米，连人带架重达"
     "两百多斤。",
     [S(["竖", "竖起", "立", "插"], material=["铁芯"]),
      S(["绑", "捆", "固定"], material=["布带"]),
      S(["罩", "罩上", "穿", "套"], material=["戏服"]),
      S(["扛", "抬", "扛上"], material=["抬杠"]),
      S(["走", "行", "前行"]),
      S(["挥", "挥动", "舞"], material=["彩扇", "扇"])],
     [P("count", 8), P("length_mm", 3000, approx=True), P("weight_g", 100_000, approx=True)],
     terms=["抬阁", "铁芯", "社火"], inc=["铁芯"])

# ================================================================================================ checks
problems = [p for _, it in ITEMS for p in validate_item(it)]
ids = collections.Counter(it["id"] for _, it in ITEMS)
assert all(v == 1 for v in ids.values()), ids
crafts = collections.Counter(it["craft"] for _, it in ITEMS)
assert all(v == 1 for v in crafts.values()), crafts
if problems:
    sys.exit("\n".join(problems))
for half in "EF":
    its = [it for h, it in ITEMS if h == half]
    assert len(its) == 14, (half, len(its))
    cats = collections.Counter(it["category"] for it in its)
    assert len(cats) == 10, (half, cats)
    assert sum(1 for it in its if not it["expect"]["describes_action"]) == 1, half
    steps = sum(len(it["expect"]["steps"]) for it in its)
    params = sum(len(it["expect"]["params"]) for it in its)
    print(half, len(its), "items,", steps, "steps,", params, "params,", len({it["craft"] for it in its}), "crafts,",
          sum(1 for it in its if it["grounded"]), "grounded,",
          sum(1 for it in its if not it["expect"]["describes_action"]), "without action")
    doc = {"version": "1.0.0",
           "about": f"Written-register probe set, half {half} (brief nw3, session 10, 2026-11-30): a second set in the "
                    "written register, in another voice than written_A/B: news reports about inheritors, 非遗-centre and "
                    "encyclopedia-style process descriptions and printed quotations of masters, mixing the process with "
                    "background that has no action (history, years, the national list, ages), narrative markers, "
                    "overviews of the steps with or without details, written numbers and passive/written forms, across "
                    "the ten ICH categories; written and annotated by a helper who neither read nor ran the normalizer, "
                    "in the format and conventions of generation/prompting/data/eval/README.md (grounded items cite the "
                    "page their facts come from; the rest: numbers plausible, not authoritative). Development material: "
                    "rules may be tuned on it.",
           "transcripts": its}
    with open(ROOT / f"bench/probes/written_{half}.json", "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
