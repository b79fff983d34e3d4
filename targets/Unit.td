//===- targets/Unit.td - Unit-cost target for golden tests ----------------===//
//
// `unit` prices everything at one round unit so that the numbers in golden
// tests can be checked by hand: 1 pJ per transistor operation, 1 pJ per byte
// served from L1 and 10 pJ per byte from DRAM, 1 GFLOP/s (1 GOP/s for
// integers) for every element type, 1 GB/s per level, 1 W static power.
// A node of F FLOPs therefore computes for F / 1e9 s, and B bytes move through
// a level in B / 1e9 s. None of these figures describes real hardware: they
// are unit costs by definition (Timeloop/Accelergy's dummy estimator plays the
// same role). See docs/Targets.md.
//
//===----------------------------------------------------------------------===//

defvar UnitSource = "unit costs by definition (for tests)";

def Unit_L1 : MemLevel<"L1", "1 MiB"> {
  let Instances = 1;
  let PerUnit = 0;
  let Bandwidth = "1 GB/s";
  let ReadEnergy = "1 pJ/B";
  let WriteEnergy = "1 pJ/B";
  let Source = UnitSource;
}

def Unit_DRAM : MemLevel<"DRAM", "1 TiB"> {
  let Instances = 1;
  let PerUnit = 0;
  let Bandwidth = "1 GB/s";
  let ReadEnergy = "10 pJ/B";
  let WriteEnergy = "10 pJ/B";
  let Source = UnitSource;
}

class UnitPeak<string dtype, string rate> : Throughput<dtype, rate, "unit"> {
  let Source = UnitSource;
}
def Unit_PeakF64  : UnitPeak<"f64",  "1 GFLOP/s">;
def Unit_PeakF32  : UnitPeak<"f32",  "1 GFLOP/s">;
def Unit_PeakF16  : UnitPeak<"f16",  "1 GFLOP/s">;
def Unit_PeakBF16 : UnitPeak<"bf16", "1 GFLOP/s">;
def Unit_PeakI32  : UnitPeak<"i32",  "1 GOP/s">;
def Unit_PeakI8   : UnitPeak<"i8",   "1 GOP/s">;

def UnitTarget : Target<"unit", []> {
  let Description = "unit costs for golden tests: 1 pJ/TO, L1 1 pJ/B, "
                    "DRAM 10 pJ/B, 1 GFLOP/s, 1 GB/s, 1 W";
  let Kind = "model";
  let Units = 1;
  let UnitName = "unit";
  let Sockets = 1;
  let Clock = "1 GHz";
  let Peak = [Unit_PeakF64, Unit_PeakF32, Unit_PeakF16, Unit_PeakBF16,
              Unit_PeakI32, Unit_PeakI8];
  let Levels = [Unit_L1, Unit_DRAM];
  let EnergyPerTO = "1 pJ";
  let StaticPower = "1 W";
  let TDP = "1 W";
  let Source = UnitSource;
}

// `unit3`: the unit target with a second cache level, so that golden tests
// can put a working set just under and just over each level.
def Unit3_L2 : MemLevel<"L2", "4 MiB"> {
  let Instances = 1;
  let PerUnit = 0;
  let Bandwidth = "1 GB/s";
  let ReadEnergy = "3 pJ/B";
  let WriteEnergy = "3 pJ/B";
  let Source = UnitSource;
}

def Unit3Target : Target<"unit3", []> {
  let Description = "unit costs with three levels: L1 1 MiB 1 pJ/B, L2 4 MiB "
                    "3 pJ/B, DRAM 10 pJ/B; 1 pJ/TO, 1 GFLOP/s, 1 GB/s, 1 W";
  let Kind = "model";
  let Units = 1;
  let UnitName = "unit";
  let Sockets = 1;
  let Clock = "1 GHz";
  let Peak = [Unit_PeakF64, Unit_PeakF32, Unit_PeakF16, Unit_PeakBF16,
              Unit_PeakI32, Unit_PeakI8];
  let Levels = [Unit_L1, Unit3_L2, Unit_DRAM];
  let EnergyPerTO = "1 pJ";
  let StaticPower = "1 W";
  let TDP = "1 W";
  let Source = UnitSource;
}
