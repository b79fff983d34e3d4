// Placeholder so the stage library has a source; replaced as the stage is written.
namespace onnx_energy { void stage_Target_placeholder() {} }
