def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"


print(grade(95), grade(85), grade(70), grade(10))  # expect: A B C F
x = []
if x:
    print("non-empty")
else:
    print("empty")  # expect: empty
if 0: print("zero")
elif "": print("empty str")
else: print("else branch")  # expect: else branch
