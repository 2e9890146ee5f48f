#!/usr/bin/env python3
"""Turn a hand-written marks file into a gold file, with offsets that cannot be wrong.

Usage: python3 tests/gold/mark.py [NAME ...]   (no name: every tests/gold/*.marks and
       tests/gold/holdout/*.marks; a held-out text is named holdout/NAME)

A marks file `NAME.marks` sits beside `NAME.txt` and reads:

    source: https://...
    language: zh
    note: free text, repeated as needed

    # figures, in the order they appear in the text
    apps: 行政复议申请[142]件      a named figure: the context is searched from (the last [..] of a line is the figure)
    -: 上年同期[10763]件            the end of the previous figure on; [..] is the numeral
    ...
    # relations
    total apps = accepted + rejected + returned
    share rate = settled / received          (share = part / whole, in %)
    change chg = now ~ before pct down       (pct | abs | pp; `down`: a decrease printed unsigned)
    le part <= whole                         (a part not exceeding its whole)
    any relation line may end with `# note`

The gold file gets every figure's char offsets (Unicode scalar values, end exclusive), checked
against the text, and every relation by figure index. Each relation's arithmetic is redone with
the rounding the printed figures carry (interval arithmetic, exact decimals); a relation that
does not hold is kept (the report states it) and listed, with `"holds": false`.
"""

import json
import re
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent

FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                  "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_numeral(text):
    total, digit = 0, 0
    for ch in text:
        if ch in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[ch]
        elif ch in CHINESE_UNITS:
            total += (digit or 1) * CHINESE_UNITS[ch]
            digit = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return Decimal(total + digit)


def numeral_value(text):
    """The printed numeral as an exact Decimal and its number of decimals."""
    plain = text.translate(FULL_WIDTH)
    plain = re.sub(r"[,\s\u2009\u202f]", "", plain)
    if plain and all(ch in CHINESE_DIGITS or ch in CHINESE_UNITS for ch in plain):
        return chinese_numeral(plain), 0
    if not re.fullmatch(r"\d+(\.\d+)?", plain):
        raise ValueError(f"not a numeral: {text!r}")
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    return Decimal(plain), decimals


SCALES = [("万亿", Decimal(10) ** 12), ("千万", Decimal(10) ** 7), ("万", Decimal(10) ** 4),
          ("亿", Decimal(10) ** 8), ("千", Decimal(1000)), ("m", Decimal(10) ** 6),
          (" million", Decimal(10) ** 6), (" billion", Decimal(10) ** 9)]


def scale_after(text, end):
    for word, factor in SCALES:
        if text.startswith(word, end):
            # `m` only as a money scale (£37m), not the start of a word
            if word == "m" and text[end + 1:end + 2].isalpha():
                continue
            return word.strip(), factor
    return None, Decimal(1)


class Figure:
    def __init__(self, text, start, end):
        self.printed = text[start:end]
        self.start, self.end = start, end
        value, decimals = numeral_value(self.printed)
        scale_word, factor = scale_after(text, end)
        rest = text[end:end + 12].lstrip()
        self.percent = rest.startswith(("%", "‰", "percent", "个百分点", "percentage point"))
        self.value = value * factor
        rounded = decimals > 0 or scale_word is not None or self.percent
        self.half = (Decimal(5) * Decimal(10) ** (-decimals - 1) * factor) if rounded else Decimal(0)

    def interval(self):
        return self.value - self.half, self.value + self.half


def add(a, b):
    return a[0] + b[0], a[1] + b[1]


def sub(a, b):
    return a[0] - b[1], a[1] - b[0]


def div(a, b):
    if b[0] <= 0:
        raise ValueError("division by a whole that may be zero")
    cands = [a[0] / b[0], a[0] / b[1], a[1] / b[0], a[1] / b[1]]
    return min(cands), max(cands)


def meets(a, b):
    return a[0] <= b[1] and b[0] <= a[1]


def fmt(x):
    return format(x.normalize(), "f") if x == x.to_integral() else f"{x:.4f}"


def check(rel, figs):
    """Redo a relation's arithmetic; returns (holds, arithmetic as text)."""
    kind = rel["kind"]
    if kind == "total":
        whole = figs[rel["whole"]].interval()
        total = (Decimal(0), Decimal(0))
        for p in rel["parts"]:
            total = add(total, figs[p].interval())
        got = sum(figs[p].value for p in rel["parts"])
        return meets(whole, total), f"sum of parts {fmt(got)} vs whole {fmt(figs[rel['whole']].value)}"
    if kind == "share":
        ratio = div(figs[rel["part"]].interval(), figs[rel["whole"]].interval())
        ratio = (ratio[0] * 100, ratio[1] * 100)
        exact = figs[rel["part"]].value / figs[rel["whole"]].value * 100
        return meets(ratio, figs[rel["share"]].interval()), f"part/whole {fmt(exact)}% vs share {fmt(figs[rel['share']].value)}%"
    if kind == "change":
        now, before = figs[rel["now"]].interval(), figs[rel["before"]].interval()
        mode = rel.get("mode", "pct")
        if mode == "pct":
            got = div(sub(now, before), before)
            got = (got[0] * 100, got[1] * 100)
            exact = (figs[rel["now"]].value / figs[rel["before"]].value - 1) * 100
        else:  # abs and pp: a difference of the two
            got = sub(now, before)
            exact = figs[rel["now"]].value - figs[rel["before"]].value
        c = figs[rel["change"]].interval()
        if rel.get("down"):
            c = (-c[1], -c[0])
        sign = "-" if rel.get("down") else ""
        return meets(got, c), f"computed {fmt(exact)} vs stated {sign}{fmt(figs[rel['change']].value)} ({mode})"
    if kind == "not-exceeding":
        part, whole = figs[rel["part"]], figs[rel["whole"]]
        return part.interval()[0] <= whole.interval()[1], f"{fmt(part.value)} <= {fmt(whole.value)}"
    raise ValueError(f"unknown relation kind {kind}")


def parse_relation(line, names):
    def idx(name):
        if name not in names:
            raise ValueError(f"unknown figure name {name!r} in: {line}")
        return names[name]

    note = None
    if "#" in line:
        line, note = line.split("#", 1)
        note = note.strip()
    words = line.split()
    kind = words[0]
    if kind == "total":
        # total W = A + B + C
        parts = [w for w in words[3:] if w != "+"]
        rel = {"kind": "total", "whole": idx(words[1]), "parts": [idx(p) for p in parts]}
    elif kind == "share":
        # share S = P / W
        rel = {"kind": "share", "share": idx(words[1]), "part": idx(words[3]), "whole": idx(words[5])}
    elif kind == "change":
        # change C = N ~ B [pct|abs|pp] [down]
        rel = {"kind": "change", "change": idx(words[1]), "now": idx(words[3]), "before": idx(words[5])}
        for w in words[6:]:
            if w in ("pct", "abs", "pp"):
                rel["mode"] = w
            elif w == "down":
                rel["down"] = True
            else:
                raise ValueError(f"unknown change option {w!r}")
    elif kind == "le":
        rel = {"kind": "not-exceeding", "part": idx(words[1]), "whole": idx(words[3])}
    else:
        raise ValueError(f"unknown relation {line!r}")
    if note:
        rel["note"] = note
    return rel


def build(name):
    text = (HERE / f"{name}.txt").read_text(encoding="utf-8").replace("\r\n", "\n")
    meta, figures, names, relations, notes = {}, [], {}, [], []
    cursor = 0
    for raw in (HERE / f"{name}.marks").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        head = line.split(None, 1)[0]
        if head in ("source:", "language:"):
            meta[head[:-1]] = line.split(None, 1)[1].strip()
        elif head == "note:":
            notes.append(line.split(None, 1)[1].strip())
        elif head in ("total", "share", "change", "le"):
            relations.append(parse_relation(line, names))
        else:
            label, context = line.split(":", 1)
            context = context.strip()
            m = re.fullmatch(r"(.*)\[([^][]+)\](.*)", context)
            if not m:
                raise ValueError(f"{name}: no [figure] in {line!r}")
            before, numeral, after = m.groups()
            found = text.find(before + numeral + after, cursor)
            if found < 0:
                raise ValueError(f"{name}: {context!r} not found after offset {cursor}")
            start = found + len(before)
            end = start + len(numeral)
            assert text[start:end] == numeral
            if figures and start < figures[-1].end:
                raise ValueError(f"{name}: {context!r} overlaps the previous figure")
            figures.append(Figure(text, start, end))
            cursor = end
            label = label.strip()
            if label != "-":
                if label in names:
                    raise ValueError(f"{name}: figure name {label!r} used twice")
                names[label] = len(figures) - 1
    failing = []
    for rel in relations:
        holds, arithmetic = check(rel, figures)
        rel["holds"] = holds
        rel["arithmetic"] = arithmetic
        if not holds:
            failing.append(rel)
    gold = {
        "source": meta["source"],
        "language": meta["language"],
        "notes": notes,
        "figures": [{"start": f.start, "end": f.end, "text": f.printed} for f in figures],
        "relations": relations,
    }
    out = HERE / f"{name}.gold.json"
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{name}: {len(figures)} figures, {len(relations)} relations, {len(failing)} not holding")
    if SHOW_UNMARKED:
        covered = set()
        for f in figures:
            covered.update(range(f.start, f.end))
        for m in re.finditer(r"[0-9０-９][0-9０-９.,]*", text):
            if m.start() not in covered:
                print(f"    unmarked: {text[max(0, m.start() - 8):m.end() + 4]!r}")
    for rel in failing:
        roles = {k: v for k, v in rel.items() if k not in ("holds", "arithmetic", "note")}
        print(f"    does not hold: {roles} — {rel['arithmetic']}")


SHOW_UNMARKED = "--unmarked" in sys.argv


def main():
    names = [a for a in sys.argv[1:] if a != "--unmarked"]
    names = names or (sorted(p.stem for p in HERE.glob("*.marks"))
                      + sorted(f"holdout/{p.stem}" for p in HERE.glob("holdout/*.marks")))
    for name in names:
        build(name)


if __name__ == "__main__":
    main()
