package dev.qunguan.script;

import java.util.List;

/** An FAQ entry written in a script file: the question, other phrasings, and the answer. */
public record ScriptFaq(String question, List<String> phrasings, String answer) {
    public ScriptFaq {
        phrasings = List.copyOf(phrasings);
    }
}
