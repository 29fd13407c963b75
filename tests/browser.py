"""A headless Chromium for the HTML report tests, standard library only.

It speaks the Chrome DevTools Protocol over `--remote-debugging-pipe` (file descriptors 3 and
4: no TCP port, no websocket or selenium package): load a file:// page and wait for its load
event (its scripts have run), evaluate JavaScript in it, and record every request the page
makes — any http(s) or ws request is also failed before it leaves (Fetch.failRequest), and a
dead proxy catches anything else. Chromium is Debian's `chromium` package, called directly:
the /usr/bin/chromium wrapper's /dev/shm check misfires in containers.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

CANDIDATES = ("/usr/lib/chromium/chromium", "chromium", "chromium-browser")
FLAGS = (
    "--headless",
    "--remote-debugging-pipe",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
    # every request, loopback included, goes to a dead proxy: nothing can leave the machine
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
)


def chromium_binary() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), *CANDIDATES):
        if not candidate:
            continue
        path = candidate if os.path.isabs(candidate) else shutil.which(candidate)
        if path and os.access(path, os.X_OK):
            return path
    return None


class Browser:
    """One headless Chromium, driven over a pipe. Use as a context manager."""

    def __init__(self, binary: str, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="auditor-chromium-")
        to_child, self._out = os.pipe()  # our commands → the browser's fd 3
        self._in, from_child = os.pipe()  # the browser's fd 4 → our replies

        def wire() -> None:  # in the child, before exec: the pipe ends on fds 3 and 4
            a = fcntl.fcntl(to_child, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_child, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)
            os.close(a)
            os.close(b)

        args = [binary, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"]
        # close_fds=False: fds 3 and 4 must survive into the browser; Python's own
        # descriptors are not inheritable (PEP 446), so nothing else leaks into it
        self.process = subprocess.Popen(
            args,
            preexec_fn=wire,
            close_fds=False,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []
        targets = self.send("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        attached = self.send(
            "Target.attachToTarget", {"targetId": page["targetId"], "flatten": True}
        )
        self.session = attached["sessionId"]

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        result: dict[str, Any] = json.loads(message)
        return result

    def send(
        self, method: str, params: dict[str, Any] | None = None, session: bool = False
    ) -> dict[str, Any]:
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._message(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self._event(reply)

    def _event(self, message: dict[str, Any]) -> None:
        self.events.append(message)
        if message.get("method") == "Fetch.requestPaused":  # fail it before it leaves
            block = {
                "id": 10**9 + len(self.events),
                "sessionId": self.session,
                "method": "Fetch.failRequest",
                "params": {
                    "requestId": message["params"]["requestId"],
                    "errorReason": "BlockedByClient",
                },
            }
            os.write(self._out, json.dumps(block).encode() + b"\0")

    def _wait_for(self, method: str) -> None:
        deadline = time.monotonic() + self.timeout
        while not any(e.get("method") == method for e in self.events):
            self._event(self._message(deadline))

    def _pump(self, seconds: float) -> None:
        """Collect late events (timers, late requests) for a while."""
        os.set_blocking(self._in, False)
        end = time.monotonic() + seconds
        try:
            while time.monotonic() < end:
                try:
                    chunk = os.read(self._in, 1 << 16)
                except BlockingIOError:
                    time.sleep(0.02)
                    continue
                self._buffer += chunk
                while b"\0" in self._buffer:
                    message, self._buffer = self._buffer.split(b"\0", 1)
                    self._event(json.loads(message))
        finally:
            os.set_blocking(self._in, True)

    def load(self, path: Path, settle: float = 0.3) -> None:
        """Open `path` and wait until its load event fired (its scripts have run)."""
        self.events.clear()
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.send(f"{domain}.enable", session=True)
        patterns = [{"urlPattern": "http*"}, {"urlPattern": "ws*"}]
        self.send("Fetch.enable", {"patterns": patterns}, session=True)
        reply = self.send("Page.navigate", {"url": path.resolve().as_uri()}, session=True)
        if reply.get("errorText"):
            raise RuntimeError(f"cannot open {path}: {reply['errorText']}")
        self._wait_for("Page.loadEventFired")
        self._pump(settle)

    def js(self, expression: str) -> Any:
        reply = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session=True,
        )
        if "exceptionDetails" in reply:
            raise RuntimeError(f"JavaScript error: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def requests(self) -> list[str]:
        """Every URL the page asked for since it was loaded, the page's own included."""
        urls = [
            e["params"]["request"]["url"]
            for e in self.events
            if e.get("method") == "Network.requestWillBeSent"
        ]
        urls += [
            e["params"]["url"] for e in self.events if e.get("method") == "Network.webSocketCreated"
        ]
        return urls

    def errors(self) -> list[str]:
        """Uncaught exceptions and console errors (a refused Content-Security-Policy too)."""
        out = [
            e["params"]["exceptionDetails"].get("text", "")
            for e in self.events
            if e.get("method") == "Runtime.exceptionThrown"
        ]
        out += [
            e["params"]["entry"]["text"]
            for e in self.events
            if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"
        ]
        return out

    def close(self) -> None:
        with contextlib.suppress(OSError, RuntimeError, TimeoutError):  # it may not answer
            self.send("Browser.close")
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._out)
        os.close(self._in)
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
