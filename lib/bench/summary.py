import json, statistics, sys, collections
rows = collections.defaultdict(list)
for l in open(sys.argv[1] if len(sys.argv) > 1 else 'lib/bench/results-final.jsonl'):
    if not l.startswith('{'): continue
    try: d = json.loads(l)
    except Exception: continue
    r = d['r']
    key = (r['impl'], r['cell'], r['hidden'], r['seq'], r['batch'], r['steps'])
    rows[key].append((r['chars_per_sec'], r.get('chars_per_process_cpu_sec', r.get('chars_per_cpu_sec', float('nan'))), r['first_loss'], r['final_loss'], r['wall_s'], d['load_before'], d['load_after']))
fmt = lambda x: format(round(x), ',')
print('| impl | cell | H | T | B | steps | runs | chars/s wall, median (min–max) | chars/process-CPU-s, median (min–max) | first loss | final loss | loop s (wall) | load avg 1 min |')
print('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|')
for k in sorted(rows, key=lambda k: (k[1] != 'lstm', k[1], -k[2], k[0])):
    v = rows[k]
    w = [x[0] for x in v]; c = [x[1] for x in v]
    print('| %s | %s | %d | %d | %d | %d | %d | **%s** (%s–%s) | **%s** (%s–%s) | %.3f | %.3f | %.1f | %.1f–%.1f |' % (
        k[0], k[1].upper(), k[2], k[3], k[4], k[5], len(v), fmt(statistics.median(w)), fmt(min(w)), fmt(max(w)),
        fmt(statistics.median(c)), fmt(min(c)), fmt(max(c)),
        statistics.median(x[2] for x in v), statistics.median(x[3] for x in v), statistics.median(x[4] for x in v),
        min(min(x[5], x[6]) for x in v), max(max(x[5], x[6]) for x in v)))
