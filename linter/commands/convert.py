"""``indicator-lint convert FILE… [--to yaml|json] [-o OUT]``: the document model, written out.

YAML (the default) is the canonical format of docs/format.md: several inputs give one YAML
document each, separated by ``---``. Its ``# source:`` comment names the input relative to the
folder the YAML is written to (the current folder on stdout), and ``# normalised:`` comments say
where the YAML is written otherwise than the source printed it. JSON is ``{"documents": [...]}``. ``-o`` names a file that
receives everything, or a folder (existing, ending in ``/``, or without a suffix when several files
are given) that receives one file per input. A file that cannot be read is reported on one line on
stderr and the others are still converted; the exit code is then 2.

Nothing read is written over: ``-o`` naming an input (or a link to one) is refused before anything
is read, and a folder conversion writes none of its files when one of them is an input or, without
``--force``, exists already (one line naming it, exit code 2).
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from linter.cli import EXIT_ERROR


@click.command("convert")
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--to",
    "fmt",
    type=click.Choice(["yaml", "json"]),
    default="yaml",
    show_default=True,
    help="Output format: canonical YAML or JSON.",
)
@click.option(
    "-o",
    "--output",
    "output",
    default=None,
    metavar="OUT",
    help="Write to this file, or to this folder one file per input (default: stdout).",
)
@click.option("-v", "--verbose", is_flag=True, help="Report each file's encoding and table count.")
@click.option(
    "--force",
    is_flag=True,
    help="With an output folder, replace files already in it (never a file being converted).",
)
@click.pass_context
def convert_command(
    ctx: click.Context,
    files: tuple[str, ...],
    fmt: str,
    output: str | None,
    verbose: bool,
    force: bool = False,
) -> None:
    """Convert target tables (text, YAML …) to canonical YAML or JSON."""
    from linter.canonical import to_json, to_yaml_stream
    from linter.commands.options import refuse_to_overwrite
    from linter.outputs import OutputError, ReadFiles, cannot_write, echo
    from linter.readers import InputError, iter_input_files, read_path

    inputs = iter_input_files(files)
    if output is not None and not _is_folder(output, len(files), ()):
        refuse_to_overwrite(output, None, inputs)  # before anything is read: c.yaml -o c.yaml
    reads = ReadFiles(inputs)  # (each file of an output folder is refused in its turn, below)
    docs = []
    failed = False
    for path in inputs:
        try:
            docs.append(read_path(path, verbose=verbose))
        except InputError as e:
            click.echo(e.text(), err=True)
            failed = True

    def render(some, base: str = ".") -> str:
        return (
            to_json(some)
            if fmt == "json"
            else to_yaml_stream(some, [source_path(d.path, base) for d in some])
        )

    try:
        if output is None:
            if docs:
                echo(render(docs), nl=False)
        elif _is_folder(output, len(files), docs):
            _write_folder(docs, Path(output), fmt, reads, force)
        elif docs:
            write_atomically(Path(output), render(docs, os.path.dirname(os.path.abspath(output))))
    except OutputError as e:
        click.echo(e.text(), err=True)
        ctx.exit(EXIT_ERROR)
    except OSError as e:
        click.echo(OutputError(output or "-", *cannot_write(e)).text(), err=True)
        ctx.exit(EXIT_ERROR)
    if failed:
        ctx.exit(EXIT_ERROR)


def _write_folder(docs: list, folder: Path, fmt: str, reads, force: bool) -> None:
    """One file per document in ``folder``, named after its input."""
    from linter.canonical import to_json, to_yaml
    from linter.outputs import refuse_existing

    targets = [folder / name for name in _file_names([d.path for d in docs], fmt)]
    # Every file checked before the first is written: a refusal leaves the folder as it was.
    # Each name is written once in a run, so a file that exists is the user's (or an
    # earlier run's): replaced only with --force, and a file being converted never.
    for target in targets:
        reads.refuse(target)
        if not force:
            refuse_existing(target)
    folder.mkdir(parents=True, exist_ok=True)
    for doc, target in zip(docs, targets, strict=True):
        text = to_json([doc]) if fmt == "json" else to_yaml(doc, source_path(doc.path, folder))
        write_atomically(target, text)


def source_path(path: str, base: str | Path = ".") -> str:
    """The ``# source:`` of a converted file: the input relative to the folder the YAML is written
    in (the current folder on stdout), never absolute — the YAML moves with its repository."""
    if path == "-" or not path:
        return path
    try:
        return Path(os.path.relpath(os.path.abspath(path), os.path.abspath(base))).as_posix()
    except ValueError:  # another drive (Windows): the name alone
        return Path(path).name


def _is_folder(output: str, n_inputs: int, docs) -> bool:
    path = Path(output)
    if path.is_dir() or output.endswith(("/", os.sep)):
        return True
    if path.exists():
        return False
    several = n_inputs > 1 or len(docs) > 1
    return several and not path.suffix


def _file_names(paths: list[str], fmt: str) -> list[str]:
    """``<stem>.yaml`` per input; a stem seen before gets ``-2``, ``-3`` … (a.txt and a.md)."""
    names, used = [], set()
    for p in paths:
        stem, n = Path(p).stem or "document", 1
        name = f"{stem}.{fmt}"
        while name in used:
            n += 1
            name = f"{stem}-{n}.{fmt}"
        used.add(name)
        names.append(name)
    return names


def write_atomically(path: Path, text: str) -> None:
    """The converted text at ``path`` (its folder made if need be), never half-written."""
    from linter.atomic import write_text_atomically

    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(path, text)
