// The presets as plain data (no imports), so build.mjs can check them in Node: each is a file
// of examples/models plus the variants a comparison needs, a variant being the file with one
// literal edit [from, to]. The build fails when an edit does not match exactly once.
export const PRESETS = [
  {
    id: 'tutorial_cnn',
    title: 'Tutorial CNN with initialize_weights',
    file: 'tutorial_cnn.py',
    variants: [{ name: 'initialize_weights' }],
  },
  {
    id: 'deep_tanh_mlp',
    title: 'Deep tanh MLP: default vs Xavier',
    file: 'deep_tanh_mlp.py',
    variants: [
      { name: 'xavier_uniform_' },
      { name: 'PyTorch default', replace: ['model.apply(init_xavier)', '# model.apply(init_xavier)  # PyTorch default init'] },
    ],
  },
  {
    id: 'deep_relu_mlp',
    title: 'Deep ReLU MLP: normal_(0, 1) vs Kaiming',
    file: 'deep_relu_mlp.py',
    variants: [
      { name: 'kaiming_normal_' },
      { name: 'normal_(0, 1)', replace: ['model.apply(init_kaiming)', 'model.apply(init_normal)'] },
    ],
  },
  {
    id: 'symmetry',
    title: 'Symmetry: constant 0.2 vs zeros vs default',
    file: 'symmetry.py',
    variants: [
      { name: 'constant 0.2' },
      { name: 'zeros', replace: ['            layer.weight.fill_(0.2)', '            layer.weight.zero_()'] },
      { name: 'PyTorch default', replace: ['            layer.weight.fill_(0.2)', '            pass  # PyTorch default init'] },
    ],
  },
  {
    id: 'vgg_style',
    title: 'VGG-style block, torchvision init',
    file: 'vgg_style.py',
    variants: [{ name: 'kaiming_normal_ fan_out' }],
  },
  {
    id: 'resnet_blocks',
    title: 'ResNet blocks: zero-init residual vs not',
    file: 'resnet_blocks.py',
    variants: [
      { name: 'zero_init_residual' },
      { name: 'plain init', replace: ['model = ResNet()', 'model = ResNet(zero_init_residual=False)'] },
    ],
  },
];
