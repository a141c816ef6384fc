"""Headless Chromium for the tests of ``kg view``: a DevTools-protocol driver over a pipe, and the
little needed to read its PNG screenshots (no imaging library).

Debian's ``chromium`` must be on PATH (``scripts/test.sh``, the README's test command, installs it
with a CJK font). Kept apart from ``tests/test_view.py`` so that file reads as the checks it makes.
"""

from __future__ import annotations

import base64
import collections
import json
import os
import shutil
import struct
import subprocess
import time
import zlib
from pathlib import Path
from typing import Any

import pytest

from kg.labels import COLOUR_OF


def decode_png(data: bytes) -> tuple[int, int, list[bytes], int]:
    """(width, height, rows, bytes per pixel) of an 8-bit RGB(A) PNG: enough for Chromium's
    screenshots without an imaging library (https://www.w3.org/TR/png/#9Filters)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        header = struct.unpack(">IIBBBBB", body) if kind == b"IHDR" else header
        idat += [body] if kind == b"IDAT" else []
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and interlace == 0 and colour in (2, 6), header
    bpp, raw = (3 if colour == 2 else 4), zlib.decompress(b"".join(idat))
    stride, prev, rows = width * bpp, bytearray(width * bpp), []
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride) if kind else ():
            a, b = (line[i - bpp] if i >= bpp else 0), prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 255
            else:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows, bpp


def chromium_binary() -> str:
    binary = shutil.which("chromium")
    if binary is None:
        pytest.fail("`chromium` is not on PATH: run the tests with `bash scripts/test.sh`, which installs "
                    "Debian's chromium and a CJK font")
    return binary


class Browser:
    """Headless Chromium driven through the DevTools protocol on ``--remote-debugging-pipe`` (JSON
    messages ended by NUL on file descriptors 3 and 4), so a test can wait for the page's own state
    in real time: ``--virtual-time-budget`` runs timers at once but not the layout's Web Worker."""

    def __init__(self, profile: Path, width: int = 1280, height: int = 900) -> None:
        commands_read, self._commands = os.pipe()
        self._replies, replies_write = os.pipe()

        def wire() -> None:  # in the child: the pipe ends on the descriptors Chromium reads and writes
            read, write = os.dup(commands_read), os.dup(replies_write)  # never 3 or 4 themselves
            os.dup2(read, 3)
            os.dup2(write, 4)

        self.process = subprocess.Popen(
            [chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
             "--remote-debugging-pipe", f"--user-data-dir={profile}", f"--window-size={width},{height}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=False,
            preexec_fn=wire)
        os.close(commands_read)
        os.close(replies_write)
        self._buffer, self._id, self._session = b"", 0, None
        page = next(t for t in self.call("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self._session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
        self.exceptions: list[str] = []
        self.call("Runtime.enable")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params}
        if self._session:
            message["sessionId"] = self._session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self._buffer:
                chunk = os.read(self._replies, 1 << 16)
                assert chunk, "chromium closed its pipe"
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("method") == "Runtime.exceptionThrown":
                details = reply["params"]["exceptionDetails"]
                self.exceptions.append(details.get("exception", {}).get("description") or details["text"])
            if reply.get("id") == self._id:
                assert "error" not in reply, (method, reply["error"])
                return reply["result"]

    def evaluate(self, expression: str) -> Any:
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                         awaitPromise=True)["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 90.0) -> Any:
        end = time.monotonic() + timeout
        while (value := self.evaluate(expression)) in (None, False, "", 0):
            assert time.monotonic() < end, f"timed out waiting for {expression} (errors: {self.exceptions})"
            time.sleep(0.1)
        return value

    def open(self, url: str) -> None:
        self.call("Page.navigate", url=url)

    def mouse(self, kind: str, x: float, y: float, **params: Any) -> None:
        """A real pointer event at page coordinates (``mousePressed``, ``mouseReleased``, ``mouseWheel``)."""
        self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, **params)

    def click(self, x: float, y: float) -> None:
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.mouse(kind, x, y, button="left" if kind != "mouseMoved" else "none", clickCount=1)

    def dataset(self) -> dict[str, str]:
        return self.evaluate("Object.assign({}, document.body.dataset)")

    def screenshot(self, path: Path) -> Path:
        path.write_bytes(base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"]))
        return path

    def close(self) -> None:
        try:
            self.call("Browser.close")
            self.process.wait(timeout=20)
        except (AssertionError, OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        finally:
            os.close(self._commands)
            os.close(self._replies)


def colour_counts(shot: Path) -> tuple[int, dict[str, int]]:
    """(distinct colours, pixels painted in each type's colour) of a screenshot."""
    _, _, rows, bpp = decode_png(shot.read_bytes())
    pixels = collections.Counter(row[i : i + 3] for row in rows for i in range(0, len(row), bpp))
    return len(pixels), {label: pixels[bytes(colour)] for label, colour in COLOUR_OF.items()}
