// -gen-targets: quantities are converted to SI at build time (KiB = 1024 B,
// pJ/bit = 8 pJ/B, TFLOP/s = 1e12 FLOP/s, ...), a field left `?` is
// {0, false, ""}, WriteEnergy defaults to ReadEnergy, and targets keep their
// declaration order.
// RUN: %tblgen -gen-targets -I %ops -I %targets %s | FileCheck %s

include "OpSchema.td"
include "TargetSchema.td"

def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }
def F16 : FloatType<"f16", 10, 16, 5, 11, 2> { let Source = "IEEE 754"; }
def FMul : Primitive<"fmul"> {
  let Description = "multiplier";
  let FloatCircuit = "m * m * 28";
  let Source = "test";
}

// Levels and throughputs with more than their template arguments are
// named defs; a target lists them.
def GpuXF32 : Throughput<"f32", "19.5 TFLOP/s", "CUDA cores"> {
  let Source = "whitepaper";
}
def GpuXL1 : MemLevel<"L1", "192 KiB"> {
  let Instances = 108;
  let PerUnit = 1;
  let ReadEnergy = "0.05 pJ/bit";
  let Source = "L1 source";
}
def GpuXL2 : MemLevel<"L2", "40 MiB"> {
  let Bandwidth = "5 TB/s";
  let ReadEnergy = "1.5 pJ/B";
  let WriteEnergy = "2.5e0 pJ/B";
}
def GpuXHBM : MemLevel<"HBM", "80 GB"> { let Bandwidth = "2039 GB/s"; }
def GpuXRef : OpEnergy<"fmul", "f32", "3.7 pJ"> { let Source = "Horowitz"; }

// CHECK:      #ifdef GET_TARGET_TABLES
// CHECK-NEXT: #undef GET_TARGET_TABLES
// CHECK-NEXT: // gpu-x, targets-units.td:[[#@LINE+18]]
// CHECK-NEXT: static const char *const TargetAliases_0[] = {"gx", "x"};
// CHECK-NEXT: static const ThroughputRow TargetPeak_0[] = {
// CHECK-NEXT:   {.DType = "f32", .Rate = {19500000000000, true, "19.5 TFLOP/s"}, .UnitKind = "CUDA cores", .Source = "whitepaper"},
// CHECK-NEXT:   {.DType = "f16", .Rate = {312000000000, true, "312 GFLOP/s"}, .UnitKind = "tensor cores", .Source = ""},
// CHECK-NEXT: };
// CHECK-NEXT: static const MemLevelRow TargetLevels_0[] = {
// CHECK-NEXT:   {.Name = "L1", .Size = {196608, true, "192 KiB"}, .Instances = 108, .PerUnit = true,
// CHECK-NEXT:    .Bandwidth = {0, false, ""}, .ReadEnergy = {4e-13, true, "0.05 pJ/bit"}, .WriteEnergy = {4e-13, true, "0.05 pJ/bit"},
// CHECK-NEXT:    .Source = "L1 source"},
// CHECK-NEXT:   {.Name = "L2", .Size = {41943040, true, "40 MiB"}, .Instances = 1, .PerUnit = false,
// CHECK-NEXT:    .Bandwidth = {5000000000000, true, "5 TB/s"}, .ReadEnergy = {1.5e-12, true, "1.5 pJ/B"}, .WriteEnergy = {2.5e-12, true, "2.5e0 pJ/B"},
// CHECK-NEXT:    .Source = ""},
// CHECK-NEXT:   {.Name = "HBM", .Size = {80000000000, true, "80 GB"}, .Instances = 1, .PerUnit = false,
// CHECK-NEXT:    .Bandwidth = {2039000000000, true, "2039 GB/s"}, .ReadEnergy = {0, false, ""}, .WriteEnergy = {0, false, ""},
// CHECK-NEXT:    .Source = ""},
// CHECK-NEXT: };
let Vendor = "Example" in
def GpuX : Target<"gpu-x", ["gx", "x"]> {
  let Description = "a GPU";
  let Kind = "gpu";
  let Units = 108;
  let UnitName = "SM";
  let Clock = "1.41 GHz";
  let Peak = [GpuXF32, Throughput<"f16", "312 GFLOP/s", "tensor cores">];
  let Levels = [GpuXL1, GpuXL2, GpuXHBM];
  let ComputeRef = GpuXRef;
  let TechScale = "0.5";
  let TechScaleSource = "45 nm -> 7 nm";
  let StaticPower = "90 W";
  let TDP = "0.4 kW";
  let Source = "datasheet";
}

def UnitMem : MemLevel<"mem", "1 TiB"> {
  let Bandwidth = "1 B/s";
  let ReadEnergy = "1 fJ/B";
}
// CHECK:      // unit, targets-units.td:[[#@LINE+6]]
// CHECK-NEXT: static const MemLevelRow TargetLevels_1[] = {
// CHECK-NEXT:   {.Name = "mem", .Size = {1099511627776, true, "1 TiB"}, .Instances = 1, .PerUnit = false,
// CHECK-NEXT:    .Bandwidth = {1, true, "1 B/s"}, .ReadEnergy = {1e-15, true, "1 fJ/B"}, .WriteEnergy = {1e-15, true, "1 fJ/B"},
// CHECK-NEXT:    .Source = ""},
// CHECK-NEXT: };
def Unit : Target<"unit", []> {
  let Description = "unit costs";
  let Kind = "model";
  let Units = 1;
  let Levels = [UnitMem];
  let EnergyPerTO = "1 fJ";
  let Source = "by definition";
}

// CHECK:      static const TargetRow TargetTable[] = {
// CHECK-NEXT:   {.Name = "gpu-x", .Aliases = TargetAliases_0, .NumAliases = 2,
// CHECK-NEXT:    .Vendor = "Example", .Description = "a GPU", .Kind = "gpu",
// CHECK-NEXT:    .Units = 108, .UnitName = "SM", .Sockets = 1, .Clock = {1410000000, true, "1.41 GHz"}, .ProcessNode = "",
// CHECK-NEXT:    .Peak = TargetPeak_0, .NumPeak = 2, .Levels = TargetLevels_0, .NumLevels = 3,
// CHECK-NEXT:    .HasComputeRef = true, .RefPrimitive = "fmul", .RefDType = "f32", .RefEnergy = {3.7e-12, true, "3.7 pJ"}, .RefSource = "Horowitz",
// CHECK-NEXT:    .TechScale = {0.5, true, "0.5"}, .TechScaleSource = "45 nm -> 7 nm", .EnergyPerTO = {0, false, ""},
// CHECK-NEXT:    .StaticPower = {90, true, "90 W"}, .TDP = {400, true, "0.4 kW"},
// CHECK-NEXT:    .Source = "datasheet"},
// CHECK-NEXT:   {.Name = "unit", .Aliases = nullptr, .NumAliases = 0,
// CHECK-NEXT:    .Vendor = "", .Description = "unit costs", .Kind = "model",
// CHECK-NEXT:    .Units = 1, .UnitName = "", .Sockets = 1, .Clock = {0, false, ""}, .ProcessNode = "",
// CHECK-NEXT:    .Peak = nullptr, .NumPeak = 0, .Levels = TargetLevels_1, .NumLevels = 1,
// CHECK-NEXT:    .HasComputeRef = false, .RefPrimitive = "", .RefDType = "", .RefEnergy = {0, false, ""}, .RefSource = "",
// CHECK-NEXT:    .TechScale = {1, true, "1"}, .TechScaleSource = "", .EnergyPerTO = {1e-15, true, "1 fJ"},
// CHECK-NEXT:    .StaticPower = {0, false, ""}, .TDP = {0, false, ""},
// CHECK-NEXT:    .Source = "by definition"},
// CHECK-NEXT: };
// CHECK-NEXT: constexpr unsigned NumTargets = 2;
// CHECK-NEXT: #endif // GET_TARGET_TABLES
