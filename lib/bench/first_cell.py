#!/usr/bin/env python3
"""Seconds from kernel start to the end of a lesson's first training cell (README "Performance").

usage: JUPYTER_PATH=kernel/target/it-jupyter /usr/bin/python3 lib/bench/first_cell.py notebooks/05-lstm.ipynb char-train [kernel]

Starts the kernel (default: kursus-rnn; the test command installs it under kernel/target/it-jupyter),
runs the notebook's code cells up to and including the cell with the given id, and prints one JSON
line: kernel_ready_s, training_cell_starts_s, first_trained_s (all from the kernel start request).
Measured 2026-12-03: 03 hello-train, 05 char-train, 06 compare-run, 07 one-to-one-run,
08 ngram-run, 09 lstm-train, 10 price-run.
"""
import json
import sys
import time

import nbformat
from nbclient import NotebookClient

path, target = sys.argv[1], sys.argv[2]
kernel = sys.argv[3] if len(sys.argv) > 3 else "kursus-rnn"
nb = nbformat.read(path, as_version=4)
idx = next((i for i, c in enumerate(nb.cells) if c.get("id") == target), None)
if idx is None:
    sys.exit("no cell with id %r in %s" % (target, path))
nb.cells = nb.cells[: idx + 1]
t0 = time.time()
client = NotebookClient(nb, kernel_name=kernel, timeout=600)
with client.setup_kernel():
    t1 = time.time()
    tc = t1
    for i, c in enumerate(nb.cells):
        if i == idx:
            tc = time.time()
        if c.cell_type == "code":
            client.execute_cell(c, i)
    t2 = time.time()
print(json.dumps({"notebook": path.split("/")[-1], "first_training_cell": target,
                  "kernel_ready_s": round(t1 - t0, 2), "training_cell_starts_s": round(tc - t0, 2),
                  "first_trained_s": round(t2 - t0, 2)}))
