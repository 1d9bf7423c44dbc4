"""Backpropagation by hand: the painter's gradients from the chain rule alone, no autograd."""

from .checks import check_batch, check_model, check_targets


def backprop(model, sketches, targets):
    """The gradient of the MSE loss for each of `model`'s parameters."""
    check_model(model, "backprop")
    W1, b1 = model.layer1.weight.detach(), model.layer1.bias.detach()
    W2, b2 = model.layer2.weight.detach(), model.layer2.bias.detach()
    check_batch(sketches, W1.shape[1], W1.dtype, who="backprop")
    x = sketches
    z = x @ W1.T + b1          # station 1, before the filter  [n, hidden]
    h = z.clamp(min=0)         # ReLU                          [n, hidden]
    y_hat = h @ W2.T + b2      # station 2: the scores         [n, 1]
    check_targets(targets, y_hat, who="backprop")
    d_y_hat = 2 * (y_hat - targets) / y_hat.numel()  # dL/dy_hat, L the mean
    d_h = d_y_hat @ W2         # back through station 2
    d_z = d_h * (z > 0)        # ReLU passes feedback only where it fired
    return {
        "layer1.weight": d_z.T @ x,
        "layer1.bias": d_z.sum(0),
        "layer2.weight": d_y_hat.T @ h,
        "layer2.bias": d_y_hat.sum(0),
    }
