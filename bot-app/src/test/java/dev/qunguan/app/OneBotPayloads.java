package dev.qunguan.app;

/** OneBot v11 report bodies the process-level tests post, from the bot account {@link #SELF_ID}. */
final class OneBotPayloads {
    static final String SELF_ID = "10001000";

    private OneBotPayloads() {}

    /** Member {@code user} of {@code group} says 签到 in message {@code messageId} at epoch second {@code time}. */
    static String checkIn(String group, String user, long messageId, long time) {
        return """
                {"time":%d,"self_id":%s,"post_type":"message","message_type":"group","sub_type":"normal",\
                "message_id":%d,"group_id":%s,"user_id":%s,"anonymous":null,\
                "message":[{"type":"text","data":{"text":"签到"}}],"raw_message":"签到","font":0,\
                "sender":{"user_id":%s,"nickname":"成员%s","card":"","role":"member"}}"""
                .formatted(time, SELF_ID, messageId, group, user, user, user);
    }
}
