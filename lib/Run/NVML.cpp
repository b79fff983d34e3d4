//===- lib/Run/NVML.cpp - GPU energy through NVML, loaded at run time -----===//
//
// nvmlDeviceGetTotalEnergyConsumption gives the energy a GPU has used since
// the driver was loaded, in millijoules (Volta and newer; NVML API reference,
// "Device Queries"). The library is opened with dlopen so that the runner
// needs neither CUDA nor the driver to build, and reports plainly when they
// are not there. The counter is refreshed every few tens of milliseconds, so
// windows last at least NVMLMinWindowSeconds.
//
//===----------------------------------------------------------------------===//
#include "SysFile.h"
#include "onnx-energy/Run/Meter.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include <dlfcn.h>

using namespace llvm;

// nvml.h's opaque device type, at global scope as there: a function called
// through a pointer must have the type it was defined with (UBSan's
// -fsanitize=function checks it against test/Run/Unit/FakeNVML.c).
struct nvmlDevice_st;

namespace onnx_energy {

namespace {
// The few NVML declarations used (nvml.h), so that no CUDA header is needed.
using nvmlReturn_t = int;
using nvmlDevice_t = ::nvmlDevice_st *;
constexpr nvmlReturn_t NVML_SUCCESS = 0;
constexpr nvmlReturn_t NVML_ERROR_NOT_SUPPORTED = 3;

struct NVMLApi {
  nvmlReturn_t (*Init)();
  nvmlReturn_t (*Shutdown)();
  const char *(*ErrorString)(nvmlReturn_t);
  nvmlReturn_t (*GetCount)(unsigned *);
  nvmlReturn_t (*GetHandle)(unsigned, nvmlDevice_t *);
  nvmlReturn_t (*GetName)(nvmlDevice_t, char *, unsigned);
  nvmlReturn_t (*GetEnergy)(nvmlDevice_t, unsigned long long *);
};

Error nvmlError(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Msg.str());
}

class NVMLMeter : public EnergyMeter {
public:
  NVMLMeter(void *Handle, NVMLApi Api, std::string Library)
      : Handle(Handle), Api(Api), Library(std::move(Library)) {}
  ~NVMLMeter() override {
    if (Initialised)
      Api.Shutdown();
    dlclose(Handle);
  }
  StringRef name() const override { return "nvml"; }
  std::string description() const override {
    return "NVML total energy (" + Library + ")";
  }
  const std::vector<MeterDomain> &domains() const override { return Domains; }
  double minWindowSeconds() const override { return NVMLMinWindowSeconds; }
  bool wantsPolling() const override { return true; }

  std::string errorString(nvmlReturn_t R) const {
    const char *S = Api.ErrorString ? Api.ErrorString(R) : nullptr;
    return S ? S : "NVML error " + std::to_string(R);
  }

  Error init(ArrayRef<unsigned> Wanted) {
    nvmlReturn_t R = Api.Init();
    if (R != NVML_SUCCESS)
      return nvmlError("nvmlInit_v2 failed: " + errorString(R) +
                       " (is the NVIDIA driver loaded? nvidia-smi should list "
                       "the GPUs)");
    Initialised = true;
    unsigned Count = 0;
    if ((R = Api.GetCount(&Count)) != NVML_SUCCESS)
      return nvmlError("nvmlDeviceGetCount_v2 failed: " + errorString(R));
    if (Count == 0)
      return nvmlError("NVML sees no GPU");
    std::vector<unsigned> Indices(Wanted.begin(), Wanted.end());
    if (Indices.empty())
      for (unsigned I = 0; I < Count; ++I)
        Indices.push_back(I);
    for (unsigned I : Indices) {
      if (I >= Count)
        return nvmlError("GPU " + Twine(I) + " does not exist (NVML sees " +
                         Twine(Count) + ")");
      nvmlDevice_t Dev;
      if ((R = Api.GetHandle(I, &Dev)) != NVML_SUCCESS)
        return nvmlError("nvmlDeviceGetHandleByIndex_v2(" + Twine(I) +
                         ") failed: " + errorString(R));
      char Name[96] = "GPU";
      if (Api.GetName)
        Api.GetName(Dev, Name, sizeof(Name));
      unsigned long long MJ;
      R = Api.GetEnergy(Dev, &MJ);
      if (R == NVML_ERROR_NOT_SUPPORTED)
        return nvmlError("GPU " + Twine(I) + " (" + Name +
                         ") has no total-energy counter "
                         "(nvmlDeviceGetTotalEnergyConsumption: needs Volta "
                         "or newer)");
      if (R != NVML_SUCCESS)
        return nvmlError("nvmlDeviceGetTotalEnergyConsumption on GPU " +
                         Twine(I) + " failed: " + errorString(R));
      Devices.push_back(Dev);
      Domains.push_back({"gpu" + std::to_string(I) + " (" + Name + ")", true});
    }
    return Error::success();
  }

  Expected<MeterMark> mark() override {
    MeterMark M;
    M.Time = detail::monotonicSeconds();
    for (size_t I = 0; I < Devices.size(); ++I) {
      unsigned long long MJ;
      nvmlReturn_t R = Api.GetEnergy(Devices[I], &MJ);
      if (R != NVML_SUCCESS)
        return nvmlError("nvmlDeviceGetTotalEnergyConsumption on " +
                         Domains[I].Name + " failed: " + errorString(R));
      M.Values.push_back(double(MJ));
    }
    return M;
  }

  Expected<WindowEnergy> energy(const MeterMark &B,
                                const MeterMark &E) override {
    WindowEnergy W;
    for (size_t I = 0; I < Devices.size(); ++I) {
      if (E.Values[I] < B.Values[I])
        return nvmlError("the energy counter of " + Domains[I].Name +
                         " went back (the driver was reloaded during the "
                         "run?)");
      W.Joules.push_back((E.Values[I] - B.Values[I]) * 1e-3);
    }
    return W;
  }

private:
  void *Handle;
  NVMLApi Api;
  std::string Library;
  bool Initialised = false;
  std::vector<nvmlDevice_t> Devices;
  std::vector<MeterDomain> Domains;
};
} // namespace

Expected<std::unique_ptr<EnergyMeter>> openNVML(StringRef Library,
                                                ArrayRef<unsigned> Devices) {
  SmallString<128> Lib(Library);
  void *H = dlopen(Lib.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!H) {
    const char *Why = dlerror();
    return nvmlError("cannot load '" + Library + "' (" +
                     (Why ? Why : "unknown reason") +
                     "): no NVIDIA driver on this machine");
  }
  NVMLApi Api;
  auto Sym = [&](const char *Name, auto &Fn) {
    Fn = reinterpret_cast<std::remove_reference_t<decltype(Fn)>>(
        dlsym(H, Name));
    return Fn != nullptr;
  };
  const char *Missing = nullptr;
  if (!Sym("nvmlInit_v2", Api.Init))
    Missing = "nvmlInit_v2";
  else if (!Sym("nvmlShutdown", Api.Shutdown))
    Missing = "nvmlShutdown";
  else if (!Sym("nvmlDeviceGetCount_v2", Api.GetCount))
    Missing = "nvmlDeviceGetCount_v2";
  else if (!Sym("nvmlDeviceGetHandleByIndex_v2", Api.GetHandle))
    Missing = "nvmlDeviceGetHandleByIndex_v2";
  else if (!Sym("nvmlDeviceGetTotalEnergyConsumption", Api.GetEnergy))
    Missing = "nvmlDeviceGetTotalEnergyConsumption";
  Sym("nvmlErrorString", Api.ErrorString);
  Sym("nvmlDeviceGetName", Api.GetName);
  if (Missing) {
    dlclose(H);
    return nvmlError("'" + Library + "' has no " + Missing +
                     " (a driver older than the NVML API the runner uses)");
  }
  auto M = std::make_unique<NVMLMeter>(H, Api, Library.str());
  if (Error E = M->init(Devices))
    return E;
  return std::unique_ptr<EnergyMeter>(std::move(M));
}

} // namespace onnx_energy
