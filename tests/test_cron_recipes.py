"""The README's cron and systemd recipes, run as written: the log holds JSON lines only, the
notes go elsewhere, and cron — which mails what a job prints, not its exit code — gets output
only from a run that found a new critical edit."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
WHERE = "/srv/auditor"  #: the folder the recipes name


def _block(language: str, containing: str) -> str:
    blocks = re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)
    return next(b for b in blocks if containing in b)


def _site(tmp_path: Path) -> Path:
    """/srv/auditor as the recipes expect it: corpus/ and .venv/bin/auditor."""
    site = tmp_path / "srv-auditor"
    shutil.copytree(CORPUS, site / "corpus")
    (site / ".venv" / "bin").mkdir(parents=True)
    (site / ".venv" / "bin" / "auditor").symlink_to(Path(sys.executable).parent / "auditor")
    return site


def _json_lines(path: Path) -> list[dict[str, object]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]  # every line is one JSON object


@pytest.mark.slow
def test_the_cron_recipe_mails_only_what_is_new(tmp_path: Path) -> None:
    block = _block("cron", "auditor audit")
    settings = [line for line in block.splitlines() if re.match(r"^[A-Z_]+=", line)]
    assert any(line.startswith("MAILTO=") for line in settings), "a recipe that mails sets MAILTO"
    (schedule,) = [line for line in block.splitlines() if line and line[0] in "*0123456789"]
    command = schedule.split(None, 5)[5]
    site = _site(tmp_path)
    command = command.replace(WHERE, str(site))

    def cron_run() -> subprocess.CompletedProcess[str]:
        # cron runs the line with /bin/sh and mails whatever it prints
        return subprocess.run(
            ["/bin/sh", "-c", command], capture_output=True, text=True, timeout=600, check=False
        )

    first = cron_run()  # the seeds' critical edit is new: a mail
    assert "exited 3" in first.stdout and '"new_critical": 1' in first.stdout, first
    quiet = cron_run()  # nothing new: nothing printed, no mail
    assert (quiet.stdout, quiet.stderr) == ("", ""), quiet
    log = _json_lines(site / "audit.jsonl")
    assert [line["new_critical"] for line in log] == [1, 0]
    assert [line["critical"] for line in log] == [1, 1]
    notes = (site / "audit.err").read_text(encoding="utf-8")
    assert notes and all(line.startswith("note:") for line in notes.splitlines())

    (site / "corpus" / "official").rename(site / "elsewhere")  # the audit cannot run: a mail
    broken = cron_run()
    assert "exited 1" in broken.stdout and "cannot audit" in broken.stdout, broken
    assert len(_json_lines(site / "audit.jsonl")) == 2


@pytest.mark.slow
def test_the_systemd_unit_keeps_json_lines_and_fails_only_on_what_is_new(tmp_path: Path) -> None:
    unit = _block("ini", "ExecStart=")
    fields = dict(
        line.split("=", 1) for line in unit.splitlines() if "=" in line and line[0].isalpha()
    )
    site = _site(tmp_path)

    def here(value: str) -> str:
        return value.replace(WHERE, str(site))

    assert fields["StandardOutput"].startswith("append:")
    log = Path(here(fields["StandardOutput"].removeprefix("append:")))
    assert fields["StandardError"] == "journal"

    def systemd_run() -> subprocess.CompletedProcess[str]:
        # ExecStart= takes no shell: its words, in WorkingDirectory=, stdout appended to the log
        with log.open("a", encoding="utf-8") as out:
            return subprocess.run(
                shlex.split(here(fields["ExecStart"])),
                cwd=here(fields["WorkingDirectory"]),
                stdout=out,
                stderr=subprocess.PIPE,
                text=True,
                timeout=600,
                check=False,
            )

    assert systemd_run().returncode == 3  # new: this run's unit fails
    assert systemd_run().returncode == 0  # the same edit again: not new, the unit succeeds
    lines = _json_lines(log)
    assert [line["new_critical"] for line in lines] == [1, 0]
