//===- Run/Calibrate.h - Fitting a target's energy coefficients ---*- C++ -*-===//
//
// The analyzer predicts energy as a sum of coefficients times quantities of
// the model (Analysis.h, EnergyFeatures):
//   E = e_TO x TOs + sum_l e_l x bytes_l + P_static x t_roofline
// Calibration measures a set of models on the machine a target describes and
// fits the coefficients (the energy per TO, each level's energy per byte,
// the static power) to the measured energies above idle, by non-negative
// least squares on relative residuals (every model counts alike, however
// large). Coefficients left out of the fit keep the target's values. The
// result is written as a target file deriving from the target (Base), which
// `onnx-energy --target-file` loads.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_RUN_CALIBRATE_H
#define ONNX_ENERGY_RUN_CALIBRATE_H

#include "onnx-energy/Analysis/Analysis.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace onnx_energy {

class Target;

/// One measured model.
struct CalibrationPoint {
  std::string Label;     ///< the model (and its shapes), for reports
  double MeasuredJ = 0;  ///< energy per inference, above idle
  EnergyFeatures F;      ///< on the target being calibrated
};

/// Which coefficients are fitted.
struct FitSpec {
  bool EnergyPerTO = false;
  std::vector<bool> Levels; ///< parallel to Target::levels()
  bool StaticPower = false;
  unsigned count() const;
};

/// Parses --fit: "all", or a comma-separated list of "to", "static" and the
/// target's level names ("L1", "DRAM", ...; case-insensitive).
llvm::Expected<FitSpec> parseFitSpec(llvm::StringRef Text, const Target &T);

struct Coefficient {
  std::string Name;  ///< "energy per TO", "L2 energy per byte", "static power"
  std::string Unit;  ///< "J", "J/B", "W"
  double Before = 0; ///< the target's value
  double After = 0;  ///< fitted, or Before when not fitted
  bool Fitted = false;
};

struct CalibrationResult {
  /// Energy per TO, then one per level, then static power.
  std::vector<Coefficient> Coefs;
  std::vector<double> Measured, Predicted, PredictedBefore;
  /// Leave-one-out: each point predicted by a fit without it (empty when
  /// there are too few points to refit without one).
  std::vector<double> LOOPredicted;
  double R2 = 0, MAPE = 0, MAPEBefore = 0, LOOMAPE = 0;
  bool HasLOO = false;
  std::vector<std::string> Notes;
};

/// Fits Spec's coefficients of T to the points. Errors when there are fewer
/// points than coefficients to fit, or a point's measured energy is not
/// positive (a relative fit cannot use it).
llvm::Expected<CalibrationResult>
calibrate(llvm::ArrayRef<CalibrationPoint> Points, const Target &T,
          const FitSpec &Spec);

/// Writes the fitted coefficients as a target file: a Target named NewName
/// with Base = T's name that sets only the fitted coefficients, every
/// figure's Source saying what it was fitted on and how well.
void writeTargetOverride(const CalibrationResult &R, const Target &T,
                         llvm::StringRef NewName,
                         llvm::ArrayRef<CalibrationPoint> Points,
                         llvm::raw_ostream &OS);

} // namespace onnx_energy

#endif
