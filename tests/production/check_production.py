#!/usr/bin/env python3
"""Checks of a server started by scripts/run-production.sh (run by check_production.sh).

Against the HTTP workers (--url) and the websocket process (--gevent-url):
1. logs in as the administrator (/web/session/authenticate);
2. prints the SKJ SOP document (report sop_organisasi.report_sop_document) over HTTP:
   a PDF whose text holds the SOP's name;
3. prints it --parallel times at once (more than the workers: none may wait for
   another's report assets);
4. opens the websocket (/websocket upgrade on the gevent port), subscribes and
   gets a pong for a ping.
With --nginx-http/--nginx-https (a test nginx with config/nginx/odoo.conf in front):
5. plain http is redirected to https; with "X-Forwarded-Proto: https" (a TLS gateway)
   it is served; the login over https gets Secure, SameSite=Lax cookies and HSTS, and
   Odoo sees the client's scheme and host (web.base.url becomes the https address);
   the PDF and the websocket (wss) work through nginx; static files are cached.
Prints one line per check with its time; exit status 1 on the first failure.
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests
import websocket

REPORT = "sop_organisasi.report_sop_document"
WS_VERSION = "18.0-3"  # bus.websocket.WebsocketConnectionHandler._VERSION of Odoo 18.0


class CheckError(Exception):
    pass


def check(label, func, *args):
    """Run one check, print its label, time and detail; raise CheckError on failure."""
    started = time.perf_counter()
    try:
        detail = func(*args)
    except CheckError as exc:
        print(f"FAIL {label}: {exc}", flush=True)
        raise
    except Exception as exc:
        print(f"FAIL {label}: {type(exc).__name__}: {exc}", flush=True)
        raise CheckError(str(exc)) from exc
    print(f"ok   {label:<62} {time.perf_counter() - started:6.2f} s  {detail or ''}", flush=True)
    return detail


def expect(condition, message):
    if not condition:
        raise CheckError(message)


def login(session, url, db, login_name, password):
    answer = session.post(
        f"{url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "method": "call", "params": {"db": db, "login": login_name, "password": password}},
        timeout=60,
    )
    answer.raise_for_status()
    body = answer.json()
    expect("error" not in body and body["result"].get("uid"), f"login refused: {body.get('error', body)}")
    return answer


def login_detail(session, url, db, login_name, password):
    login(session, url, db, login_name, password)
    return f"session {session.cookies['session_id'][:8]}..."


def call(session, url, model, method, *args, **kwargs):
    """``call_kw`` with the session's user."""
    answer = session.post(
        f"{url}/web/dataset/call_kw/{model}/{method}",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        },
        timeout=60,
    )
    answer.raise_for_status()
    body = answer.json()
    expect("error" not in body, f"{model}.{method}: {body.get('error')}")
    return body["result"]


def skj_id(session, url):
    rows = call(
        session,
        url,
        "ir.model.data",
        "search_read",
        [("module", "=", "sop_organisasi"), ("name", "=", "sop_skj")],
        fields=["res_id"],
    )
    expect(rows, "the SKJ SOP (sop_organisasi.sop_skj) is not in the database")
    return rows[0]["res_id"]


def fetch_pdf(session, url, record_id):
    answer = session.get(f"{url}/report/pdf/{REPORT}/{record_id}", timeout=300)
    expect(answer.status_code == 200, f"HTTP {answer.status_code}: {answer.text[:300]}")
    expect(answer.content.startswith(b"%PDF"), f"not a PDF: {answer.content[:100]!r}")
    return answer.content


def pdf_text(pdf):
    if not shutil.which("pdftotext"):
        return None
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        return subprocess.run(
            ["pdftotext", "-layout", handle.name, "-"], check=True, capture_output=True, text=True
        ).stdout


def print_one(session, url, record_id):
    pdf = fetch_pdf(session, url, record_id)
    text = pdf_text(pdf)
    if text is not None:
        expect("Standar Kompetensi Jabatan" in " ".join(text.split()), "the PDF does not hold the SKJ SOP's name")
    return f"{len(pdf) / 1024:.0f} KiB"


def print_parallel(session, url, record_id, count):
    errors, sizes = [], []

    def one():
        try:
            sizes.append(len(fetch_pdf(session, url, record_id)))
        except Exception as exc:  # counted below
            errors.append(exc)

    threads = [threading.Thread(target=one) for _i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    expect(not errors, f"{len(errors)} of {count} failed: {errors[0] if errors else ''}")
    return f"{len(sizes)} PDFs, 0 errors"


def open_websocket(ws_url, origin, session_id, sslopt=None):
    """Upgrade, subscribe, ping: the websocket process answers with a pong."""
    conn = websocket.create_connection(
        f"{ws_url}/websocket?version={WS_VERSION}",
        origin=origin,
        cookie=f"session_id={session_id}",
        timeout=20,
        sslopt=sslopt,
    )
    try:
        expect(conn.status == 101, f"no upgrade: HTTP {conn.status}")
        conn.send(json.dumps({"event_name": "subscribe", "data": {"channels": [], "last": 0}}))
        conn.ping(b"sop")
        while True:
            opcode, frame = conn.recv_data_frame(control_frame=True)
            if opcode == websocket.ABNF.OPCODE_PONG:
                expect(frame.data == b"sop", f"unexpected pong {frame.data!r}")
                return "101 Switching Protocols, subscribed, pong"
            expect(opcode != websocket.ABNF.OPCODE_CLOSE, f"closed by the server: {frame.data!r}")
    finally:
        conn.close()


def nginx_redirect(http_url):
    answer = requests.get(f"{http_url}/web/login", allow_redirects=False, timeout=30)
    expect(answer.status_code == 301, f"HTTP {answer.status_code}, expected 301")
    location = answer.headers.get("Location", "")
    expect(location.startswith("https://"), f"redirected to {location!r}")
    return f"301 -> {location}"


def nginx_gateway(http_url):
    answer = requests.get(
        f"{http_url}/web/login", headers={"X-Forwarded-Proto": "https"}, allow_redirects=False, timeout=30
    )
    expect(answer.status_code == 200, f"HTTP {answer.status_code}, expected 200")
    expect("max-age" in answer.headers.get("Strict-Transport-Security", ""), "no HSTS on the gateway's https")
    return "200, HSTS"


def nginx_login(session, https_url, db, login_name, password):
    answer = login(session, https_url, db, login_name, password)
    cookie = answer.headers.get("Set-Cookie", "")
    expect("session_id=" in cookie, f"no session cookie: {cookie!r}")
    lowered = cookie.lower()
    expect("; secure" in lowered and "samesite=lax" in lowered, f"cookie flags missing: {cookie!r}")
    hsts = answer.headers.get("Strict-Transport-Security", "")
    expect("max-age" in hsts, "no Strict-Transport-Security header")
    base_url = call(session, https_url, "ir.config_parameter", "get_param", "web.base.url")
    expect(base_url == https_url, f"Odoo saw {base_url!r}, not {https_url!r}: scheme or host lost")
    return f"Secure; SameSite=Lax; HSTS; web.base.url={base_url}"


def nginx_static_cache(session, https_url, cache_dir):
    path = "/web/static/img/favicon.ico"
    for _i in range(2):
        answer = session.get(f"{https_url}{path}", timeout=30)
        expect(answer.status_code == 200, f"{path}: HTTP {answer.status_code}")
    cached = [item for item in Path(cache_dir).rglob("*") if item.is_file()]
    expect(cached, f"nothing cached in {cache_dir}")
    return f"{len(cached)} file(s) in the cache"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", required=True, help="HTTP workers, e.g. http://127.0.0.1:8069")
    parser.add_argument("--gevent-url", required=True, help="websocket process, e.g. http://127.0.0.1:8072")
    parser.add_argument("--db", required=True)
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--parallel", type=int, default=6, help="simultaneous PDFs (more than the workers)")
    parser.add_argument("--nginx-http", help="test nginx, plain http side, e.g. http://127.0.0.1:8080")
    parser.add_argument("--nginx-https", help="test nginx, https side, e.g. https://127.0.0.1:8443")
    parser.add_argument("--nginx-cache", help="the test nginx's cache directory")
    parser.add_argument("--nginx-ca", help="the test nginx's (self-signed) certificate")
    args = parser.parse_args()
    url, gevent_url = args.url.rstrip("/"), args.gevent_url.rstrip("/")
    started = time.perf_counter()
    try:
        session = requests.Session()
        check("log in as admin (workers)", login_detail, session, url, args.db, args.login, args.password)
        record_id = skj_id(session, url)
        check("SKJ SOP document PDF over HTTP", print_one, session, url, record_id)
        check(f"{args.parallel} simultaneous SKJ PDFs", print_parallel, session, url, record_id, args.parallel)
        check(
            "websocket on the gevent port",
            open_websocket,
            gevent_url.replace("http", "ws", 1),
            url,
            session.cookies["session_id"],
        )
        if args.nginx_https:
            https_url = args.nginx_https.rstrip("/")
            check("nginx: plain http redirected to https", nginx_redirect, args.nginx_http.rstrip("/"))
            check("nginx: http from a TLS gateway (X-Forwarded-Proto)", nginx_gateway, args.nginx_http.rstrip("/"))
            secure = requests.Session()
            secure.trust_env = False  # REQUESTS_CA_BUNDLE would replace the test certificate
            secure.verify = args.nginx_ca
            check("nginx: log in over https", nginx_login, secure, https_url, args.db, args.login, args.password)
            check("nginx: SKJ PDF over https", print_one, secure, https_url, record_id)
            check(
                "nginx: websocket over wss",
                open_websocket,
                https_url.replace("https", "wss", 1),
                https_url,
                secure.cookies["session_id"],
                {"ca_certs": args.nginx_ca},
            )
            if args.nginx_cache:
                check("nginx: static files cached", nginx_static_cache, secure, https_url, args.nginx_cache)
    except CheckError:
        return 1
    print(f"all checks passed in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
