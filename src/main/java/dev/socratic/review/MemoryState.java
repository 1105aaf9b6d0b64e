package dev.socratic.review;

/**
 * The two FSRS memory variables.
 *
 * @param stability  days until recall probability falls to 90%
 * @param difficulty 1 (easiest) to 10 (hardest)
 */
record MemoryState(double stability, double difficulty) {
}
