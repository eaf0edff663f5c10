#!/usr/bin/env python3
# Independent re-implementation of the `pairs` rules (docs/strategies/pairs.md) and of the engine's
# accounting for this case (cash account, next-open fills, bps slippage, percent commission per
# fill, end-of-data close), in plain Python without QuantZoo code, to cross-check the Java run of
# configs/pairs.yaml on the bundled BTC-USD/ETH-USD data (PairsRealDataTest pins its figures).
#
#   python3 docs/strategies/pairs-crosscheck.py [fills.csv]
#
# Prints the fill count and net P&L; with an argument, writes the fills as
# symbol,timeMillis,side,quantity,price,tag for a line-by-line comparison.
import csv, math, datetime, os, sys
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
def load(p):
    out = {}
    with open(p) as f:
        r = csv.DictReader(f)
        for row in r:
            t = int(datetime.datetime.fromisoformat(row['timestamp'].replace('Z', '+00:00')).timestamp() * 1000)
            out[t] = (float(row['open']), float(row['close']))
    return out
A, B = 'BTC-USD', 'ETH-USD'
data = {A: load(os.path.join(ROOT, 'data', 'btc-usd-4h-2016-2025.csv')), B: load(os.path.join(ROOT, 'data', 'eth-usd-4h-2016-2025.csv'))}
L, ZE, ZX, MH, MC, LP = 60, 2.0, 0.5, 20, 0.7, 45.0
COMM, BPS = 0.1, 2.0
def floor_lot(q):
    return math.floor(q / 1e-8 + 1e-9) * 1e-8 if q > 0 else 0.0
def mean(v): return sum(v) / len(v)
def ols(x, y):
    mx, my = mean(x), mean(y)
    sxx = sum((a - mx) ** 2 for a in x); sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    if not math.sqrt(sxx / len(x)) > 1e-10 * max(abs(a) for a in x): return float('nan')
    return sxy / sxx
def zscore(x, y, beta):
    s = [b - beta * a for a, b in zip(x, y)]; m = mean(s)
    sd = math.sqrt(sum((v - m) ** 2 for v in s) / len(s))
    scale = max(abs(b) + abs(beta * a) for a, b in zip(x, y))
    if not sd > 1e-10 * scale: return float('nan')
    return (s[-1] - m) / sd
def corr(u, v):
    mu, mv = mean(u), mean(v)
    suu = sum((a - mu) ** 2 for a in u); svv = sum((b - mv) ** 2 for b in v)
    suv = sum((a - mu) * (b - mv) for a, b in zip(u, v))
    if not (math.sqrt(suu / len(u)) > 1e-10 * max(abs(a) for a in u)
            and math.sqrt(svv / len(v)) > 1e-10 * max(abs(b) for b in v)): return float('nan')
    return suv / math.sqrt(suu * svv)
times = sorted(set(data[A]) | set(data[B]))
cash = 100000.0; pos = {A: 0.0, B: 0.0}; mark = {}
pending = {A: [], B: []}; fills = []
win = []; state = 0; aligned = 0; entry_al = 0
def fill(sym, side, qty, ref, t, tag):
    global cash
    price = ref * (1 + (1 if side == 'BUY' else -1) * BPS / 1e4)
    comm = price * qty * COMM / 100
    cash -= comm
    cash -= (qty if side == 'BUY' else -qty) * price
    pos[sym] += qty if side == 'BUY' else -qty
    fills.append((sym, t, side, qty, price, tag))
for t in times:
    for sym in (A, B):
        if t in data[sym]:
            o, c = data[sym][t]
            for (side, qty, tag) in pending[sym]:
                if qty == 'close':
                    if pos[sym] == 0: continue
                    side = 'SELL' if pos[sym] > 0 else 'BUY'; qty = abs(pos[sym])
                fill(sym, side, qty, o, t, tag)
            pending[sym] = []
            mark[sym] = c
    if not (t in data[A] and t in data[B]): continue
    pa, pb = data[A][t][1], data[B][t][1]
    win.append((pa, pb)); win = win[-L:]; aligned += 1
    z = float('nan')
    if len(win) == L:
        x = [math.log(b) for _, b in win]; y = [math.log(a) for a, _ in win]
        z = zscore(x, y, ols(x, y))
    if state != 0:
        reason = None
        if (z > ZE) if state > 0 else (z < -ZE): reason = 'PairsOpposite'
        elif (z > -ZX) if state > 0 else (z < ZX): reason = 'PairsRevert'
        elif aligned - entry_al >= MH: reason = 'PairsTimeStop'
        if reason:
            pending[A].append((None, 'close', reason)); pending[B].append((None, 'close', reason)); state = 0
        continue
    d = -1 if z > ZE else (1 if z < -ZE else 0)
    if d == 0: continue
    ra = [math.log(win[i][0] / win[i - 1][0]) for i in range(1, L)]
    rb = [math.log(win[i][1] / win[i - 1][1]) for i in range(1, L)]
    cr = corr(ra, rb)
    if not cr >= MC: continue
    eq = cash + pos[A] * mark[A] + pos[B] * mark[B]
    n = eq * LP / 100
    qa, qb = floor_lot(n / pa), floor_lot(n / pb)
    if not (qa > 0 and qb > 0): continue
    tag = 'PairsLong' if d > 0 else 'PairsShort'
    pending[A].append(('BUY' if d > 0 else 'SELL', qa, tag)); pending[B].append(('SELL' if d > 0 else 'BUY', qb, tag))
    state = d; entry_al = aligned
last = {s: max(data[s]) for s in (A, B)}
for sym in (A, B):
    if pos[sym] != 0:
        side = 'SELL' if pos[sym] > 0 else 'BUY'
        fill(sym, side, abs(pos[sym]), data[sym][last[sym]][1], last[sym], 'EndOfData')
print('fills', len(fills), 'round trips', len(fills) // 4, 'final cash', cash, 'net', cash - 100000)
if len(sys.argv) > 1:
    with open(sys.argv[1], 'w') as f:
        for fl in fills: f.write(','.join(map(str, fl)) + '\n')
