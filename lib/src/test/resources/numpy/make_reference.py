#!/usr/bin/python3
"""Reference streams of NumPy's legacy np.random, for NumpyRandomTest.

Run once with Debian's NumPy (python3-numpy 1.24 on Linux x86-64, glibc):

    /usr/bin/python3 lib/src/test/resources/numpy/make_reference.py > lib/src/test/resources/numpy/reference.txt

Output: one case per line, tab-separated:  key  shape  values
  key     seed/name, or paper/<snippet>/<nn>_<variable> for the arrays of the paper
          the lecture paper (section 2.1) draws after np.random.seed(1), in its order
  shape   dims joined by 'x' ('-' for a sequence of separate calls)
  values  space-separated; doubles as Python repr (shortest string that reads back to the
          same 64 bits), integers as integers, digests as hex
Nothing in this file is computed by the Java code under test.
"""
import hashlib
import math
import platform
import sys

import numpy as np

SEEDS = [0, 1, 42, 2**32 - 1]
P5 = [.1, .2, .3, .2, .2]
rows = []


def put(key, shape, values):
    vals = []
    for v in values:
        if isinstance(v, (int, np.integer)):
            vals.append(str(int(v)))
        elif isinstance(v, str):
            vals.append(v)
        else:
            vals.append(repr(float(v)))
    rows.append("%s\t%s\t%s" % (key, shape, " ".join(vals)))


def flat(a):
    a = np.asarray(a)
    return "x".join(str(d) for d in a.shape) or "-", a.ravel(order="C").tolist()


def sha(a, dtype):
    return hashlib.sha256(np.ascontiguousarray(a, dtype=dtype).tobytes()).hexdigest()


for s in SEEDS:
    def fresh():
        np.random.seed(s)

    fresh(); put("%d/rand_20" % s, *flat(np.random.rand(20)))
    fresh(); put("%d/randn_21" % s, *flat(np.random.randn(21)))
    fresh(); put("%d/randn_scalar_7" % s, "-", [np.random.randn() for _ in range(7)])
    fresh(); put("%d/randn_2x3x4" % s, *flat(np.random.randn(2, 3, 4)))
    # interleaved: randn caches its second value; rand() in between must not disturb it
    fresh()
    seq = [np.random.randn(), np.random.rand(), np.random.randn(), np.random.randn(), np.random.rand()]
    seq += np.random.randn(3).tolist() + [np.random.rand(), np.random.randn()]
    put("%d/interleaved" % s, "-", seq)
    # reseeding forgets the cached Gaussian
    np.random.seed(s); np.random.randn(); np.random.seed(s)
    put("%d/randn_after_reseed_3" % s, *flat(np.random.randn(3)))
    fresh(); put("%d/uniform_m1_2_10" % s, *flat(np.random.uniform(-1, 2, size=10)))
    fresh(); put("%d/normal_3_0.5_11" % s, *flat(np.random.normal(3, 0.5, size=11)))
    fresh(); put("%d/rand_f32_5" % s, *flat(np.random.rand(5).astype(np.float32)))
    fresh(); put("%d/randn_f32_2x3" % s, *flat(np.random.randn(2, 3).astype(np.float32)))

    fresh(); put("%d/randint_0_100_20" % s, *flat(np.random.randint(0, 100, size=20)))
    fresh(); put("%d/randint_scalar_0_100_20" % s, "-", [np.random.randint(0, 100) for _ in range(20)])
    fresh(); put("%d/randint_100_10" % s, *flat(np.random.randint(100, size=10)))
    fresh(); put("%d/randint_m5_5_10" % s, *flat(np.random.randint(-5, 5, size=10)))
    fresh(); put("%d/randint_0_2p40_10" % s, *flat(np.random.randint(0, 2**40, size=10)))
    fresh(); put("%d/randint_0_2p32_6" % s, *flat(np.random.randint(0, 2**32, size=6)))
    fresh(); put("%d/randint_m2p62_2p62_6" % s, *flat(np.random.randint(-2**62, 2**62, size=6)))
    fresh(); put("%d/randint_min_max_6" % s, *flat(np.random.randint(-2**63, 2**63 - 1, size=6)))
    fresh(); put("%d/randint_7_8_then_rand" % s, "-", [float(np.random.randint(7, 8)), np.random.rand()])

    fresh(); put("%d/choice_p5_20" % s, *flat(np.random.choice(5, size=20, p=P5)))
    fresh(); put("%d/choice_p5_scalar_20" % s, "-", [np.random.choice(5, p=P5) for _ in range(20)])
    fresh(); put("%d/choice_10_20" % s, *flat(np.random.choice(10, size=20)))
    fresh(); put("%d/choice_10_scalar_20" % s, "-", [np.random.choice(10) for _ in range(20)])
    fresh(); put("%d/choice_10_3_noreplace" % s, *flat(np.random.choice(10, 3, replace=False)))
    fresh(); put("%d/choice_5_3_noreplace_p5" % s, *flat(np.random.choice(5, 3, replace=False, p=P5)))
    fresh()
    put("%d/choice_6_5_noreplace_skewed" % s,
        *flat(np.random.choice(6, 5, replace=False, p=[.5, .3, .1, .05, .03, .02])))
    fresh()
    pf = np.array([.1, .2, .3, .4], dtype=np.float32)
    put("%d/choice_p4_f32_scalar_10" % s, "-", [np.random.choice(4, p=pf) for _ in range(10)])
    fresh()
    letters = list("abcde")
    put("%d/choice_list_p5_scalar_10" % s, "-",
        [letters.index(np.random.choice(letters, p=P5)) for _ in range(10)])

    fresh(); a = np.arange(10); np.random.shuffle(a); put("%d/shuffle_arange10" % s, *flat(a))
    fresh(); a = np.arange(12).reshape(4, 3); np.random.shuffle(a); put("%d/shuffle_rows_4x3" % s, *flat(a))
    fresh(); a = list(range(7)); np.random.shuffle(a); put("%d/shuffle_list7" % s, "-", a)
    fresh(); put("%d/permutation_10" % s, *flat(np.random.permutation(10)))
    fresh(); put("%d/permutation_300" % s, *flat(np.random.permutation(300)))

    # long streams, kept as SHA-256 of the little-endian bytes
    fresh(); put("%d/rand_1000000_sha256" % s, "1000000", [sha(np.random.rand(10**6), "<f8")])
    fresh(); put("%d/randn_1000000_sha256" % s, "1000000", [sha(np.random.randn(10**6), "<f8")])
    fresh(); put("%d/permutation_100000_sha256" % s, "100000", [sha(np.random.permutation(10**5), "<i8")])

# The C library's log, which NumPy's legacy Gaussian calls (glibc on this machine): arguments from
# every branch of glibc's algorithm (near 1, ordinary, subnormal, huge), as raw 64-bit patterns.
rs = np.random.RandomState(2024)
xs = np.concatenate([
    1 + (rs.random_sample(100) - 0.5) * 0.14,           # the near-1 branch and its edges
    rs.random_sample(100),                              # (0, 1): where randn's r2 lives
    rs.randint(1, 0x7FF0000000000000, size=60, dtype=np.int64).view(np.float64),  # all magnitudes
    rs.randint(1, 1 << 52, size=20, dtype=np.int64).view(np.float64),             # subnormals
    np.array([1.0, 0.9375, 1.0 + 0x109 / 2**12, 2.0, 0.5, 5e-324, 1.7976931348623157e308]),
])
put("log/x_bits", str(len(xs)), xs.view(np.int64).tolist())
put("log/log_bits", str(len(xs)), np.array([math.log(v) for v in xs]).view(np.int64).tolist())

# The lecture paper (section 2.1): np.random.seed(1), then these randn draws in this order.
# OCR fixes (see issue 3): ba is (5,1); the forward snippets draw Waa before Wax, the backward
# ones Wax before Waa; the LSTM snippets draw Wo, bo before Wc, bc.
LSTM_PARAMS = [("Wf", (5, 8)), ("bf", (5, 1)), ("Wi", (5, 8)), ("bi", (5, 1)),
               ("Wo", (5, 8)), ("bo", (5, 1)), ("Wc", (5, 8)), ("bc", (5, 1)),
               ("Wy", (2, 5)), ("by", (2, 1))]
PAPER = {
    "rnn_cell_forward": [("xt", (3, 10)), ("a_prev", (5, 10)), ("Waa", (5, 5)), ("Wax", (5, 3)),
                         ("Wya", (2, 5)), ("ba", (5, 1)), ("by", (2, 1))],
    "rnn_forward": [("x", (3, 10, 4)), ("a0", (5, 10)), ("Waa", (5, 5)), ("Wax", (5, 3)),
                    ("Wya", (2, 5)), ("ba", (5, 1)), ("by", (2, 1))],
    "lstm_cell_forward": [("xt", (3, 10)), ("a_prev", (5, 10)), ("c_prev", (5, 10))] + LSTM_PARAMS,
    "lstm_forward": [("x", (3, 10, 7)), ("a0", (5, 10))] + LSTM_PARAMS,
    "rnn_cell_backward": [("xt", (3, 10)), ("a_prev", (5, 10)), ("Wax", (5, 3)), ("Waa", (5, 5)),
                          ("Wya", (2, 5)), ("ba", (5, 1)), ("by", (2, 1)), ("da_next", (5, 10))],
    "rnn_backward": [("x", (3, 10, 4)), ("a0", (5, 10)), ("Wax", (5, 3)), ("Waa", (5, 5)),
                     ("Wya", (2, 5)), ("ba", (5, 1)), ("by", (2, 1)), ("da", (5, 10, 4))],
    "lstm_cell_backward": [("xt", (3, 10)), ("a_prev", (5, 10)), ("c_prev", (5, 10))] + LSTM_PARAMS
                          + [("da_next", (5, 10)), ("dc_next", (5, 10))],
}
drawn = {}
for snippet, variables in PAPER.items():
    np.random.seed(1)
    drawn[snippet] = {}
    for n, (name, shape) in enumerate(variables):
        a = np.random.randn(*shape)
        drawn[snippet][name] = a
        put("paper/%s/%02d_%s" % (snippet, n, name), *flat(a))

# Sanity check of the draw order against numbers the paper prints (rnn_cell_forward/backward).
d = drawn["rnn_cell_forward"]
a_next = np.tanh(d["Wax"] @ d["xt"] + d["Waa"] @ d["a_prev"] + d["ba"])
assert np.allclose(a_next[4][:4], [0.59584544, 0.18141802, 0.61311866, 0.99808218], atol=1e-8), a_next[4]
d = drawn["rnn_cell_backward"]
a_next = np.tanh(d["Wax"] @ d["xt"] + d["Waa"] @ d["a_prev"] + d["ba"])
dtanh = d["da_next"] * (1 - a_next ** 2)
assert math.isclose((d["Wax"].T @ dtanh)[1][2], -1.3872130506020928, abs_tol=1e-12)
assert math.isclose((dtanh @ d["xt"].T)[3][1], 0.41077282493545836, abs_tol=1e-12)

print("# NumPy %s legacy np.random reference, %s %s, Python %s. Made by make_reference.py."
      % (np.__version__, platform.system(), platform.machine(), platform.python_version()))
print("# key\tshape\tvalues")
print("\n".join(rows))
