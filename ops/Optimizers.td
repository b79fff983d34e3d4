//===- ops/Optimizers.td - Parameter updates of a training step -----------===//
//
// The optimizers of --mode=train (--optimizer=NAME): the update one training
// step applies to every element of every trainable parameter, counted per
// primitive like the lowering rules (a square is a mul, a subtraction an
// add). n is the tensor's elements; a count without n happens once per
// tensor per step. Learning rate, betas and epsilon are constants, and
// (1 - beta) is folded into one constant, as implementations do.
//
//===----------------------------------------------------------------------===//

// Plain stochastic gradient descent, p <- p - lr*g (PyTorch's torch.optim.SGD
// documentation, the algorithm box with momentum = 0 and weight_decay = 0).
def : Optimizer<"sgd"> {
  let Counts = [Count<Mul, "n">,   // lr*g
                Count<Add, "n">];  // p - lr*g
  let Doc = "p <- p - lr*g: 1 mul + 1 add per element";
  let Source = "PyTorch torch.optim.SGD documentation (algorithm box, "
               "momentum = 0)";
}

// SGD with momentum as PyTorch implements it (dampening 0, no Nesterov):
// b <- mu*b + g, p <- p - lr*b (torch.optim.SGD documentation; Sutskever et
// al. 2013 write the same update with lr folded into the velocity).
def : Optimizer<"momentum"> {
  let Counts = [Count<Mul, "n">,   // mu*b
                Count<Add, "n">,   // + g
                Count<Mul, "n">,   // lr*b
                Count<Add, "n">];  // p - lr*b
  let StateTensors = 1;            // the velocity b
  let Doc = "b <- mu*b + g, p <- p - lr*b: 2 mul + 2 add per element, one "
            "velocity tensor";
  let Source = "PyTorch torch.optim.SGD documentation (momentum, dampening "
               "= 0); Sutskever et al. 2013, ICML, eq. 1-2";
}

// Adam (Kingma and Ba 2015, arXiv 1412.6980, Algorithm 1), as PyTorch's
// torch.optim.Adam documents it:
//   m <- b1*m + (1-b1)*g            2 mul, 1 add
//   v <- b2*v + (1-b2)*g^2          3 mul (g*g, (1-b2)*g^2, b2*v), 1 add
//   mh <- m / (1 - b1^t)            1 div
//   vh <- v / (1 - b2^t)            1 div
//   p <- p - lr*mh / (sqrt(vh)+eps) 1 sqrt, 1 add (+eps), 1 mul, 1 div,
//                                   1 add (the subtraction)
// Per tensor and step, the bias corrections b1^t, b2^t (running products:
// 2 mul) and 1 - b^t (2 add).
def : Optimizer<"adam"> {
  let Counts = [Count<Mul, "6*n">,
                Count<Add, "4*n">,
                Count<Div, "3*n">,
                Count<Sqrt, "n">,
                Count<Mul, "2">,
                Count<Add, "2">];
  let StateTensors = 2;            // first and second moments m, v
  let Doc = "moments m, v (5 mul incl. the square, 2 add), bias-corrected "
            "(2 div), step lr*mh/(sqrt(vh)+eps) (1 sqrt, 1 add, 1 mul, 1 "
            "div, 1 add): 6 mul + 4 add + 3 div + 1 sqrt per element, 2 mul "
            "+ 2 add per tensor for the bias corrections";
  let Source = "Kingma and Ba 2015, arXiv 1412.6980, Algorithm 1; PyTorch "
               "torch.optim.Adam documentation";
}
