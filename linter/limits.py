"""Every bound on the work one input may cause, in one place (documented in docs/limits.md).

No real target table comes near any of these: they are there so that a hostile or broken file (a
zip bomb, a stray cell at the sheet's far corner, a line of twenty million tabs, ``/dev/zero``) is
refused in one line, quickly and in bounded memory, and the other files of the run are still
checked. A test (tests/test_hostile_inputs.py) checks that docs/limits.md gives each number.
"""

from __future__ import annotations

# ---------------------------------------------------------------------- any file
MAX_BYTES = 50 * 1024 * 1024  # bytes read from one file (or from stdin)

# ---------------------------------------------------------------------- rows and cells (every format)
MAX_LINES = 1_000_000  # lines of a text or YAML file
MAX_ROW_CELLS = (
    10_000  # cells in one row (a text line, a sheet row up to its last value, a Word or PDF table row)
)
MAX_CELLS = 200_000  # cells in one file: every cell of every non-blank row, empty ones included
MAX_VALUE_SCAN = (
    2_000  # characters of a 指标值 read for values: a longer one is text, its quantities sought in these
)

# ---------------------------------------------------------------------- Office files (.xlsx, .docx: zip archives)
MAX_MEMBERS = 10_000  # files in the archive
MAX_UNCOMPRESSED = (
    100 * 1024 * 1024
)  # the whole archive, unpacked (as its directory declares; reading holds to it)
MAX_RATIO = (
    200  # unpacked / packed, for any member over RATIO_FROM bytes: real sheets compress ~10×, bombs ~1000×
)
RATIO_FROM = 1024 * 1024
MAX_WHOLE_PART = (
    16 * 1024 * 1024
)  # one XML part parsed whole (a .docx's document, a workbook's styles), unpacked
MAX_XML_ELEMENTS = (
    500_000  # elements streamed from a workbook's sheets and shared strings (rows, cells, merges …)
)
MAX_MERGE_WORK = (
    2_000_000  # cells visited resolving one workbook's merged ranges (each clipped to the used range)
)

# ---------------------------------------------------------------------- PDF
MAX_PDF_INFLATED = 64 * 1024 * 1024  # bytes of decoded (inflated) streams in one PDF

# ---------------------------------------------------------------------- sweeps
MAX_JOBS_PER_CORE = 2  # --jobs is capped at this many processes per core
FDS_PER_JOB = 8  # file descriptors kept free per worker process when capping --jobs by the open-file limit


def count(n: int) -> str:
    """``500,000``: a limit as the messages and docs print it."""
    return f"{n:,}"


def megabytes(n: int) -> str:
    """A size for a message: ``12.3 MB``, or bytes under a megabyte."""
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"
