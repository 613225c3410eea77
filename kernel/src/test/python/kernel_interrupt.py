#!/usr/bin/env python3
"""Kernel -> Interrupt integration test for the course kernelspec (issue 14).

Starts the kernel once through jupyter_client and, in that one kernel:
  0. runs a cell out of order, as after a restart (``Datasets`` used before the cell that imports it):
     the error must name the compiler's message ("cannot find symbol") in its value, show the statement
     once, and carry the bilingual "run the cells above first / Run All Above" hint (issue 14, part 2);
  1. defines ``int keep = 41;``;
  2. for each long cell (a busy loop, a Thread.sleep loop, a library training loop with
     kursus.rnn.train.Trainer) sends a real ``interrupt_request`` (KernelManager.interrupt_kernel with
     the kernelspec's ``interrupt_mode: message``) about 1.5 s after the cell started, and requires
       - the cell's execute_reply within --max-latency seconds (default 1.0) of the request,
       - the kernel process to be (nearly) idle afterwards: the loop really stopped, it was not
         merely abandoned while burning a core in the background (Linux /proc only),
       - the next cell ``System.out.println(keep + 1);`` to print 42 (variables kept, kernel answers);
  3. for the training loop also that the partial History was kept (``h.steps() > 0``, stop reason
     "interrupted") and that the bilingual "interrupted at step N" line was printed.

Prints one line per case with the measured latency. Exit status 0 iff every case passed.
The caller chooses the kernelspec through JUPYTER_PATH / JUPYTER_DATA_DIR.
"""
import argparse
import os
import sys
import tempfile
import time
from queue import Empty

from jupyter_client.manager import KernelManager

TRAIN_SETUP = """import kursus.rnn.core.Params;
import kursus.rnn.optim.Sgd;
import kursus.rnn.train.History;
import kursus.rnn.train.Trainer;
import org.nd4j.linalg.factory.Nd4j;
Params p = new Params();
p.add("w", Nd4j.create(new double[] {0}, new long[] {1}));
Trainer trainer = new Trainer(p, new Sgd(1e-6)).progress(false);
"""

CASES = [
    # (name, long cell, check after the interrupt: (code, expected stdout substring))
    ("busy loop", "long s = 0;\nfor (long i = 0; i < 50_000_000_000L; i++) s += i % 7;", None),
    ("Thread.sleep loop", "for (int i = 0; i < 6000; i++) {\n    Thread.sleep(100);\n}", None),
    ("Trainer.fitSteps",
     "History h = trainer.fitSteps(100_000_000, s -> s, s -> {\n"
     "    double w = p.value(\"w\").getDouble(0);\n"
     "    p.grad(\"w\").addi(2 * (w - 3));\n"
     "    return (w - 3) * (w - 3);\n"
     "});",
     ('System.out.println("steps>0=" + (h.steps() > 0) + " stop=" + h.stopReason());',
      "steps>0=true stop=interrupted")),
]


def cpu_seconds(pid):
    """utime + stime of a process from /proc (None elsewhere)."""
    try:
        with open("/proc/%d/stat" % pid, "rb") as f:
            rest = f.read().decode("ascii", "replace")
    except OSError:
        return None
    rest = rest[rest.rfind(")") + 2:].split()
    return (int(rest[11]) + int(rest[12])) / os.sysconf("SC_CLK_TCK")


def collect(kc, msg_id, timeout):
    """Runs until the shell reply of msg_id arrives (or timeout); returns (reply or None, stdout, errors)."""
    deadline = time.monotonic() + timeout
    reply = None
    while reply is None and time.monotonic() < deadline:
        try:
            m = kc.get_shell_msg(timeout=0.05)
            if m["parent_header"].get("msg_id") == msg_id:
                reply = m
        except Empty:
            pass
    return reply


def drain_iopub(kc, msg_id, timeout=10.0):
    """IOPub output of msg_id until its idle status: (stdout text, [error evalue/traceback text])."""
    out, errors = [], []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            m = kc.get_iopub_msg(timeout=0.2)
        except Empty:
            continue
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        t, c = m["msg_type"], m["content"]
        if t == "stream":
            out.append(c.get("text", ""))
        elif t == "execute_result":
            out.append(c.get("data", {}).get("text/plain", ""))
        elif t == "error":
            errors.append("%s: %s %s" % (c.get("ename"), c.get("evalue"), " ".join(c.get("traceback", []))))
        elif t == "status" and c.get("execution_state") == "idle":
            break
    return "".join(out), errors


def run_cell(kc, code, timeout=60.0):
    msg_id = kc.execute(code)
    reply = collect(kc, msg_id, timeout)
    out, errors = drain_iopub(kc, msg_id)
    return reply, out, errors


def wait_busy(kc, msg_id, timeout=30.0):
    """Waits for IOPub 'busy' of msg_id (the kernel started the cell)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            m = kc.get_iopub_msg(timeout=0.2)
        except Empty:
            continue
        if (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                and m["content"].get("execution_state") == "busy"):
            return True
    return False


def interrupt_case(km, kc, pid, name, code, after, max_latency, reply_timeout):
    problems = []
    msg_id = kc.execute(code)
    if not wait_busy(kc, msg_id):
        return ["%s: the kernel never started the cell" % name], None
    time.sleep(1.5)  # let the loop run
    early = collect(kc, msg_id, 0.01)
    if early is not None:
        return ["%s: the cell ended before the interrupt (status %s)" % (name, early["content"].get("status"))], None
    t0 = time.monotonic()
    km.interrupt_kernel()  # interrupt_mode 'message': an interrupt_request on the control channel
    reply = collect(kc, msg_id, reply_timeout)
    latency = time.monotonic() - t0
    if reply is None:
        problems.append("%s: no execute_reply within %.0f s after interrupt_request" % (name, reply_timeout))
        return problems, None
    out, errors = drain_iopub(kc, msg_id)
    if latency > max_latency:
        problems.append("%s: execute_reply %.2f s after interrupt_request (limit %.2f s)" % (name, latency, max_latency))
    status = reply["content"].get("status")
    if status != "error":
        problems.append("%s: reply status %r, expected 'error' (interrupted)" % (name, status))
    if not any("Interrupt" in e or "interrupt" in e for e in errors):
        problems.append("%s: no error output naming the interrupt (got %r)" % (name, errors[:1]))
    # The loop must really have stopped. Right after the reply the JVM may still compile and collect (a
    # burst of a few tenths of a second on an idle machine), so the second *after* a settling second is
    # measured: a loop still running would use about a full CPU second there.
    if pid and cpu_seconds(pid) is not None:
        time.sleep(1.0)
        c0 = cpu_seconds(pid)
        time.sleep(1.0)
        used = cpu_seconds(pid) - c0
        if used > 0.7:
            problems.append("%s: the kernel used %.2f s CPU in the second second after the reply: the loop is "
                            "still running in the background" % (name, used))
    reply2, out2, err2 = run_cell(kc, "System.out.println(keep + 1);", 60)
    if reply2 is None or reply2["content"].get("status") != "ok" or out2.strip() != "42":
        problems.append("%s: next cell 'keep + 1' gave status %s, output %r, errors %r" % (
            name, None if reply2 is None else reply2["content"].get("status"), out2, err2[:1]))
    if after:
        code3, expected = after
        reply3, out3, err3 = run_cell(kc, code3, 60)
        if expected not in out3:
            problems.append("%s: %r printed %r, expected %r (errors %r)" % (name, code3, out3, expected, err3[:1]))
        if "interrupted at step" not in out or "dihentikan pada langkah" not in out:
            problems.append("%s: the training cell did not print the bilingual 'dihentikan pada langkah N / "
                            "interrupted at step N' line (output %r)" % (name, out[-300:]))
    return problems, latency


OUT_OF_ORDER = 'var table = Datasets.load(Datasets.path("x"));\nSystem.out.println(table);'


def out_of_order_problems(kc):
    """Part 2: a later cell run first after a restart."""
    reply, out, errors = run_cell(kc, OUT_OF_ORDER, 90)
    if reply is None or reply["content"].get("status") != "error":
        return ["out of order: expected an error reply, got %r" % (None if reply is None else reply["content"])]
    c = reply["content"]
    problems = []
    value = c.get("evalue", "")
    if c.get("ename") != "CompilerException" or "cannot find symbol" not in value:
        problems.append("out of order: error %r %r does not give the compiler's message" % (c.get("ename"), value))
    for marker in ("[ID] Sel ini memakai sesuatu yang didefinisikan di atas", "[EN] This cell uses something "
                   "defined above", "Run All Above"):
        if marker not in value:
            problems.append("out of order: the error has no %r hint: %r" % (marker, value))
    traceback = "\n".join(c.get("traceback", []))
    if traceback.count("var table") != 1:
        problems.append("out of order: the statement is shown %d times, expected once" % traceback.count("var table"))
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--kernel", default="kursus-rnn")
    ap.add_argument("--max-latency", type=float, default=1.0)
    ap.add_argument("--reply-timeout", type=float, default=15.0)
    ap.add_argument("--logdir", default=None)
    ap.add_argument("--case", default=None, help="run only the case whose name starts with this")
    a = ap.parse_args()
    logdir = a.logdir or tempfile.mkdtemp(prefix="kursus-kernel-interrupt-")
    os.makedirs(logdir, exist_ok=True)
    log_path = os.path.join(logdir, "kernel-interrupt-%s.stderr" % a.kernel)
    tag = "[kernel-interrupt %s]" % a.kernel
    km = KernelManager(kernel_name=a.kernel)
    problems = []
    with open(log_path, "wb") as log:
        t0 = time.monotonic()
        km.start_kernel(stderr=log, stdout=log)
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=90)
            print("%s kernel ready in %.2f s" % (tag, time.monotonic() - t0), flush=True)
            proc = getattr(getattr(km, "provisioner", None), "process", None)
            pid = getattr(proc, "pid", None)
            if not a.case or a.case == "out":
                p = out_of_order_problems(kc)
                problems += p
                print("%s %-18s %s" % (tag, "out-of-order cell", "OK  " if not p else "FAIL"), flush=True)
            for setup in ("int keep = 41;", TRAIN_SETUP):
                reply, out, errors = run_cell(kc, setup, 90)
                if reply is None or reply["content"].get("status") != "ok":
                    raise RuntimeError("set-up cell failed: %r %r" % (errors[:1], out[-300:]))
            for name, code, after in CASES:
                if a.case and not name.startswith(a.case):
                    continue
                p, latency = interrupt_case(km, kc, pid, name, code, after, a.max_latency, a.reply_timeout)
                problems += p
                print("%s %-18s %s%s" % (tag, name, "OK  " if not p else "FAIL",
                      "" if latency is None else "  reply %.3f s after interrupt_request" % latency), flush=True)
                if p and any("no execute_reply" in x for x in p):
                    break  # the kernel is stuck in that cell: later cases cannot run
        except Exception as e:
            problems.append("%s: %s" % (type(e).__name__, e))
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    for p in problems:
        print("%s FAIL %s" % (tag, p), flush=True)
    print("%s %s (kernel log: %s)" % (tag, "all cases passed" if not problems else "%d problem(s)" % len(problems),
                                      log_path), flush=True)
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
