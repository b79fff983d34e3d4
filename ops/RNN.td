//===- ops/RNN.td - Lowering rules: recurrent layers ----------------------===//
//
// RNN, GRU and LSTM, counted per time step, direction and batch row
// (S = seq*batch*dirs steps), with the default activations (tanh; sigmoid
// and tanh for GRU and LSTM). A gate's pre-activation is one dot product of
// length input + hidden (x*W^T and h*R^T summed: input+hidden mul, input+
// hidden-1 add), plus the two biases Wb and Rb (2 add) when B is present.
// sigmoid = exp, add, div (NN.td). Peepholes (LSTM input P), clip and other
// activations are not counted. MACs are the gate dot products.
//
//===----------------------------------------------------------------------===//

class RNNRule<string opType, int since> : Lowering<"", opType, since, RNNShape>;

def : RNNRule<"RNN", 1> {
  let Counts = [Count<Mul, "seq*batch*dirs*hidden*(input+hidden)">,
                Count<Add, "seq*batch*dirs*hidden*max(input+hidden-1, 0)">,
                Count<Add, "bias*2*seq*batch*dirs*hidden">,
                Count<Tanh, "seq*batch*dirs*hidden">];
  let MACs = "seq*batch*dirs*hidden*(input+hidden)";
  let Doc = "per step: hidden dot products of length input+hidden, 2 bias "
            "add per hidden unit when B is present, tanh";
}

def : RNNRule<"GRU", 1> {
  let Counts = [Count<Mul, "seq*batch*dirs*3*hidden*(input+hidden)">,
                Count<Add, "seq*batch*dirs*3*hidden*max(input+hidden-1, 0)">,
                Count<Add, "bias*6*seq*batch*dirs*hidden">,
                // z and r: sigmoid.
                Count<Exp, "2*seq*batch*dirs*hidden">,
                Count<Add, "2*seq*batch*dirs*hidden">,
                Count<Div, "2*seq*batch*dirs*hidden">,
                // r applied to the hidden state, candidate tanh.
                Count<Mul, "seq*batch*dirs*hidden">,
                Count<Tanh, "seq*batch*dirs*hidden">,
                // h = (1 - z)*h~ + z*h_prev.
                Count<Add, "2*seq*batch*dirs*hidden">,
                Count<Mul, "2*seq*batch*dirs*hidden">];
  let MACs = "seq*batch*dirs*3*hidden*(input+hidden)";
  let Doc = "per step: 3*hidden dot products of length input+hidden, 6 "
            "bias add per hidden unit when B is present, 2 sigmoids (z, "
            "r), r times the hidden state (mul), tanh, (1 - z)*h~ + z*h (2 "
            "add, 2 mul)";
}

def : RNNRule<"LSTM", 1> {
  let Counts = [Count<Mul, "seq*batch*dirs*4*hidden*(input+hidden)">,
                Count<Add, "seq*batch*dirs*4*hidden*max(input+hidden-1, 0)">,
                Count<Add, "bias*8*seq*batch*dirs*hidden">,
                // i, f, o: sigmoid.
                Count<Exp, "3*seq*batch*dirs*hidden">,
                Count<Add, "3*seq*batch*dirs*hidden">,
                Count<Div, "3*seq*batch*dirs*hidden">,
                // g and tanh(c).
                Count<Tanh, "2*seq*batch*dirs*hidden">,
                // c = f*c + i*g; h = o*tanh(c).
                Count<Mul, "3*seq*batch*dirs*hidden">,
                Count<Add, "seq*batch*dirs*hidden">];
  let MACs = "seq*batch*dirs*4*hidden*(input+hidden)";
  let Doc = "per step: 4*hidden dot products of length input+hidden, 8 "
            "bias add per hidden unit when B is present, 3 sigmoids (i, f, "
            "o), 2 tanh (g, c), c = f*c + i*g (2 mul, 1 add), h = o*tanh(c) "
            "(1 mul). Peepholes are not counted.";
}
