//===- lib/Energy/MemorySim.cpp - Tensors against the memory levels -------===//
//
// The two memory models of Energy/MemorySim.h. Residency is tracked per whole
// tensor, not per cache line: the model answers "does this tensor fit, and is
// it still there when its consumer runs", which is what BUTTER-E's
// measurements respond to. docs/MemoryModel.md states every assumption.
//
//===----------------------------------------------------------------------===//
#include "onnx-energy/Energy/MemorySim.h"
#include <algorithm>
#include <cmath>
#include <limits>
#include <list>

namespace onnx_energy {

namespace {

struct Operand {
  int Id;
  bool Write;
  double Bytes;  ///< bytes this node moves for it (the rule's share)
  double Size;   ///< the whole tensor
  bool Replicated;
};

double tensorBytes(const Graph &G, int Id) {
  Qty B = G.Values[Id].byteSize();
  return B.valid() ? double(B.value()) : 0.0;
}

/// The node's operands, with the rule's read/write bytes spread over the
/// inputs/outputs in proportion to their sizes.
std::vector<Operand> operandsOf(const Graph &G, const Node &N,
                                const NodeCost &C) {
  std::vector<Operand> Ops;
  auto Add = [&](const std::vector<int> &Ids, bool Write, double Total) {
    double Sum = 0;
    for (int Id : Ids)
      if (Id >= 0)
        Sum += tensorBytes(G, Id);
    for (int Id : Ids) {
      if (Id < 0)
        continue;
      double Size = tensorBytes(G, Id);
      double Share = Sum > 0 ? Total * Size / Sum : 0;
      bool Repl = !Write && G.Values[Id].IsInitializer;
      Ops.push_back({Id, Write, Share, Size, Repl});
    }
  };
  Add(N.Inputs, false, double(C.ReadBytes));
  Add(N.Outputs, true, double(C.WriteBytes));
  return Ops;
}

/// How much of level L a tensor takes: a replicated tensor (a weight every
/// unit needs) occupies every instance of the level.
double footprint(const MemLevelRow &L, double Size, bool Replicated) {
  return Replicated && L.Instances > 1 ? Size * L.Instances : Size;
}

double capacity(const MemLevelRow &L) { return L.Size.Value * L.Instances; }

unsigned dominant(const NodeTraffic &T) {
  unsigned Best = 0;
  for (unsigned I = 1; I < T.ReadBytes.size(); ++I)
    if (T.ReadBytes[I] + T.WriteBytes[I] >
        T.ReadBytes[Best] + T.WriteBytes[Best])
      Best = I;
  return Best;
}

//===----------------------------------------------------------------------===//
// BUTTER-E placement per node
//===----------------------------------------------------------------------===//

void placeButterE(const Target &T, const std::vector<Operand> &Ops,
                  NodeTraffic &Tr) {
  double Repl = 0, Dist = 0;
  for (const Operand &O : Ops)
    (O.Replicated ? Repl : Dist) += O.Size;
  unsigned Level = placeWorkingSet(T, Repl, Dist);
  for (const Operand &O : Ops) {
    (O.Write ? Tr.WriteBytes : Tr.ReadBytes)[Level] += O.Bytes;
    Tr.Operands.push_back({O.Id, O.Write, O.Replicated, int(Level), O.Bytes});
  }
  Tr.SpillsFrom = Level > 0 ? int(Level) - 1 : -1;
}

//===----------------------------------------------------------------------===//
// LRU residency across nodes
//===----------------------------------------------------------------------===//

struct CacheLevel {
  struct Entry {
    int Id;
    double Footprint;
  };
  std::list<Entry> LRU; ///< front = most recently used
  double Used = 0;

  std::list<Entry>::iterator find(int Id) {
    return std::find_if(LRU.begin(), LRU.end(),
                        [&](const Entry &E) { return E.Id == Id; });
  }
  bool contains(int Id) { return find(Id) != LRU.end(); }
  void erase(int Id) {
    auto It = find(Id);
    if (It != LRU.end()) {
      Used -= It->Footprint;
      LRU.erase(It);
    }
  }
};

class LRUSim {
public:
  LRUSim(const Graph &G, const LoweredGraph &L, const Target &T)
      : G(G), L(L), T(T), NL(T.levels().size()),
        Caches(NL > 0 ? NL - 1 : 0), Dirty(G.Values.size(), false),
        LastUse(G.Values.size(), -1) {
    for (size_t N = 0; N < G.Nodes.size(); ++N)
      for (int Id : G.Nodes[N].Inputs)
        if (Id >= 0)
          LastUse[Id] = int(N);
    for (int Id : G.Outputs)
      LastUse[Id] = std::numeric_limits<int>::max();
  }

  MemorySimResult run() {
    MemorySimResult R;
    R.Model = MemoryModel::LRU;
    // Pass 1 warms the caches; pass 2 is the steady-state inference.
    for (int Pass = 0; Pass < 2; ++Pass) {
      R.Nodes.assign(G.Nodes.size(), NodeTraffic());
      for (NodeTraffic &Tr : R.Nodes) {
        Tr.ReadBytes.assign(NL, 0);
        Tr.WriteBytes.assign(NL, 0);
      }
      // A new inference brings new input data.
      for (int Id : G.Inputs)
        dropEverywhere(Id);
      for (size_t N = 0; N < G.Nodes.size(); ++N)
        if (L.Nodes[N].St == NodeCost::Costed)
          step(N, R.Nodes[N]);
      // Results leave the device: dirty graph outputs go to main memory.
      for (int Id : G.Outputs)
        if (Id >= 0 && Dirty[Id] && G.Values[Id].Producer >= 0) {
          R.Nodes[G.Values[Id].Producer].WriteBytes[NL - 1] +=
              tensorBytes(G, Id);
          Dirty[Id] = false;
        }
      // Every intermediate tensor is dead once the inference ends; without
      // this they would look live to the next inference, whose node indices
      // start again at 0.
      dropDead(int(G.Nodes.size()));
    }
    for (NodeTraffic &Tr : R.Nodes)
      Tr.DominantLevel = dominant(Tr);
    return R;
  }

private:
  void dropEverywhere(int Id) {
    for (CacheLevel &C : Caches)
      C.erase(Id);
    Dirty[Id] = false;
  }

  int residentLevel(int Id) {
    for (unsigned C = 0; C < Caches.size(); ++C)
      if (Caches[C].contains(Id))
        return C;
    return NL - 1;
  }

  /// Makes Id most recently used in level C, evicting least recently used
  /// tensors (the node's own inputs included: an elementwise op streams its
  /// output over its input); false if it cannot fit.
  bool insert(unsigned C, int Id, double Fp, NodeTraffic &Tr) {
    CacheLevel &Lev = Caches[C];
    double Cap = capacity(T.levels()[C]);
    if (Fp > Cap)
      return false;
    auto It = Lev.find(Id);
    if (It != Lev.LRU.end()) {
      Lev.LRU.splice(Lev.LRU.begin(), Lev.LRU, It);
      return true;
    }
    while (Lev.Used + Fp > Cap && !Lev.LRU.empty()) {
      CacheLevel::Entry Victim = Lev.LRU.back();
      Lev.LRU.pop_back();
      Lev.Used -= Victim.Footprint;
      writeBackIfLast(Victim.Id, C, Tr);
    }
    Lev.LRU.push_front({Id, Fp});
    Lev.Used += Fp;
    return true;
  }

  /// A dirty tensor leaving its last cache copy is written to the level
  /// below (main memory when no deeper cache holds it).
  void writeBackIfLast(int Id, unsigned From, NodeTraffic &Tr) {
    // A tensor whose last consumer is the running node is dead once the
    // node finishes: nobody reads a written-back copy.
    if (!Dirty[Id] || LastUse[Id] <= CurNode)
      return;
    for (unsigned C = From + 1; C < Caches.size(); ++C)
      if (Caches[C].contains(Id))
        return;
    Tr.WriteBytes[NL - 1] += tensorBytes(G, Id);
    Dirty[Id] = false;
  }

  /// Tensors whose last consumer ran before node N are dead: they leave the
  /// caches without a write-back.
  void dropDead(int N) {
    for (CacheLevel &Lev : Caches)
      for (auto It = Lev.LRU.begin(); It != Lev.LRU.end();) {
        if (LastUse[It->Id] < N && G.Values[It->Id].Producer >= 0 &&
            !G.Values[It->Id].IsInitializer) {
          Lev.Used -= It->Footprint;
          Dirty[It->Id] = false;
          It = Lev.LRU.erase(It);
        } else {
          ++It;
        }
      }
  }

  /// Evicts every tensor from level C: a node that touches more distinct
  /// bytes than the level holds leaves nothing older in it under LRU.
  void sweep(unsigned C, NodeTraffic &Tr) {
    CacheLevel &Lev = Caches[C];
    while (!Lev.LRU.empty()) {
      CacheLevel::Entry Victim = Lev.LRU.back();
      Lev.LRU.pop_back();
      Lev.Used -= Victim.Footprint;
      writeBackIfLast(Victim.Id, C, Tr);
    }
  }

  void step(size_t N, NodeTraffic &Tr) {
    CurNode = int(N);
    const Node &Nd = G.Nodes[N];
    const NodeCost &C = L.Nodes[N];
    dropDead(int(N));

    std::vector<Operand> Ops = operandsOf(G, Nd, C);
    // The levels that hold the node's whole working set. In the others the
    // node streams: under LRU the lines it touches last push out everything
    // else, its own inputs and the first part of its outputs included, so
    // no operand stays there whole.
    std::vector<bool> Holds(Caches.size());
    for (unsigned K = 0; K < Caches.size(); ++K) {
      double WS = 0;
      for (const Operand &O : Ops)
        WS += footprint(T.levels()[K], O.Size, O.Replicated);
      Holds[K] = WS <= capacity(T.levels()[K]);
      if (!Holds[K])
        Tr.SpillsFrom = K;
    }
    for (const Operand &O : Ops) {
      Tr.WorkingSet += O.Size;
      if (O.Write)
        continue;
      int Lev = residentLevel(O.Id);
      Tr.ReadBytes[Lev] += O.Bytes;
      Tr.Operands.push_back({O.Id, false, O.Replicated, Lev, O.Bytes});
      for (unsigned K = 0; K < Caches.size(); ++K)
        if (Holds[K])
          insert(K, O.Id, footprint(T.levels()[K], O.Size, O.Replicated), Tr);
    }
    tilingTraffic(Nd, C, Ops, Tr);
    for (const Operand &O : Ops) {
      if (!O.Write)
        continue;
      int Placed = NL - 1;
      for (unsigned K = 0; K < Caches.size(); ++K)
        if (Holds[K] &&
            insert(K, O.Id, footprint(T.levels()[K], O.Size, false), Tr) &&
            Placed == int(NL - 1))
          Placed = K;
      Tr.WriteBytes[Placed] += O.Bytes;
      Dirty[O.Id] = Placed != int(NL - 1);
      Tr.Operands.push_back({O.Id, true, false, Placed, O.Bytes});
    }
    // Sweep the streamed levels last, so that a dirty tensor still held by
    // a deeper level is not written back to main memory.
    for (unsigned K = 0; K < Caches.size(); ++K)
      if (!Holds[K])
        sweep(K, Tr);
  }

  /// GEMM-like nodes (with MACs): M, N, K follow from MACs = M*N*K, the
  /// second input (weights, K*N elements) and the output (M*N elements). For
  /// every cache level the operands do not fit in, a square tiling of side b
  /// with 3*b*b elements in one instance of that level re-reads the A and B
  /// panels: 2*M*N*K/b elements instead of M*K + K*N, served from the next
  /// level.
  void tilingTraffic(const Node &Nd, const NodeCost &C,
                     const std::vector<Operand> &Ops, NodeTraffic &Tr) {
    if (C.MACs <= 0 || Nd.Inputs.size() < 2 || Nd.Inputs[1] < 0 ||
        Nd.Outputs.empty() || Nd.Outputs[0] < 0 || Nd.Inputs[0] < 0)
      return;
    Qty WElems = G.Values[Nd.Inputs[1]].numElements();
    Qty OElems = G.Values[Nd.Outputs[0]].numElements();
    if (!WElems.valid() || !OElems.valid() || WElems.value() <= 0 ||
        OElems.value() <= 0)
      return;
    double MACs = double(C.MACs), W = double(WElems.value()),
           O = double(OElems.value());
    double M = MACs / W, N = O / M, K = W / N;
    if (!(M >= 1 && N >= 1 && K >= 1))
      return;
    double S = double(elemBits(G.Values[Nd.Inputs[0]].Type)) / 8.0;
    if (S <= 0)
      return;
    for (unsigned Lv = 0; Lv < Caches.size(); ++Lv) {
      const MemLevelRow &Lev = T.levels()[Lv];
      double WS = 0;
      for (const Operand &Op : Ops)
        WS += footprint(Lev, Op.Size, Op.Replicated);
      if (WS <= capacity(Lev))
        continue;
      double B = std::floor(std::sqrt(Lev.Size.Value / (3.0 * S)));
      if (B < 1)
        B = 1;
      double Tiled = S * (2.0 * M * N * K / B);
      double Compulsory = S * (M * K + K * N);
      double Extra = Tiled - Compulsory;
      if (Extra > 0) {
        Tr.ReadBytes[Lv + 1] += Extra;
        Tr.TilingExtra += Extra;
      }
    }
  }

  const Graph &G;
  const LoweredGraph &L;
  const Target &T;
  unsigned NL;
  std::vector<CacheLevel> Caches;
  std::vector<bool> Dirty;
  std::vector<int> LastUse;
  int CurNode = -1;
};

//===----------------------------------------------------------------------===//
// Training step (BUTTER-E's training working sets)
//===----------------------------------------------------------------------===//

MemorySimResult simulateTraining(const Graph &G, const LoweredGraph &L,
                                 const Target &T, MemoryModel Model) {
  MemorySimResult R;
  R.Model = Model;
  TrainingPlacement &P = R.Train;
  P.Enabled = true;
  P.Weights = double(L.ParamBytes);
  P.Gradients = double(L.ParamBytes);
  P.State = double(L.StateBytes);
  P.Activations = double(L.SavedBytes);
  int64_t Data = L.Train.DatasetSize > 0 ? L.Train.DatasetSize : L.Batch;
  P.DataSet = double(Data) * double(L.DatumBytes);
  P.StepLevel = int(placeWorkingSet(T, P.replicated(), P.Activations));
  P.DataLevel =
      int(placeWorkingSet(T, P.replicated(), P.Activations + P.DataSet));
  R.Nodes.resize(G.Nodes.size());
  std::vector<bool> IsInput(G.Values.size(), false);
  for (int Id : G.Inputs)
    if (Id >= 0 && !G.Values[Id].IsInitializer)
      IsInput[Id] = true;
  for (size_t N = 0; N < G.Nodes.size(); ++N) {
    NodeTraffic &Tr = R.Nodes[N];
    Tr.ReadBytes.assign(T.levels().size(), 0);
    Tr.WriteBytes.assign(T.levels().size(), 0);
    if (L.Nodes[N].St != NodeCost::Costed)
      continue;
    Tr.WorkingSet = P.replicated() + P.Activations;
    // Every byte of the step is served where the step's working set lives,
    // but the batch's data, which comes from the data set.
    for (const Operand &O : operandsOf(G, G.Nodes[N], L.Nodes[N])) {
      int Level = !O.Write && IsInput[O.Id] ? P.DataLevel : P.StepLevel;
      (O.Write ? Tr.WriteBytes : Tr.ReadBytes)[Level] += O.Bytes;
      Tr.Operands.push_back({O.Id, O.Write, O.Replicated, Level, O.Bytes});
    }
    Tr.SpillsFrom = P.StepLevel > 0 ? P.StepLevel - 1 : -1;
    Tr.DominantLevel = dominant(Tr);
  }
  return R;
}

} // namespace

unsigned placeWorkingSet(const Target &T, double Replicated,
                         double Distributed) {
  unsigned Units = std::max(1u, T.row().Units);
  double Share = Replicated + Distributed / Units;
  unsigned NL = T.levels().size();
  for (unsigned L = 0; L + 1 < NL; ++L)
    if (Share <= cumulativePerUnitCapacity(T, L))
      return L;
  return NL > 0 ? NL - 1 : 0;
}

double cumulativePerUnitCapacity(const Target &T, unsigned L) {
  unsigned Units = std::max(1u, T.row().Units);
  double Sum = 0;
  for (unsigned I = 0; I <= L && I < T.levels().size(); ++I) {
    const MemLevelRow &Lev = T.levels()[I];
    Sum += Lev.PerUnit ? Lev.Size.Value : capacity(Lev) / Units;
  }
  return Sum;
}

MemorySimResult simulateMemory(const Graph &G, const LoweredGraph &L,
                               const Target &T, MemoryModel Model) {
  if (L.Train.Enabled)
    return simulateTraining(G, L, T, Model);
  if (Model == MemoryModel::LRU && T.levels().size() >= 2)
    return LRUSim(G, L, T).run();
  MemorySimResult R;
  R.Model = MemoryModel::ButterE;
  R.Nodes.resize(G.Nodes.size());
  for (size_t N = 0; N < G.Nodes.size(); ++N) {
    NodeTraffic &Tr = R.Nodes[N];
    Tr.ReadBytes.assign(T.levels().size(), 0);
    Tr.WriteBytes.assign(T.levels().size(), 0);
    if (L.Nodes[N].St != NodeCost::Costed)
      continue;
    std::vector<Operand> Ops = operandsOf(G, G.Nodes[N], L.Nodes[N]);
    for (const Operand &O : Ops)
      Tr.WorkingSet += O.Size;
    placeButterE(T, Ops, Tr);
    Tr.DominantLevel = dominant(Tr);
  }
  return R;
}

} // namespace onnx_energy
