package dev.qunguan.nlp.faq;

import java.util.List;

/**
 * What a question asks for. Two wordings that ask different kinds ("为什么…" and "怎么…") are rarely
 * the same question, however many words they share.
 */
enum QuestionKind {
    WHY(List.of("为什么", "为何", "为啥", "怎么会", "何故", "干嘛")),
    WHEN(List.of("什么时候", "何时", "几点", "哪天", "多久", "几时")),
    HOW(List.of("怎么", "怎样", "如何", "咋", "办法", "方法")),
    HOW_MUCH(List.of("多少", "几", "多大", "多长", "多高", "多远", "价格", "价钱")),
    WHERE(List.of("哪里", "哪儿", "在哪", "何处")),
    WHICH(List.of("哪")),
    WHO(List.of("谁")),
    WHAT(List.of("什么", "啥")),
    YES_NO(List.of("是否", "是不是", "能不能", "会不会", "可不可以", "有没有", "要不要", "吗"));

    private final List<String> cues;

    QuestionKind(List<String> cues) {
        this.cues = cues;
    }

    int bit() {
        return 1 << ordinal();
    }

    /** The kinds asked in the text; longer, more specific cues claim their characters first. */
    static int maskOf(String compact) {
        int mask = 0;
        StringBuilder rest = new StringBuilder(compact);
        for (QuestionKind kind : values()) {
            for (String cue : kind.cues) {
                int at = rest.indexOf(cue);
                while (at >= 0) {
                    mask |= kind.bit();
                    for (int i = at; i < at + cue.length(); i++) {
                        rest.setCharAt(i, ' ');
                    }
                    at = rest.indexOf(cue, at + cue.length());
                }
            }
        }
        return mask;
    }
}
