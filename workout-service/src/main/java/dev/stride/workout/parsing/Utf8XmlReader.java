package dev.stride.workout.parsing;

import static dev.stride.workout.parsing.Utf8Input.EOF;
import static dev.stride.workout.parsing.Utf8Input.NONE;
import static dev.stride.workout.parsing.Utf8Input.truncated;
import static dev.stride.workout.parsing.XmlBytes.equal;
import static dev.stride.workout.parsing.XmlBytes.isXmlns;
import static dev.stride.workout.parsing.XmlBytes.string;
import static dev.stride.workout.parsing.XmlChars.END;
import static dev.stride.workout.parsing.XmlChars.NAME_BYTE;
import static dev.stride.workout.parsing.XmlChars.isNameStart;
import static dev.stride.workout.parsing.XmlChars.isSpace;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * A strict, streaming XML 1.0 pull reader for UTF-8 (and US-ASCII) documents with namespaces,
 * made for GPX and TCX: the JDK's StAX reader spent most of a GPX or TCX parse in its scanner
 * (ADR 0015). It reads 64 KB chunks and turns the bytes into the events {@link XmlWalker}
 * needs, without a String per element name (a small bounded cache maps name bytes to Strings),
 * per text or per attribute value.
 *
 * <p><b>Security:</b> it has no DTD support at all and never resolves or loads anything external.
 * A DOCTYPE anywhere is refused as UNSAFE_XML, and so is any entity reference other than the five
 * predefined ones and character references. There is nothing to expand.
 *
 * <p>It refuses what {@link SafeXml}'s StAX reader refuses, with the same reasons (the tests
 * compare both on real, generated and mutated documents): the end of the input inside the
 * document is TRUNCATED; everything else that is not well-formed (mismatched or unclosed tags,
 * more than one root, bad attribute syntax or duplicate attributes, names, characters that are
 * not XML 1.0 characters, invalid UTF-8, {@code ]]>} in text, {@code --} in a comment, a misplaced
 * XML declaration, undeclared namespace prefixes, more than {@value #MAX_DEPTH} nested elements or
 * {@value #MAX_ATTRIBUTES} attributes on one) is MALFORMED, with the line. Line ends are normalised
 * and attribute values' whitespace replaced by spaces as XML 1.0 says. Comments and processing
 * instructions are skipped. Like the StAX reader it reads no further than the walker asks: what
 * follows the root's end tag is only checked when {@link #next} is called after it.
 *
 * <p>This class holds the event logic (text and tags). The common ASCII forms it scans straight in
 * the input's buffer, and it checks a start tag against the element {@link ElementNames}
 * predicts; anything else (non-ASCII, CR, references, the end of a chunk) takes the general way,
 * character by character from {@link Utf8Input}, which decodes and counts lines.
 * {@link TextBuffer} holds the text and scans its plain runs, {@link XmlNameReader} reads names,
 * {@link TagAttributes} keeps and checks a start tag's attributes, {@link XmlReferences} reads
 * references, {@link XmlMarkup} the declaration, comments, processing instructions and DOCTYPE;
 * {@link XmlChars} and {@link XmlBytes} are the character classes and name comparisons,
 * {@link NamespaceScope} the prefixes in scope.
 */
final class Utf8XmlReader implements XmlSource {

    static final int MAX_DEPTH = 64;
    static final int MAX_ATTRIBUTES = 64;
    /** Not an event: the general way has to read on. */
    private static final int GENERAL = -3;
    private static final int PROLOG = 0;
    private static final int CONTENT = 1;
    private static final int EPILOG = 2;

    private final Utf8Input input;
    private boolean markupPending;
    private int state = PROLOG;
    private boolean emptyPending;

    private final TextBuffer text = new TextBuffer();

    /** Qualified names of the open elements, as UTF-8 bytes, one after the other. */
    private byte[] names = new byte[1024];
    private final int[] nameStart = new int[MAX_DEPTH + 2];
    private final int[] nsMark = new int[MAX_DEPTH + 2];
    private final ElementNames.Name[] openNames = new ElementNames.Name[MAX_DEPTH + 2];
    /** The element of the last start or end tag ({@code lastEnded}), whose successor is predicted. */
    private ElementNames.Name lastName;
    private boolean lastEnded;
    private int depth;
    private String localName;

    private final NamespaceScope namespaces = new NamespaceScope();

    private final TagAttributes attributes;
    private final XmlNameReader nameReader;

    private final ElementNames elementNames = new ElementNames(new NameCache());
    private final XmlMarkup markup;

    /**
     * @param asciiOnly the document declares US-ASCII: a byte above 127 is an error, as for StAX
     */
    Utf8XmlReader(InputStream in, boolean asciiOnly) {
        this.input = new Utf8Input(in, asciiOnly);
        this.markup = new XmlMarkup(input);
        this.attributes = new TagAttributes(input);
        this.nameReader = new XmlNameReader(input);
    }

    // ---------------------------------------------------------------- events

    @Override
    public int next() throws XMLStreamException {
        return event(true);
    }

    /** Text is read and checked as for {@link #next}, only not returned: no event per indentation. */
    @Override
    public int nextMarkup() throws XMLStreamException {
        return event(false);
    }

    private int event(boolean reportText) throws XMLStreamException {
        try {
            if (emptyPending) {
                emptyPending = false;
                return endElement();
            }
            if (state == CONTENT) {
                text.length = 0;
                int event = plainEvent(reportText);
                return event != GENERAL ? event : content(reportText);
            }
            return misc();
        } catch (EOFException e) {
            // a compressed upload that ends early (GZIPInputStream): truncated, as the JDK's reader
            // mostly reports it
            throw new WorkoutFileException(WorkoutFileException.Reason.TRUNCATED,
                    "The file is truncated (the compressed data ends early)", e);
        } catch (IOException e) {
            throw new XMLStreamException(e.getMessage(), e);
        }
    }

    /** Before and after the root: whitespace, comments, processing instructions; the root. */
    private int misc() throws IOException {
        if (state == PROLOG && input.line == 1 && input.pos == 0 && input.limit == 0) {
            markup.declaration();
        }
        while (true) {
            int c = input.read();
            if (c == EOF) {
                if (state == PROLOG) {
                    throw truncated();
                }
                return XMLStreamConstants.END_DOCUMENT;
            }
            if (isSpace(c)) {
                continue;
            }
            if (c != '<') {
                throw malformed(state == PROLOG ? "Content is not allowed in prolog."
                        : "Content is not allowed in trailing section.");
            }
            int d = input.read();
            if (d == '?') {
                processingInstruction();
            } else if (d == '!') {
                int e = input.read();
                if (e == '-') {
                    markup.comment();
                } else if (e == 'D' && state == PROLOG) {
                    throw markup.doctype();
                } else {
                    throw markup.markupError(e);
                }
            } else if (state == EPILOG) {
                throw d == EOF ? truncated() : malformed("The markup in the document following the root element must be well-formed.");
            } else {
                state = CONTENT;
                input.pushed = d;
                return startTag();
            }
        }
    }

    /**
     * The common event without the general loop: plain text up to a tag (see {@link TextBuffer#keepPlain}),
     * then the tag. GENERAL when something else comes; {@link #content} goes on from there (the
     * text read so far is kept; what it needs to know about it, that "]]" cannot precede what
     * follows, holds as it does after its own text run).
     */
    private int plainEvent(boolean reportText) throws IOException {
        if (input.pushed != NONE || input.pushSpace) {
            return GENERAL;
        }
        if (!markupPending) {
            if (reportText) {
                text.keepPlain(input);
            } else {
                TextBuffer.skipPlain(input);
            }
            int p = input.pos;
            if (p + 1 >= input.limit || input.buf[p] != '<') {
                return GENERAL;
            }
            int d = input.buf[p + 1];
            if (d < 0x20 || d == '!' || d == '?') {
                return GENERAL;
            }
            input.pos = p + 1;
            if (text.length > 0) {
                if (reportText) {
                    markupPending = true;
                    return XMLStreamConstants.CHARACTERS;
                }
                text.length = 0;
            }
        } else if (input.pos == input.limit || input.buf[input.pos] < 0x20 || input.buf[input.pos] == '!' || input.buf[input.pos] == '?') {
            return GENERAL;
        }
        // after '<', with the byte after it in the buffer: one read() returns as it is, no comment,
        // CDATA section or processing instruction
        markupPending = false;
        if (input.buf[input.pos] == '/') {
            input.pos++;
            return endTag();
        }
        int event = predictedStartTag();
        return event != GENERAL ? event : startTag();
    }

    private int content(boolean reportText) throws IOException {
        int brackets = 0;
        while (true) {
            int c;
            if (markupPending) {
                markupPending = false;
                c = '<';
            } else {
                if (input.pushed == NONE && !input.pushSpace && (reportText ? text.keepPlain(input) : TextBuffer.skipPlain(input))) {
                    brackets = 0;
                }
                c = input.read();
            }
            if (c == '<') {
                if (input.pushed == NONE && input.pos < input.limit) {
                    int d = input.buf[input.pos];
                    // a byte read() would return as it is: decided on without consuming it, so the
                    // start and end tags read straight from the buffer
                    if (d >= 0x20 && d != '!' && d != '?') {
                        if (text.length > 0) {
                            if (reportText) {
                                markupPending = true;
                                return XMLStreamConstants.CHARACTERS;
                            }
                            text.length = 0;
                        }
                        if (d == '/') {
                            input.pos++;
                            return endTag();
                        }
                        return startTag();
                    }
                }
                int d = input.read();
                if (d == '!') {
                    int e = input.read();
                    if (e == '-') {
                        markup.comment();
                    } else if (e == '[') {
                        markup.expect("CDATA[");
                        cdata();
                    } else if (e == 'D') {
                        throw markup.doctype();
                    } else {
                        throw markup.markupError(e);
                    }
                    brackets = 0;
                    continue;
                }
                if (d == '?') {
                    processingInstruction();
                    brackets = 0;
                    continue;
                }
                if (text.length > 0) {
                    if (reportText) {
                        markupPending = true;
                        input.pushed = d;
                        return XMLStreamConstants.CHARACTERS;
                    }
                    text.length = 0;
                }
                if (d == '/') {
                    return endTag();
                }
                input.pushed = d;
                return startTag();
            }
            if (c == EOF) {
                throw truncated();
            }
            if (c == '&') {
                text.append(XmlReferences.read(input));
                brackets = 0;
                continue;
            }
            if (c == '>' && brackets >= 2) {
                throw malformed("The character sequence \"]]>\" must not appear in content"
                        + " unless used to mark the end of a CDATA section.");
            }
            brackets = c == ']' ? brackets + 1 : 0;
            text.append(c);
        }
    }

    // ---------------------------------------------------------------- tags

    private int startTag() throws IOException {
        if (depth == MAX_DEPTH) {
            throw malformed("The element is nested deeper than the limit of " + MAX_DEPTH + ".");
        }
        int start = depth == 0 ? 0 : nameStart[depth];
        int c = input.read();
        int end = nameReader.ascii(c, names, start);
        if (end < 0) {
            end = nameReader.read(c, names, start, true);
        }
        names = nameReader.bytes;
        return openTag(start, end, nameReader.colon, nameReader.terminator, null);
    }

    /**
     * The start tag's name that {@link ElementNames} predicts, when the buffer holds it followed by
     * a character that ends a name (so the general way would read the same name); its attributes
     * and the rest as any start tag. GENERAL when it does not.
     */
    private int predictedStartTag() throws IOException {
        ElementNames.Name p = lastName == null ? null
                : elementNames.at(lastEnded ? lastName.afterEnd : lastName.afterStart);
        if (p == null || depth == MAX_DEPTH) {
            return GENERAL;
        }
        byte[] bytes = p.bytes;
        int n = bytes.length;
        int at = input.pos;
        if (at + n >= input.limit || !equal(bytes, 0, n, input.buf, at)) {
            return GENERAL;
        }
        int t = input.buf[at + n];
        if (NAME_BYTE[t & 0xFF] != END || t < 0x20 && t != '\n' && t != '\t') {
            return GENERAL;
        }
        int start = nameStart[depth];
        if (start + n > names.length) {
            names = Arrays.copyOf(names, Math.max(names.length * 2, start + n));
        }
        System.arraycopy(bytes, 0, names, start, n);
        if (t == '\n') {
            input.line++;
        }
        input.pos = at + n + 1;
        return openTag(start, start + n, p.colon < 0 ? -1 : start + p.colon, t, p);
    }

    /**
     * After the name of a start tag, in names[start, end) with its colon, and the character after
     * it: the attributes, namespaces, the element.
     *
     * @param known the name's entry when it was predicted, or null
     */
    private int openTag(int start, int end, int colon, int c, ElementNames.Name known) throws IOException {
        depth++;
        nameStart[depth] = end;
        nsMark[depth] = namespaces.mark();
        attributes.clear();
        int attrBytes = 0;
        while (true) {
            boolean space = false;
            while (isSpace(c)) {
                space = true;
                c = input.read();
            }
            if (c == '>') {
                break;
            }
            if (c == '/') {
                int d = input.read();
                if (d != '>') {
                    throw d == EOF ? truncated() : malformed("The element type must be followed by either attribute"
                            + " specifications, \">\" or \"/>\".");
                }
                emptyPending = true;
                break;
            }
            if (c == EOF) {
                throw truncated();
            }
            if (!space || !isNameStart(c)) {
                throw malformed("The element type must be followed by either attribute specifications, \">\" or \"/>\".");
            }
            attrBytes = attributeName(c, attrBytes);
            c = nameReader.terminator;
            while (isSpace(c)) {
                c = input.read();
            }
            if (c != '=') {
                throw c == EOF ? truncated() : malformed("Attribute name must be followed by the ' = ' character.");
            }
            c = input.read();
            while (isSpace(c)) {
                c = input.read();
            }
            if (c != '"' && c != '\'') {
                throw c == EOF ? truncated() : malformed("Open quote is expected for attribute.");
            }
            attributeValue(c);
            c = input.read();
        }
        bindNamespaces(start, end, colon);
        ElementNames.Name name = known != null ? known : elementNames.get(names, start, end, colon);
        if (lastName != null) {
            if (lastEnded) {
                lastName.afterEnd = name.slot;
            } else {
                lastName.afterStart = name.slot;
            }
        }
        lastName = name;
        lastEnded = false;
        openNames[depth] = name;
        localName = name.local;
        return XMLStreamConstants.START_ELEMENT;
    }

    private int endTag() throws IOException {
        int open = depth == 1 ? 0 : nameStart[depth - 1];
        int openEnd = nameStart[depth];
        int after = input.pos + openEnd - open;
        // the open element's name bytes and '>' in the buffer: no name to read (the bytes are the
        // UTF-8 of a name already read, so they are one); anything else takes the general way
        if (input.pushed == NONE && after < input.limit && input.buf[after] == '>' && equal(names, open, openEnd, input.buf, input.pos)) {
            input.pos = after + 1;
            return endElement();
        }
        int c = input.read();
        int mark = openEnd;
        // like the JDK's reader, which matches the end tag against the open element as it reads:
        // input ending inside an end tag is a mismatch or an unterminated end tag, not a truncation
        if (c == EOF) {
            throw mismatch(open, openEnd);
        }
        int end;
        try {
            end = nameReader.read(c, names, mark, true);
        } catch (WorkoutFileException e) {
            throw e.reason() == WorkoutFileException.Reason.TRUNCATED ? mismatch(open, openEnd) : e;
        }
        names = nameReader.bytes;
        c = nameReader.terminator;
        while (isSpace(c)) {
            c = input.read();
        }
        if (c != '>') {
            if (end - mark != openEnd - open || !Arrays.equals(names, open, openEnd, names, mark, end)) {
                throw mismatch(open, openEnd);
            }
            throw c == EOF ? truncated() : malformed("The end-tag for the element must end with a '>' delimiter.");
        }
        if (end - mark != openEnd - open || !Arrays.equals(names, open, openEnd, names, mark, end)) {
            throw mismatch(open, openEnd);
        }
        return endElement();
    }

    private WorkoutFileException mismatch(int open, int openEnd) {
        return malformed("The element type \"" + string(names, open, openEnd)
                + "\" must be terminated by the matching end-tag.");
    }

    private int endElement() {
        lastName = openNames[depth];
        lastEnded = true;
        localName = lastName.local;
        namespaces.reset(nsMark[depth]);
        depth--;
        if (depth == 0) {
            state = EPILOG;
        }
        return XMLStreamConstants.END_ELEMENT;
    }

    private int attributeName(int c, int at) throws IOException {
        int end = nameReader.ascii(c, attributes.names, at);
        if (end < 0) {
            end = nameReader.read(c, attributes.names, at, true);
        }
        attributes.names = nameReader.bytes;
        attributes.name(at, end, nameReader.colon);
        return end;
    }

    private void attributeValue(int quote) throws IOException {
        int saved = text.length;
        text.length = 0;
        while (true) {
            text.valueRun(input, quote);
            int c = input.read();
            if (c == quote) {
                break;
            }
            if (c == EOF) {
                throw truncated();
            }
            if (c == '<') {
                throw malformed("The value of an attribute must not contain the '<' character.");
            }
            if (c == '&') {
                text.append(XmlReferences.read(input));
            } else {
                text.append(c == '\t' || c == '\n' ? ' ' : c);
            }
        }
        attributes.value(text.chars, text.length);
        text.length = saved;
    }

    /** Namespace declarations of the start tag, then its prefixes and duplicate attributes. */
    private void bindNamespaces(int start, int end, int colon) {
        attributes.declare(namespaces);
        if (colon >= 0) {
            if (isXmlns(names, start, colon)) {
                throw malformed("Element \"" + string(names, start, end) + "\" cannot have \"xmlns\" as its prefix.");
            }
            if (namespaces.uri(names, start, colon) == null) {
                throw malformed("The prefix \"" + string(names, start, colon) + "\" for element \""
                        + string(names, start, end) + "\" is not bound.");
            }
        }
        attributes.checkPrefixes(namespaces);
    }

    // ---------------------------------------------------------------- other markup

    /** After {@code <![CDATA[}: the section's characters are text. */
    private void cdata() throws IOException {
        int brackets = 0;
        while (true) {
            int c = input.read();
            if (c == EOF) {
                throw truncated();
            }
            if (c == '>' && brackets >= 2) {
                text.length -= 2;
                return;
            }
            brackets = c == ']' ? brackets + 1 : 0;
            text.append(c);
        }
    }

    /** After {@code <?}: the target, read as a name (colons included), then the rest. */
    private void processingInstruction() throws IOException {
        int start = depth == 0 ? 0 : nameStart[depth];
        int end = nameReader.read(input.read(), names, start, false);
        names = nameReader.bytes;
        markup.processingInstruction(names, start, end, nameReader.terminator);
    }

    // ---------------------------------------------------------------- characters

    private WorkoutFileException malformed(String reason) {
        return input.malformed(reason);
    }


    // ---------------------------------------------------------------- XmlSource

    @Override
    public String localName() {
        return localName;
    }

    @Override
    public String attribute(String name) {
        return attributes.get(name);
    }

    @Override
    public CharSequence attributeChars(String name) {
        return attributes.chars(name);
    }

    @Override
    public char[] textChars() {
        return text.chars;
    }

    @Override
    public int textStart() {
        return 0;
    }

    @Override
    public int textLength() {
        return text.length;
    }

    @Override
    public void close() {
        // the caller owns the stream
    }
}
