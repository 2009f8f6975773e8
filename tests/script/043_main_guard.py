import torch.nn as nn

print(__name__)  # expect: __main__


def main():
    model = nn.Linear(3, 1)
    print("params:", sum([p.numel() for p in model.parameters()]))


if __name__ == '__main__':
    main()  # expect: params: 4
else:
    print("imported")
