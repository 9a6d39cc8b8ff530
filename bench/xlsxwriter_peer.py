"""The peer of Dossier's workbook export: XlsxWriter in constant_memory mode
writes the same sheets, rows and columns, read as it goes from the
tab-separated files the bench made from Dossier's own workbook. It prints
the seconds the writing took and the process's peak memory in KiB."""
import sys
import time

import xlsxwriter


def cells(line, kinds):
    out = []
    for value, kind in zip(line.rstrip("\n").split("\t"), kinds):
        value = value.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")
        if kind == "n" and value != "":
            out.append(float(value))
        else:
            out.append(value)
    return out


def main(out, sheets):
    start = time.perf_counter()
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_formulas": False,
                                     "strings_to_numbers": False, "strings_to_urls": False})
    bold = book.add_format({"bold": True, "bg_color": "#DDE4EE"})
    for path in sheets:
        with open(path, encoding="utf-8") as f:
            name = f.readline().rstrip("\n")
            kinds = f.readline().rstrip("\n").split("\t")
            header = f.readline().rstrip("\n").split("\t")
            sheet = book.add_worksheet(name)
            sheet.freeze_panes(1, 0)
            sheet.write_row(0, 0, header, bold)
            row = 0
            for line in f:
                row += 1
                sheet.write_row(row, 0, cells(line, kinds))
            sheet.autofilter(0, 0, max(row, 1), len(header) - 1)
    book.close()
    took = time.perf_counter() - start
    print(f"{took:.3f} {peak_kib()}")


def peak_kib():
    # VmHWM, not getrusage: after an exec from a large parent, Linux
    # reports the parent's peak as the child's ru_maxrss.
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
