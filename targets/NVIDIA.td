//===- targets/NVIDIA.td - NVIDIA GPU targets -----------------------------===//
//
// NVIDIA data-centre GPUs. Every figure carries its unit and a source; where a
// figure is derived rather than read from a datasheet, its Source says how,
// and docs/Targets.md shows the computation with the command that runs it.
//
// Energies per byte of the on-chip SRAM levels follow one rule for all
// targets: Horowitz's (ISSCC 2014, 45 nm, 0.9 V) 64-bit reads from an 8 KB
// SRAM (10 pJ), a 32 KB cache (20 pJ) and a 1 MB cache (100 pJ) fitted by
// E = a * sqrt(capacity in KiB), a = 3.393 pJ (residuals -4.0 %, -4.0 %,
// +8.6 %), evaluated at the capacity of one instance of the level, divided
// by 8 bytes, and multiplied by the target's TechScale (the same factor as
// its compute energy). sqrt(capacity) stands for the wire length across the
// array, so a large shared cache is charged for crossing it; a write is
// assumed to cost what a read does (Horowitz gives reads only).
//
//===----------------------------------------------------------------------===//

//===----------------------------------------------------------------------===//
// A100 SXM4 80 GB (GA100, 108 of 128 SMs enabled, TSMC N7)
//===----------------------------------------------------------------------===//

// Stillmaker & Baas, "Scaling equations for the accurate prediction of CMOS
// device performance from 180 nm to 7 nm", Integration 58 (2017), Table 5
// energy polynomials E(V) = c2 V^2 + c1 V + c0: HP45 (1.018, -0.3107,
// 0.1539) at Horowitz's 0.9 V = 0.69885; HP7 (0.1776, -0.09097, 0.02447) at an
// assumed 0.7 V = 0.04781; ratio 0.0684.
defvar A100TechScale = "0.0684";

defvar A100SramSource =
  "derived: Horowitz ISSCC 2014 (45 nm, 0.9 V) 64-bit SRAM reads 10/20/100 pJ "
  "at 8 KB/32 KB/1 MB fitted by E = 3.393 pJ * sqrt(KiB) (residuals -4.0/-4.0/"
  "+8.6 %), at the capacity of one instance, / 8 B, x TechScale 0.0684 "
  "(45 nm -> 7 nm, Stillmaker & Baas 2017); write assumed equal to read; "
  "see docs/Targets.md";

def A100_L1 : MemLevel<"L1", "192 KiB"> {
  let Instances = 108;
  let PerUnit = 1;
  // 128 B/clk per SM x 108 SMs x 1.41 GHz.
  let Bandwidth = "19.49 TB/s";
  // 3.393 pJ * sqrt(192) / 8 B * 0.0684.
  let ReadEnergy = "0.402 pJ/B";
  let WriteEnergy = "0.402 pJ/B";
  let Source = !strconcat(
    "size: NVIDIA A100 Tensor Core GPU Architecture whitepaper (2020), 192 KB "
    "combined L1 data cache/shared memory per SM; bandwidth: 128 B/clk per SM "
    "(the 23.10 TB/s shared-memory figure tabulated for the full 128-SM GA100 "
    "at 1410 MHz, e.g. Ultrason. Sonochem. 99 (2023) 106546 Table 3, is "
    "128 SM x 128 B x 1.41 GHz) scaled to the 108 SMs of A100 = 19.49 TB/s; "
    "energy: ", A100SramSource);
}

def A100_L2 : MemLevel<"L2", "40 MiB"> {
  let Instances = 1;
  let PerUnit = 0;
  // 5120 B/clk x 1.41 GHz.
  let Bandwidth = "7.22 TB/s";
  // 3.393 pJ * sqrt(40960) / 8 B * 0.0684.
  let ReadEnergy = "5.87 pJ/B";
  let WriteEnergy = "5.87 pJ/B";
  let Source = !strconcat(
    "size: A100 whitepaper (2020), 40 MB L2 shared by all SMs (cudaGetDevice"
    "Properties reports 41943040 B = 40 MiB); bandwidth: 5120 B/clk x "
    "1.41 GHz = 7.22 TB/s (tabulated as 7219 GB/s in Ultrason. Sonochem. 99 "
    "(2023) 106546 Table 3; the whitepaper gives 2.3x V100's L2 read "
    "bandwidth); energy: ",
    A100SramSource, "; the whole 40 MiB is taken as one instance, so the "
    "figure includes the trip across the die (a 512 KiB bank alone, "
    "excluding that trip, would give 0.66 pJ/B)");
}

def A100_HBM : MemLevel<"HBM", "80 GiB"> {
  let Instances = 1;
  let PerUnit = 0;
  let Bandwidth = "2039 GB/s";
  let ReadEnergy = "3.9 pJ/bit";
  let WriteEnergy = "3.9 pJ/bit";
  let Source =
    "size and bandwidth: NVIDIA A100 80GB datasheet (2021), 80 GB HBM2e in 5 "
    "stacks, 2039 GB/s SXM (= 1593 MHz x 2 x 5120 bit / 8, the memory clock "
    "and bus width cudaGetDeviceProperties reports); energy: HBM2 3.9 pJ/bit "
    "(O'Connor et al., Fine-Grained DRAM, MICRO 2017) used for HBM2e "
    "unchanged (assumption: no newer per-bit figure; not process-scaled, "
    "DRAM is not the logic node); write assumed equal to read";
}

defvar A100PeakSource =
  "NVIDIA A100 Tensor Core GPU Architecture whitepaper (2020) Table 1 and "
  "A100 80GB datasheet (2021), dense (no sparsity), at the 1410 MHz boost "
  "clock; read as reproduced in NVIDIA's Hopper architecture blog Table 3 "
  "(quoted on the NVIDIA developer forum) and glennklockwood.com's A100 page";

class A100Peak<string dtype, string rate, string unitKind>
    : Throughput<dtype, rate, unitKind> {
  let Source = A100PeakSource;
}
def A100_PeakF64   : A100Peak<"f64", "9.7 TFLOP/s", "CUDA cores (FP64)">;
def A100_PeakF64TC : A100Peak<"f64", "19.5 TFLOP/s", "tensor cores (FP64)">;
def A100_PeakF32   : A100Peak<"f32", "19.5 TFLOP/s", "CUDA cores">;
def A100_PeakF32TC : A100Peak<"f32", "156 TFLOP/s", "tensor cores (TF32)">;
def A100_PeakF16   : A100Peak<"f16", "78 TFLOP/s", "CUDA cores">;
def A100_PeakF16TC : A100Peak<"f16", "312 TFLOP/s", "tensor cores">;
def A100_PeakBF16   : A100Peak<"bf16", "39 TFLOP/s", "CUDA cores">;
def A100_PeakBF16TC : A100Peak<"bf16", "312 TFLOP/s", "tensor cores">;
def A100_PeakI8TC   : A100Peak<"i8", "624 TOP/s", "tensor cores">;

def A100_MulF32 : OpEnergy<"mul", "f32", "3.7 pJ"> {
  let Source = "Horowitz, Computing's energy problem, ISSCC 2014: 32-bit "
               "float multiply 3.7 pJ at 45 nm, 0.9 V";
}

let Vendor = "NVIDIA" in {
def A100_SXM4_80GB : Target<"a100-sxm4-80gb", ["a100"]> {
  let Description = "NVIDIA A100 SXM4 80 GB: 108 SMs at 1410 MHz, 40 MiB L2, "
                    "80 GiB HBM2e 2039 GB/s, 400 W";
  let Kind = "gpu";
  let Units = 108;
  let UnitName = "SM";
  let Sockets = 1;
  let Clock = "1410 MHz";
  let ProcessNode = "7 nm";
  let Peak = [A100_PeakF64, A100_PeakF64TC, A100_PeakF32, A100_PeakF32TC,
              A100_PeakF16, A100_PeakF16TC, A100_PeakBF16, A100_PeakBF16TC,
              A100_PeakI8TC];
  let Levels = [A100_L1, A100_L2, A100_HBM];
  let ComputeRef = A100_MulF32;
  let TechScale = A100TechScale;
  let TechScaleSource =
    "Stillmaker & Baas, Integration 58 (2017) 74-81, Table 5 energy "
    "polynomials: E_HP7(0.7 V) / E_HP45(0.9 V) = 0.04781 / 0.69885 = 0.0684 "
    "(45 nm at Horowitz's 0.9 V to 7 nm at an assumed nominal 0.7 V; 0.75 V "
    "would give 0.080); see docs/Targets.md";
  // Not a datasheet figure: see Source.
  let StaticPower = "60 W";
  let TDP = "400 W";
  let Source =
    "NVIDIA A100 Tensor Core GPU Architecture whitepaper (2020): 108 SMs, "
    "1410 MHz boost clock, TSMC 7 nm N7; NVIDIA A100 80GB datasheet (2021): "
    "SXM4 max TDP 400 W (public nvidia-smi logs also show A100-SXM4-80GB "
    "boards capped at 500 W); StaticPower 60 W is an ASSUMPTION: idle "
    "readings of A100-SXM4-80GB at P0 with no process (nvidia-smi, "
    "persistence mode on) in public logs lie at 54-65 W; nvidia-smi samples "
    "only part of the time on A100 (Part-time Power Measurements, arXiv "
    "2312.02741) and holding a CUDA context adds 26-50 W over bare idle on "
    "HBM GPUs (arXiv 2605.23918), so the power of a held GPU may be higher; "
    "replace with a metered figure when one exists";
}
}
