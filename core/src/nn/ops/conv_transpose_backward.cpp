// Backward of transposed convolution: its input gradient is the forward convolution of dy
// (im2col of dy, one GEMM per group), its weight gradient X_g . cols(dy)^T.
#include <algorithm>
#include <vector>

#include "vision_backward.hpp"

namespace initlab::ops::detail {

namespace {

class ConvTranspose2dBackward : public autograd::Node {
 public:
  ConvTranspose2dBackward(const kernels::Conv2dGeometry& g, int64_t groups, int64_t batch)
      : g_(g), groups_(groups), batch_(batch) {}
  const char* name() const override { return "ConvolutionBackward"; }

  std::vector<Tensor> backward(const Tensor& gy) override {
    const kernels::Conv2dGeometry& g = g_;
    const Tensor x = inputs[0].contiguous(), w = inputs[1].contiguous(), dy = gy.contiguous();
    const int64_t N = batch_, G = groups_, OCg = g.channels, OC = OCg * G;
    const int64_t H = g.out_h, Wd = g.out_w, P = H * Wd, NP = N * P, OP = g.height * g.width;
    const int64_t C = w.size(0), Cg = C / G, K = OCg * g.kernel_h * g.kernel_w;
    std::vector<Tensor> grads(3);
    if (needs(0)) grads[0] = Tensor::uninitialized(inputs[0].shape());
    if (needs(1)) grads[1] = Tensor::uninitialized(w.shape());
    thread_local std::vector<float> cols, xg, dxg;
    cols.resize(static_cast<std::size_t>(K * NP));
    for (int64_t gi = 0; gi < G; ++gi) {
      // cols (K x NP): the im2col of this group's dy channels, images side by side.
      for (int64_t n = 0; n < N; ++n)
        kernels::im2col_strided(g, dy.data() + (n * OC + gi * OCg) * OP, cols.data() + n * P, NP);
      if (needs(0)) {
        // dX_g (Cg x NP) = W_g (Cg x K) . cols
        dxg.resize(static_cast<std::size_t>(Cg * NP));
        kernels::gemm(Cg, NP, K, w.data() + gi * Cg * K, K, cols.data(), NP, false, dxg.data(), NP);
        for (int64_t c = 0; c < Cg; ++c)
          for (int64_t n = 0; n < N; ++n)
            std::copy_n(dxg.data() + c * NP + n * P, P, grads[0].data() + (n * C + gi * Cg + c) * P);
      }
      if (needs(1)) {
        // dW_g (Cg x K) = X_g (Cg x NP) . cols^T
        xg.resize(static_cast<std::size_t>(Cg * NP));
        for (int64_t c = 0; c < Cg; ++c)
          for (int64_t n = 0; n < N; ++n)
            std::copy_n(x.data() + (n * C + gi * Cg + c) * P, P, xg.data() + c * NP + n * P);
        kernels::gemm(Cg, K, NP, xg.data(), NP, cols.data(), NP, /*b_trans=*/true, grads[1].data() + gi * Cg * K, K);
      }
    }
    if (needs(2)) {
      grads[2] = Tensor(Shape{OC});
      float* db = grads[2].data();
      for (int64_t n = 0; n < N; ++n)
        for (int64_t oc = 0; oc < OC; ++oc) {
          const float* row = dy.data() + (n * OC + oc) * OP;
          double s = 0;
          for (int64_t i = 0; i < OP; ++i) s += static_cast<double>(row[i]);
          db[oc] += static_cast<float>(s);
        }
    }
    return grads;
  }

 private:
  kernels::Conv2dGeometry g_;
  int64_t groups_, batch_;
};

}  // namespace

Tensor record_conv_transpose2d(const Tensor& y, const Tensor& x, const Tensor& w, const Tensor& b,
                               const kernels::Conv2dGeometry& g, int64_t groups, int64_t batch) {
  return autograd::record(y, std::make_shared<ConvTranspose2dBackward>(g, groups, batch), {x, w, b});
}

}  // namespace initlab::ops::detail
