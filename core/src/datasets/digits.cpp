// initlab::datasets::digits: decodes core/data/digits.bin's bytes, handed over once by the
// caller, into tensors.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "initlab/datasets.hpp"
#include "initlab/error.hpp"

namespace initlab::datasets {

namespace {

constexpr int64_t kImages = 1797, kTrain = 1437, kRecord = 65, kSide = 8;

std::vector<unsigned char>& digits_bytes() {
  static std::vector<unsigned char> bytes;
  return bytes;
}

// PyTorch's upsample_bilinear2d with align_corners=False: source index (dst + 0.5) * scale - 0.5
// in float, clamped at 0; weights 1 - lambda and lambda.
void upsample(const float* src, int64_t size, float* dst) {
  const float scale = static_cast<float>(kSide) / static_cast<float>(size);
  for (int64_t oy = 0; oy < size; ++oy) {
    const float sy = std::max(scale * (static_cast<float>(oy) + 0.5f) - 0.5f, 0.0f);
    const auto y0 = static_cast<int64_t>(sy);
    const int64_t y1 = std::min(y0 + 1, kSide - 1);
    const float ly1 = sy - static_cast<float>(y0), ly0 = 1.0f - ly1;
    for (int64_t ox = 0; ox < size; ++ox) {
      const float sx = std::max(scale * (static_cast<float>(ox) + 0.5f) - 0.5f, 0.0f);
      const auto x0 = static_cast<int64_t>(sx);
      const int64_t x1 = std::min(x0 + 1, kSide - 1);
      const float lx1 = sx - static_cast<float>(x0), lx0 = 1.0f - lx1;
      dst[oy * size + ox] = ly0 * (lx0 * src[y0 * kSide + x0] + lx1 * src[y0 * kSide + x1]) +
                            ly1 * (lx0 * src[y1 * kSide + x0] + lx1 * src[y1 * kSide + x1]);
    }
  }
}

}  // namespace

void provide_digits(const unsigned char* bytes, std::size_t size) {
  bool ok = size == static_cast<std::size_t>(kImages * kRecord);
  for (std::size_t i = 0; ok && i < size; ++i) ok = bytes[i] <= (i % kRecord == 0 ? 9 : 16);
  if (!ok) {
    raise(ErrorKind::ValueError, "these " + std::to_string(size) + " bytes are not core/data/digits.bin (1797 records of a label 0-9 and 64 pixels 0-16)");
  }
  digits_bytes().assign(bytes, bytes + size);
}

bool digits_provided() { return !digits_bytes().empty(); }

Data digits(std::string_view split, int64_t size, int64_t count) {
  if (!digits_provided()) {
    raise(ErrorKind::RuntimeError, "the digits data is not loaded (the JavaScript API loads digits.bin beside initlab_wasm.wasm "
                                   "when a script mentions digits; C++ callers call datasets::provide_digits)");
  }
  const unsigned char* data = digits_bytes().data();
  if (split != "train" && split != "test") {
    raise(ErrorKind::ValueError, "digits(): split must be 'train' or 'test', not '" + std::string(split) + "'");
  }
  if (size != 8 && size != 28) {
    raise(ErrorKind::ValueError, "digits(): size must be 8 (the data as it is) or 28 (upsampled for a 28x28 CNN), not " +
                                     std::to_string(size));
  }
  const int64_t first = split == "train" ? 0 : kTrain;
  const int64_t all = split == "train" ? kTrain : kImages - kTrain;
  if (count < -1 || count == 0 || count > all) {
    raise(ErrorKind::ValueError, "digits(): the " + std::string(split) + " split has " + std::to_string(all) +
                                     " images; count must be 1 to " + std::to_string(all) + " (or -1 for all), not " +
                                     std::to_string(count));
  }
  const int64_t n = count == -1 ? all : count;
  Data d{Tensor(Shape{n, 1, size, size}), Tensor(Shape{n})};
  d.y.set_dtype(DType::int64);
  float* x = d.x.data();
  float* y = d.y.data();
  float image[kSide * kSide];
  for (int64_t i = 0; i < n; ++i) {
    const unsigned char* r = data + (first + i) * kRecord;
    y[i] = static_cast<float>(r[0]);
    for (int64_t p = 0; p < kSide * kSide; ++p) image[p] = static_cast<float>(r[1 + p]) / 16.0f;
    if (size == kSide) {
      std::copy(image, image + kSide * kSide, x + i * kSide * kSide);
    } else {
      upsample(image, size, x + i * size * size);
    }
  }
  return d;
}

}  // namespace initlab::datasets
