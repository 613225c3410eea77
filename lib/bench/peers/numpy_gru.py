#!/usr/bin/env python3
"""Character-level GRU language model, trained from scratch in numpy (the GRU peer).

Same procedure as numpy_lstm.py (data, truncated BPTT over B streams, read-out, softmax
cross-entropy, clip by global norm 5, Adam with torch's update, one JSON line), with the GRU
in the course's classic form (reset gate applied BEFORE the candidate's product), as the
library's GruCell:

  z, r = sigmoid(concat(h_prev, onehot(x)) @ Wzr + bzr)          Wzr (H+V, 2H)
  hc   = tanh(concat(r * h_prev, onehot(x)) @ Wh + bh)           Wh  (H+V, H)
  h    = z * h_prev + (1 - z) * hc

The recurrence is a Python loop over time; the read-out and the weight gradients are one
matmul over all T*B rows. `--gradcheck` runs a float64 numerical gradient check.
"""
import argparse
import json
import sys
import time

import numpy as np

from numpy_lstm import DEFAULT_CORPUS, Adam, Batcher, blas_info, clip_global_norm, load_corpus, sigmoid


def init_params(vocab, hidden, rng, dtype):
    k = 1.0 / np.sqrt(hidden)
    Wzr = rng.uniform(-k, k, (hidden + vocab, 2 * hidden)).astype(dtype)
    bzr = np.zeros(2 * hidden, dtype)
    Wh = rng.uniform(-k, k, (hidden + vocab, hidden)).astype(dtype)
    bh = np.zeros(hidden, dtype)
    Wy = rng.uniform(-k, k, (hidden, vocab)).astype(dtype)
    by = np.zeros(vocab, dtype)
    return [Wzr, bzr, Wh, bh, Wy, by]


def loss_and_grads(params, xs, ys, h0):
    """Forward + full BPTT over one chunk.  xs, ys: (T, B) ints; h0: (B, H)."""
    Wzr, bzr, Wh, bh, Wy, by = params
    T, B = xs.shape
    H = h0.shape[1]
    V = Wy.shape[1]
    dt = Wzr.dtype

    Z = np.zeros((T, B, H + V), dt)  # concat(h_{t-1}, onehot(x_t))
    Z[np.arange(T)[:, None], np.arange(B)[None, :], H + xs] = 1.0
    Zr = Z.copy()  # concat(r_t * h_{t-1}, onehot(x_t))
    ZR = np.empty((T, B, 2 * H), dt)
    HC = np.empty((T, B, H), dt)
    Hs = np.empty((T, B, H), dt)
    h = h0
    for t in range(T):
        Z[t, :, :H] = h
        zr = sigmoid(Z[t] @ Wzr + bzr)
        Zr[t, :, :H] = zr[:, H:] * h
        hc = np.tanh(Zr[t] @ Wh + bh)
        h = zr[:, :H] * h + (1.0 - zr[:, :H]) * hc
        ZR[t], HC[t], Hs[t] = zr, hc, h

    H2 = Hs.reshape(T * B, H)
    logits = H2 @ Wy + by
    logits -= logits.max(axis=1, keepdims=True)
    p = np.exp(logits)
    p /= p.sum(axis=1, keepdims=True)
    rows = np.arange(T * B)
    yflat = ys.reshape(-1)
    loss = float(-np.log(p[rows, yflat]).mean())

    dlogits = p
    dlogits[rows, yflat] -= 1.0
    dlogits /= T * B
    dWy = H2.T @ dlogits
    dby = dlogits.sum(axis=0)
    dHs = (dlogits @ Wy.T).reshape(T, B, H)

    dZR = np.empty((T, B, 2 * H), dt)
    dHC = np.empty((T, B, H), dt)
    WzrH_T = Wzr[:H].T
    WhH_T = Wh[:H].T
    dh_next = np.zeros((B, H), dt)
    for t in reversed(range(T)):
        h_prev = Z[t, :, :H]
        z, r, hc = ZR[t, :, :H], ZR[t, :, H:], HC[t]
        dh = dHs[t] + dh_next
        dZR[t, :, :H] = dh * (h_prev - hc) * z * (1.0 - z)
        dac = dh * (1.0 - z) * (1.0 - hc * hc)
        dHC[t] = dac
        drh = dac @ WhH_T
        dZR[t, :, H:] = drh * h_prev * r * (1.0 - r)
        dh_next = dh * z + drh * r + dZR[t] @ WzrH_T

    dWzr = Z.reshape(T * B, H + V).T @ dZR.reshape(T * B, 2 * H)
    dbzr = dZR.sum(axis=(0, 1))
    dWh = Zr.reshape(T * B, H + V).T @ dHC.reshape(T * B, H)
    dbh = dHC.sum(axis=(0, 1))
    return loss, [dWzr, dbzr, dWh, dbh, dWy, dby], h


def train(args):
    dtype = np.dtype(args.dtype)
    data, chars = load_corpus(args.corpus)
    V, H, B, T = len(chars), args.hidden, args.batch, args.seq
    rng = np.random.default_rng(args.seed)
    params = init_params(V, H, rng, dtype)
    opt = Adam(params, args.lr)
    batches = Batcher(data, B, T)
    h = np.zeros((B, H), dtype)
    losses = []
    t0 = time.perf_counter()
    for _ in range(args.steps):
        xs, ys, reset = batches.next()
        if reset:
            h = np.zeros((B, H), dtype)
        loss, grads, h = loss_and_grads(params, xs, ys, h)
        clip_global_norm(grads, 5.0)
        opt.step(params, grads)
        losses.append(loss)
    wall = time.perf_counter() - t0
    tail = max(1, args.steps // 10)
    return {
        "impl": "numpy", "cell": "gru", "hidden": H, "seq": T, "batch": B, "steps": args.steps,
        "chars_per_sec": round(B * T * args.steps / wall, 1),
        "first_loss": round(losses[0], 4),
        "final_loss": round(float(np.mean(losses[-tail:])), 4),
        "wall_s": round(wall, 3),
        "dtype": dtype.name, "vocab": V, "lr": args.lr, "seed": args.seed, "blas": blas_info(),
    }


def gradcheck(args):
    """Central differences over every parameter entry, float64, H=6, T=5, B=3, non-zero h0."""
    data, chars = load_corpus(args.corpus)
    V, H, B, T = len(chars), 6, 3, 5
    rng = np.random.default_rng(args.seed)
    params = init_params(V, H, rng, np.float64)
    for p in params:
        p += rng.normal(0.0, 0.1, p.shape)
    xs, ys, _ = Batcher(data, B, T).next()
    h0 = rng.normal(0.0, 0.5, (B, H))
    _, grads, _ = loss_and_grads(params, xs, ys, h0)
    eps, worst = 1e-5, 0.0
    for p, g in zip(params, grads):
        num = np.zeros_like(p)
        it = np.nditer(p, flags=["multi_index"])
        for _ in it:
            ix = it.multi_index
            old = p[ix]
            p[ix] = old + eps
            lp = loss_and_grads(params, xs, ys, h0)[0]
            p[ix] = old - eps
            lm = loss_and_grads(params, xs, ys, h0)[0]
            p[ix] = old
            num[ix] = (lp - lm) / (2 * eps)
        worst = max(worst, float(np.linalg.norm(g - num) / (np.linalg.norm(g) + np.linalg.norm(num))))
    ok = worst < 1e-5
    print(json.dumps({"impl": "numpy", "cell": "gru", "gradcheck": "pass" if ok else "FAIL", "worst_rel_err_norm": worst}))
    return ok


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--seq", type=int, default=32)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--steps", type=int, default=100)
    ap.add_argument("--lr", type=float, default=0.003)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dtype", default="float32", choices=["float32", "float64"])
    ap.add_argument("--gradcheck", action="store_true")
    args = ap.parse_args(argv)
    if args.gradcheck:
        return 0 if gradcheck(args) else 1
    print(json.dumps(train(args)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
