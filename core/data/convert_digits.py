#!/usr/bin/env python3
"""Converts the UCI handwritten digits as Debian's python3-sklearn ships them
(sklearn/datasets/data/digits.csv.gz: 1797 rows of 64 pixels 0..16 then the label) into
core/data/digits.bin: 1797 records of 65 bytes, the label then the 64 pixels row by row.
Standard library only. Get the CSV without installing anything:
    apt-get download python3-sklearn && dpkg -x python3-sklearn_*.deb x
    python3 core/data/convert_digits.py x/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz
"""
import gzip
import hashlib
import os
import sys


def main(csv_gz):
    records = bytearray()
    with gzip.open(csv_gz, "rt") as f:
        rows = [line.strip().split(",") for line in f if line.strip()]
    for row in rows:
        values = [int(v) for v in row]
        assert len(values) == 65 and all(0 <= v <= 16 for v in values[:64]) and 0 <= values[64] <= 9
        records.append(values[64])
        records.extend(values[:64])
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "digits.bin")
    with open(out, "wb") as f:
        f.write(records)
    print(f"{out}: {len(rows)} images, {len(records)} bytes, sha256 {hashlib.sha256(records).hexdigest()}")


if __name__ == "__main__":
    main(sys.argv[1])
