"""A CSV file in pieces of whole lines, for calculators/engine.py: polars is handed one piece at a time, which keeps
memory flat (a whole file it maps)."""

from .io import Unsuitable

# Bytes of the file per batch (about 25,000 rows of a customer file): memory stays flat. polars' CSV reader
# holds some 14 times a piece's bytes while it reads it: 1 MB pieces against 4 MB cut `pipeline`'s peak
# from 268 to 178 MB at 1M rows, for about 0.1 s more CPU (measured).
CHUNK = 1 << 20


def pieces(path, skip: int, chunks: int = 1, spans: list = None):
    """(line number of its first line, bytes, how many line ends) of a file in pieces of whole lines, `chunks`
    times CHUNK bytes or so each, after `skip` lines. A piece ends at a line end outside quotes (an even count of "
    before it), so no cell is cut. A block's rest after its last record is read again with the next (one copy, not
    three). Line ends are counted once a piece (1.2 GB/s): the next piece's number. Each piece's place is noted in
    `spans` (line, start, length, count), from which a second pass reads the same pieces with no search and no
    count."""
    with open(path, "rb") as handle:
        if spans:
            for line, start, length, count in spans:
                handle.seek(start)
                yield line, handle.read(length), count
            return
        for _ in range(skip):
            handle.readline()
        line = skip + 1
        size = CHUNK * chunks
        while block := handle.read(size):
            start, cut = handle.tell() - len(block), _record_end(block)
            while not cut and (more := handle.read(size)):  # a record longer than a piece
                block += more
                cut = _record_end(block)
            if 0 < cut < len(block):
                handle.seek(cut - len(block), 1)
                block = block[:cut]
            count = block.count(b"\n")
            if spans is not None:
                spans.append((line, start, len(block), count))
            yield line, block, count
            line += count


def _record_end(data: bytes) -> int:
    """Where the last whole record of `data` ends: after a line end with an even count of " before it."""
    cut = data.rfind(b"\n") + 1
    if data.find(b'"', 0, cut) < 0:  # no quote at all, the common case: a search, not a count
        return cut
    quotes = data.count(b'"', 0, cut)
    while quotes % 2 and cut:
        earlier = data.rfind(b"\n", 0, cut - 1) + 1
        quotes -= data.count(b'"', earlier, cut)
        cut = earlier
    return cut


def line_ends(path):
    """Unsuitable for a file whose lines end in a lone CR (old Mac): Python's reader splits them, polars not."""
    with open(path, "rb") as handle:
        head = handle.read(1 << 16).removesuffix(b"\r")  # its \n may be the next byte
    if b"\r" in head.replace(b"\r\n", b""):
        raise Unsuitable("lines end with a lone CR")
