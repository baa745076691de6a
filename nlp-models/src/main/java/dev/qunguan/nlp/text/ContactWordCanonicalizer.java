package dev.qunguan.nlp.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the nicknames of contact apps to one word each: 微信, qq and telegram. Latin nicknames count
 * only as whole words (so "vxe" and "wxid_" stay), and nicknames that are also ordinary words (威信
 * "prestige", 企鹅 "penguin", 飞机 "plane") count only when an id, a colon or 号/群 follows them.
 */
final class ContactWordCanonicalizer {

    static final String WECHAT = "微信";
    static final String QQ = "qq";
    static final String TELEGRAM = "telegram";

    private static final String NOT_AFTER_LETTER = "(?<![a-z])";
    private static final String NOT_BEFORE_LETTER = "(?![a-z])";
    /** What follows a nickname when it names a contact rather than its everyday meaning. */
    private static final String CONTACT_CONTEXT = "(?=\\s?(?:[:@号群]|[a-z0-9]))";

    static final Pattern NICKNAMES = Pattern.compile(
            "(?<wechat>"
                    + NOT_AFTER_LETTER + "(?:weixin|vx|wx)" + NOT_BEFORE_LETTER
                    + "|" + NOT_AFTER_LETTER + "v(?:信|" + CharacterFolder.HEART + ")"
                    + "|[薇徽]信|[微薇威徽]" + CharacterFolder.HEART
                    + "|威信" + CONTACT_CONTEXT + "|(?<=加)威信"
                    + "|(?<=加|\\+)v(?:" + NOT_BEFORE_LETTER + "|(?=[a-z0-9_-]{6,}))" + ")"
                    + "|(?<qq>"
                    + NOT_AFTER_LETTER + "qq" + NOT_BEFORE_LETTER
                    + "|扣扣|企鹅" + CONTACT_CONTEXT
                    + "|" + NOT_AFTER_LETTER + "q(?=[号群])"
                    + "|(?<=加|\\+)q" + NOT_BEFORE_LETTER + ")"
                    + "|(?<telegram>"
                    + NOT_AFTER_LETTER + "(?:tg|telegram|teiegram)" + NOT_BEFORE_LETTER
                    + "|电报|纸飞机|飞机" + CONTACT_CONTEXT + ")");

    /**
     * Every nickname above contains at least one of these characters; most chat lines contain none, and
     * skipping the regex for them is the bulk of the normaliser's speed.
     */
    private static final String TRIGGERS = "vwqt薇徽微威扣企电纸飞";

    private ContactWordCanonicalizer() {}

    static String canonicalize(String text) {
        if (!mayContainNickname(text)) {
            return text;
        }
        Matcher matcher = NICKNAMES.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        do {
            String canonical = matcher.group("wechat") != null ? WECHAT
                    : matcher.group("qq") != null ? QQ
                    : TELEGRAM;
            matcher.appendReplacement(out, canonical);
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }

    static boolean mayContainNickname(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (TRIGGERS.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
