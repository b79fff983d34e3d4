//===- ops/Linear.td - Lowering rules: matrix products and convolution ----===//
//
// MatMul, Gemm and Conv. The convention (shared by all three): a dot
// product of length K is K multiplies and K-1 adds (the first product seeds
// the accumulator), counted as separate mul and add primitives rather than
// fused multiply-adds, so that [2,3]x[3,4] is 24 mul + 16 add. MACs are the
// conventional multiply-accumulate count, K per dot product. Padding
// positions of a convolution are counted as multiplies (im2col/implicit-GEMM
// kernels do them), unlike pooling (NN.td).
//
// max(K-1, 0) keeps empty dot products (K = 0) at zero adds.
//
//===----------------------------------------------------------------------===//

def : Lowering<"", "MatMul", 1, MatMulShape> {
  let Counts = [Count<Mul, "batch*M*N*K">,
                Count<Add, "batch*M*N*max(K-1, 0)">];
  let MACs = "batch*M*N*K";
  let Doc = "numpy.matmul: per output element a K-long dot product, K mul + "
            "(K-1) add; batch = product of the broadcast batch dims. "
            "Unchanged in cost across opsets 1, 9, 13 (types only).";
  // dA = dY B^T ([M,N]x[N,K]) and dB = A^T dY ([K,M]x[M,N]), each as many
  // multiplies as the forward product (Goodfellow et al., Deep Learning,
  // 2016, section 6.5.6).
  let GradCounts = [Count<Mul, "dx0*batch*M*K*N">,
                    Count<Add, "dx0*batch*M*K*max(N-1, 0)">,
                    Count<Mul, "dx1*batch*K*N*M">,
                    Count<Add, "dx1*batch*K*N*max(M-1, 0)">];
  let GradMACs = "(dx0 + dx1)*batch*M*N*K";
  let GradDoc = "dA = dY*B^T and dB = A^T*dY: the forward count for each "
                "input that needs a gradient (2x forward MACs when both do). "
                "A B broadcast over batch dims is summed over them too "
                "((batch-1)*K*N add), which is not counted.";
}

def : Lowering<"", "Gemm", 1, GemmShape> {
  let Counts = [Count<Mul, "M*N*K">,
                Count<Add, "M*N*max(K-1, 0)">,
                // alpha * (A'B'), skipped when alpha = 1.
                Count<Mul, "alpha_scale*M*N">,
                // beta * C, skipped when beta = 1; C is broadcast to [M,N]
                // and added per output element when present (beta != 0).
                Count<Mul, "beta_scale*M*N">,
                Count<Add, "bias*M*N">];
  let MACs = "M*N*K";
  // dA' = dY B'^T, dB' = A'^T dY (the forward count each), dY scaled by
  // alpha once when alpha != 1; dC = beta * dY summed over the rows C is
  // broadcast along (a bias vector [N]: N*(M-1) add).
  let GradCounts = [Count<Mul, "dx0*M*K*N">,
                    Count<Add, "dx0*M*K*max(N-1, 0)">,
                    Count<Mul, "dx1*K*N*M">,
                    Count<Add, "dx1*K*N*max(M-1, 0)">,
                    Count<Mul, "alpha_scale*M*N">,
                    Count<Add, "dx2*bias*N*max(M-1, 0)">,
                    Count<Mul, "dx2*beta_scale*N">];
  let GradMACs = "(dx0 + dx1)*M*N*K";
  let GradDoc = "dA = dY*B'^T (if A needs a gradient; the first layer's "
                "data does not) and dB = A'^T*dY: the forward count each; "
                "alpha != 1: dY scaled once (M*N mul); dC: the bias "
                "gradient summed over the M rows (N*(M-1) add, as for a C "
                "of shape [N]), times beta if != 1";
  let Doc = "Y = alpha*A'B' + beta*C: M*N*K mul + M*N*(K-1) add for the "
            "product (transA/transB only change which dims are M, K, N); one "
            "mul per output if alpha != 1; with C: one mul per output if "
            "beta != 1 and one add per output. C is optional from opset 11; "
            "the broadcast attribute of opsets 1-6 changes no count.";
}

def : Lowering<"", "Conv", 1, ConvShape> {
  let Counts = [Count<Mul, "N*M*out_spatial*(C/group)*kernel">,
                Count<Add, "N*M*out_spatial*max((C/group)*kernel-1, 0)">,
                Count<Add, "bias*N*M*out_spatial">];
  let MACs = "N*M*out_spatial*(C/group)*kernel";
  // dW: per weight a sum over the N*out_spatial positions it touched; dX:
  // the transposed convolution of dY (each product scattered into the
  // input element it came from); dB: dY summed per output channel.
  let GradCounts = [Count<Mul, "dx1*N*M*out_spatial*(C/group)*kernel">,
                    Count<Add, "dx1*M*(C/group)*kernel*max(N*out_spatial-1, 0)">,
                    Count<Mul, "dx0*N*M*out_spatial*(C/group)*kernel">,
                    Count<Add, "dx0*max(N*M*out_spatial*(C/group)*kernel - in, 0)">,
                    Count<Add, "dx2*bias*M*max(N*out_spatial-1, 0)">];
  let GradMACs = "(dx0 + dx1)*N*M*out_spatial*(C/group)*kernel";
  let GradDoc = "dW = sum over N*out_spatial of x*dy (the forward MACs, "
                "(N*out_spatial - 1) add per weight), dX = the transposed "
                "convolution of dY (the forward MACs, products - in add), dB "
                "= dy summed per channel (M*(N*out_spatial - 1) add); 2x the "
                "forward MACs when X needs a gradient";
  let Doc = "every output element is a dot product of length "
            "(C/group)*kernel over its receptive field: MACs = mul = "
            "N*M*out_spatial*(C/group)*kernel, add = N*M*out_spatial*"
            "((C/group)*kernel - 1), plus one add per output element for the "
            "bias B when present. 1-D, 2-D and 3-D (any n) convolutions; "
            "out_spatial comes from the output shape, so strides, pads, "
            "dilations and auto_pad are accounted for; padded taps are "
            "counted as multiplies.";
}

// ConvTranspose: every input element is multiplied by the M/group*kernel
// weights it scatters to, and the products landing on one output element
// are summed (products - out add, at least 0; outputs that receive no
// product, stride > kernel, make this an upper bound by those outputs).
def : Lowering<"", "ConvTranspose", 1, ConvTransposeShape> {
  let Counts = [Count<Mul, "N*C*in_spatial*(M/group)*kernel">,
                Count<Add, "max(N*C*in_spatial*(M/group)*kernel - out, 0)">,
                Count<Add, "bias*out">];
  let MACs = "N*C*in_spatial*(M/group)*kernel";
  let Doc = "the transpose of Conv: MACs = mul = N*C*in_spatial*(M/group)*"
            "kernel (each input element times the weights of its group), "
            "add = products - out elements (the accumulation), plus one add "
            "per output element for B when present. output_padding, pads, "
            "strides and dilations are in the output shape.";
}

// Einsum: the naive loop over the full index space of the equation: at each
// point the k operands are multiplied (k-1 mul) and summed into the output
// element it belongs to (total - out add in all). For two operands this is
// exactly MatMul's convention (total = batch*M*N*K); for three or more it
// is an upper bound (a contraction order can be cheaper).
def : Lowering<"", "Einsum", 12, EinsumShape> {
  let Counts = [Count<Mul, "total*(k-1)">,
                Count<Add, "max(total - out, 0)">];
  let MACs = "total*(k-1)";
  let Doc = "naive evaluation over the full index space (total points): "
            "k-1 mul per point, total - out add (the sums over contracted "
            "subscripts). Two operands: the MatMul count. Three or more: an "
            "upper bound, no contraction order is chosen.";
}

// Det: the determinant by LU factorization with partial pivoting (LAPACK's
// getrf algorithm; ONNX Runtime's CPU kernel, math/det.cc, calls Eigen's
// determinant(), a PartialPivLU for dynamic sizes, Eigen/src/LU/
// Determinant.h), then the product of U's diagonal. For an M x M matrix,
// elimination step k (k = 0..M-2) searches the M-k candidates of column k
// for the largest magnitude (M-k abs, M-k-1 cmp), divides the M-k-1
// entries below the pivot by it (M-k-1 div) and updates the trailing
// (M-k-1)^2 block (one mul + one add each, Linear.td's separate mul and
// add). Summed: (M-1)M(2M-1)/6 mul and add (about M^3/3), M(M-1)/2 div and
// cmp, M(M+1)/2 - 1 abs; then M-1 mul for the diagonal product. Row swaps
// are data movement; the sign flip they cause is not counted.
def DetShape : ShapeBinder<"Det", ["batch", "M"]> {
  let Doc = "X is [*, M, M]: batch = the product of the leading dims (1 for "
            "a 2-D X), M the matrix size. Fails unless the last two dims "
            "are equal.";
}

def : Lowering<"", "Det", 11, DetShape> {
  let Counts = [Count<Abs, "batch*max(M*(M+1)/2 - 1, 0)">,
                Count<Cmp, "batch*M*max(M-1, 0)/2">,
                Count<Div, "batch*M*max(M-1, 0)/2">,
                Count<Mul, "batch*max(M-1, 0)*M*(2*M-1)/6">,
                Count<Add, "batch*max(M-1, 0)*M*(2*M-1)/6">,
                Count<Mul, "batch*max(M-1, 0)">];
  let MACs = "batch*max(M-1, 0)*M*(2*M-1)/6";
  let Doc = "LU with partial pivoting per matrix: (M-1)M(2M-1)/6 mul + add "
            "in the trailing updates (~M^3/3, the MACs), M(M-1)/2 div "
            "(multipliers) and cmp (pivot search over M(M+1)/2 - 1 abs), "
            "then M-1 mul for the product of the diagonal";
}
