#!/usr/bin/python3
"""check-workbook.py — reads an appraisal workbook back and checks it.

    check-workbook.py WORKBOOK REPORT.json [--lang LANG] [--text NAME]…

REPORT.json is the same report as `kefu-cli score --format json` prints.
Checks, with Debian's python3-openpyxl and Gnumeric's ssconvert:

  * the five sheets, their names valid in Excel (and those of LANG);
  * the Summary: one row per agent in the report's order, the agent's
    name a text cell, points / weighted / total / rank as formulas (the
    bracket row an array formula over the Scheme sheet, the rank a RANK);
  * the cached results equal the report's: points, weighted points,
    totals, ranks — "#N/A" for a value in no bracket, "—" for none;
  * recalculated by Gnumeric from the formulas alone (every cached result
    removed first), the same again;
  * every NAME given with --text is in the workbook as a text cell.

Exits 0 when all holds, 1 with the differences otherwise.
"""

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
import zipfile

import openpyxl

# libxlsxwriter's workbooks name no default cell style; openpyxl says so.
warnings.filterwarnings("ignore", message="Workbook contains no default style")

FIRST_AGENT_ROW = 11      # 1-based: title, 4 lines, note, blank, 3 header rows
HEADER_ROW = 10
SHEETS = {
    "en": ["Summary", "Scheme", "Details", "Charts", "Definitions"],
    "zh_CN": ["考核汇总", "方案", "明细", "图表", "说明"],
    "es": ["Resumen", "Esquema", "Detalle", "Gráficos", "Definiciones"],
}
FORBIDDEN = set('[]:*?/\\')

problems = []


def fail(message):
    problems.append(message)


def same(expected, actual, where, tolerance=1e-9):
    """A number within @tolerance, or the same text ("#N/A", "—", "")."""
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        if not isinstance(actual, (int, float)) or isinstance(actual, bool) \
           or not math.isclose(expected, actual, rel_tol=0, abs_tol=tolerance):
            fail(f"{where}: expected {expected!r}, found {actual!r}")
    elif expected != actual:
        fail(f"{where}: expected {expected!r}, found {actual!r}")


def expected_cells(item):
    """What the points and weighted cells hold for one item of the report."""
    if item["status"] == "error":
        return "#N/A", "#N/A"
    if item["points"] is None:
        return "—", "—"
    return item["points"], item["weighted"]


def check_values(sheet, report, label):
    for index, agent in enumerate(report["agents"]):
        row = FIRST_AGENT_ROW + index
        name = agent["agent"]
        same(name, sheet.cell(row, 2).value, f"{label} B{row} (agent)")
        same(agent["total"], sheet.cell(row, 3 + 3 * len(agent["items"])).value,
             f"{label} {name}: total")
        same(agent["rank"] if agent["rank"] is not None else "—", sheet.cell(row, 1).value,
             f"{label} {name}: rank")
        same(1 if agent["complete"] else 0, sheet.cell(row, 4 + 3 * len(agent["items"])).value,
             f"{label} {name}: complete")
        for i, item in enumerate(agent["items"]):
            points, weighted = expected_cells(item)
            same(points, sheet.cell(row, 4 + 3 * i).value, f"{label} {name}: {item['key']} points")
            # The report's JSON rounds weighted points to 1e-6 (its totals,
            # points and ranks are exact).
            same(weighted, sheet.cell(row, 5 + 3 * i).value, f"{label} {name}: {item['key']} weighted",
                 tolerance=1e-6)


def defined_ranges(book):
    """The workbook's names that point into its second sheet (the Scheme)."""
    ranges = {}
    scheme = book.sheetnames[1] if len(book.sheetnames) > 1 else None
    for name in book.defined_names.definedName:
        for title, cells in name.destinations:
            if title == scheme:
                ranges[name.name] = cells
    return ranges


def check_formulas(book, report):
    sheet = book.worksheets[0]
    scheme_ranges = defined_ranges(book)
    attributes = getattr(sheet, "formula_attributes", {})
    for index, agent in enumerate(report["agents"]):
        row = FIRST_AGENT_ROW + index
        name_cell = sheet.cell(row, 2)
        if name_cell.data_type != "s":
            fail(f"B{row}: the agent’s name is not a text cell ({name_cell.data_type})")
        rank = sheet.cell(row, 1).value
        if not (isinstance(rank, str) and "RANK(" in rank):
            fail(f"A{row}: the rank is not a RANK formula: {rank!r}")
        n = len(agent["items"])
        total = sheet.cell(row, 3 + 3 * n).value
        if not (isinstance(total, str) and total.startswith("=ROUND(")):
            fail(f"row {row}: the total is not a formula: {total!r}")
        helpers = 6 + 3 * n      # first helper column, 1-based
        for i in range(n):
            points = sheet.cell(row, 4 + 3 * i).value
            weighted = sheet.cell(row, 5 + 3 * i).value
            if not (isinstance(points, str) and points.startswith("=IF(ISNUMBER(")):
                fail(f"row {row}, item {i + 1}: points are not a formula: {points!r}")
            if not (isinstance(weighted, str) and weighted.startswith("=IF(ISNUMBER(")):
                fail(f"row {row}, item {i + 1}: weighted points are not a formula: {weighted!r}")
            match = sheet.cell(row, helpers + 2 * i + 1)
            if match.value is not None:
                if not (isinstance(match.value, str) and "MATCH(1," in match.value):
                    fail(f"{match.coordinate}: not the bracket MATCH: {match.value!r}")
                elif attributes and attributes.get(match.coordinate, {}).get("t") != "array":
                    fail(f"{match.coordinate}: the bracket MATCH is not an array formula")
                name = f"Item{i + 1}_Lower"
                if name not in match.value:
                    fail(f"{match.coordinate}: the MATCH does not read {name}")
                elif scheme_ranges.get(name) is None:
                    fail(f"{name} is not a range of the Scheme sheet")


def check_sheet_names(book, language):
    names = book.sheetnames
    if len(names) != 5:
        fail(f"expected 5 sheets, found {names}")
    for name in names:
        if len(name.encode("utf-16-le")) // 2 > 31 or FORBIDDEN & set(name) or not name \
           or name.startswith("'") or name.endswith("'"):
            fail(f"sheet name {name!r} is not valid in Excel")
    if language in SHEETS and names != SHEETS[language]:
        fail(f"sheet names for {language}: expected {SHEETS[language]}, found {names}")


def check_texts(book, texts):
    for text in texts:
        found = False
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value == text:
                        found = True
                        if cell.data_type != "s":
                            fail(f"{sheet.title}!{cell.coordinate}: {text!r} is not a text cell")
        if not found:
            fail(f"{text!r} is nowhere in the workbook as a text")


CACHED = re.compile(r'(<c [^>]*?)( t="(?:str|e|b|n)")?(>\s*<f[^>]*>.*?</f>|>\s*<f[^>]*/>)\s*<v>[^<]*</v>', re.S)


def strip_results(source, target):
    """A copy of the workbook without any formula's cached result."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for entry in zin.infolist():
            data = zin.read(entry.filename)
            if entry.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                text, n = CACHED.subn(r"\1\3", text)
                data = text.encode("utf-8")
            zout.writestr(entry, data)


def recalculate(workbook, directory):
    stripped = os.path.join(directory, "stripped.xlsx")
    recalculated = os.path.join(directory, "recalculated.xlsx")
    strip_results(workbook, stripped)
    # ssconvert writes its own settings; keep them out of $HOME.
    env = dict(os.environ, HOME=directory)
    result = subprocess.run(["ssconvert", "--recalc", stripped, recalculated],
                            capture_output=True, text=True, env=env)
    if result.returncode != 0 or not os.path.exists(recalculated):
        fail(f"ssconvert failed: {result.stderr}")
        return None
    return recalculated


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("workbook")
    parser.add_argument("report")
    parser.add_argument("--lang")
    parser.add_argument("--text", action="append", default=[])
    args = parser.parse_args()

    with open(args.report, encoding="utf-8") as f:
        report = json.load(f)

    book = openpyxl.load_workbook(args.workbook)
    check_sheet_names(book, args.lang)
    check_formulas(book, report)
    check_texts(book, args.text)

    cached = openpyxl.load_workbook(args.workbook, data_only=True)
    check_values(cached.worksheets[0], report, "cached")

    directory = tempfile.mkdtemp(prefix="kefu-check-")
    try:
        recalculated = recalculate(args.workbook, directory)
        if recalculated is not None:
            # Gnumeric must have computed the totals itself: none was left.
            stripped = openpyxl.load_workbook(os.path.join(directory, "stripped.xlsx"), data_only=True)
            if report["agents"]:
                total = 3 + 3 * len(report["agents"][0]["items"])
                if stripped.worksheets[0].cell(FIRST_AGENT_ROW, total).value is not None:
                    fail("the cached results were not removed before recalculating")
            book = openpyxl.load_workbook(recalculated, data_only=True)
            check_values(book.worksheets[0], report, "recalculated")
            check_texts(book, args.text)
    finally:
        shutil.rmtree(directory, ignore_errors=True)

    for problem in problems:
        print(problem)
    print(f"{os.path.basename(args.workbook)}: {len(report['agents'])} agents, "
          f"{'OK' if not problems else str(len(problems)) + ' problems'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
