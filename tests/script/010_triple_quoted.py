"""A module docstring is just an expression statement."""
text = """first
second 'quoted' "double"
third"""
print(text)
# expect: first
# expect: second 'quoted' "double"
# expect: third
def f():
    '''Function docstring.'''
    return '''x''' + """y"""
print(f(), len(text.split("\n")))  # expect: xy 3
