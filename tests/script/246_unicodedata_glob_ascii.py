# unicodedata (normalize NFC/NFD/NFKC/NFKD, category, combining, decomposition, digits) over Latin,
# combining marks and Hangul; ascii(); glob over the empty file system.
import unicodedata
all_letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,;'"
def unicodeToAscii(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn' and c in all_letters)
print(unicodeToAscii('Ślusàrski'), unicodeToAscii("Ça va? Très bien, élève Ōtsuka"), unicodeToAscii("Niño"))
for s in ["é", "Ślusàrski", "ệ", "ﬁ" if False else "½", "Å", "Ǆ", "ḱ", "한국어", "x\u0301\u0323", "a\u0323\u0302", "²", "ÿ"]:
    print([ascii(unicodedata.normalize(f, s)) for f in ("NFC", "NFD", "NFKC", "NFKD")])
print([unicodedata.category(c) for c in "aA1 .é\u0301_-$€"[:-1]], unicodedata.combining("\u0301"), unicodedata.combining("a"))
print(unicodedata.decomposition("é"), unicodedata.decomposition("½"), unicodedata.decomposition("a"), unicodedata.decimal("7"), unicodedata.digit("3", None), unicodedata.numeric("5"))
print(unicodedata.is_normalized("NFC", "é"), unicodedata.is_normalized("NFD", "é"), unicodedata.unidata_version)
try:
    unicodedata.normalize("XX", "a")
except ValueError as e:
    print("ValueError", e)
try:
    unicodedata.decimal("x")
except ValueError as e:
    print("ValueError", e)
import glob
print(glob.glob('data/*.txt'), glob.glob('names/French.txt'), list(glob.iglob('no_such_dir/**/*.py', recursive=True)), glob.escape('a*b?[c].txt'))
print(ascii('héllo wörld ✓ 😀'), ascii(['é', 1]), ascii('plain'))

# CPython 3.11 printed:
# expect: Slusarski Ca va Tres bien, eleve Otsuka Nino
# expect: ["'\\xe9'", "'e\\u0301'", "'\\xe9'", "'e\\u0301'"]
# expect: ["'\\u015alus\\xe0rski'", "'S\\u0301lusa\\u0300rski'", "'\\u015alus\\xe0rski'", "'S\\u0301lusa\\u0300rski'"]
# expect: ["'\\u1ec7'", "'e\\u0323\\u0302'", "'\\u1ec7'", "'e\\u0323\\u0302'"]
# expect: ["'\\xbd'", "'\\xbd'", "'1\\u20442'", "'1\\u20442'"]
# expect: ["'\\xc5'", "'A\\u030a'", "'\\xc5'", "'A\\u030a'"]
# expect: ["'\\u01c4'", "'\\u01c4'", "'D\\u017d'", "'DZ\\u030c'"]
# expect: ["'\\u1e31'", "'k\\u0301'", "'\\u1e31'", "'k\\u0301'"]
# expect: ["'\\ud55c\\uad6d\\uc5b4'", "'\\u1112\\u1161\\u11ab\\u1100\\u116e\\u11a8\\u110b\\u1165'", "'\\ud55c\\uad6d\\uc5b4'", "'\\u1112\\u1161\\u11ab\\u1100\\u116e\\u11a8\\u110b\\u1165'"]
# expect: ["'x\\u0323\\u0301'", "'x\\u0323\\u0301'", "'x\\u0323\\u0301'", "'x\\u0323\\u0301'"]
# expect: ["'\\u1ead'", "'a\\u0323\\u0302'", "'\\u1ead'", "'a\\u0323\\u0302'"]
# expect: ["'\\xb2'", "'\\xb2'", "'2'", "'2'"]
# expect: ["'\\xff'", "'y\\u0308'", "'\\xff'", "'y\\u0308'"]
# expect: ['Ll', 'Lu', 'Nd', 'Zs', 'Po', 'Ll', 'Mn', 'Pc', 'Pd', 'Sc'] 230 0
# expect: 0065 0301 <fraction> 0031 2044 0032  7 3 5.0
# expect: True False 14.0.0
# expect: ValueError invalid normalization form
# expect: ValueError not a decimal
# expect: [] [] [] a[*]b[?][[]c].txt
# expect: 'h\xe9llo w\xf6rld \u2713 \U0001f600' ['\xe9', 1] 'plain'
