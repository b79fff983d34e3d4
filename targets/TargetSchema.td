//===- targets/TargetSchema.td - Hardware target schema -------------------===//
//
// The classes that targets/*.td instantiate; onnx-energy-tblgen
// -gen-targets validates them and emits the target table. A user's own
// --target-file uses the same classes.
//
// Quantities are strings "<number> <unit>" so that every figure carries its
// unit; the backend converts them to SI and rejects a unit of the wrong kind.
// Accepted units:
//   bytes        B, KB, MB, GB, TB (powers of 1000), KiB, MiB, GiB, TiB
//   frequency    Hz, kHz, MHz, GHz
//   bandwidth    B/s, KB/s, MB/s, GB/s, TB/s
//   throughput   FLOP/s, GFLOP/s, TFLOP/s (also OP/s, GOP/s, TOP/s)
//   power        mW, W, kW
//   energy       fJ, pJ, nJ, uJ, mJ, J
//   energy/byte  fJ/B, pJ/B, nJ/B  (also pJ/bit: converted, x8)
//   dimensionless  a plain number (for scale factors)
// A field left `?` is unspecified, which is not the same as zero: a view says
// "unspecified" and the energy model refuses to use it silently.
//
//===----------------------------------------------------------------------===//

// Peak arithmetic throughput of the whole target for one element type on one
// kind of unit (e.g. "tensor cores" vs "CUDA cores").
class Throughput<string dtype, string rate, string unitKind> {
  string DType = dtype;       // a DType Name from ops/ ("f32", "f16", ...)
  string Rate = rate;         // throughput quantity, e.g. "19.5 TFLOP/s"
  string UnitKind = unitKind;
  string Source = ?;
}

// One level of the memory hierarchy, closest to the compute units first.
class MemLevel<string name, string size> {
  string Name = name;         // "L1", "L2", "L3", "HBM", "DRAM"
  string Size = size;         // capacity of ONE instance
  int Instances = 1;          // how many instances the target has
  bit PerUnit = 0;            // one instance per compute unit (private)
  string Bandwidth = ?;       // aggregate bandwidth of all instances
  string ReadEnergy = ?;      // energy per byte read
  string WriteEnergy = ?;     // energy per byte written (default: ReadEnergy)
  string Source = ?;
}

// The energy of one reference primitive at one element type, measured or
// published for a reference technology, from which the energy of one
// transistor operation on the target follows:
//   energy per TO = Energy / TOs(Primitive, DType) * TechScale.
class OpEnergy<string primitive, string dtype, string energy> {
  string Primitive = primitive;
  string DType = dtype;
  string Energy = energy;
  string Source = ?;
}

class Target<string name, list<string> aliases> {
  string Name = name;                 // canonical name: "a100-sxm4-80gb"
  list<string> Aliases = aliases;     // accepted on --target
  string Vendor = ?;
  string Description = ?;             // one line for --target=help
  string Kind = ?;                    // "gpu", "cpu" or "model"
  int Units = ?;                      // compute units (SMs, cores)
  string UnitName = ?;                // "SM", "core"
  int Sockets = 1;                    // packages (devices) the figures cover
  string Clock = ?;                   // boost clock
  string ProcessNode = ?;             // e.g. "7 nm" (informational)
  list<Throughput> Peak = [];
  list<MemLevel> Levels = [];         // caches then main memory, in order
  // Compute energy: either a reference op scaled to this target, or a direct
  // energy per transistor operation (exactly one of the two).
  OpEnergy ComputeRef = ?;
  string TechScale = "1";             // dimensionless factor on ComputeRef
  string TechScaleSource = "";
  string EnergyPerTO = ?;
  string StaticPower = ?;             // power drawn while the target is held
  string TDP = ?;
  string Source = ?;                  // the datasheet/whitepaper for the target
}
