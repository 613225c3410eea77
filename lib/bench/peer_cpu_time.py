#!/usr/bin/env python3
"""Runs a peer script from lib/bench/peers and adds CPU-time keys to its JSON line.

The peers time their training loop with two calls of time.perf_counter() (wall clock). On a
shared machine the wall clock also counts time spent waiting for a CPU. This wrapper lets the
peer run unchanged, records the process CPU time (time.process_time) at the same two calls, and
adds "cpu_s" and "chars_per_cpu_sec" to the line (with OMP_NUM_THREADS=1 the process has one
busy thread). The peer's own "chars_per_sec"/"wall_s" stay wall-clock values.

usage: OMP_NUM_THREADS=1 python3 peer_cpu_time.py /path/to/numpy_lstm.py --hidden 128 ...
"""
import contextlib
import importlib.util
import io
import json
import os
import sys
import time

script = sys.argv[1]
real_perf_counter = time.perf_counter
cpu_marks = []


def perf_counter():
    cpu_marks.append(time.process_time())
    return real_perf_counter()


time.perf_counter = perf_counter
sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
spec = importlib.util.spec_from_file_location("peer", script)
peer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(peer)
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    rc = peer.main(sys.argv[2:])
for line in buf.getvalue().splitlines():
    if line.startswith("{") and len(cpu_marks) >= 2:
        d = json.loads(line)
        cpu = cpu_marks[-1] - cpu_marks[-2]
        d["cpu_s"] = round(cpu, 3)
        d["chars_per_cpu_sec"] = round(d["batch"] * d["seq"] * d["steps"] / cpu, 1)
        line = json.dumps(d)
    print(line)
sys.exit(rc)
