#!/usr/bin/env python3
"""Medians and ratios from the JSON lines of lib/bench/run.sh (usage: compare.py FILE...).

Speed is chars per CPU-second: the library's whole-process CPU time (training thread plus JIT
compiler, GC and ND4J's deallocator threads) and, in brackets, its training thread alone; the
peers' process CPU time (time.process_time at the peer's own two timer calls; the DL4J peer, a JVM,
like the library: whole process, training thread in brackets). CPU time depends
far less than wall time on what else runs on a shared machine. The ratio library / peer uses the
whole-process figure. For the library, "second run" is the same number of steps trained again in
the same JVM right after the first (what re-running a notebook cell sees: the JIT has compiled the
training code by then); its ratio is in the last-but-one column.
"""
import collections
import json
import statistics
import sys

runs = collections.defaultdict(list)
for path in sys.argv[1:]:
    for line in open(path):
        if not line.startswith("{"):
            continue
        d = json.loads(line)
        r = d["r"]
        key = (r["cell"], r["hidden"], r["seq"], r["batch"], r["steps"])
        r["_load"] = (d["load_before"], d["load_after"])
        runs[key, r["impl"]].append(r)


def med(rs, k):
    return statistics.median(r[k] for r in rs)


print("| config (cell H, T, B), steps | impl | runs | chars/CPU-s median: process (training thread) [second run] | final loss | library ÷ peer: first run; second run | load |")
print("|---|---|---:|---:|---:|---:|---|")
for key in sorted({k for k, _ in runs}, key=lambda k: (k[0] != "lstm", k[0], k[1] != 128, k[1])):
    lib = runs.get((key, "java-nd4j"))
    lib_rate = med(lib, "chars_per_process_cpu_sec") if lib else None
    warm = [r for r in lib or [] if r.get("warm_steps")]
    warm_rate = statistics.median(r["warm_chars_per_process_cpu_sec"] for r in warm) if warm else None
    for impl in ["java-nd4j", "numpy", "torch", "java-dl4j"]:
        rs = runs.get((key, impl))
        if not rs:
            continue
        if impl == "java-nd4j":
            speed = "**%s** (%s)" % (format(round(lib_rate), ","), format(round(med(rs, "chars_per_cpu_sec")), ","))
            if warm_rate:
                speed += " [%s]" % format(round(warm_rate), ",")
            ratio = ""
        else:
            if impl == "java-dl4j":  # a JVM too: whole process, training thread in brackets, ratio on the process
                rate = med(rs, "chars_per_process_cpu_sec")
                speed = "%s (%s)" % (format(round(rate), ","), format(round(med(rs, "chars_per_cpu_sec")), ","))
            else:
                rate = med(rs, "chars_per_cpu_sec")
                speed = format(round(rate), ",")
            ratio = "%.2f×" % (lib_rate / rate) if lib_rate else ""
            if lib_rate and warm_rate:
                ratio += "; %.2f×" % (warm_rate / rate)
        loads = [x for r in rs for x in r["_load"]]
        print("| %s (%d, %d, %d), %d | %s | %d | %s | %.3f | %s | %.1f–%.1f |" % (
            key[0].upper(), key[1], key[2], key[3], key[4], impl, len(rs), speed,
            med(rs, "final_loss"), ratio, min(loads), max(loads)))
