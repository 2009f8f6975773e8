import torch.nn as nn

model = nn.Sequential(nn.Linear(2, 2), nn.Dropout(0.5), nn.BatchNorm1d(2))
print(model.training, model[1].training)  # expect: True True
r = model.eval()
print(r is model, model.training, model[2].training)  # expect: True False False
model.train()
print(model[1].training)  # expect: True
model.train(False)
print([m.training for m in model.modules()])  # expect: [False, False, False, False]
model[0].train()
print(model.training, model[0].training)  # expect: False True
