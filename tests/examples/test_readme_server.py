"""The README's "Server mode" lines, run for real in bash with the AWS CLI, as on a machine
without any AWS configuration (no region, no credentials, no ~/.aws)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_server_mode_runs_as_written_without_aws_configuration(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## Server mode") :]
    lines = section[section.index("```bash") + len("```bash") : section.index("```\n", 10)]
    commands = [line for line in lines.strip().splitlines() if line.strip()]
    assert len(commands) == 6
    bin_dir = Path(sys.executable).parent
    assert (bin_dir / "aws").exists() or shutil.which("aws"), "the AWS CLI comes with '.[test]'"
    port = subprocess.run(
        [
            sys.executable,
            "-c",
            "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    script = "\n".join(commands).replace("4599", port)
    # Between the server's start and the first request: wait until it answers (at most 30 s).
    ready = (
        "SERVER=$!\ntrap 'kill $SERVER' EXIT\n"
        f"for _ in $(seq 600); do curl -sf http://127.0.0.1:{port}/_aws/pinpoint/health"
        " > /dev/null && break; sleep 0.05; done\n"
    )
    script = script.replace("&\n", "&\n" + ready, 1)
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    # A machine without AWS configuration: no AWS_* variable, no config or credentials file
    # (the snippet itself must give the AWS CLI a region and credentials).
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
        AWS_CONFIG_FILE=str(tmp_path / "none"),
        AWS_SHARED_CREDENTIALS_FILE=str(tmp_path / "none"),
        HOME=str(tmp_path),
    )
    result = subprocess.run(
        ["bash", "-e", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    decoder = json.JSONDecoder()
    documents = []
    text = result.stdout
    position = 0
    while (match := re.compile(r"\S").search(text, position)) is not None:
        if text[match.start()] not in "{[":
            position = text.index("\n", match.start()) + 1
            continue
        document, position = decoder.raw_decode(text, match.start())
        documents.append(document)
    endpoint, send, messages = documents[-3:]
    assert endpoint["endpoint"]["User"]["UserId"] == "ana"
    entry = send["SendUsersMessageResponse"]["Result"]["ana"]["endpoint-1"]
    assert entry["DeliveryStatus"] == "SUCCESSFUL"
    (message,) = messages["messages"]
    assert (message["body"], message["messageId"]) == ("hi", entry["MessageId"])
