package dev.qunguan.nlp.rules;

import java.util.List;

/**
 * The cues the rule classifier looks for, written against the output of the standard normaliser:
 * lower-case ASCII, simplified Chinese, contact apps spelled 微信 / qq / telegram, spacing undone.
 */
record CueBook(List<Cue> cues) {

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
    static final String GROUP_ATTACK = "group-attack";
    static final String INSULT = "insult";
    static final String SLUR = "slur";
    static final String MILD_INSULT = "mild-insult";
    static final String QUESTION = "question";

    private static final String TLD = "(?:com|cn|net|org|vip|top|xyz|cc|me|io|app|club|site|online|shop|info|biz"
            + "|link|live|fun|icu|work|ink|pro|co|hk|tw|ru|xin|ltd|wang|red|win|bet|pw|tv|la|so|gg)";

    CueBook {
        cues = List.copyOf(cues);
    }

    static CueBook standard() {
        return new CueBook(List.of(
                // Contact ids and links.
                Cue.of(URL, Kind.ANCHOR, 0.7,
                        "https?://\\S+|www\\.[a-z0-9-]+|t\\.me/\\S+"
                                + "|(?<![a-z0-9@._-])[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\." + TLD + "(?![a-z])"),
                Cue.of(OBFUSCATED_URL, Kind.CONTACT_ID, 1.0,
                        "[a-z0-9]+\\s?(?:点|dot|[(\\[]\\.[)\\]])\\s?" + TLD + "(?![a-z])"),
                Cue.of(PHONE, Kind.CONTACT_ID, 1.0,
                        "(?<![0-9])(?:\\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2}(?![0-9])"
                                + "|(?<![0-9])0[0-9]{2,3}-[0-9]{7,8}(?![0-9])|(?<![0-9])400-?[0-9]{3}-?[0-9]{4}(?![0-9])"),
                Cue.of(MASKED_NUMBER, Kind.CONTACT_ID, 0.8,
                        "(?<![0-9a-wyz])(?=[0-9]*x)[0-9x]{7,}(?![0-9a-wyz])"),
                Cue.of(QQ_ID, Kind.CONTACT_ID, 1.0,
                        "(?:qq|扣|群|加)[^0-9a-z]{0,4}[0-9]{5,11}(?![0-9])"
                                + "|(?<![0-9])[0-9]{5,11}[^0-9a-z]{0,3}(?:qq|扣)"),
                Cue.of(WECHAT_ID, Kind.CONTACT_ID, 1.2,
                        "微信(?:号)?(?:是|为)?[^0-9a-z\\u4e00-\\u9fff]{0,3}(?:[a-z][a-z0-9_-]{5,19}|[0-9]{6,11})(?![a-z0-9_-])"
                                + "|wxid_[a-z0-9]+"),
                Cue.of(TELEGRAM_ID, Kind.CONTACT_ID, 1.0,
                        "telegram[^0-9a-z]{0,3}@?[a-z0-9_]{4,}"),
                Cue.of(LONG_DIGITS, Kind.ANCHOR, 0.5, "(?<![0-9])[0-9]{7,}(?![0-9])"),
                Cue.of(HANDLE, Kind.ANCHOR, 0.5, "(?<![a-z0-9.])@[a-z][a-z0-9_]{4,}"),
                Cue.of(CONTACT_APP, Kind.CONTACT_WORD, 0.4, "微信|qq|telegram|whatsapp"),
                // Getting in touch.
                Cue.of(SOLICITATION, Kind.SOLICITATION, 1.0,
                        "加(?:我|微信|qq|telegram|群|好友)|私聊|私信我|私我|滴滴我|(?<![a-z])d我|进群|入群|拉群|拉你进"
                                + "|扫码|扫一扫|联系我|详情(?:请)?(?:咨询|联系|加|见|私)|有意(?:者|向)?(?:请)?(?:联系|私|加)"
                                + "|感兴趣(?:的)?(?:请)?(?:加|联系|私)|咨询(?:微信|qq|电话|热线)|添加(?:微信|qq|好友)|\\+微信|戳我|看主页"),
                Cue.of(SOLICITATION, Kind.SOLICITATION, 0.5,
                        "咨询|联系(?:方式|电话)|电话|热线|二维码|私信|详询|垂询|致电|来电|欢迎(?:加入|咨询|选购|光临|订购|来)"
                                + "|点击|网址|官网|下载|注册|邀请码|推荐码|备注"),
                // Lures.
                Cue.of(SIDE_JOB, Kind.LURE, 1.0,
                        "兼职|日结|刷单|躺赚|副业|宝妈|学生党|在家(?:就能|即可|也能|可)?(?:做|赚)|手机(?:就能|即可|可)?(?:操作|赚)"
                                + "|轻松(?:赚|月入|日入)|招聘|招募|诚招|招(?:代理|学徒|收徒|人)|代理|网赚|挂机|打字员|点赞员|做任务"
                                + "|零门槛|无门槛|零基础|不收(?:任何)?费用|时间自由|多劳多得|工作室|长期合作|加盟|引流|接单|推广|拉新"
                                + "|货源|代购|微商|收徒|带徒|暴利|项目稳定|稳定项目|正规项目"),
                Cue.of(REBATE, Kind.LURE, 0.8,
                        "返利|返现|返佣|返点|佣金|提成|优惠券|免费(?:领|送|拿|试|赠|玩|看|体验)|体验金|彩金|送礼品|赠品"),
                Cue.of(PROMOTION, Kind.LURE, 0.5,
                        "红包|领取|福利|秒杀|特价|包邮|限时|抽奖|礼品|赠送|折扣|(?<![0-9])[0-9一二三四五六七八九](?:\\.[0-9])?折"
                                + "|优惠|促销|特惠|抢购|大酬宾|开业|低至|全场|回馈|惊喜|热销|火爆|名额有限|仅剩|最后[0-9一二三]天"
                                + "|活动|低价|最低价|团购|免单|让利|机会不容错过|进店|到店|预约|订购|订货|现货|批发|厂家|直销|出售|收购"
                                + "|出号|全网最低|价格优惠|质优价廉|售后|一条龙|量大|从优|面议|有需要的|需要的(?:联系|私|加|来)"),
                Cue.of(ADULT, Kind.LURE, 1.0,
                        "裸聊|约炮|看片|卖片|要片|黄片|岛国|福利姬|上门服务|全套|外围|楼凤|一夜情|同城约|裸v|私密视频|资源群|av资源"
                                + "|调教|绿帽|绿奴|援交|包夜|快餐|按摩|推油|成人视频|小姐姐视频"),
                Cue.of(INVESTMENT, Kind.LURE, 0.8,
                        "投资|理财|回报率|高收益|保本|盈利|利率|收益率|炒股|股票|牛股|涨停|内幕|虚拟币|数字货币|区块链|合约"),
                Cue.of(MARKETING, Kind.LURE, 1.0,
                        "退订|回t|拒收|尊敬的(?:客户|会员|用户|业主|家长|车主)|亲爱的(?:顾客|会员|用户|家长)|【[^】]{2,12}】"
                                + "|发票|办证|毕业证|驾证|刻章|楼盘|均价|首付|样板间|开盘|精装|招生|培训|报名|学费|减肥|祛斑|美容院"),
                Cue.of(GAMBLING, Kind.LURE, 1.2,
                        "彩票|博彩|棋牌|首存|首充|百家乐|娱乐城|赌场|老虎机|下注|投注|赔率|时时彩|北京赛车|六合彩|网赌|上分|下分"
                                + "|usdt|稳赚|必中|包赢|计划群|带单|跟单|澳门|威尼斯人|葡京|金沙|出款|充值送|捕鱼|真人视讯|菠菜|盘口"),
                Cue.of(LOAN, Kind.LURE, 0.8,
                        "贷款|套现|借款|下款|无抵押|低息|网贷|信用贷|急用钱|放款|秒批|黑户|养卡|代还|口子"),
                Cue.of(MONEY, Kind.LURE, 0.6,
                        "[0-9]+(?:\\.[0-9]+)?\\s?(?:元|块|rmb|(?:w|k)(?![a-z]))|[¥$]\\s?[0-9]+|日赚|日入|月入|月赚|周赚|年入|时薪"
                                + "|收益|过万|上万|[0-9]+\\s?/\\s?天|每天[0-9]+|一天[0-9]+"),
                // Abuse.
                Cue.of(INSULT, Kind.INSULT, 1.7,
                        "傻逼|傻b|傻比|煞笔|沙比|傻x|傻叉|傻屌|二逼|(?<![a-z])(?:sb|nmsl|cnm|nmb|wdnmd|wrnm|mlgb|tmd|nmd|rnm|nc)(?![a-z])"
                                + "|脑残|脑瘫|智障|弱智|废物|狗东西|狗屎|贱人|贱货|贱种|婊子|草泥马|操你|艹你|肏|日你|你妈(?:的|逼|死|个|了)"
                                + "|他妈的|去死|死全家|全家死|畜生|畜牲|人渣|杂种|王八蛋|滚蛋|滚出去|给我滚|蠢货|蠢猪|白痴|神经病|低能"
                                + "|下贱|死妈|妈卖批|狗日|狗娘|龟儿子|逼样|傻子|傻瓜|垃圾东西|猪脑|狗杂种|犯贱|贱货|骚货|骚逼"),
                Cue.of(SLUR, Kind.INSULT, 1.2,
                        "黑鬼|黑蛆|尼哥|黑皮|女拳|田园女权|直男癌|普信男|普信女|娘炮|死基佬|小日本|日本鬼子|阿三|棒子|支那"
                                + "|蝈蝻|郭楠|母狗|舔狗|绿茶婊|圣母婊|白左|巨婴|寄生虫|黑人都|女人都|男人都"),
                Cue.of(MILD_INSULT, Kind.MILD_INSULT, 0.6,
                        "恶心|垃圾|(?<![打翻])滚(?![动烫筒轮圆雪床刀珠])|有病|闭嘴|活该|丑八怪|去你的|恶臭|不要脸|脑子(?:有|进|坏)"
                                + "|没脑子|无耻|卑鄙|可耻|贱|骚|蠢|歧视|丢人"),
                Cue.of(GROUP_ATTACK, Kind.GROUP_ATTACK, 1.2,
                        "(?:黑人|黑鬼|白人|印度人|日本人|韩国人|美国人|河南人|东北人|上海人|北京人|广东人|山东人|新疆人|外地人|农村人"
                                + "|女人|男人|女的|男的|女生|男生|女性|男性|女权|同性恋|gay|基佬|穆斯林|绿教|国男|老外|南方人|北方人)"
                                + "[^。!?.]{0,12}?(?:恶心|素质(?:低|差)|低下|垃圾|骗子|偷|犯罪|懒|脏|臭|蠢|劣|贱|骚|滚|该死|去死|不配|下等|畜生"
                                + "|看不起|瞧不起|就是|都是|天生|活该|不要脸|婊|狗|猪)"),
                // Questions.
                Cue.of(QUESTION, Kind.QUESTION, 1.6,
                        "[?]|(?:吗|呢|么)[\\s.!~。]*$|请问"),
                Cue.of(QUESTION, Kind.QUESTION, 0.9,
                        "怎么|怎样|如何|有没有|是不是|能不能|可不可以|会不会|要不要|为什么|为啥|什么|啥|哪|谁|几[个点号天岁时次块年月]"
                                + "|多少|是否|咋|求助|求问|求推荐|请教")));
    }
}
