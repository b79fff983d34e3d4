//===- targets/Intel.td - Intel CPU targets -------------------------------===//
//
// Intel server CPUs. Every figure carries its unit and a source; derived
// figures say how they were derived, and docs/Targets.md shows the
// computation with the command that runs it. SRAM energies per byte follow
// the rule stated in NVIDIA.td (Horowitz's three SRAM reads fitted by
// E = 3.393 pJ * sqrt(KiB), at the capacity of one instance, / 8 B, times the
// target's TechScale).
//
//===----------------------------------------------------------------------===//

//===----------------------------------------------------------------------===//
// Xeon Gold 6154 x 2: the CPU node of the BUTTER-E study (NREL Eagle)
//===----------------------------------------------------------------------===//

// Stillmaker & Baas (Integration 2017) Table 5 energy polynomials: HP14
// (0.2363, -0.09675, 0.02239) at an assumed 0.8 V = 0.09622, over HP45 at
// Horowitz's 0.9 V = 0.69885; ratio 0.1377.
defvar Xeon6154TechScale = "0.1377";

// All per-core bandwidths are at the 3.0 GHz base clock, 36 cores.
defvar Xeon6154BandwidthSource =
  "Intel 64 and IA-32 Architectures Optimization Reference Manual, Skylake "
  "Server vs Broadwell cache comparison table, read in a translation (peak "
  "bytes/cycle per core: L1D 192 = 2 x 64 B loads + 1 x 64 B store, L2 64, "
  "L3 16; sustained 133, 52, 15) x 36 cores x 3.0 GHz";

defvar Xeon6154SramSource =
  "derived: Horowitz ISSCC 2014 (45 nm, 0.9 V) 64-bit SRAM reads 10/20/100 pJ "
  "at 8 KB/32 KB/1 MB fitted by E = 3.393 pJ * sqrt(KiB) (residuals -4.0/-4.0/"
  "+8.6 %), at the capacity of one instance, / 8 B, x TechScale 0.1377 "
  "(45 nm -> 14 nm, Stillmaker & Baas 2017); write assumed equal to read; "
  "see docs/Targets.md";

def Xeon6154_L1D : MemLevel<"L1", "32 KiB"> {
  let Instances = 36;
  let PerUnit = 1;
  // 192 B/cycle x 36 cores x 3.0 GHz.
  let Bandwidth = "20.74 TB/s";
  // 3.393 pJ * sqrt(32) / 8 B * 0.1377.
  let ReadEnergy = "0.330 pJ/B";
  let WriteEnergy = "0.330 pJ/B";
  let Source = !strconcat(
    "size: 32 KiB L1 data cache per core, 8-way, 64 B lines (Intel "
    "Optimization Reference Manual, Skylake Server; REFERENCE.md, BUTTER-E "
    "hardware); bandwidth: ", Xeon6154BandwidthSource, "; energy: ",
    Xeon6154SramSource);
}

def Xeon6154_L2 : MemLevel<"L2", "1 MiB"> {
  let Instances = 36;
  let PerUnit = 1;
  // 64 B/cycle x 36 cores x 3.0 GHz.
  let Bandwidth = "6.91 TB/s";
  // 3.393 pJ * sqrt(1024) / 8 B * 0.1377.
  let ReadEnergy = "1.87 pJ/B";
  let WriteEnergy = "1.87 pJ/B";
  let Source = !strconcat(
    "size: 1 MiB private L2 per core, 16-way, inclusive of L1 (Intel "
    "Optimization Reference Manual, Skylake Server; AnandTech Skylake-SP "
    "cache comparison; REFERENCE.md); bandwidth: ", Xeon6154BandwidthSource,
    "; energy: ", Xeon6154SramSource);
}

def Xeon6154_L3 : MemLevel<"L3", "24.75 MiB"> {
  let Instances = 2;
  let PerUnit = 0;
  // 16 B/cycle x 36 cores x 3.0 GHz.
  let Bandwidth = "1.73 TB/s";
  // 3.393 pJ * sqrt(25344) / 8 B * 0.1377.
  let ReadEnergy = "9.30 pJ/B";
  let WriteEnergy = "9.30 pJ/B";
  let Source = !strconcat(
    "size: 24.75 MiB L3 per socket (Intel ARK, Xeon Gold 6154; 1.375 MiB "
    "per core x 18), 11-way, non-inclusive (AnandTech Skylake-SP cache "
    "comparison; REFERENCE.md), one instance per socket; bandwidth: ",
    Xeon6154BandwidthSource, " (peak per core; the L3 runs on the uncore "
    "clock); energy: ", Xeon6154SramSource, "; the whole 24.75 MiB of a "
    "socket is taken as one instance, so the figure includes the trip across "
    "the mesh");
}

def Xeon6154_DRAM : MemLevel<"DRAM", "48 GiB"> {
  let Instances = 2;
  let PerUnit = 0;
  // 2 sockets x 6 channels x 2666.67 MT/s x 8 B.
  let Bandwidth = "256 GB/s";
  // 1.3 nJ per 64-bit access / 8 B.
  let ReadEnergy = "162.5 pJ/B";
  let WriteEnergy = "162.5 pJ/B";
  let Source =
    "size: 96 GiB DDR4 per node (REFERENCE.md, BUTTER-E CPU node on NREL "
    "Eagle), taken as 48 GiB on each socket's 6 channels (one NUMA instance "
    "per socket; the split is an assumption); bandwidth: Intel ARK, 6 "
    "channels DDR4-2666 per socket: 2 x 6 x 2666.67 MT/s x 8 B = 256 GB/s "
    "peak; energy: Horowitz ISSCC 2014 DRAM 1.3-2.6 nJ per 64-bit access, "
    "low end used: 1.3 nJ / 8 B = 162.5 pJ/B (20.3 pJ/bit), not "
    "process-scaled (a DDR3-era figure; DDR4 may well be lower); write "
    "assumed equal to read";
}

defvar Xeon6154PeakSource =
  "derived: 36 cores x 3.0 GHz base clock x 2 AVX-512 FMA units per core "
  "(all Gold 61xx have two; Intel Optimization Reference Manual) x lanes "
  "(16 f32, 8 f64) x 2 FLOP per FMA; the AVX-512 all-core clock (Intel Xeon "
  "Scalable Specification Update, doc. 336065) is lower than base and was "
  "not confirmed here, so sustained AVX-512 peaks are lower";

class Xeon6154Peak<string dtype, string rate>
    : Throughput<dtype, rate, "AVX-512 FMA (2 units/core)"> {
  let Source = Xeon6154PeakSource;
}
def Xeon6154_PeakF64 : Xeon6154Peak<"f64", "3.456 TFLOP/s">;
def Xeon6154_PeakF32 : Xeon6154Peak<"f32", "6.912 TFLOP/s">;

def Xeon6154_MulF32 : OpEnergy<"mul", "f32", "3.7 pJ"> {
  let Source = "Horowitz, Computing's energy problem, ISSCC 2014: 32-bit "
               "float multiply 3.7 pJ at 45 nm, 0.9 V";
}

let Vendor = "Intel" in {
def Xeon_Gold_6154 : Target<"xeon-gold-6154", ["xeon-6154", "butter-e-cpu"]> {
  let Description = "2 x Intel Xeon Gold 6154 (BUTTER-E CPU node): 36 cores "
                    "at 3.0 GHz, 2 x 24.75 MiB L3, 96 GiB DDR4-2666, 2 x 200 W";
  let Kind = "cpu";
  let Units = 36;
  let UnitName = "core";
  let Sockets = 2;
  // The clock the peaks are computed at (base), not the 3.7 GHz max turbo.
  let Clock = "3.0 GHz";
  let ProcessNode = "14 nm";
  let Peak = [Xeon6154_PeakF64, Xeon6154_PeakF32];
  let Levels = [Xeon6154_L1D, Xeon6154_L2, Xeon6154_L3, Xeon6154_DRAM];
  let ComputeRef = Xeon6154_MulF32;
  let TechScale = Xeon6154TechScale;
  let TechScaleSource =
    "Stillmaker & Baas, Integration 58 (2017) 74-81, Table 5 energy "
    "polynomials: E_HP14(0.8 V) / E_HP45(0.9 V) = 0.09622 / 0.69885 = 0.1377 "
    "(45 nm at Horowitz's 0.9 V to 14 nm at an assumed nominal 0.8 V); see "
    "docs/Targets.md";
  let StaticPower = "220 W";
  let TDP = "400 W";
  let Source =
    "Intel ARK, Xeon Gold 6154 (Skylake-SP, 2017): 18 cores, 3.0 GHz base, "
    "3.7 GHz max turbo, 24.75 MB L3, 6 channels DDR4-2666, 200 W TDP, 14 nm "
    "(ARK itself not read here: taken from REFERENCE.md, cores/clocks/L3/"
    "process cross-checked against technical.city's 6154 listing); "
    "two sockets as in BUTTER-E (Tripp et al., arXiv 2403.08151; "
    "REFERENCE.md): Units = 2 x 18 cores, TDP = 2 x 200 W = 400 W; "
    "StaticPower 220 W is the whole node's idle power from REFERENCE.md "
    "(BUTTER-E), which includes DRAM, fans, disks and power-supply losses; "
    "BUTTER-E's published energies are idle-standardised, so compare them "
    "with the estimate less its static term";
}
}
