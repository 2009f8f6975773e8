class Config:
    def __init__(self):
        self.lr = 0.01


c = Config()
print(c.lr)  # expect: 0.01
print(c.momentum)
# error: line 8: AttributeError: 'Config' object has no attribute 'momentum'
