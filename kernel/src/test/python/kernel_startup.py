#!/usr/bin/env python3
"""Kernel start-up integration test for the course kernelspec.

Starts the kernel N times through jupyter_client; every start must answer kernel_info within
--timeout seconds. Prints one line per start, then min/median/max and how many loop threads the
SafeKernelLauncher revived (read from the kernel's stderr). With --check-mime the first start also
checks that a non-image result comes back as text/plain (the launcher's default), not text/html.

Exit status 0 iff every start succeeded (and the MIME check passed).
The caller chooses the kernelspec through JUPYTER_PATH / JUPYTER_DATA_DIR.
"""
import argparse
import os
import statistics
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager


def one_start(name, timeout, check_mime, logdir, k):
    log_path = os.path.join(logdir, "kernel-%02d.stderr" % k)
    km = KernelManager(kernel_name=name)
    t0 = time.monotonic()
    with open(log_path, "wb") as log:
        try:
            km.start_kernel(stderr=log, stdout=log)
        except Exception as e:  # kernelspec missing, java missing, ...
            return False, 0.0, 0, "cannot start: %s" % e
        kc = km.client()
        kc.start_channels()
        ok, err = True, ""
        try:
            kc.wait_for_ready(timeout=timeout)
        except RuntimeError as e:
            ok, err = False, str(e)
        elapsed = time.monotonic() - t0
        if ok and check_mime:
            err = mime_check(kc)
            ok = not err
        kc.stop_channels()
        try:
            km.shutdown_kernel(now=not ok)
        except Exception:
            km.shutdown_kernel(now=True)
    with open(log_path, "r", encoding="utf-8", errors="replace") as f:
        revived = sum(1 for line in f if "revived loop thread '" in line)
    return ok, elapsed, revived, err


def mime_check(kc):
    msg_id = kc.execute('"a<b"')
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        msg = kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            data = msg["content"]["data"]
            if "text/plain" in data and "text/html" not in data:
                return ""
            return "expected a text/plain result, got MIME types %s" % sorted(data)
        if msg["msg_type"] == "error":
            return "execution error: %s" % msg["content"].get("evalue")
    return "no execute_result within 60 s"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--kernel", default="kursus-rnn")
    ap.add_argument("--n", type=int, default=8)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--no-mime-check", action="store_true")
    ap.add_argument("--logdir", default=None)
    a = ap.parse_args()
    logdir = a.logdir or tempfile.mkdtemp(prefix="kursus-kernel-start-")
    os.makedirs(logdir, exist_ok=True)

    times, fails, revived_total = [], 0, 0
    for k in range(1, a.n + 1):
        ok, t, revived, err = one_start(a.kernel, a.timeout, k == 1 and not a.no_mime_check, logdir, k)
        revived_total += revived
        if ok:
            times.append(t)
            print("[kernel-start] %2d/%d OK   %.2f s  revived=%d" % (k, a.n, t, revived), flush=True)
        else:
            fails += 1
            print("[kernel-start] %2d/%d FAIL %.2f s  %s (stderr: %s)" % (k, a.n, t, err,
                  os.path.join(logdir, "kernel-%02d.stderr" % k)), flush=True)
    if times:
        print("[kernel-start] kernel '%s': %d/%d OK; time to kernel_info: min %.2f s, median %.2f s, "
              "max %.2f s; loop threads revived: %d" % (a.kernel, len(times), a.n, min(times),
              statistics.median(times), max(times), revived_total), flush=True)
    else:
        print("[kernel-start] kernel '%s': 0/%d OK" % (a.kernel, a.n), flush=True)
    return 0 if fails == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
