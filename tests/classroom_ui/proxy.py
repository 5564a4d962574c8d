"""The school's setup for a test: `quiz serve` processes on free loopback ports, and Debian's nginx
in front of them with docs/nginx/quiz.conf as shipped, but for its ports, upstreams and certificate.

nginx runs as a child of the test (never the system service), in the foreground, with its pid,
logs and temporary files under the test's folder; a self-signed certificate stands for the school's.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.classroom_ui.browser import stop_group

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "docs" / "nginx" / "quiz.conf"
NGINX = Path("/usr/sbin/nginx")


def nginx_or_skip() -> None:
    """Skip without Debian's nginx (or openssl for the certificate); in CI their absence fails."""
    missing = [str(tool) for tool in (NGINX, Path("/usr/bin/openssl")) if not tool.exists()]
    if not missing:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{', '.join(missing)} missing: .ci/run installs nginx-light before the tests")
    pytest.skip(f"no {', '.join(missing)} (apt-get install nginx-light openssl; the service need not run)")


PROXY_ADDRESS = "127.0.0.2"  # nginx's address as the serve processes see it; browsers come from 127.0.0.1


def site_config(upstreams: list[int], https_port: int, http_port: int, cert: Path, key: Path) -> str:
    """docs/nginx/quiz.conf with the test's ports, upstreams and certificate; the rest as shipped,
    but for one line added: nginx connects to the processes from PROXY_ADDRESS, so that the proxy
    and the browsers have different addresses, as they do on a school's network."""
    text = SHIPPED.read_text()
    servers = "".join(f"    server 127.0.0.1:{port} max_fails=3 fail_timeout=10s;\n" for port in upstreams)
    text, upstream_lines = re.subn(r"(?m)^    server 127\.0\.0\.1:\d+ [^\n]*\n", "", text)
    assert upstream_lines >= 2, "the shipped config no longer lists its upstreams as expected"
    text = text.replace("    least_conn;\n", "    least_conn;\n" + servers, 1)
    replaced = {
        r"(?m)^    listen \[::\]:\d+[^\n]*\n": "",  # the test machine may have no IPv6
        r"(?m)^    listen 80;": f"    listen 127.0.0.1:{http_port};",
        r"(?m)^    listen 443 ssl;": f"    listen 127.0.0.1:{https_port} ssl;",
        r"(?m)^(    ssl_certificate +)\S+;": rf"\g<1>{cert};",
        r"(?m)^(    ssl_certificate_key +)\S+;": rf"\g<1>{key};",
        r"(?m)^(    proxy_http_version 1\.1;)": rf"\g<1>\n    proxy_bind {PROXY_ADDRESS};",
    }
    for pattern, new in replaced.items():
        text, count = re.subn(pattern, new, text)
        assert count, f"the shipped config has no line matching {pattern}"
    return text


def main_config(folder: Path, site: Path) -> str:
    """The nginx.conf around the site: every path nginx writes in `folder`."""
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers run as whoever runs the test
    temps = "".join(f"    {kind}_temp_path {folder / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (f"{user}worker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'} warn;\n"
            f"events {{ worker_connections 256; }}\n"
            f"http {{\n    access_log {folder / 'access.log'};\n{temps}    include {site};\n}}\n")


def self_signed(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


def _wait_listening(port: int, proc: subprocess.Popen[bytes], log: Path, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args!r} ended with {proc.returncode}: {log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"nothing listened on {port}: {log.read_text()}") from None
            time.sleep(0.05)


@contextmanager
def started(argv: list[str], port: int, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A server in its own session, once it listens on `port`; stopped with its group at the end."""
    out = open(log, "wb")  # closed below
    proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        _wait_listening(port, proc, log)
        yield proc
    finally:
        stop_group(proc)
        out.close()


@contextmanager
def serve_process(db: str, port: int, public_url: str, paper: str | None, log: Path,
                  *extra: str) -> Iterator[subprocess.Popen[bytes]]:
    """`quiz --db DB serve` on a loopback port behind the proxy (its public URL, its address trusted);
    without a paper, each tab is a student's home."""
    argv = [sys.executable, "-m", "quiz", "--db", db, "serve", "--port", str(port), "--public-url", public_url,
            "--trusted-proxy", PROXY_ADDRESS, *(["--paper", paper] if paper is not None else []), *extra]
    with started(argv, port, log) as proc:
        yield proc


def tab_addresses(server: subprocess.Popen[bytes]) -> list[str | None]:
    """Each running tab's QUIZ_CLIENT_ADDRESS (what its wrong codes count against), read from the
    environment of the take apps in the server's process group."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == server.pid:
            continue
        try:
            if os.getpgid(int(entry.name)) != server.pid:
                continue
            environment = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue  # gone meanwhile
        values = [item.split(b"=", 1)[1].decode() for item in environment if item.startswith(b"QUIZ_CLIENT_ADDRESS=")]
        found.append(values[0] if values else None)
    return sorted(found, key=str)


@contextmanager
def nginx(folder: Path, upstreams: list[int], https_port: int, http_port: int) -> Iterator[None]:
    """nginx with the shipped site config in front of `upstreams`, on https_port (TLS) and http_port."""
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = self_signed(folder)
    site = folder / "quiz.conf"
    site.write_text(site_config(upstreams, https_port, http_port, cert, key))
    conf = folder / "nginx.conf"
    conf.write_text(main_config(folder, site))
    argv = [str(NGINX), "-p", str(folder), "-c", str(conf), "-e", str(folder / "error.log"), "-g", "daemon off;"]
    checked = subprocess.run([*argv[:-2], "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    with started(argv, https_port, folder / "nginx.out"):
        yield
