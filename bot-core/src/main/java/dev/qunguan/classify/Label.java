package dev.qunguan.classify;

/** What kind of message a text is. */
public enum Label {
    AD,
    ABUSE,
    QUESTION,
    NORMAL;

    /** The lower-case name used in JSON and scripts. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Ads and abuse are the labels moderation acts on. */
    public boolean isViolation() {
        return this == AD || this == ABUSE;
    }
}
