package dev.qunguan.nlp.rules;

/** Whether a word is aimed at someone: a 你 shortly before it turns a swear word into a personal attack. */
final class SecondPerson {

    /** How far before the word a 你 still counts. */
    private static final int WINDOW = 8;

    private SecondPerson() {}

    static boolean precedes(String text, int wordStart) {
        int you = text.lastIndexOf('你', wordStart - 1);
        return you >= 0 && wordStart - you <= WINDOW;
    }
}
