# textwrap: wrap and fill (hyphens, em-dashes, long words, indents, max_lines), shorten, dedent, indent.
import textwrap
text = ("The quick brown fox jumps over the lazy dog. A well-known state-of-the-art model -- with "
        "mixed-precision training and a very-long-hyphenated-identifier_like_this -- reaches 99.1% accuracy.")
for w in (10, 20, 33, 40, 70):
    print(textwrap.wrap(text, w))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(text, 25, break_on_hyphens=False))
print(textwrap.wrap("Supercalifragilisticexpialidocious is long", 10))
print(textwrap.wrap("Supercalifragilisticexpialidocious is long", 10, break_long_words=False))
print(textwrap.wrap("a-b-c-d-e-f-g-hello-world-and-more", 7))
print(textwrap.wrap("  leading and\ttabs\nnewlines  ", 12), textwrap.wrap("", 5), textwrap.wrap("   ", 5))
print(textwrap.wrap("keep   spaces  inside", 12, drop_whitespace=False))
print(textwrap.shorten("Hello  world!   This is long", 12), textwrap.shorten("Hello world", 11), textwrap.shorten("Hello  world!", 10, placeholder="..."))
print(textwrap.wrap(text, 30, max_lines=2), textwrap.wrap(text, 30, max_lines=3, placeholder=" ~"))
print(repr(textwrap.dedent("""
    def f():
        return 1
      
    x = 2
""")))
print(repr(textwrap.dedent("\tA\n\t\tB\n")), repr(textwrap.dedent("  a\n b\n")), repr(textwrap.dedent("no indent\n  x")))
print(repr(textwrap.indent("a\n\nb\n", "> ")), repr(textwrap.indent("a\n\nb", "+", lambda line: True)))
print(textwrap.wrap("Hello there.  How are you? fine.", 15, fix_sentence_endings=True))
w = textwrap.TextWrapper(width=15, subsequent_indent="    ")
print(w.wrap("one two three four five six seven"), w.fill("alpha beta"))
try:
    textwrap.wrap("x", 0)
except ValueError as e:
    print("ValueError", e)

# CPython 3.11 printed:
# expect: ['The quick', 'brown fox', 'jumps over', 'the lazy', 'dog. A', 'well-known', 'state-of-', 'the-art', 'model --', 'with', 'mixed-', 'precision', 'training', 'and a', 'very-long-', 'hyphenated', '-identifie', 'r_like_thi', 's --', 'reaches', '99.1%', 'accuracy.']
# expect: ['The quick brown fox', 'jumps over the lazy', 'dog. A well-known', 'state-of-the-art', 'model -- with mixed-', 'precision training', 'and a very-long-', 'hyphenated-', 'identifier_like_this', '-- reaches 99.1%', 'accuracy.']
# expect: ['The quick brown fox jumps over', 'the lazy dog. A well-known state-', 'of-the-art model -- with mixed-', 'precision training and a very-', 'long-hyphenated-', 'identifier_like_this -- reaches', '99.1% accuracy.']
# expect: ['The quick brown fox jumps over the lazy', 'dog. A well-known state-of-the-art model', '-- with mixed-precision training and a', 'very-long-hyphenated-', 'identifier_like_this -- reaches 99.1%', 'accuracy.']
# expect: ['The quick brown fox jumps over the lazy dog. A well-known state-of-', 'the-art model -- with mixed-precision training and a very-long-', 'hyphenated-identifier_like_this -- reaches 99.1% accuracy.']
# expect: * The quick brown fox jumps
# expect:   over the lazy dog. A well-
# expect:   known state-of-the-art model
# expect:   -- with mixed-precision
# expect:   training and a very-long-
# expect:   hyphenated-
# expect:   identifier_like_this --
# expect:   reaches 99.1% accuracy.
# expect: ['The quick brown fox jumps', 'over the lazy dog. A', 'well-known', 'state-of-the-art model --', 'with mixed-precision', 'training and a very-long-', 'hyphenated-identifier_lik', 'e_this -- reaches 99.1%', 'accuracy.']
# expect: ['Supercalif', 'ragilistic', 'expialidoc', 'ious is', 'long']
# expect: ['Supercalifragilisticexpialidocious', 'is long']
# expect: ['a-b-c-', 'd-e-f-', 'g-', 'hello-', 'world-', 'and-', 'more']
# expect: ['  leading', 'and   tabs', 'newlines'] [] []
# expect: ['keep   ', 'spaces  ', 'inside']
# expect: Hello [...] Hello world Hello...
# expect: ['The quick brown fox jumps over', 'the lazy dog. A well- [...]'] ['The quick brown fox jumps over', 'the lazy dog. A well-known', 'state-of-the-art model -- ~']
# expect: '\ndef f():\n    return 1\n\nx = 2\n'
# expect: 'A\n\tB\n' ' a\nb\n' 'no indent\n  x'
# expect: '> a\n\n> b\n' '+a\n+\n+b'
# expect: ['Hello there.', 'How are you?', 'fine.']
# expect: ['one two three', '    four five', '    six seven'] alpha beta
# expect: ValueError invalid width 0 (must be > 0)
