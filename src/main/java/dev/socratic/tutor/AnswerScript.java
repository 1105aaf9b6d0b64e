package dev.socratic.tutor;

import dev.socratic.curriculum.CheckKind;

/**
 * Tells an answer written mostly in another alphabet (Cyrillic, Chinese, Arabic…) from one the
 * grader can read: its models and key points are English, so such an answer would be judged wrong
 * however right it is. The learner is asked for English instead, and loses no hint.
 */
final class AnswerScript {

    /** Fewer letters than this are not enough to tell ("да", a symbol in a formula). */
    private static final int MIN_LETTERS = 4;

    private AnswerScript() {
    }

    /** Whether {@code answer}, to a question answered in prose, is written mostly outside the Latin alphabet. */
    static boolean unreadable(CheckKind kind, String answer) {
        if (!kind.isProse()) {
            return false;
        }
        int letters = 0;
        int latin = 0;
        for (int i = 0; i < answer.length(); ) {
            int c = answer.codePointAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
            i += Character.charCount(c);
        }
        return letters >= MIN_LETTERS && latin * 2 < letters;
    }
}
