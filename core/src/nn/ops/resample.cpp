// Separable resampling over the last one or two dims, and what is built on it: F.pad's
// constant, reflect and replicate modes and F.interpolate's nearest, linear, bilinear and
// bicubic kernels, with the source coordinates and weights PyTorch 1.13's CPU kernels compute
// (in float, as their opmath type is for float tensors).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "initlab/error.hpp"
#include "initlab/nn/vision_ops.hpp"
#include "initlab/pyformat.hpp"
#include "vision_backward.hpp"

namespace initlab::ops {

namespace {

std::string ints_text(const std::vector<int64_t>& v) {
  std::string s = "[";
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
  return s + "]";
}

AxisTaps identity_axis() {
  AxisTaps t;
  t.index = {0};
  t.weight = {1.0f};
  return t;
}

}  // namespace

Tensor resample(const Tensor& x_in, int spatial, const AxisTaps& rows_in, const AxisTaps& cols,
                float fill, const char* grad_name) {
  const AxisTaps rows = spatial == 1 ? identity_axis() : rows_in;
  const Tensor x = x_in.contiguous();
  const int64_t H = spatial == 1 ? 1 : x.size(-2), W = x.size(-1);
  const int64_t OH = rows.size(), OW = cols.size();
  const int64_t planes = H * W == 0 ? 0 : x.numel() / (H * W);
  Shape shape = x.shape();
  if (spatial == 2) shape[shape.size() - 2] = OH;
  shape[shape.size() - 1] = OW;
  Tensor y = Tensor::uninitialized(shape);
  for (int64_t pl = 0; pl < planes; ++pl) {
    const float* in = x.data() + pl * H * W;
    float* out = y.data() + pl * OH * OW;
    for (int64_t oy = 0; oy < OH; ++oy) {
      for (int64_t ox = 0; ox < OW; ++ox) {
        float acc = 0.0f;
        bool outside = false;
        for (int64_t a = 0; a < rows.taps && !outside; ++a) {
          const int64_t iy = rows.index[static_cast<std::size_t>(oy * rows.taps + a)];
          if (iy < 0) {
            outside = true;
            break;
          }
          float inner = 0.0f;
          for (int64_t b = 0; b < cols.taps; ++b) {
            const int64_t ix = cols.index[static_cast<std::size_t>(ox * cols.taps + b)];
            if (ix < 0) {
              outside = true;
              break;
            }
            const float v = in[iy * W + ix] * cols.weight[static_cast<std::size_t>(ox * cols.taps + b)];
            inner = b == 0 ? v : inner + v;
          }
          const float v = inner * rows.weight[static_cast<std::size_t>(oy * rows.taps + a)];
          acc = a == 0 ? v : acc + v;
        }
        out[oy * OW + ox] = outside ? fill : acc;
      }
    }
  }
  if (autograd::should_record({&x_in})) return detail::record_resample(y, x_in, spatial, rows, cols, grad_name);
  return y;
}

Tensor pad(const Tensor& x, const std::vector<int64_t>& p, const std::string& mode, double value) {
  if (p.size() % 2 != 0) raise(ErrorKind::RuntimeError, "Padding length must be divisible by 2");
  const auto dims = static_cast<int64_t>(p.size() / 2);
  if (dims > x.dim()) {
    raise(ErrorKind::RuntimeError, "Padding length too large");
  }
  if (mode != "constant" && mode != "reflect" && mode != "replicate" && mode != "circular") {
    raise(ErrorKind::NotImplementedError, "Unrecognised padding mode " + mode);
  }
  if (mode == "circular") raise(ErrorKind::NotImplementedError, "not supported in initlab: F.pad mode='circular'");
  if (dims > 2) raise(ErrorKind::NotImplementedError, "not supported in initlab: padding more than the last two dims");
  if (mode != "constant") {
    if (mode != "constant" && value != 0.0) {
      raise(ErrorKind::RuntimeError, "Padding mode \"" + mode +
                                         "\" doesn't take in value argument");
    }
    // reflection_pad1d/2d and replication_pad1d/2d take (N,) C, L or (N,) C, H, W.
    if (x.dim() != dims + 1 && x.dim() != dims + 2) {
      raise(ErrorKind::NotImplementedError, "Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now");
    }
  }
  const int spatial = dims == 0 ? 1 : static_cast<int>(dims);
  if (dims == 0) return x;
  // One axis: output index o reads input index o - before (reflected, clamped or outside).
  const auto axis = [&](int64_t size, int64_t before, int64_t after, int64_t dim) {
    if (mode == "reflect" && (before >= size || after >= size)) {
      raise(ErrorKind::RuntimeError, "Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (" +
                                         std::to_string(before) + ", " + std::to_string(after) + ") at dimension " +
                                         std::to_string(dim) + " of input " + std::to_string(x.dim()));
    }
    const int64_t out = size + before + after;
    if (out < 0 || (mode != "constant" && out <= 0)) {
      raise(ErrorKind::RuntimeError, "input tensor is too small for padding");
    }
    AxisTaps t;
    for (int64_t o = 0; o < out; ++o) {
      int64_t i = o - before;
      if (mode == "reflect") {
        if (i < 0) i = -i;
        if (i >= size) i = 2 * (size - 1) - i;
      } else if (mode == "replicate") {
        i = std::min(std::max<int64_t>(i, 0), size - 1);
      } else if (i < 0 || i >= size) {
        i = -1;
      }
      t.index.push_back(i);
      t.weight.push_back(1.0f);
    }
    return t;
  };
  const AxisTaps cols = axis(x.size(-1), p[0], p[1], x.dim() - 1);
  const AxisTaps rows = dims == 2 ? axis(x.size(-2), p[2], p[3], x.dim() - 2) : AxisTaps{};
  const char* name = "ConstantPadNdBackward";
  if (mode == "reflect") name = dims == 2 ? "ReflectionPad2DBackward" : "ReflectionPad1DBackward";
  if (mode == "replicate") name = dims == 2 ? "ReplicationPad2DBackward" : "ReplicationPad1DBackward";
  return resample(x, spatial, rows, cols, static_cast<float>(value), name);
}

namespace {

// PyTorch's compute_scales_value: 1/scale (in double, then float) when a scale was given.
float scales_value(const std::vector<double>& scales, std::size_t d, int64_t in, int64_t out) {
  if (d < scales.size() && scales[d] > 0) return static_cast<float>(1.0 / scales[d]);
  return static_cast<float>(in) / static_cast<float>(out);
}

// area_pixel_compute_scale
float pixel_scale(const std::vector<double>& scales, std::size_t d, int64_t in, int64_t out, bool align) {
  if (align) return out > 1 ? static_cast<float>(in - 1) / static_cast<float>(out - 1) : 0.0f;
  return scales_value(scales, d, in, out);
}

// area_pixel_compute_source_index
float source_index(float scale, int64_t o, bool align, bool cubic) {
  if (align) return scale * static_cast<float>(o);
  const float s = scale * (static_cast<float>(o) + 0.5f) - 0.5f;
  return (!cubic && s < 0.0f) ? 0.0f : s;
}

AxisTaps nearest_axis(int64_t in, int64_t out, const std::vector<double>& scales, std::size_t d) {
  AxisTaps t;
  const float scale = scales_value(scales, d, in, out);
  for (int64_t o = 0; o < out; ++o) {
    int64_t i;
    if (out == in) i = o;
    else if (out == 2 * in) i = o >> 1;
    else i = std::min(static_cast<int64_t>(std::floor(static_cast<float>(o) * scale)), in - 1);
    t.index.push_back(i);
    t.weight.push_back(1.0f);
  }
  return t;
}

AxisTaps linear_axis(int64_t in, int64_t out, const std::vector<double>& scales, std::size_t d, bool align) {
  AxisTaps t;
  t.taps = 2;
  const float scale = pixel_scale(scales, d, in, out, align);
  for (int64_t o = 0; o < out; ++o) {
    const float real = source_index(scale, o, align, false);
    const int64_t i0 = std::min(static_cast<int64_t>(std::floor(real)), in - 1);
    const float l1 = std::min(std::max(real - static_cast<float>(i0), 0.0f), 1.0f);
    const int64_t i1 = i0 + (i0 < in - 1 ? 1 : 0);
    t.index.push_back(i0);
    t.index.push_back(i1);
    t.weight.push_back(1.0f - l1);
    t.weight.push_back(l1);
  }
  return t;
}

// Keys' cubic convolution with A = -0.75, as PyTorch's get_cubic_upsample_coefficients.
float cubic1(float x, float A) { return ((A + 2) * x - (A + 3)) * x * x + 1; }
float cubic2(float x, float A) { return ((A * x - 5 * A) * x + 8 * A) * x - 4 * A; }

AxisTaps cubic_axis(int64_t in, int64_t out, const std::vector<double>& scales, std::size_t d, bool align) {
  AxisTaps t;
  t.taps = 4;
  const float scale = pixel_scale(scales, d, in, out, align);
  const float A = -0.75f;
  for (int64_t o = 0; o < out; ++o) {
    const float real = source_index(scale, o, align, true);
    // guard_index_and_lambda, then get_cubic_upsample_coefficients
    const int64_t i = std::min(static_cast<int64_t>(std::floor(real)), in - 1);
    const float x1 = std::min(std::max(real - static_cast<float>(i), 0.0f), 1.0f);
    const float x2 = 1.0f - x1;
    const float w[4] = {cubic2(x1 + 1.0f, A), cubic1(x1, A), cubic1(x2, A), cubic2(x2 + 1.0f, A)};
    for (int64_t j = 0; j < 4; ++j) {
      t.index.push_back(std::min(std::max<int64_t>(i - 1 + j, 0), in - 1));
      t.weight.push_back(w[j]);
    }
  }
  return t;
}

}  // namespace

Tensor interpolate(const Tensor& x, const InterpolateOptions& o) {
  const std::string& mode = o.mode;
  std::optional<bool> align = o.align_corners;
  if (mode == "nearest" || mode == "area" || mode == "nearest-exact") {
    if (align) {
      raise(ErrorKind::ValueError, "align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear");
    }
  } else if (!align) {
    align = false;
  }
  const int64_t dim = x.dim() - 2;
  std::vector<int64_t> spatial_in;
  for (int64_t i = 2; i < x.dim(); ++i) spatial_in.push_back(x.size(i));
  std::vector<int64_t> out;
  std::vector<double> scales;
  if (!o.size.empty() && !o.scale_factor.empty()) {
    raise(ErrorKind::ValueError, "only one of size or scale_factor should be defined");
  } else if (!o.size.empty()) {
    if (o.size_is_sequence) {
      if (static_cast<int64_t>(o.size.size()) != dim) {
        raise(ErrorKind::ValueError, "Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of " +
                                         ints_text(spatial_in) + " and output size of " + py::tuple(o.size) +
                                         ". Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.");
      }
      out = o.size;
    } else {
      out.assign(static_cast<std::size_t>(std::max<int64_t>(dim, 0)), o.size[0]);
    }
  } else if (!o.scale_factor.empty()) {
    if (o.scale_is_sequence) {
      if (static_cast<int64_t>(o.scale_factor.size()) != dim) {
        std::string sc = o.scale_text;
        if (sc.empty()) {
          sc = "(";
          for (std::size_t i = 0; i < o.scale_factor.size(); ++i) sc += (i ? ", " : "") + py::repr(o.scale_factor[i]);
          sc += o.scale_factor.size() == 1 ? ",)" : ")";
        }
        raise(ErrorKind::ValueError, "Input and scale_factor must have the same number of spatial dimensions, but got input with spatial dimensions of " +
                                         ints_text(spatial_in) + " and scale_factor of shape " + sc +
                                         ". Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.");
      }
      scales = o.scale_factor;
    } else {
      scales.assign(static_cast<std::size_t>(std::max<int64_t>(dim, 0)), o.scale_factor[0]);
    }
  } else {
    raise(ErrorKind::ValueError, "either size or scale_factor should be defined");
  }
  if (o.recompute_scale_factor.value_or(false) && !o.size.empty()) {
    raise(ErrorKind::ValueError, "recompute_scale_factor is not meaningful with an explicit size.");
  }
  if (!scales.empty()) {
    // Output sizes from the scales: floor(in * scale) when recomputing (the scales are then
    // dropped), else the kernel's static_cast<int64_t>(in * scale); both in double.
    const bool recompute = o.recompute_scale_factor.value_or(false);
    for (std::size_t i = 0; i < scales.size(); ++i) {
      const double v = static_cast<double>(spatial_in[i]) * scales[i];
      out.push_back(static_cast<int64_t>(recompute ? std::floor(v) : v));
    }
    if (recompute) scales.clear();
  }
  const bool ok_rank = (x.dim() == 3 && (mode == "nearest" || mode == "linear")) ||
                       (x.dim() == 4 && (mode == "nearest" || mode == "bilinear" || mode == "bicubic"));
  if (!ok_rank) {
    if (mode == "area" || mode == "nearest-exact" || mode == "trilinear" || x.dim() == 5) {
      if (mode == "area" || mode == "nearest-exact" || mode == "trilinear" || mode == "nearest" || mode == "linear" ||
          mode == "bilinear" || mode == "bicubic")
        raise(ErrorKind::NotImplementedError, "not supported in initlab: F.interpolate mode='" + mode + "' on a " +
                                                  std::to_string(x.dim()) + "-D input");
    }
    if (x.dim() == 3 && mode == "bilinear") raise(ErrorKind::NotImplementedError, "Got 3D input, but bilinear mode needs 4D input");
    if (x.dim() == 4 && mode == "linear") raise(ErrorKind::NotImplementedError, "Got 4D input, but linear mode needs 3D input");
    if (x.dim() == 3 && mode == "bicubic") raise(ErrorKind::NotImplementedError, "not supported in initlab: F.interpolate mode='bicubic' on a 3-D input");
    raise(ErrorKind::NotImplementedError,
          "Input Error: Only 3D, 4D and 5D input Tensors supported (got " + std::to_string(x.dim()) +
              "D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got " + mode + ")");
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] <= 0 || spatial_in[i] <= 0) {
      raise(ErrorKind::RuntimeError, "Input and output sizes should be greater than 0, but got input (" +
                                         (x.dim() == 3 ? "W: " + std::to_string(spatial_in[0]) + ") output (W: " + std::to_string(out[0])
                                                       : "H: " + std::to_string(spatial_in[0]) + ", W: " + std::to_string(spatial_in[1]) +
                                                             ") output (H: " + std::to_string(out[0]) + ", W: " + std::to_string(out[1])) +
                                         ")");
    }
  }
  const auto make_axis = [&](std::size_t d) {
    if (mode == "nearest") return nearest_axis(spatial_in[d], out[d], scales, d);
    if (mode == "bicubic") return cubic_axis(spatial_in[d], out[d], scales, d, *align);
    return linear_axis(spatial_in[d], out[d], scales, d, *align);
  };
  if (x.dim() == 3) {
    return resample(x, 1, AxisTaps{}, make_axis(0), 0.0f, mode == "nearest" ? "UpsampleNearest1DBackward1" : "UpsampleLinear1DBackward1");
  }
  const char* name = mode == "nearest" ? "UpsampleNearest2DBackward1" : mode == "bilinear" ? "UpsampleBilinear2DBackward1" : "UpsampleBicubic2DBackward1";
  return resample(x, 2, make_axis(0), make_axis(1), 0.0f, name);
}

}  // namespace initlab::ops
