"""Take a screenshot of a page of a running Odoo server with headless Chromium.

Usage: python scripts/screenshot.py URL OUT.png [--db DB] [--login admin] [--password admin]
       [--width 1440] [--height 900] [--wait 4] [--public] [--tz Asia/Jakarta]
Logs in through /web/session/authenticate (not with --public: a visitor's page), passes the session cookie to Chromium
over the DevTools protocol (websocket-client) and saves a PNG.
"""

import argparse
import base64
import json
import shutil
import subprocess
import tempfile
import time
from urllib.parse import urlparse

import requests
import websocket


def _session_cookie(base, db, login, password):
    response = requests.post(
        f"{base}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": db, "login": login, "password": password}},
        timeout=30,
    )
    response.raise_for_status()
    return response.cookies["session_id"]


def _arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("out")
    parser.add_argument("--db", required=True)
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--wait", type=float, default=4)
    parser.add_argument("--port", type=int, default=9333)
    parser.add_argument("--public", action="store_true", help="no login: the page as a visitor sees it")
    parser.add_argument(
        "--tz", default="Asia/Jakarta", help="the browser's time zone (the web client shows times in it)"
    )
    return parser.parse_args()


def main():
    args = _arguments()
    parsed = urlparse(args.url)
    base = f"{parsed.scheme}://{parsed.netloc}"
    session = None if args.public else _session_cookie(base, args.db, args.login, args.password)
    chrome = shutil.which("chromium") or shutil.which("google-chrome")
    profile = tempfile.mkdtemp()
    proc = subprocess.Popen(
        [
            chrome,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            f"--remote-debugging-port={args.port}",
            f"--window-size={args.width},{args.height}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            try:
                targets = requests.get(f"http://127.0.0.1:{args.port}/json", timeout=2).json()
                page = next(t for t in targets if t["type"] == "page")
                break
            except (requests.RequestException, StopIteration):
                time.sleep(0.2)
        ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        counter = iter(range(1, 10_000))

        def call(method, **params):
            msg_id = next(counter)
            ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
            while True:
                msg = json.loads(ws.recv())
                if msg.get("id") == msg_id:
                    return msg.get("result", {})

        call("Network.enable")
        if session:
            call("Network.setCookie", name="session_id", value=session, domain=parsed.hostname, path="/")
        call(
            "Emulation.setDeviceMetricsOverride",
            width=args.width,
            height=args.height,
            deviceScaleFactor=1,
            mobile=args.width < 600,
        )
        call("Emulation.setTimezoneOverride", timezoneId=args.tz)
        call("Page.enable")
        call("Page.navigate", url=args.url)
        time.sleep(args.wait)
        data = call("Page.captureScreenshot", format="png")["data"]
        with open(args.out, "wb") as out:
            out.write(base64.b64decode(data))
        ws.close()
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
