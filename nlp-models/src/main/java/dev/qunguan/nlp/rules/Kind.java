package dev.qunguan.nlp.rules;

/** What a cue is evidence of, which decides how the scorer weighs and combines it. */
enum Kind {
    /** An id someone can be reached at: phone, QQ, WeChat, Telegram, or an obfuscated link. */
    CONTACT_ID,
    /** A plain link or a long digit run: an anchor for an ad, harmless alone. */
    ANCHOR,
    /** A contact app is named, without an id. */
    CONTACT_WORD,
    /** Asks readers to get in touch or join somewhere. */
    SOLICITATION,
    /** Offers work, money, rebates, bets, loans or goods. */
    LURE,
    /** A strong insult or slur. */
    INSULT,
    /** A word that insults only in some contexts. */
    MILD_INSULT,
    /** A group (region, race, sex) next to a derogatory judgement. */
    GROUP_ATTACK,
    /** Marks a question. */
    QUESTION
}
