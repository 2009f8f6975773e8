// Data sets to train on: the UCI handwritten digits (core/data/DIGITS.md: 1797 8x8 images, CC BY
// 4.0), English words for next-character models (core/data/WORDS.md: 35,689 words, SCOWL) and synthetic sets drawn from a Generator, so torch.manual_seed fixes them. Scripts reach
// them as initlab.datasets.*.
//
// The digits and words are not compiled in (they would add a seventh to the shipped wasm): the
// caller hands over core/data/digits.bin's / words.txt's bytes once with provide_digits /
// provide_words (the JavaScript API does it when a script mentions them; the tests at start-up).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "initlab/generator.hpp"
#include "initlab/tensor.hpp"

namespace initlab::datasets {

struct Data {
  Tensor x;  // inputs, float32
  Tensor y;  // int64 class labels (N), or float32 targets (N, out) for teacher()
};

// Keeps a copy of digits.bin's 116,805 bytes; ValueError if they are not that file's layout.
void provide_digits(const unsigned char* bytes, std::size_t size);
bool digits_provided();

// split "train" (the first 1437 images) or "test" (the last 360); x is (N, 1, size, size) with
// pixels / 16 in [0, 1]; size 8 is the data as it is, 28 upsamples it bilinearly exactly as
// F.interpolate(x, size=28, mode='bilinear', align_corners=False) does. count: only the split's
// first count images (-1: all of them).
Data digits(std::string_view split = "train", int64_t size = 8, int64_t count = -1);

// Keeps core/data/words.txt's words (WORDS.md: 35,689 lines of 2 to 8 letters a-z); ValueError
// if the bytes are not that file's layout.
void provide_words(const unsigned char* bytes, std::size_t size);
bool words_provided();

// The longest word in words.txt.
constexpr int64_t kMaxWordLength = 8;
// The character vocabulary: '.' (the boundary before and after every word) is 0, 'a'-'z' 1-26.
constexpr int64_t kWordVocab = 27;
int64_t char_index(char c);
char index_char(int64_t i);

// The fixed split: word i (from 0, in file order) is "test" when i % 10 == 9, else "train".
std::vector<std::string> word_list(std::string_view split = "train");

// Next-character pairs (makemore's layout): for every word of the split and each of its
// characters plus the closing '.', x is the block_size preceding indices (padded with '.'), y
// the next index; both int64, x (N, block_size), y (N).
Data words(std::string_view split = "train", int64_t block_size = 3);

// Two interleaved spirals in the plane, classes 0 and 1 alternating, Gaussian noise of std
// `noise` on each coordinate.
Data two_spirals(int64_t n, double noise, Generator& gen);

// `centers` Gaussian blobs of std `std` in `dim` dimensions, centres uniform in [-5, 5]^dim,
// point i in blob i % centers.
Data blobs(int64_t n, int64_t centers, int64_t dim, double std, Generator& gen);

// x ~ N(0, 1) of shape (n, in); y = a random teacher network's output, (n, out): Linear(in,
// hidden), tanh, Linear(hidden, out), weights N(0, 1/fan_in), no bias. For MSE training.
Data teacher(int64_t n, int64_t in, int64_t out, int64_t hidden, Generator& gen);

}  // namespace initlab::datasets
