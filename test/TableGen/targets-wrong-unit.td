// Each quantity field expects one kind of unit; a unit of another kind, an
// unknown unit, a missing unit or a text that is not "<number> <unit>" is an
// error at the target naming the field and the text.
// RUN: not %tblgen -gen-targets -I %ops -I %targets -DCLOCK %s 2>&1 | FileCheck %s --check-prefix=CLOCK
// RUN: not %tblgen -gen-targets -I %ops -I %targets -DLEVEL %s 2>&1 | FileCheck %s --check-prefix=LEVEL
// RUN: not %tblgen -gen-targets -I %ops -I %targets -DUNKNOWN %s 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not %tblgen -gen-targets -I %ops -I %targets -DNO_UNIT %s 2>&1 | FileCheck %s --check-prefix=NO-UNIT
// RUN: not %tblgen -gen-targets -I %ops -I %targets -DNUMBER %s 2>&1 | FileCheck %s --check-prefix=NUMBER
// RUN: not %tblgen -gen-targets -I %ops -I %targets -DSCALE %s 2>&1 | FileCheck %s --check-prefix=SCALE
// RUN: not %tblgen -gen-targets -I %ops -I %targets -DRATE %s 2>&1 | FileCheck %s --check-prefix=RATE

include "OpSchema.td"
include "TargetSchema.td"

def F32 : FloatType<"f32", 1, 32, 8, 24, 3> { let Source = "IEEE 754"; }

def DRAM : MemLevel<"DRAM", "16 GiB"> {
#ifdef LEVEL
  let ReadEnergy = "20 pJ";
#endif
#ifdef NO_UNIT
  let Bandwidth = "100";
#endif
}

// CLOCK:   [[@LINE+7]]:5: error: Target 'cpu-x': field 'Clock': '3 GB' is a size in bytes, expected a frequency (Hz, kHz, MHz, GHz)
// LEVEL:   [[@LINE+6]]:5: error: Target 'cpu-x': Levels[0] 'DRAM': field 'ReadEnergy': '20 pJ' is an energy, expected an energy per byte (fJ/B, pJ/B, nJ/B, pJ/bit)
// UNKNOWN: [[@LINE+5]]:5: error: Target 'cpu-x': field 'StaticPower': unknown unit 'Watt' in '50 Watt'; expected a power (mW, W, kW)
// NO-UNIT: [[@LINE+4]]:5: error: Target 'cpu-x': Levels[0] 'DRAM': field 'Bandwidth': '100' has no unit; expected a bandwidth (B/s, KB/s, MB/s, GB/s, TB/s)
// NUMBER:  [[@LINE+3]]:5: error: Target 'cpu-x': field 'TDP': 'about 200 W' does not start with a number
// SCALE:   [[@LINE+2]]:5: error: Target 'cpu-x': field 'TechScale': '2 W' is a power, expected a plain number (no unit)
// RATE:    [[@LINE+1]]:5: error: Target 'cpu-x': Peak[0]: field 'Rate': '1.2.3 TFLOP/s' is not '<number> <unit>'
def CpuX : Target<"cpu-x", []> {
  let Description = "a CPU";
  let Kind = "cpu";
  let Units = 18;
  let Levels = [DRAM];
  let EnergyPerTO = "2 fJ";
  let Source = "test";
#ifdef CLOCK
  let Clock = "3 GB";
#endif
#ifdef UNKNOWN
  let StaticPower = "50 Watt";
#endif
#ifdef NUMBER
  let TDP = "about 200 W";
#endif
#ifdef SCALE
  let TechScale = "2 W";
#endif
#ifdef RATE
  let Peak = [Throughput<"f32", "1.2.3 TFLOP/s", "AVX-512">];
#endif
}
