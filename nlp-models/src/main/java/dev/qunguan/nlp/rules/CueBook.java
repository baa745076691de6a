package dev.qunguan.nlp.rules;

import java.util.List;
import java.util.Objects;

/**
 * The cues the rule classifier looks for, written against the output of the standard normaliser:
 * lower-case ASCII, simplified Chinese, contact apps spelled 微信 / qq / telegram, spacing undone.
 * Structural cues (links, numbers, ids, amounts) are regexes, each behind a gate that must hold for it to
 * match; word lists are terms in one lexicon.
 */
record CueBook(List<Cue> patterns, Lexicon lexicon) {

    static final String URL = "url";
    static final String OBFUSCATED_URL = "obfuscated-url";
    static final String PHONE = "phone";
    static final String MASKED_NUMBER = "masked-number";
    static final String QQ_ID = "qq-id";
    static final String WECHAT_ID = "wechat-id";
    static final String TELEGRAM_ID = "telegram-id";
    static final String LONG_DIGITS = "long-digits";
    static final String HANDLE = "handle";
    static final String CONTACT_APP = "contact-app";
    static final String SOLICITATION = "contact-solicitation";
    static final String SIDE_JOB = "side-job";
    static final String REBATE = "rebate";
    static final String PROMOTION = "promotion";
    static final String MARKETING = "marketing";
    static final String GAMBLING = "gambling";
    static final String LOAN = "loan";
    static final String MONEY = "money";
    static final String ADULT = "adult";
    static final String INVESTMENT = "investment";
    static final String INSULT = "insult";
    static final String SLUR = "slur";
    static final String MILD_INSULT = "mild-insult";
    static final String GROUP_ATTACK = "group-attack";
    static final String BLACK_MARKET = "black-market";
    static final String SPLIT_DIGITS = "split-digits";
    static final String QUESTION = "question";

    private static final String TLD = "(?:com|cn|net|org|vip|top|xyz|cc|me|io|app|club|site|online|shop|info|biz"
            + "|link|live|fun|icu|work|ink|pro|co|hk|tw|ru|xin|ltd|wang|red|win|bet|pw|tv|la|so|gg)";

    CueBook {
        patterns = List.copyOf(patterns);
        Objects.requireNonNull(lexicon, "lexicon");
    }

    static CueBook standard() {
        return new CueBook(standardPatterns(), Lexicon.of(standardTerms()));
    }

    private static List<Cue> standardPatterns() {
        return List.of(
                Cue.of(URL, Kind.ANCHOR, 0.7, text -> text.has('.') || text.has("http"),
                        "https?://\\S+|www\\.[a-z0-9-]+|t\\.me/\\S+"
                                + "|(?<![a-z0-9@._-])[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\." + TLD + "(?![a-z])"),
                Cue.of(OBFUSCATED_URL, Kind.CONTACT_ID, 1.0,
                        text -> text.hasAsciiLetter() && (text.has('.') || text.has('点') || text.has("dot")),
                        "[a-z0-9]+\\s?(?:点|dot|[(\\[]\\.[)\\]])\\s?" + TLD + "(?![a-z])"),
                Cue.of(PHONE, Kind.CONTACT_ID, 1.0, text -> text.digits() >= 10,
                        "(?<![0-9])(?:\\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2}(?![0-9])"
                                + "|(?<![0-9])0[0-9]{2,3}-[0-9]{7,8}(?![0-9])|(?<![0-9])400-?[0-9]{3}-?[0-9]{4}(?![0-9])"),
                // Digits masked as x, as in forwarded SMS spam: the run still stands for a phone number.
                Cue.of(MASKED_NUMBER, Kind.CONTACT_ID, 0.8, text -> text.hasX() && text.longestDigitOrXRun() >= 7,
                        "(?<![0-9a-wyz])(?=[0-9]*x)[0-9x]{7,}(?![0-9a-wyz])"),
                Cue.of(QQ_ID, Kind.CONTACT_ID, 1.0, text -> text.longestDigitRun() >= 5,
                        "(?:qq|扣|群|加)[^0-9a-z]{0,4}[0-9]{5,11}(?![0-9])"
                                + "|(?<![0-9])[0-9]{5,11}[^0-9a-z]{0,3}(?:qq|扣)"),
                Cue.of(WECHAT_ID, Kind.CONTACT_ID, 1.2, text -> text.has("微信") || text.has("wxid_"),
                        "微信(?:号)?(?:是|为)?[^0-9a-z\\u4e00-\\u9fff]{0,3}(?:[a-z][a-z0-9_-]{5,19}|[0-9]{6,11})(?![a-z0-9_-])"
                                + "|wxid_[a-z0-9]+"),
                Cue.of(TELEGRAM_ID, Kind.CONTACT_ID, 1.0, text -> text.has("telegram"), "telegram[^0-9a-z]{0,3}@?[a-z0-9_]{4,}"),
                Cue.of(LONG_DIGITS, Kind.ANCHOR, 0.5, text -> text.longestDigitRun() >= 7, "(?<![0-9])[0-9]{7,}(?![0-9])"),
                Cue.of(SPLIT_DIGITS, Kind.ANCHOR, 0.5, text -> text.longestDigitRun() >= 4, "(?<![0-9])[0-9]{4,5}[ -][0-9]{4,6}(?![0-9])"),
                Cue.of(HANDLE, Kind.ANCHOR, 0.5, text -> text.has('@'), "(?<![a-z0-9.])@[a-z][a-z0-9_]{4,}"),
                Cue.of(PROMOTION, Kind.LURE, 0.5, text -> text.has('折') || text.has("最后") || text.has('满'),
                        "(?<![0-9])[0-9x一二三四五六七八九](?:\\.[0-9x])?折|最后[0-9一二三]天"
                        + "|满[x0-9]+元?(?:就|即)?[减送返赠]"),
                // A sender tag opens or closes a marketing SMS; inside a chat line 【】 is mere emphasis.
                Cue.of(MARKETING, Kind.LURE, 1.0, text -> text.has('【'), "^【[^】]{2,12}】|【[^】]{2,12}】$"),
                Cue.of(MONEY, Kind.LURE, 0.6, text -> text.digits() > 0,
                        "[0-9]+(?:\\.[0-9]+)?\\s?(?:元|块|rmb|(?:w|k)(?![a-z]))|[¥$]\\s?[0-9]+|[0-9]+\\s?/\\s?天"
                                + "|(?:每天|一天)[0-9]+"),
                Cue.of(INSULT, Kind.INSULT, 1.7, TextProfile::hasAsciiLetter,
                        "(?<![a-z])(?:sb|nmsl|cnm|nmb|wdnmd|wrnm|mlgb|tmd|nmd|rnm|nc)(?![a-z])"),
                Cue.of(MILD_INSULT, Kind.MILD_INSULT, 0.6, text -> text.has('滚'), "(?<![打翻])滚(?![动烫筒轮圆雪床刀珠])"),
                // Every judgement word below contains one of these characters.
                Cue.of(GROUP_ATTACK, Kind.GROUP_ATTACK, 1.2, text -> text.hasAnyOf("恶素低垃骗偷犯懒脏臭蠢劣贱骚滚该死配等畜起活脸婊狗猪"),
                        "(?:黑人|黑鬼|白人|印度人|日本人|韩国人|美国人|河南人|东北人|上海人|北京人|广东人|山东人|新疆人|外地人|农村人"
                                + "|女人|男人|女的|男的|女生|男生|女性|男性|女权|同性恋|gay|基佬|穆斯林|绿教|国男|老外|南方人|北方人)"
                                + "[^。!?.]{0,12}?(?:恶心|素质(?:低|差)|低下|垃圾|骗子|偷|犯罪|懒|脏|臭|蠢|劣|贱|骚|滚|该死|去死|不配|下等|畜生"
                                + "|看不起|瞧不起|活该|不要脸|婊|狗|猪)"),
                Cue.of(QUESTION, Kind.QUESTION, 1.6, text -> text.hasAnyOf("?吗呢么") || text.has("请问"),
                        "[?]|(?:吗|呢|么)[\\s.!~。]*$|请问"));
    }

    private static List<TermCue> standardTerms() {
        return List.of(
                TermCue.of(CONTACT_APP, Kind.CONTACT_WORD, 0.4, "微信|qq|telegram|whatsapp"),
                TermCue.of(SOLICITATION, Kind.SOLICITATION, 1.0,
                        "加我|加微信|加qq|加telegram|加群|加好友|私聊|私信我|私我|滴滴我|进群|入群|拉群|拉你进|扫码|扫一扫|联系我"
                                + "|详情咨询|详情请咨询|详情联系|详情请联系|详情加|详情见|详情私|有意者联系|有意联系|有意向联系"
                                + "|有意者请联系|有意者私|有意者加|感兴趣的加|感兴趣加|感兴趣联系|感兴趣的联系|感兴趣的私|感兴趣私"
                                + "|咨询微信|咨询qq|咨询电话|咨询热线|添加微信|添加qq|添加好友|+微信|戳我|看主页"),
                TermCue.of(SOLICITATION, Kind.SOLICITATION, 0.5,
                        "咨询|联系方式|联系电话|电话|热线|二维码|私信|详询|垂询|致电|来电|欢迎加入|欢迎咨询|欢迎选购|欢迎光临"
                                + "|欢迎订购|欢迎来|点击|网址|官网|下载|注册|邀请码|推荐码|备注"),
                TermCue.of(SIDE_JOB, Kind.LURE, 1.0,
                        "兼职|日结|刷单|躺赚|副业|宝妈|学生党|在家做|在家赚|在家就能做|在家就能赚|在家即可做|在家可做|在家也能赚"
                                + "|手机操作|手机赚|手机就能操作|手机即可操作|手机就能赚|轻松赚|轻松月入|轻松日入|招聘|招募|诚招|招代理"
                                + "|招学徒|招人|代理|网赚|挂机|打字员|点赞员|做任务|零门槛|无门槛|零基础|不收费用|不收任何费用|时间自由"
                                + "|多劳多得|工作室|长期合作|加盟|引流|接单|推广|拉新|货源|代购|微商|收徒|带徒|暴利|项目稳定|稳定项目"
                                + "|正规项目"),
                TermCue.of(REBATE, Kind.LURE, 0.8,
                        "返利|返现|返佣|返点|佣金|提成|优惠券|免费领|免费送|免费拿|免费试|免费赠|免费玩|免费看|免费体验|体验金"
                                + "|彩金|送礼品|赠品"),
                TermCue.of(PROMOTION, Kind.LURE, 0.5,
                        "红包|领取|福利|秒杀|特价|包邮|限时|抽奖|礼品|赠送|折扣|优惠|促销|特惠|抢购|大酬宾|开业|低至|全场|回馈|惊喜"
                                + "|热销|火爆|名额有限|仅剩|活动|低价|最低价|团购|免单|让利|机会不容错过|进店|到店|预约|订购|订货"
                                + "|现货|批发|厂家|直销|出售|收购|出号|全网最低|价格优惠|质优价廉|售后|一条龙|量大|从优|面议"
                                + "|有需要的|需要的联系|需要的私|需要的加|需要的来"
                                + "|专柜|店庆|新老顾客|新老客户|买一送一|先到先得|数量有限|半价|招商|售楼|清货|换季|新品上市|诚信"),
                TermCue.of(ADULT, Kind.LURE, 1.0,
                        "裸聊|约炮|看片|卖片|要片|黄片|岛国|福利姬|上门服务|全套|外围|楼凤|一夜情|同城约|裸v|私密视频|资源群"
                                + "|av资源|调教|绿帽|绿奴|援交|包夜|快餐|按摩|推油|成人视频|小姐姐视频"
                                + "|全裸|裸体|露点|奶子|乳晕|自慰|黄色网站|色站|黄网|约吗|裸照|色情"),
                TermCue.of(BLACK_MARKET, Kind.LURE, 0.8,
                        "买盘|洗米|跑分|四件套|公户|对公账户|卡商|u商|出u|收u|承兑|换汇|渗透|劫持|精准粉|站街粉|色粉|接码|卡号"
                                + "|户名|开户行|代开|取保|案底|查档|开房记录|户籍|黑料|二道料|车队|出料|收料|飞机会员|会员代开|梯子"),
                TermCue.of(INVESTMENT, Kind.LURE, 0.8,
                        "投资|理财|回报率|高收益|保本|盈利|利率|收益率|炒股|股票|牛股|涨停|内幕|虚拟币|数字货币|区块链|合约"),
                TermCue.of(MARKETING, Kind.LURE, 1.0,
                        "退订|回t|拒收|尊敬的|亲爱的顾客|亲爱的会员|亲爱的用户|亲爱的家长|感谢致电|发票|办证|毕业证|驾证|刻章|楼盘|均价|首付|样板间|开盘|精装|招生|培训|报名"
                                + "|学费|减肥|祛斑|美容院"),
                TermCue.of(GAMBLING, Kind.LURE, 1.2,
                        "彩票|博彩|棋牌|首存|首充|百家乐|娱乐城|赌场|老虎机|下注|投注|赔率|时时彩|北京赛车|六合彩|网赌|上分|下分"
                                + "|usdt|稳赚|必中|包赢|计划群|带单|跟单|澳门|威尼斯人|葡京|金沙|出款|充值送|捕鱼|真人视讯|菠菜|盘口"),
                TermCue.of(LOAN, Kind.LURE, 0.8,
                        "贷款|套现|借款|下款|无抵押|低息|网贷|信用贷|急用钱|放款|秒批|黑户|养卡|代还|口子"),
                TermCue.of(MONEY, Kind.LURE, 0.6,
                        "日赚|日入|月入|月赚|周赚|年入|时薪|收益|过万|上万"),
                TermCue.of(INSULT, Kind.INSULT, 1.7,
                        "傻逼|傻b|傻比|煞笔|沙比|傻x|傻叉|傻屌|二逼|脑残|脑瘫|智障|弱智|废物|狗东西|狗屎|贱人|贱货|贱种|婊子"
                                + "|草泥马|操你|艹你|肏|日你|你妈的|你妈逼|你妈死|你妈个|你妈了|他妈的|去死|死全家|全家死|畜生|畜牲"
                                + "|人渣|杂种|王八蛋|滚蛋|滚出去|给我滚|蠢货|蠢猪|白痴|神经病|低能|下贱|死妈|妈卖批|狗日|狗娘|龟儿子"
                                + "|逼样|傻子|傻瓜|垃圾东西|猪脑|犯贱|骚货|骚逼"),
                TermCue.of(SLUR, Kind.INSULT, 1.2,
                        "黑鬼|黑蛆|尼哥|黑皮|女拳|田园女权|直男癌|普信男|普信女|娘炮|死基佬|小日本|日本鬼子|阿三|棒子|支那"
                                + "|蝈蝻|郭楠|母狗|舔狗|绿茶婊|圣母婊|白左|巨婴|寄生虫|黑人都|女人都|男人都"),
                TermCue.of(MILD_INSULT, Kind.MILD_INSULT, 0.6,
                        "恶心|垃圾|有病|闭嘴|活该|丑八怪|去你的|恶臭|不要脸|脑子有|脑子进|脑子坏|没脑子|无耻|卑鄙|可耻|贱|骚"
                                + "|蠢|歧视|丢人"),
                TermCue.of(QUESTION, Kind.QUESTION, 0.9,
                        "怎么|怎样|如何|有没有|是不是|能不能|可不可以|会不会|要不要|为什么|为啥|什么|啥|哪|谁|几个|几点|几号|几天"
                                + "|几岁|几时|几次|几块|几年|几月|多少|是否|咋|求助|求问|求推荐|请教"));
    }
}
