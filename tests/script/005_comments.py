# a comment on the first line
x = 1  # trailing comment
# y = 2  (commented out)

    # an indented comment line is ignored
s = "# not a comment"
print(x, s)  # expect: 1 # not a comment
def f():
    # only a comment before the body
    return 7  # and after
print(f())  # expect: 7
