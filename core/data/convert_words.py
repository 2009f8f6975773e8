#!/usr/bin/env python3
"""Converts Debian's wamerican word list (/usr/share/dict/american-english, SCOWL) into
core/data/words.txt: the words made only of the letters a-z, 2 to 8 of them, one a line, in
the list's order. Standard library only; the licence is in /usr/share/doc/wamerican/copyright
(see WORDS.md beside this file).
    python3 core/data/convert_words.py /usr/share/dict/american-english
"""
import hashlib
import os
import re
import sys

# Lowercase ASCII only: no capitals (names), no apostrophes ("'s" forms), no accents, so the
# character vocabulary is '.' plus a-z. Two to eight letters keeps about 35.7k words and a short
# context window covers a whole word.
WORD = re.compile(r"[a-z]{2,8}")


def main(source):
    with open(source, encoding="utf-8") as f:
        words = [line.rstrip("\n") for line in f]
    kept = [w for w in words if WORD.fullmatch(w)]
    assert len(set(kept)) == len(kept), "the list repeats a word"
    text = "".join(w + "\n" for w in kept).encode("ascii")
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "words.txt")
    with open(out, "wb") as f:
        f.write(text)
    print(f"{out}: {len(kept)} words of {len(words)}, {len(text)} bytes, sha256 {hashlib.sha256(text).hexdigest()}")


if __name__ == "__main__":
    main(sys.argv[1])
