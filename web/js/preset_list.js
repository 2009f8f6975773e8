// The presets as plain data (no imports), so build.mjs can check them in Node: each is a file
// of examples/models plus the variants a comparison needs, a variant being the file with one
// literal edit [from, to]. The build fails when an edit does not match exactly once.
// A preset with `train` opens the training panel with those settings (state.js's
// defaultTraining() has the rest): its variants train side by side on the same data.
export const PRESETS = [
  {
    id: 'tutorial_cnn',
    title: 'Tutorial CNN with initialize_weights',
    file: 'tutorial_cnn.py',
    variants: [{ name: 'initialize_weights' }],
  },
  {
    id: 'train_tutorial_cnn',
    title: 'Training: tutorial CNN on digits, Kaiming vs default vs zeros',
    file: 'tutorial_cnn.py',
    variants: [
      { name: 'kaiming_uniform_' },
      { name: 'PyTorch default', replace: ['model.apply(initialize_weights)', '# model.apply(initialize_weights)  # PyTorch default init'] },
      {
        name: 'all zeros',
        replace: ['model.apply(initialize_weights)', 'model.apply(initialize_weights)\nfor m in model.modules():  # every conv and linear weight zero\n    if isinstance(m, (nn.Conv2d, nn.Linear)):\n        nn.init.zeros_(m.weight)'],
      },
    ],
    train: { steps: 300, optimizer: 'sgd', lr: 0.01 },
  },
  {
    id: 'train_relu_mlp',
    title: 'Training: deep ReLU MLP on digits, Kaiming vs N(0, 0.01) vs N(0, 1)',
    file: 'digits_relu_mlp.py',
    variants: [
      { name: 'kaiming_normal_' },
      { name: 'normal_(0, 0.01)', replace: ["nn.init.kaiming_normal_(m.weight, nonlinearity='relu')", 'nn.init.normal_(m.weight, 0, 0.01)'] },
      { name: 'normal_(0, 1)', replace: ["nn.init.kaiming_normal_(m.weight, nonlinearity='relu')", 'nn.init.normal_(m.weight, 0, 1)'] },
    ],
    train: { steps: 300, optimizer: 'sgd', lr: 0.01 },
  },
  {
    id: 'train_tanh_mlp',
    title: 'Training: deep tanh MLP on digits, Xavier vs default vs N(0, 1)',
    file: 'digits_tanh_mlp.py',
    variants: [
      { name: 'xavier_uniform_' },
      { name: 'PyTorch default', replace: ['model.apply(initialize_weights)', '# model.apply(initialize_weights)  # PyTorch default init'] },
      { name: 'normal_(0, 1)', replace: ["nn.init.xavier_uniform_(m.weight, gain=nn.init.calculate_gain('tanh'))", 'nn.init.normal_(m.weight, 0, 1)'] },
    ],
    train: { steps: 300, optimizer: 'sgd', lr: 0.01 },
  },
  {
    id: 'train_residual_mlp',
    title: 'Training: 50-block residual MLP without normalization, Fixup vs ReZero vs default',
    file: 'residual_mlp.py',
    variants: [
      { name: 'Fixup' },
      { name: 'ReZero', replace: ["model = ResidualMLP(scheme='fixup')", "model = ResidualMLP(scheme='rezero')"] },
      { name: 'PyTorch default', replace: ["model = ResidualMLP(scheme='fixup')", "model = ResidualMLP(scheme='default')"] },
    ],
    train: { steps: 300, optimizer: 'sgd', lr: 0.05 },
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
    id: 'isometry',
    title: 'Dynamical isometry: deep tanh at the edge of chaos, orthogonal vs Gaussian',
    file: 'deep_tanh_mlp.py',
    variants: [
      { name: 'orthogonal_ (σ_w² = 1)', replace: ["nn.init.xavier_uniform_(m.weight, gain=nn.init.calculate_gain('tanh'))", 'nn.init.orthogonal_(m.weight)'] },
      { name: 'normal_(0, 1/16) (σ_w² = 1)', replace: ["nn.init.xavier_uniform_(m.weight, gain=nn.init.calculate_gain('tanh'))", 'nn.init.normal_(m.weight, 0, 1 / 16)'] },
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
  {
    id: 'dcgan',
    title: "DCGAN generator: weights_init's N(0, 0.02) vs PyTorch's default",
    file: 'dcgan.py',
    variants: [
      { name: 'weights_init (0.02)' },
      { name: "PyTorch's default init", replace: ['model.apply(weights_init)', "pass  # PyTorch's default init"] },
    ],
  },
  {
    id: 'small_unet',
    title: 'Small U-Net: bilinear vs transposed-convolution upsampling',
    file: 'small_unet.py',
    variants: [
      { name: 'bilinear Upsample' },
      { name: 'ConvTranspose2d', replace: ['model = UNet(bilinear=True)', 'model = UNet(bilinear=False)'] },
    ],
  },
  {
    id: 'mobilenetv2_blocks',
    title: 'MobileNetV2 blocks: ReLU6, depthwise convs, zero-init last BN',
    file: 'mobilenetv2_blocks.py',
    variants: [
      { name: 'torchvision init' },
      { name: 'zero-init last BN', replace: ['MobileNetV2Blocks(zero_init_last=False)', 'MobileNetV2Blocks(zero_init_last=True)'] },
    ],
  },
  {
    id: 'train_char_lstm',
    title: 'Training: character LSTM on words, orthogonal recurrent weights + forget bias 1 vs default',
    file: 'char_lstm.py',
    variants: [
      { name: 'orthogonal, forget bias 1' },
      { name: 'PyTorch default', replace: ['initialize_lstm(model.lstm)\n', '# initialize_lstm(model.lstm)  # PyTorch default init\n'] },
    ],
    train: { steps: 200, optimizer: 'adam', lr: 0.003, batch: 32, dataset: 'words' },
  },
  {
    id: 'train_gpt_blocks',
    title: "Training: small GPT on words, GPT-2's scaled residual init vs plain N(0, 0.02) vs default",
    file: 'gpt_blocks.py',
    variants: [
      { name: 'GPT-2 scaled residuals' },
      { name: 'normal_(0, 0.02)', replace: ['init_gpt2(model)\n', 'init_gpt2(model, scaled=False)\n'] },
      { name: 'PyTorch default', replace: ['init_gpt2(model)\n', "# init_gpt2(model)  # PyTorch's default init\n"] },
    ],
    train: { steps: 200, optimizer: 'adam', lr: 0.003, batch: 32, dataset: 'words' },
  },
];
