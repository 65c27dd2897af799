package dev.stride.workout.parsing;

/**
 * A reusable view of part of a char array, so that numbers are read from the readers' buffers
 * without a String. One class for all of them keeps {@link XmlText#fastNumber}'s calls of
 * {@code charAt} down to two receiver types (this and String), which the JIT inlines.
 */
final class CharView implements CharSequence {
    private char[] array;
    private int from;
    private int to;

    CharView set(char[] array, int from, int to) {
        this.array = array;
        this.from = from;
        this.to = to;
        return this;
    }

    @Override
    public int length() {
        return to - from;
    }

    @Override
    public char charAt(int index) {
        return array[from + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(array, from + start, end - start);
    }

    @Override
    public String toString() {
        return new String(array, from, to - from);
    }
}
