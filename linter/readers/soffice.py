"""Legacy and WPS office files (.doc, .wps, .et) converted by LibreOffice, headless, then read as .docx/.xlsx.

``soffice --headless --convert-to docx`` runs on a copy of the bytes in a private temporary folder
(mode 0700, removed afterwards) with a profile of its own there (so that conversions in parallel
worker processes, or a LibreOffice open on the desktop, do not meet), under a time limit; the
whole process group is ended when the limit is reached. The converted file is read by the .docx or
.xlsx reader with the original file's name, so that findings name the file the user has.

When LibreOffice is not installed the file is an input error naming the package to install.

    data = convert(Path("a.doc").read_bytes(), "a.doc", "docx")   # the .docx's bytes
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from linter.readers import InputError

TIMEOUT = float(os.environ.get("INDICATOR_LINT_CONVERT_TIMEOUT", "120"))  # seconds for one conversion
PACKAGES = {"docx": "libreoffice-writer", "xlsx": "libreoffice-calc"}


def soffice() -> str | None:
    """The LibreOffice program, or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in (
        "/usr/bin/soffice",
        "/usr/lib/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        r"C:\Program Files\LibreOffice\program\soffice.exe",
    ):
        if os.path.exists(candidate):
            return candidate
    return None


def missing(path: str, suffix: str, target: str) -> InputError:
    """The InputError for a file that needs LibreOffice where it is not installed."""
    package = PACKAGES[target]
    return InputError(
        path,
        f"读取 {suffix} 文件需要 LibreOffice，请先安装（apt-get install {package}）",
        f"reading {suffix} files needs LibreOffice: apt-get install {package}",
    )


def convert(data: bytes, path: str, suffix: str, target: str, timeout: float | None = None) -> bytes:
    """The bytes of the file converted to ``target`` (``docx`` or ``xlsx``); InputError on failure."""
    program = soffice()
    if program is None:
        raise missing(path, suffix, target)
    timeout = TIMEOUT if timeout is None else timeout
    folder = tempfile.mkdtemp(prefix="indicator-lint-convert-")  # mode 0700: private
    try:
        source = Path(folder) / f"input{suffix}"
        source.write_bytes(data)
        out_dir = Path(folder) / "out"
        out_dir.mkdir()
        profile = Path(folder) / "profile"
        command = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            str(source),
        ]
        env = dict(os.environ, HOME=folder)  # nothing written to the user's home
        try:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                cwd=folder,
                start_new_session=os.name == "posix",
            )
        except OSError as e:
            raise InputError(
                path,
                f"无法启动 LibreOffice（{e.strerror or e}）",
                f"cannot start LibreOffice ({e.strerror or e})",
            ) from None
        try:
            _, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(process)
            raise InputError(
                path,
                f"LibreOffice 转换超时（{timeout:g} 秒）",
                f"LibreOffice conversion timed out ({timeout:g} s)",
            ) from None
        finally:
            if process.poll() is None:
                _kill(process)
        produced = sorted(out_dir.glob(f"*.{target}"))
        if not produced:
            detail = (err or b"").decode("utf-8", "replace").strip().splitlines()
            why = detail[-1][:80] if detail else f"exit {process.returncode}"
            raise InputError(
                path,
                f"LibreOffice 无法转换此文件（{why}）",
                f"LibreOffice could not convert the file ({why})",
            )
        return produced[0].read_bytes()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _kill(process: subprocess.Popen) -> None:
    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)  # soffice starts oosplash → soffice.bin: the whole group
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()
