// Backward of linear and convolution: GEMMs on the gradient (dX = dY W, dW = dY^T X, db =
// the sum of dY over rows), convolution through im2col / col2im per group.
#include <algorithm>
#include <vector>

#include "backward.hpp"

namespace initlab::ops::detail {

namespace {

// out (cols x rows) = a (rows x cols)^T.
void transpose(const float* a, int64_t rows, int64_t cols, float* out) {
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c) out[c * rows + r] = a[r * cols + c];
}

class LinearBackward : public autograd::Node {
 public:
  const char* name() const override { return "LinearBackward"; }
  // PyTorch's addmm/mm save the input for the weight's gradient and the weight for the
  // input's (never the bias).
  void save_for_backward(const Tensor&) override {
    if (needs(1)) save_input(0);
    if (needs(0)) save_input(1);
  }
  std::vector<Tensor> backward(const Tensor& gy) override {
    const Tensor x = inputs[0].contiguous(), w = inputs[1].contiguous();
    const Tensor g = gy.contiguous();
    const int64_t out = w.size(0), in = w.size(1);
    const int64_t m = out == 0 ? 0 : g.numel() / out;
    std::vector<Tensor> grads(3);
    if (needs(0)) {  // dX (m x in) = dY (m x out) . W (out x in)
      grads[0] = Tensor::uninitialized(x.shape());
      kernels::gemm(m, in, out, g.data(), out, w.data(), in, false, grads[0].data(), in);
    }
    if (needs(1)) {  // dW (out x in) = dY^T (out x m) . X (m x in)
      thread_local std::vector<float> gt;
      gt.resize(static_cast<std::size_t>(out * m));
      transpose(g.data(), m, out, gt.data());
      grads[1] = Tensor::uninitialized(w.shape());
      kernels::gemm(out, in, m, gt.data(), m, x.data(), in, false, grads[1].data(), in);
    }
    if (needs(2)) {  // db = sum of dY's rows
      grads[2] = Tensor(Shape{out});
      float* db = grads[2].data();
      for (int64_t r = 0; r < m; ++r) kernels::binary(kernels::BinaryOp::add, out, db, g.data() + r * out, db);
    }
    return grads;
  }
};

class Conv2dBackward : public autograd::Node {
 public:
  Conv2dBackward(const kernels::Conv2dGeometry& g, int64_t groups) : g_(g), groups_(groups) {}
  const char* name() const override { return "ConvolutionBackward"; }
  void save_for_backward(const Tensor&) override {  // PyTorch's: input and weight
    save_input(0);
    save_input(1);
  }

  std::vector<Tensor> backward(const Tensor& gy) override {
    const kernels::Conv2dGeometry& g = g_;
    const Tensor& x_in = inputs[0];
    const Tensor x = x_in.contiguous();
    const Tensor w = inputs[1].contiguous();
    const Tensor dy = gy.contiguous();
    const int64_t N = x_in.dim() == 3 ? 1 : x.size(0);
    const int64_t G = groups_, Cg = g.channels, C = Cg * G, H = g.height, Wd = g.width;
    const int64_t OC = w.size(0), OCg = OC / G;
    const int64_t P = g.out_h * g.out_w, NP = N * P, K = Cg * g.kernel_h * g.kernel_w;
    std::vector<Tensor> grads(3);
    if (needs(0)) grads[0] = Tensor(x_in.shape());
    if (needs(1)) grads[1] = Tensor::uninitialized(w.shape());
    // Scratch reused across calls (as the forward's): fresh multi-megabyte buffers cost more
    // in page faults and zeroing than the GEMMs themselves.
    thread_local std::vector<float> dyg, cols, wt;
    dyg.resize(static_cast<std::size_t>(OCg * NP));
    for (int64_t gi = 0; gi < G; ++gi) {
      // dY of this group's channels as one (OCg x N*P) matrix, images side by side.
      for (int64_t oc = 0; oc < OCg; ++oc)
        for (int64_t n = 0; n < N; ++n)
          std::copy_n(dy.data() + (n * OC + gi * OCg + oc) * P, P, dyg.data() + oc * NP + n * P);
      if (needs(1)) {
        // dW_g (OCg x K) = dY_g (OCg x NP) . cols^T, cols (K x NP) the batch's im2col.
        cols.resize(static_cast<std::size_t>(K * NP));
        for (int64_t n = 0; n < N; ++n)
          kernels::im2col_strided(g, x.data() + n * C * H * Wd + gi * Cg * H * Wd, cols.data() + n * P, NP);
        kernels::gemm(OCg, K, NP, dyg.data(), NP, cols.data(), NP, /*b_trans=*/true,
                      grads[1].data() + gi * OCg * K, K);
      }
      if (needs(0)) {
        // dcols (K x NP) = W_g^T (K x OCg) . dY_g (OCg x NP), then col2im into each image.
        wt.resize(static_cast<std::size_t>(K * OCg));
        transpose(w.data() + gi * OCg * K, OCg, K, wt.data());
        cols.resize(static_cast<std::size_t>(K * NP));
        kernels::gemm(K, NP, OCg, wt.data(), OCg, dyg.data(), NP, false, cols.data(), NP);
        for (int64_t n = 0; n < N; ++n)
          kernels::col2im_strided(g, cols.data() + n * P, NP, grads[0].data() + n * C * H * Wd + gi * Cg * H * Wd);
      }
    }
    if (needs(2)) {
      grads[2] = Tensor(Shape{OC});
      float* db = grads[2].data();
      for (int64_t n = 0; n < N; ++n)
        for (int64_t oc = 0; oc < OC; ++oc) {
          const float* row = dy.data() + (n * OC + oc) * P;
          double s = 0;
          for (int64_t p = 0; p < P; ++p) s += static_cast<double>(row[p]);
          db[oc] += static_cast<float>(s);
        }
    }
    return grads;
  }

 private:
  kernels::Conv2dGeometry g_;
  int64_t groups_;
};

}  // namespace

Tensor record_linear(const Tensor& y, const Tensor& x, const Tensor& w, const Tensor& b) {
  return autograd::record(y, std::make_shared<LinearBackward>(), {x, w, b});
}

Tensor record_conv2d(const Tensor& y, const Tensor& x, const Tensor& w, const Tensor& b,
                     const kernels::Conv2dGeometry& g, int64_t groups) {
  return autograd::record(y, std::make_shared<Conv2dBackward>(g, groups), {x, w, b});
}

}  // namespace initlab::ops::detail
