package dev.qunguan.nlp.faq.bench;

import dev.qunguan.nlp.faq.FaqDocument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic knowledge base and question stream for benchmarks, generated from hand-written topic,
 * action and question templates, so that no shared evaluation text enters the repository.
 */
final class SyntheticFaq {

    private static final String[] TOPICS = {
        "会员卡", "积分", "优惠券", "快递", "发票", "退款", "密码", "账号", "手机号", "群公告", "线下活动", "直播",
        "课程", "作业", "考试", "证书", "报名表", "会费", "门票", "停车场", "宿舍", "食堂", "图书馆", "打印机",
        "路由器", "打卡", "请假", "加班费", "社保", "公积金", "体检", "疫苗", "挂号", "医保卡", "驾照", "护照",
        "签证", "机票", "酒店", "行李", "充电桩", "电动车", "共享单车", "地铁卡", "水电费", "物业", "装修", "租房",
        "押金", "合同", "保险", "理赔", "贷款", "信用卡", "花呗", "转账", "红包", "表情包", "头像", "昵称",
        "小程序", "公众号", "客服", "投诉", "售后", "保修", "以旧换新", "二手", "拼团", "秒杀", "预售", "定金"};
    private static final String[] ACTIONS = {
        "办理", "申请", "取消", "修改", "查询", "激活", "补办", "领取", "使用", "退还", "兑换", "续费",
        "开通", "关闭", "绑定", "解绑", "预约", "转让", "挂失", "升级", "下载", "上传", "提交", "审核"};
    private static final String[] FORMS = {
        "%s怎么%s", "如何%2$s%1$s", "%s在哪里%s", "%s%s需要多长时间", "%s%s要多少钱", "为什么%s不能%s",
        "%s%s需要什么材料", "%s可以在网上%s吗", "%s%s的流程是什么", "谁负责%2$s%1$s"};
    private static final String[] QUALIFIERS = {"", "", "", "新用户", "老会员", "周末", "外地", "学生", "第一次", "晚上"};
    private static final String[] UNRELATED = {
        "今天天气怎么样", "晚饭吃什么好", "这部电影好看吗", "周末去哪里玩", "猫为什么怕水", "股票明天会涨吗",
        "有人一起打游戏吗", "推荐一首好听的歌", "怎么学会游泳", "月亮为什么有圆缺"};

    private SyntheticFaq() {}

    static List<FaqDocument> knowledgeBase(int size, long seed) {
        Random random = new Random(seed);
        Set<String> questions = new LinkedHashSet<>();
        while (questions.size() < size) {
            questions.add(question(random));
        }
        List<FaqDocument> documents = new ArrayList<>(size);
        int n = 0;
        for (String question : questions) {
            documents.add(FaqDocument.of("faq-" + n++, question));
        }
        return documents;
    }

    /** Questions that reword entries (swapped question forms, an extra qualifier) mixed with unrelated ones. */
    static List<String> queries(int count, long seed) {
        Random random = new Random(seed);
        List<String> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            queries.add(i % 5 == 4
                    ? UNRELATED[random.nextInt(UNRELATED.length)]
                    : question(random).replace("怎么", "咋样").replace("如何", "怎样") + (i % 3 == 0 ? "？" : ""));
        }
        return queries;
    }

    private static String question(Random random) {
        String topic = QUALIFIERS[random.nextInt(QUALIFIERS.length)] + TOPICS[random.nextInt(TOPICS.length)];
        String action = ACTIONS[random.nextInt(ACTIONS.length)];
        return String.format(FORMS[random.nextInt(FORMS.length)], topic, action);
    }
}
