#!/usr/bin/python3
"""The peer for the workbook reader: openpyxl's read-only mode over the same
files, counting rows that have any value (as uppfolj's reader delivers them).

Usage: xlsx_peer.py FILE.xlsx...
Prints "N rows in S s wall, C s CPU: R rows/s wall, Q rows/s CPU" (CPU time
is the fair figure on a busy machine)."""
import sys
import time

import openpyxl


def main(paths):
    rows = 0
    t, c = time.perf_counter(), time.process_time()
    for path in paths:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                if any(v is not None and v != "" for v in row):
                    rows += 1
        wb.close()
    took, cpu = time.perf_counter() - t, time.process_time() - c
    print("%d rows in %.3f s wall, %.3f s CPU: %.0f rows/s wall, %.0f rows/s CPU"
          % (rows, took, cpu, rows / took if took > 0 else 0, rows / cpu if cpu > 0 else 0))


main(sys.argv[1:])
