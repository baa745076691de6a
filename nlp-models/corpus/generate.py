#!/usr/bin/env python3
"""Generates the hand-made training corpus (own-*.jsonl) from templates written for this project.

Deterministic (fixed seed): `python3 nlp-models/corpus/generate.py` rewrites the same files. Covers what
the public dev data lacks: group-chat ads with obfuscated contacts, personal insults aimed at a member,
chat-style questions, short chat, and comments on sensitive topics that are not insults.
"""
import json
import os
import random

rnd = random.Random(20240601)
HERE = os.path.dirname(os.path.abspath(__file__))

FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"}
CIRCLED = dict(zip("123456789", "①②③④⑤⑥⑦⑧⑨"))
BOLD = {c: chr(0x1D41A + ord(c) - ord('a')) for c in "abcdefghijklmnopqrstuvwxyz"}
TRAD = str.maketrans("微信兼职日结刷单返利扫码进群代理免费领取联系发红包赚钱简单轻松点击网址现金", "微信兼職日結刷單返利掃碼進群代理免費領取聯繫發紅包賺錢簡單輕鬆點擊網址現金")


def digits(n):
    return "".join(rnd.choice("0123456789") for _ in range(n))


def obfuscate_digits(s):
    style = rnd.randrange(4)
    if style == 0:
        return "".join(CIRCLED.get(c, c) for c in s)
    if style == 1:
        return "".join(FULLWIDTH.get(c, c) for c in s)
    if style == 2:
        return " ".join(s)
    return s


def wechat_word():
    return rnd.choice(["微信", "V信", "v信", "薇信", "威❤", "vx", "VX", "wx", "加 V 信", "威信号", "𝐕𝐱", "ｖｘ", "徽信", "卫星", "V", "扣扣", "QQ", "q群", "飞机"])


def contact():
    kind = rnd.randrange(4)
    if kind == 0:
        return wechat_word() + rnd.choice(["：", ":", " ", "号", ""]) + obfuscate_digits(digits(rnd.choice([6, 8, 9, 10])))
    if kind == 1:
        handle = "".join(rnd.choice("abcdefghjkmnpqrstuwyz") for _ in range(rnd.randint(5, 8))) + digits(rnd.randint(2, 4))
        return wechat_word() + rnd.choice(["：", " ", ""]) + "".join(BOLD.get(c, c) if rnd.random() < 0.2 else c for c in handle)
    if kind == 2:
        return rnd.choice(["扫码进群", "扫描二维码", "看我头像", "私聊我", "私我", "滴滴我", "主页有联系方式", "看我签名"])
    return rnd.choice(["q", "Q", "扣扣", "qq群"]) + obfuscate_digits(digits(rnd.randint(7, 10)))


AD_HOOKS = [
    "兼职刷单，日结{m}元", "招聘宝妈学生党，手机操作日赚{m}", "拉你进群领红包", "代理招募，一件代发零库存",
    "返利群每天发优惠券", "有想做副业的吗，每天一小时收入{m}+", "免费领取{thing}，名额有限", "高价收{acct}",
    "点赞员打字员在家就能做", "招代理，躺着也能赚钱", "内部渠道{thing}，需要的来", "本群禁言，进新群领福利",
    "淘宝京东返利{p}%", "网贷秒下款，黑户也能做", "专业刷流水，{m}起", "带你做项目，稳赚不赔",
    "低价出{acct}，要的私", "新人进群送{m}元红包", "美女陪聊，同城交友", "投资理财群，老师带单收益{p}%",
    "收手机卡银行卡，一张{m}", "二维码过期了，加我拉你", "出售{thing}资源", "做任务赚佣金，一单{m}元",
    "招聘线上客服，在家办公月入过万", "免费送{thing}，只要关注", "拼多多砍价互助群，进群秒砍", "彩票计划群，跟单必中",
]
THINGS = ["会员", "网课资料", "口红小样", "游戏皮肤", "电影资源", "教程", "视频资源", "考试答案"]
ACCTS = ["微信号", "QQ号", "闲鱼号", "抖音号", "实名号", "老号"]


def ad_line():
    hook = rnd.choice(AD_HOOKS).format(m=rnd.choice([50, 80, 100, 200, 300, 500, 800, 1000, 3000]), thing=rnd.choice(THINGS),
                                      acct=rnd.choice(ACCTS), p=rnd.choice([5, 10, 20, 30, 50]))
    c = contact()
    form = rnd.randrange(5)
    if form == 0:
        s = hook + "，" + c
    elif form == 1:
        s = c + " " + hook
    elif form == 2:
        s = hook + rnd.choice(["！", "~", "", "!!"]) + rnd.choice(["详情", "有意", "感兴趣的", ""]) + c
    elif form == 3:
        s = hook
    else:
        s = rnd.choice(["加", "+", "➕", "联系"]) + c + rnd.choice(["", " ", "，"]) + hook
    if rnd.random() < 0.15:
        s = s.translate(TRAD)
    if rnd.random() < 0.1:
        s = "".join(FULLWIDTH.get(ch, ch) for ch in s)
    if rnd.random() < 0.1:
        s = rnd.choice(["🔥", "💰", "✅", "👉"]) + s + rnd.choice(["🔥", "💰", "👈", ""])
    return s


SHORT_ADS = ["加V领福利", "扫码进群", "招代理", "日结兼职", "进群领红包", "刷单日结", "私我领资料", "加微信拉你进群",
             "兼职私聊", "返利群了解一下", "有需要代理的私我", "低价代刷", "要资源的加我", "进群送红包", "收号私聊"]

NAMES = ["张三", "老王", "小李", "楼上", "那个谁", "群主", "你", "某人", "@小明", "@阿强", "管理员"]
INSULT_CORE = ["傻逼", "脑残", "废物", "蠢货", "智障", "垃圾", "白痴", "神经病", "狗东西", "贱人", "弱智", "猪脑子", "煞笔", "sb", "nmsl",
               "死妈玩意", "憨批", "低能儿", "人渣", "畜生"]
INSULT_FORMS = ["{n}就是个{i}", "{n}你个{i}", "你是不是{i}啊", "{i}，闭嘴吧", "滚吧{i}", "{n}脑子有病吧，{i}", "你妈的，{i}",
                "就你这{i}还好意思说话", "{i}一个，别在群里丢人", "{n}真是{i}，没救了", "别理这个{i}", "我看你就是个{i}",
                "你算什么东西，{i}", "去死吧{i}", "{n}，你脑子进水了吧", "你全家都是{i}", "{i}！！", "你这种{i}也配",
                "滚出这个群，{i}", "一天到晚逼逼赖赖，{i}"]


def abuse_line():
    return rnd.choice(INSULT_FORMS).format(n=rnd.choice(NAMES), i=rnd.choice(INSULT_CORE))


TOPICS = ["这个软件", "明天的活动", "群文件", "打卡", "报名", "作业", "快递", "签到", "会议", "考试", "新版本", "退款", "发票", "车票",
          "团购", "机器人", "教程", "密码", "群公告", "课表"]
QUESTION_FORMS = ["群里有人知道{t}怎么弄吗", "这个怎么弄", "{t}在哪里看啊", "请问{t}什么时候截止", "有没有人用过{t}", "{t}是不是坏了",
                  "谁知道{t}的链接", "{t}要交钱吗", "明天几点集合？", "{t}怎么登录不上", "大家{t}都弄好了吗", "{t}是在哪儿填",
                  "请问管理员{t}还能改吗", "有人一起{t}吗", "{t}需要带什么", "为啥我看不到{t}", "{t}咋弄", "求助：{t}打不开怎么办",
                  "今天还有{t}吗", "{t}多少钱啊", "谁能发一下{t}", "{t}是几号", "这个{t}靠谱吗", "{t}要提前多久", "{t}有人去吗",
                  "兼职的话{t}怎么算工资", "怎么加群主微信", "二维码过期了，能再发一个吗", "刷单是不是诈骗啊", "返利的那种靠谱吗"]


def question_line():
    return rnd.choice(QUESTION_FORMS).format(t=rnd.choice(TOPICS))


SHORT_CHAT = ["好的", "收到", "哈哈哈", "哈哈哈哈哈哈", "+1", "签到", "早上好", "晚安", "谢谢", "谢谢群主", "666", "好滴", "ok", "OK",
              "嗯嗯", "明白", "来了", "在", "可以", "赞", "👍", "😂😂", "收到收到", "早", "大家好", "新人报道", "辛苦了", "了解",
              "好的谢谢", "没问题", "+1+1", "打卡", "已签到", "哈哈", "牛", "厉害", "太强了", "好耶", "冲", "稳", "加油", "哦哦",
              "对的", "是的", "行", "嗯", "😄", "下午好", "中午好", "周末愉快", "生日快乐", "恭喜恭喜", "欢迎新朋友", "收到，谢谢",
              "马上到", "我也是", "同意", "好主意", "笑死", "绝了", "真不错", "干杯", "晚上好", "早安", "我来了", "刚看到",
              "哈哈哈笑死我了", "不客气", "等等我", "好的老师", "收到老师", "明天见", "拜拜", "溜了", "睡了", "起床了"]
NORMAL_LONG = ["今天下班路上堵了一个小时，到家都八点了", "周末去爬山了，风景特别好，就是腿有点酸", "我们小区门口新开了一家面馆，味道还可以",
               "刚把作业交了，终于可以休息一下了", "昨天看的那部电影结局有点仓促，前面铺垫挺好的", "这次聚餐AA，每人85元，已经转给组织者了",
               "我把会议纪要放群文件里了，大家有空看一下", "孩子今天第一次自己骑车上学，还挺有成就感的", "下周一开始调休，记得看通知",
               "群主辛苦了，活动安排得很周到", "天气预报说明天有雨，出门记得带伞", "我电话换号了，有事群里说就行",
               "刚买的咖啡机到了，早上终于不用排队买咖啡了", "我家猫今天把花盆打翻了，气死我了哈哈", "这个版本更新之后流畅多了",
               "上次推荐的那本书我看完了，确实值得一读", "公司年会抽奖我中了个保温杯，也算没白去", "最近在学做饭，今天的红烧肉成功了",
               "外卖送错了，还好商家给补了一份", "考完试了，感觉还行，等成绩吧"]
SENSITIVE_FAIR = ["每个地方的人都有好有坏，不能一概而论", "男女平等不是口号，要落实到招聘上", "地域歧视真的没意思，大家都是普通人",
                  "同性恋也是正常人，尊重别人的选择就好", "外地人来打工也不容易，多一点理解吧", "讨论性别问题的时候最好就事论事",
                  "新闻里说的那个案子，还是等调查结果出来再说", "我觉得这个政策对农村家庭的影响挺大的", "黑人白人都是人，看个人品行",
                  "女性在职场上确实会遇到一些不公平", "网上骂来骂去的没意义，不如好好讨论", "河南人东北人我都认识，都挺好相处的",
                  "关于宗教信仰，大家还是互相尊重吧", "这个话题容易吵起来，大家理性发言", "有些刻板印象真的该改改了",
                  "说骂人不好，但这个事情确实让人生气", "垃圾分类越来越严格了，得好好学学", "那部讲歧视的纪录片拍得挺好的",
                  "老外学中文也挺不容易的", "现在年轻人压力都大，互相体谅一下"]
NORMAL_NUMBERS = ["会议改到下午3点了", "我们班在302教室", "群里一共156个人了", "快递单号我私发你了", "今天跑了5公里",
                  "房租涨到2500了，压力好大", "车次是G1234，早上8点的", "考了92分，还不错", "这周加了三天班", "买了两斤橘子才十块钱"]


def normal_line():
    r = rnd.random()
    if r < 0.3:
        return rnd.choice(SHORT_CHAT)
    if r < 0.5:
        return rnd.choice(SHORT_CHAT) + rnd.choice(["，", " ", "！", "~"]) + rnd.choice(SHORT_CHAT)
    if r < 0.7:
        return rnd.choice(NORMAL_LONG)
    if r < 0.88:
        return rnd.choice(SENSITIVE_FAIR)
    return rnd.choice(NORMAL_NUMBERS)


def write(name, label, lines):
    seen = []
    for line in lines:
        if line not in seen:
            seen.append(line)
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as out:
        for line in seen:
            out.write(json.dumps({"text": line, "label": label, "source": "own:" + name}, ensure_ascii=False) + "\n")
    return len(seen)


if __name__ == "__main__":
    counts = {
        "own-ad.jsonl": write("own-ad.jsonl", "ad", [ad_line() for _ in range(700)] + SHORT_ADS * 2),
        "own-abuse.jsonl": write("own-abuse.jsonl", "abuse", [abuse_line() for _ in range(500)]),
        "own-question.jsonl": write("own-question.jsonl", "question", [question_line() for _ in range(500)]),
        "own-normal.jsonl": write("own-normal.jsonl", "normal",
                                  SHORT_CHAT + NORMAL_LONG + SENSITIVE_FAIR + NORMAL_NUMBERS + [normal_line() for _ in range(500)]),
    }
    print(counts)
