# textwrap: wrap, fill, shorten, dedent, indent and TextWrapper, breaking lines where
# CPython's textwrap breaks them (at whitespace, after hyphens inside words, before em-dashes).

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

_whitespace = "\t\n\x0b\x0c\r "
_WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"


def _is_letter(c):
    # \w without the digits, as textwrap's letter class
    if c < "\x80":
        return c in _LETTERS
    return c.isalpha()


def _is_word(c):
    if c < "\x80":
        return c in _WORD
    return c.isalnum()


def _is_word_punct(c):
    return _is_word(c) or c in "!\"'&.,?"


def _em_dash_at(chars, p):
    # chars[p:] starts with two or more hyphens and then a word character.
    n = len(chars)
    q = p
    while q < n and chars[q] == "-":
        q += 1
    return q - p >= 2 and q < n and _is_word(chars[q])


def _hyphen_break(chars, p):
    # A word may break after the hyphen at p: two letters (or letter, hyphen, letter) before
    # it, and a letter, an optional hyphen and a letter after it.
    n = len(chars)
    if chars[p] != "-":
        return False
    before = (p >= 2 and _is_letter(chars[p - 1]) and _is_letter(chars[p - 2])) or \
             (p >= 3 and _is_letter(chars[p - 1]) and chars[p - 2] == "-" and _is_letter(chars[p - 3]))
    if not before:
        return False
    q = p + 1
    if q >= n or not _is_letter(chars[q]):
        return False
    q += 1
    if q < n and chars[q] == "-":
        q += 1
    return q < n and _is_letter(chars[q])


def _chunks(text, hyphens):
    # Words and the runs of spaces between them; only a word with a hyphen is looked into.
    for c in "\t\n\x0b\x0c\r":
        if c in text:
            return _chunks_by_char(text, hyphens)
    out = []
    pending = 0
    seen_word = False
    for word in text.split(" "):
        if not word:
            pending += 1
            continue
        if seen_word:
            pending += 1
        if pending:
            out.append(" " * pending)
        pending = 0
        seen_word = True
        if hyphens and "-" in word:
            out.extend(_chunks_by_char(word, hyphens))
        else:
            out.append(word)
    if not seen_word:
        return [text] if text else []
    if pending:
        out.append(" " * pending)
    return out


def _chunks_by_char(text, hyphens):
    chars = list(text)
    n = len(chars)
    out = []
    i = 0
    while i < n:
        start = i
        if chars[i] in _whitespace:
            while i < n and chars[i] in _whitespace:
                i += 1
            out.append(text[start:i])
            continue
        if hyphens and chars[i] == "-" and i > 0 and _is_word_punct(chars[i - 1]) and _em_dash_at(chars, i):
            while chars[i] == "-":
                i += 1
            out.append(text[start:i])
            continue
        i += 1
        while True:
            if i >= n or chars[i] in _whitespace:
                break
            if hyphens and chars[i] == "-":
                if _hyphen_break(chars, i):
                    i += 1
                    break
                if _is_word_punct(chars[i - 1]) and _em_dash_at(chars, i):
                    break
            i += 1
        out.append(text[start:i])
    return out


class TextWrapper:
    """Wraps text into lines of at most `width` characters."""

    unicode_whitespace_trans = None
    sentence_end_chars = ".!?"

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None, placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for c in "\t\n\x0b\x0c\r":
                text = text.replace(c, " ")
        return text

    def _split(self, text):
        return [c for c in _chunks(text, self.break_on_hyphens) if c]

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            word = chunks[i]
            if chunks[i + 1] == " " and len(word) >= 1:
                end = word[-1]
                core = word[:-1]
                if end in "\"'" and len(word) >= 2:
                    end = word[-2]
                    core = word[:-2]
                if end in self.sentence_end_chars and core and core[-1].islower():
                    chunks[i + 1] = "  "
                    i += 2
                    continue
            i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError(f"invalid width {self.width!r} (must be > 0)")
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks:
                size = len(chunks[-1])
                if cur_len + size <= width:
                    cur_line.append(chunks.pop())
                    cur_len += size
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum([len(c) for c in cur_line])
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if not cur_line:
                continue
            fits = (not chunks or (self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip())) and \
                cur_len <= width
            if self.max_lines is None or len(lines) + 1 < self.max_lines or fits:
                lines.append(indent + "".join(cur_line))
                continue
            placed = False
            while cur_line:
                if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                    cur_line.append(self.placeholder)
                    lines.append(indent + "".join(cur_line))
                    placed = True
                    break
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if not placed:
                if lines:
                    prev_line = lines[-1].rstrip()
                    if len(prev_line) + len(self.placeholder) <= self.width:
                        lines[-1] = prev_line + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(" ".join(text.strip().split()))


def dedent(text):
    """Removes the whitespace that every non-blank line starts with."""
    lines = text.split("\n")
    margin = None
    for i in range(len(lines)):
        line = lines[i]
        body = line.lstrip(" \t")
        if not body:
            lines[i] = ""
            continue
        lead = line[:len(line) - len(body)]
        if margin is None:
            margin = lead
        elif lead.startswith(margin):
            pass
        elif margin.startswith(lead):
            margin = lead
        else:
            k = 0
            while k < len(margin) and k < len(lead) and margin[k] == lead[k]:
                k += 1
            margin = margin[:k]
    if margin:
        cut = len(margin)
        lines = [line[cut:] if line else line for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    """Adds prefix to the lines of text (to those with more than whitespace, by default)."""
    out = []
    for line in text.splitlines(True):
        if (predicate(line) if predicate is not None else line.strip()):
            out.append(prefix + line)
        else:
            out.append(line)
    return "".join(out)
