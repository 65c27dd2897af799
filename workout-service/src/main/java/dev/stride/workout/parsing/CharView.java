package dev.stride.workout.parsing;

/** A reusable view of part of a char array: an attribute value in the reader's buffer, without a String. */
final class CharView implements CharSequence {
    private char[] array;
    private int from;
    private int to;

    void set(char[] array, int from, int to) {
        this.array = array;
        this.from = from;
        this.to = to;
    }

    double fastNumber() {
        return XmlText.fastNumber(array, from, to);
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
