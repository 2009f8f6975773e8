# string: the constants, capwords and Template.
whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or " ").join(word.capitalize() for word in s.split(sep))


class Template:
    delimiter = "$"

    def __init__(self, template):
        self.template = template

    def _substitute(self, mapping, safe):
        out = ""
        t = self.template
        i = 0
        while i < len(t):
            c = t[i]
            if c != "$":
                out += c
                i += 1
                continue
            if t[i + 1:i + 2] == "$":
                out += "$"
                i += 2
                continue
            braced = t[i + 1:i + 2] == "{"
            j = i + 2 if braced else i + 1
            k = j
            while k < len(t) and (t[k].isalnum() or t[k] == "_"):
                k += 1
            name = t[j:k]
            end = k + 1 if braced else k
            if not name or (braced and t[k:k + 1] != "}"):
                if safe:
                    out += c
                    i += 1
                    continue
                raise ValueError(f"Invalid placeholder in string: line 1, col {i + 1}")
            if name in mapping:
                out += str(mapping[name])
            elif safe:
                out += t[i:end]
            else:
                raise KeyError(name)
            i = end
        return out

    def substitute(self, mapping=None, **kws):
        return self._substitute({**(mapping or {}), **kws}, False)

    def safe_substitute(self, mapping=None, **kws):
        return self._substitute({**(mapping or {}), **kws}, True)
