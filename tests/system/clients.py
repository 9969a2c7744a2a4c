"""What the real-client tests share: a client subprocess's environment, running it, and finding
the AWS CLI and Node.js (failing with how to get them when missing)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
JS_DIR = Path(__file__).resolve().parent / "js"
BIN = Path(sys.executable).parent


def client_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a client subprocess: nothing AWS from the caller (no AWS_PROFILE, no
    real keys), fake credentials, a fixed region, and no way to read ~/.aws; ``extra`` adds
    variables (``AWS_MAX_ATTEMPTS="1"``…)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    nowhere = tmp_path / "no-aws-config"
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env.update(
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_REGION="us-east-1",
        AWS_CONFIG_FILE=str(nowhere / "config"),
        AWS_SHARED_CREDENTIALS_FILE=str(nowhere / "credentials"),
        AWS_EC2_METADATA_DISABLED="true",
        HOME=str(home),  # ~/.aws/models and friends: an empty directory
        **extra,
    )
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )


def aws_executable() -> str:
    """The AWS CLI next to this Python (the venv's bin), else on PATH; fail when missing."""
    beside = BIN / "aws"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("aws")
    if found is None:
        pytest.fail(
            f"the AWS CLI (`aws`) is neither in {BIN} nor on PATH; it is in the project's test "
            "extra: pip install -e '.[test]'",
            pytrace=False,
        )
    return found
