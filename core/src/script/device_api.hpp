// Devices and dtype moves for tensors and modules, as PyTorch 1.13 built without CUDA behaves:
// torch.device('cpu') objects (the class is core/lib/torch/_device.py), .to(device / dtype /
// other), .cpu(), and .cuda() / .to('cuda') raising PyTorch's own AssertionError.
#pragma once

#include <optional>
#include <string>

#include "interpreter.hpp"

namespace initlab::script {

// torch.device('cpu'), the value of Tensor.device.
Value cpu_device(Interpreter& in);
// PyTorch's "Torch not compiled with CUDA enabled", plus a line saying where initlab runs.
[[noreturn]] void no_cuda(Interpreter& in);
// The device type of a str, torch.device or int argument ("" when it is none of those).
std::string device_type_of(Interpreter& in, const Value& v);
// Refuses a device other than the CPU: CUDA as PyTorch does, others as unsupported.
void require_cpu(Interpreter& in, const Value& device);
// The dtype of a factory's dtype= argument, refusing the float types initlab lacks (float64,
// float16) rather than making float32 silently.
void require_supported_dtype(Interpreter& in, const Value& dtype, const std::string& fn);

// Tensor.to(...) with PyTorch's three forms; self when nothing changes (copy=False).
Value tensor_to(Interpreter& in, const Value& self, CallArgs& args);
// Tensor.type(): 'torch.FloatTensor' ...; Tensor.type(dtype or 'torch.LongTensor'): as .to().
Value tensor_type(Interpreter& in, const Value& self, CallArgs& args);
// Module.to(...): devices other than the CPU and float dtypes other than float32 refused.
Value module_to(Interpreter& in, const Value& self, CallArgs& args);
// torch.channels_last, contiguous_format, preserve_format, channels_last_3d: memory_format=
// is accepted wherever PyTorch takes it and changes no value; initlab keeps the default
// layout, so stride() and is_contiguous() answer for that layout.
void install_memory_formats(NamespaceObj& torch);

}  // namespace initlab::script
