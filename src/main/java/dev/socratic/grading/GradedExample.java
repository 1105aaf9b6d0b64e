package dev.socratic.grading;

/** An earlier answer to the same question with its known grade (correct or not). */
record GradedExample(EncodedText text, boolean correct) {
}
