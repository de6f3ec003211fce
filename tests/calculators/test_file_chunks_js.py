"""The page's file scoring reads a CSV file a range of bytes at a time (docs/assets/javascripts/calculators/
csv.js: PB.csv.read bytes from a File, decoded PB.csv.chunk bytes at a time) and writes the result as Blob parts.
Decoded in pieces of 1, 2, 3, 7 and 64 bytes (and read in ranges of twice that plus one), so that pieces and
ranges end inside a GBK or UTF-8 character, between \\r and \\n and inside a quoted cell, a file must give the
same bytes as `python -m calculators` gives for it whole: run in Node with the worker's text as the site ships it
for a page opened from file:// (worker-inline.js: the scripts the worker loads, filescore.js followed by each
calculator's runner, then worker.js, which must import nothing more)."""

import base64
import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

from calculators.cli import main
from calculators.data import scorecard_names
from playbook.calculators.scripts import worker_inline
from playbook.calculators.widgets import SETTINGS, browser_data

ROOT = Path(__file__).resolve().parents[2]
FILES = ROOT / "tests" / "fixtures" / "files"
CHUNKS = [1, 2, 3, 7, 64, 1 << 20]

# Scores each file with each range size; prints {name/size: base64 of the result's bytes, or the error}.
RUNNER = r"""
const fs = require("fs"), vm = require("vm");
const [inline, data, jobs, sizes, modes] = JSON.parse(fs.readFileSync(0, "utf8"));
globalThis.self = globalThis;
globalThis.importScripts = (...names) => { if (names.length) throw new Error("the worker imports " + names); };
vm.runInThisContext(inline, { filename: "worker-inline.js" });
vm.runInThisContext(self.PlaybookCalcWorker, { filename: "the worker's text" });
if (typeof self.onmessage !== "function") throw new Error("the worker's text sets no onmessage");
const PB = globalThis.PlaybookCalc, out = {};
// A File as the worker reads it (FileReaderSync on slices), here over the bytes in memory
globalThis.FileReaderSync = class { readAsArrayBuffer(part) { return part.bytes; } };
const asFile = buffer => ({ size: buffer.byteLength, slice: (start, end) => ({ bytes: buffer.slice(start, end) }) });
(async () => {
  for (const job of jobs) {
    const bytes = fs.readFileSync(job.path), buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    for (const size of sizes) {
      // decoded `size` bytes at a time from the bytes in memory (the page's thread), and from a File read
      // in ranges of 2 × size + 1 bytes (the worker), so that reads end inside decoded pieces
      for (const file of modes) {
        PB.csv.chunk = size;
        PB.csv.read = 2 * size + 1;
        const work = PB.files.scoreCsv(file ? asFile(buffer) : buffer, { name: job.path, options: job.options, data });
        let step = work.next();
        while (!step.done) step = work.next();
        const got = Buffer.from(await step.value.blob.arrayBuffer()).toString("base64");
        out[job.path + "/" + size + (file ? "/file" : "")] = { csv: got, read: step.value.read };
      }
    }
  }
  process.stdout.write(JSON.stringify(out));
})();
"""

# Quoted cells across lines, \r\n, a lone \r, a number with a thousands comma, a formula, a total row
TRICKY = ('客户,销售额\r\n"甲\r\n公司",420\r\n乙,260\r丙,"1,100"\n"丁""号",=SUM(A1)\r\n戊,12万\n'
          '己,"3.5元"\r\n合计,1780\r\n')


def cases(tmp_path: Path) -> list:
    """(file, CLI arguments, the page's options) for each file."""
    for encoding in ("gbk", "utf-8-sig", "utf-8"):
        (tmp_path / f"tricky-{encoding}.csv").write_bytes(TRICKY.encode(encoding))
    return [
        *((tmp_path / f"tricky-{e}.csv", ["abc"], {"kind": "abc"}) for e in ("gbk", "utf-8-sig", "utf-8")),
        (FILES / "messy-customers.csv", ["score", "--scorecard", "customer-value"], {"kind": "score:customer-value"}),
        (FILES / "messy-orders.csv", ["rfm", "--date-format", "dmy"], {"kind": "rfm", "date_format": "dmy"}),
        (FILES / "messy-deals.csv", ["pipeline"], {"kind": "pipeline"}),
    ]


def command_line(tmp_path: Path, source: Path, args: list) -> bytes:
    """The bytes `python -m calculators` writes, run in this process (tests/calculators/test_calc_cli.py runs the real one)."""
    out = tmp_path / f"{source.stem}-{args[0]}.out.csv"
    main([args[0], str(source), *args[1:], "--lang", "zh", "-o", str(out)])
    assert out.exists(), f"no output for {source.name}"
    return out.read_bytes()


def run_node(jobs: list, sizes: list, modes=(False, True)) -> dict:
    """RUNNER's answer for (file, CLI arguments, the page's options) jobs read in ranges of `sizes` bytes, from
    the bytes in memory (False: the page's thread, keyed `path/size`) and as a File (True: the worker, keyed
    `path/size/file`)."""
    data = browser_data(scorecard_names(), SETTINGS, messages=True)
    stdin = json.dumps([worker_inline(), data,
                        [{"path": str(path), "options": {**options, "lang": "zh"}} for path, _, options in jobs], sizes,
                        list(modes)])
    run = subprocess.run(["node", "-e", RUNNER], input=stdin, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("chunks")
    jobs = cases(tmp_path)
    return tmp_path, jobs, run_node(jobs, CHUNKS)


def test_every_range_size_gives_the_command_lines_bytes(scored):
    tmp_path, jobs, got = scored
    for source, args, _ in jobs:
        expected = command_line(tmp_path, source, args)
        for size in CHUNKS:
            assert base64.b64decode(got[f"{source}/{size}"]["csv"]) == expected, (source.name, size)
            assert base64.b64decode(got[f"{source}/{size}/file"]["csv"]) == expected, (source.name, size, "file")


def test_rows_in_are_rows_out_with_totals_marked_and_formulas_neutralised(scored):
    tmp_path, _, got = scored
    result = got[f"{tmp_path / 'tricky-gbk.csv'}/1"]
    rows = list(csv.reader(io.StringIO(base64.b64decode(result["csv"]).decode("utf-8-sig"), newline="")))
    assert result["read"] == 7 and len(rows) == 1 + 7  # the header, then every record (one on two lines)
    assert rows[1][0] == "甲\r\n公司" and rows[3][:2] == ["丙", "1,100"]
    assert rows[4][:2] == ['丁"号', "'=SUM(A1)"] and rows[4][-1].startswith("第 6 行：")
    assert rows[7][:2] == ["合计", "1780"] and rows[7][-1].startswith("合计行")


@pytest.mark.slow
def test_a_long_file_written_in_many_parts_gives_the_command_lines_bytes(tmp_path):
    """30,000 rows, one bad in a thousand, values tied: the result (over 1 MB) spans many 200-line batches and
    more than one Blob part of about 1 MB (filewrite.js), and ABC ranks the values in runs of 4,096 merged in
    passes (abc/formula.js rankingSteps), ties across runs kept in input order."""
    source = tmp_path / "long.csv"
    rows = (f"客户{i},{'x' if i % 1000 == 999 else i * 7 % 9973 + 0.5}" for i in range(30000))
    source.write_bytes(("客户,销售额\n" + "\n".join(rows) + "\n").encode("gbk"))
    written = base64.b64decode(run_node([(source, ["abc"], {"kind": "abc"})], [1 << 14], [True])[f"{source}/{1 << 14}/file"]["csv"])
    assert len(written) > 1 << 20
    assert written == command_line(tmp_path, source, ["abc"])


@pytest.mark.slow
def test_rfm_of_many_customers_gives_the_command_lines_bytes(tmp_path):
    """260,000 orders from 130,000 customers, two each, one bad amount in a thousand: the per-customer totals
    kept as columns (rfm/formula.js Totals, its arrays grown many times) give the command line's bytes. (The
    analysis day is the day after the latest of the last orders: taken over so many values at once,
    Math.max.apply overflowed the stack and the page failed.)"""
    source = tmp_path / "orders.csv"
    rows = (f"客户{i * 7 % 130_000},2024-{i % 12 + 1:02d}-{i % 28 + 1:02d},{'x' if i % 1000 == 999 else i % 997 + 0.25}"
            for i in range(260_000))
    source.write_bytes(("客户,日期,金额\n" + "\n".join(rows) + "\n").encode("utf-8"))
    written = base64.b64decode(run_node([(source, ["rfm"], {"kind": "rfm"})], [1 << 14], [True])[f"{source}/{1 << 14}/file"]["csv"])
    assert written.count(b"\r\n") == 260_001
    assert written == command_line(tmp_path, source, ["rfm"])
