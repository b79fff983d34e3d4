//===- Annotate/Annotate.h - A copy of the model with its estimate -*- C++ -*-===//
//
// `onnx-energy annotate` writes a copy of the model whose nodes carry the
// estimate, for people who look at models in Netron and for tools that read
// ONNX. ONNX 1.12 (our protobuf schema, IR 8) has no NodeProto.metadata_props
// (that came with IR 10), and extra node attributes would make the ONNX
// checker reject standard ops, so the estimate goes where IR 8 has room
// (docs/CommandGuide/onnx-energy.md, "annotate"):
//  - each node's doc_string starts with a one-line summary, "onnx-energy: ..."
//    (Netron shows it as the node's description);
//  - the model's metadata_props hold the target, the totals, the tool version
//    and the parameters, and one entry "onnx-energy.node.<name>" per node
//    with a JSON object of its figures (Netron lists them with the model's
//    properties).
// Every node takes the name the reports give it (Import's, Graph.h), so
// nodes the file leaves unnamed or names twice are named in the copy, and
// the entries and the Netron attachment find them. Only this stage and Import touch ONNX's protobuf classes.
//
//===----------------------------------------------------------------------===//
#ifndef ONNX_ENERGY_ANNOTATE_ANNOTATE_H
#define ONNX_ENERGY_ANNOTATE_ANNOTATE_H

#include "onnx-energy/Views/Report.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace onnx_energy {

/// Prefix of the keys annotate owns in ModelProto.metadata_props and of the
/// summary line in NodeProto.doc_string; annotating an annotated model
/// replaces them.
inline constexpr const char *AnnotationKeyPrefix = "onnx-energy.";
inline constexpr const char *AnnotationDocPrefix = "onnx-energy: ";

/// Writes to OutPath (atomically, through a temporary file) a copy of the
/// model at InPath whose main-graph nodes carry R's estimate; G and R must
/// have been imported and collected from that model. Each node of the file
/// is found in G by the value it produces and takes the name the reports
/// give it; a call of a model-local function (expanded by Import into
/// "<call>/<node>" nodes) carries their sums. Tensors stored in external files stay
/// there and are not read: the copy refers to the same files, with each
/// location rewritten relative to OutPath's folder; a file that would then
/// lie outside that folder (which Import and the ONNX checker refuse) is an
/// error that names it. The binary protobuf form is written whatever the
/// input's form. Errors name the file.
llvm::Error annotateModel(llvm::StringRef InPath, const Graph &G,
                          const Report &R, llvm::StringRef OutPath);

/// The one-line summary annotate puts in a node's doc_string, without the
/// prefix, e.g. "12.5 uJ (40.0% of the model); 1.02 MTO; 65.5 kMAC;
/// memory-bound; bytes L1 512 B, DRAM 64.0 KiB".
std::string nodeSummary(const Report &R, const ReportNode &N);

} // namespace onnx_energy

#endif
