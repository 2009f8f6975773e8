class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    def describe(self):
        return f"{self.name} with {self.sides} sides"


class Square(Shape):
    sides = 4

    def __init__(self, size):
        super().__init__("square")
        self.size = size

    def area(self):
        return self.size ** 2


s = Square(3)
print(s.describe(), s.area())  # expect: square with 4 sides 9
print(isinstance(s, Shape), isinstance(Shape("x"), Square))  # expect: True False
print(type(s).__name__, Shape("tri").describe())  # expect: Square tri with 0 sides
