"""gpseeker offered over SSH, as the README's "Over SSH" section sets it up: OpenSSH's
real `sshd` on 127.0.0.1 with a throwaway host key, a throwaway user key and
`ForceCommand gpseeker --server URL`, reached with the real `ssh -t` in tmux at 80x24.
The candidate searches, opens a job and applies, all by keys."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.signup_mail import signup_code

from .terminal import Terminal, installed_gpseeker
from .test_serve_cli import PASSWORD, server  # noqa: F401  (server: a fixture)

pytestmark = pytest.mark.e2e

PRIVSEP_DIR = Path("/run/sshd")
"""Where Debian's sshd chroots its unprivileged child; it refuses to start without it."""


def openssh() -> tuple[str, str, str]:
    """sshd (by absolute path: it re-executes itself), ssh and ssh-keygen."""
    sshd = shutil.which("sshd") or shutil.which("sshd", path="/usr/sbin:/usr/local/sbin")
    ssh, keygen = shutil.which("ssh"), shutil.which("ssh-keygen")
    if sshd is None or ssh is None or keygen is None:
        pytest.skip("OpenSSH is not installed (apt-get install -y openssh-server openssh-client)")
    return str(Path(sshd).resolve()), ssh, keygen


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def sshd(tmp_path: Path, server: str) -> Iterator[tuple[int, Path, Path]]:  # noqa: F811
    """sshd on a free port whose only command is the TUI against `server`.

    Yields (port, the user's private key, the GPSEEKER_HOME ForceCommand runs with).
    The login user is whoever runs the tests (root in CI), so no account is created.
    """
    sshd_path, _, keygen = openssh()
    if not PRIVSEP_DIR.is_dir():
        try:
            PRIVSEP_DIR.mkdir(mode=0o755, parents=True)
        except OSError as error:
            pytest.skip(f"sshd needs {PRIVSEP_DIR}, which cannot be created here: {error}")
    keys = tmp_path / "ssh"
    keys.mkdir()
    for name in ("host_key", "user_key"):
        subprocess.run(
            [keygen, "-q", "-t", "ed25519", "-N", "", "-f", str(keys / name)], check=True
        )
    (keys / "authorized_keys").write_text((keys / "user_key.pub").read_text())
    home = tmp_path / "ssh-account-home"
    port = free_port()
    command = f"env GPSEEKER_HOME={home} {installed_gpseeker()} --server {server}"
    config = keys / "sshd_config"
    config.write_text(
        f"Port {port}\n"
        "ListenAddress 127.0.0.1\n"
        f"HostKey {keys / 'host_key'}\n"
        f"AuthorizedKeysFile {keys / 'authorized_keys'}\n"
        f"PidFile {keys / 'sshd.pid'}\n"
        "StrictModes no\n"
        "UsePAM no\n"
        "PasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\n"
        "PermitRootLogin prohibit-password\n"
        "DisableForwarding yes\n"
        "PermitUserRC no\n"
        "PrintMotd no\n"
        "PrintLastLog no\n"
        f"ForceCommand {command}\n"
    )
    log_path = tmp_path / "sshd.log"
    log = log_path.open("w")
    process = subprocess.Popen(
        [sshd_path, "-D", "-e", "-f", str(config)],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=log,
    )
    deadline = time.monotonic() + 30
    while "Server listening" not in log_path.read_text():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"sshd did not start:\n{log_path.read_text()}")
        time.sleep(0.1)
    try:
        yield port, keys / "user_key", home
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    terminal = Terminal(tmp_path / "tmux.sock")
    yield terminal
    terminal.close()


def test_a_candidate_searches_and_applies_over_ssh(
    sshd: tuple[int, Path, Path],
    server: str,  # noqa: F811
    terminal: Terminal,
    tmp_path: Path,
) -> None:
    port, user_key, account_home = sshd
    _, ssh, _ = openssh()
    # The SSH account's candidate signs up once, into the home ForceCommand uses;
    # from then on the app opens signed in.
    signup_env = {**os.environ, "GPSEEKER_HOME": str(account_home), "GPSEEKER_PASSWORD": PASSWORD}
    signup_env.pop("GPSEEKER_SERVER", None)
    for finish in (["--name", "Ren Ito"], ["--code", "CODE"]):
        if finish[0] == "--code":  # the code the platform mailed, as its owner reads it
            finish[1] = signup_code(tmp_path / "server-home" / "data" / "mail", "ren@example.com")
        signed_up = subprocess.run(
            [installed_gpseeker(), "signup", "--server", server, "--email", "ren@example.com",
             *finish],
            capture_output=True, text=True, env=signup_env, timeout=60,
        )  # fmt: skip
        assert signed_up.returncode == 0, signed_up.stderr

    client = [
        ssh, "-t", "-F", "/dev/null", "-p", str(port), "-i", str(user_key),
        "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
        "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
        "-o", "LogLevel=ERROR", "127.0.0.1",
    ]  # fmt: skip
    # ssh asks the remote pty to be the TERM it runs with; the echo proves a clean exit.
    line = f'{shlex.join(client)}; echo "ssh exited with $?"'
    terminal.start(["sh", "-c", line], {"TERM": "xterm-256color"})
    try:
        first = terminal.wait_for(" jobs · ", timeout=60)  # the first page of jobs, over SSH
    except pytest.fail.Exception as failed:  # a refused login says why only in sshd's log
        pytest.fail(f"{failed}\nsshd's log:\n{(tmp_path / 'sshd.log').read_text()}")
    assert "· ren@example.com" in first  # signed in, on the served platform

    terminal.type("python")
    terminal.wait_for("jobs for “python”", timeout=30)
    terminal.press("Enter")  # from the search box to the list
    # One key per read: two Enters arriving together over SSH would not both count.
    terminal.wait_for("⏎ Open", timeout=20)
    terminal.press("Enter")  # open the job (over the list at 80 columns)
    terminal.wait_for("Where: ", timeout=20)  # the whole job, in place of the list
    terminal.press("a")
    terminal.wait_for("Ctrl+S applies", timeout=30)
    # Apply is enabled once the dialog shows what the employer will receive.
    terminal.wait_for("Name: Ren Ito", timeout=30)
    terminal.press("C-s")
    applied = terminal.wait_for("Application sent", timeout=30)
    assert "Applied" in applied  # the job itself now says so, in words

    applications = subprocess.run(
        [installed_gpseeker(), "applications", "--server", server],
        capture_output=True, text=True, env=signup_env, timeout=60,
    )  # fmt: skip
    assert applications.returncode == 0, applications.stderr
    assert "Status: submitted" in applications.stdout, applications.stdout
    title = re.search(r"^Application \d+: (.+)$", applications.stdout, re.MULTILINE)
    assert title is not None and title.group(1) in applied, applications.stdout

    terminal.press("C-q")
    terminal.wait_for("ssh exited with 0", timeout=20)
