"""Starts `waymark serve` on a free loopback port for the bench scripts, and stops it again."""
import os
import socket
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(timeout=60):
    """Returns (process, port, base path such as "/fastapi-or-django/"); raises RuntimeError if serve does not start."""
    port = free_port()
    proc = subprocess.Popen([os.path.join(ROOT, "waymark"), "serve", "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + timeout
    while time.time() < deadline:
        line = proc.stdout.readline()
        if "serving" in line:
            url = line.split("http://", 1)[1].split(" ", 1)[0]
            return proc, port, "/" + url.split("/", 1)[1]
        if not line and proc.poll() is not None:
            break
    stop(proc)
    raise RuntimeError("waymark serve did not start")


def stop(proc):
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:  # a busy host: a big site's JVM can take long to exit
        proc.kill()
        proc.wait(10)
