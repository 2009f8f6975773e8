import torch
import torch.nn as nn
import torch.nn.functional as F

# cross_entropy on a small MLP: the loss, its grad_fn, the gradients, and the loss modules.
torch.manual_seed(3)


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 8)
        self.fc2 = nn.Linear(8, 3)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


model = MLP()
x = torch.randn(6, 5)
target = torch.tensor([0, 2, 1, 1, 0, 2])
logits = model(x)
print(logits.grad_fn is not None, logits.requires_grad, logits.is_leaf)  # expect: True True False
loss = F.cross_entropy(logits, target)
print(loss)  # expect: tensor(1.0526, grad_fn=<NllLossBackward0>)
loss.backward()
print(model.fc2.bias.grad)  # expect: tensor([-0.0536,  0.0310,  0.0227])
print(model.fc1.weight.grad[0])  # expect: tensor([ 0.0051, -0.0206, -0.0139, -0.0054, -0.0401])
print(F.nll_loss(F.log_softmax(logits, dim=1), target))  # expect: tensor(1.0526, grad_fn=<NllLossBackward0>)
print(F.cross_entropy(logits, target, reduction='sum'))  # expect: tensor(6.3156, grad_fn=<NllLossBackward0>)
print(F.cross_entropy(logits, target, reduction='none'))
# expect: tensor([0.9701, 0.9276, 1.0381, 1.0358, 1.3373, 1.0066],
# expect:        grad_fn=<NllLossBackward0>)
print(nn.CrossEntropyLoss()(logits, target).item() == loss.item())  # expect: True
print(nn.CrossEntropyLoss(), nn.NLLLoss(), nn.MSELoss(reduction='sum'))  # expect: CrossEntropyLoss() NLLLoss() MSELoss()
print(isinstance(nn.MSELoss(), nn.MSELoss), isinstance(nn.MSELoss(), nn.NLLLoss))  # expect: True False
print(nn.NLLLoss(reduction='sum')(F.log_softmax(logits, dim=1), target))  # expect: tensor(6.3156, grad_fn=<NllLossBackward0>)
