#!/usr/bin/env bash
# Validate config/nginx/odoo.conf with "nginx -t" in a wrapper configuration, and leave
# a runnable copy of it for a test server (used by check_production.sh).
#
#   tests/production/check_nginx_conf.sh [DIR]
#
# DIR (default: a temporary directory, removed afterwards) receives nginx.conf (the
# wrapper: pid, logs, temp paths inside DIR) and sop.conf, a copy of config/nginx/odoo.conf
# in which only addresses and paths change: the upstreams odoo:8069/odoo:8072 become
# 127.0.0.1:$ODOO_PORT/$GEVENT_PORT, "listen 80"/"listen 443" become 127.0.0.1:$HTTP_PORT/
# $HTTPS_PORT, the certificate a self-signed one for 127.0.0.1 made in DIR/certs (fullchain.pem),
# the cache DIR/cache.
# Ports from the environment: ODOO_PORT (8069), GEVENT_PORT (8072), HTTP_PORT (8080),
# HTTPS_PORT (8443). Needs nginx and openssl (Debian: apt-get install -y nginx).
# Exit status: 0 when nginx accepts the configuration.
set -euo pipefail

PROJECT_DIR=$(cd "$(dirname "$0")/../.." && pwd)
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "nginx is not installed (apt-get install -y nginx)" >&2; exit 2; }

KEEP=1
DIR=${1:-}
if [ -z "$DIR" ]; then
    DIR=$(mktemp -d /tmp/sop-nginx-XXXX)
    KEEP=
fi
mkdir -p "$DIR/certs" "$DIR/cache" "$DIR/tmp" "$DIR/logs"
DIR=$(cd "$DIR" && pwd)

if [ ! -f "$DIR/certs/fullchain.pem" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
        -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$DIR/certs/privkey.pem" -out "$DIR/certs/fullchain.pem" 2>/dev/null
fi

# each substitution must apply exactly once: a changed config/nginx/odoo.conf fails here
substitute() {  # $1: text in the file, $2: replacement
    local count
    count=$(grep -cF -- "$1" "$DIR/sop.conf" || true)
    [ "$count" = 1 ] || { echo "config/nginx/odoo.conf: expected '$1' once, found it $count times" >&2; exit 1; }
    local file
    file=$(<"$DIR/sop.conf")
    printf '%s\n' "${file/"$1"/"$2"}" > "$DIR/sop.conf"
}
cp "$PROJECT_DIR/config/nginx/odoo.conf" "$DIR/sop.conf"
substitute "server odoo:8069;" "server 127.0.0.1:${ODOO_PORT:-8069};"
substitute "server odoo:8072;" "server 127.0.0.1:${GEVENT_PORT:-8072};"
substitute "listen 80;" "listen 127.0.0.1:${HTTP_PORT:-8080};"
substitute "listen 443 ssl" "listen 127.0.0.1:${HTTPS_PORT:-8443} ssl"
substitute "/etc/nginx/certs/fullchain.pem" "$DIR/certs/fullchain.pem"
substitute "/etc/nginx/certs/privkey.pem" "$DIR/certs/privkey.pem"
substitute "/var/cache/nginx/odoo" "$DIR/cache"

USER_LINE=
[ "$(id -u)" != 0 ] || USER_LINE="user root;"  # workers write the cache and temp files in DIR
cat > "$DIR/nginx.conf" <<CONF
# test wrapper around sop.conf (config/nginx/odoo.conf), made by $0
$USER_LINE
worker_processes 1;
pid $DIR/nginx.pid;
error_log $DIR/logs/error.log;
events { worker_connections 256; }
http {
    access_log $DIR/logs/access.log;
    client_body_temp_path $DIR/tmp/body;
    proxy_temp_path $DIR/tmp/proxy;
    fastcgi_temp_path $DIR/tmp/fastcgi;
    uwsgi_temp_path $DIR/tmp/uwsgi;
    scgi_temp_path $DIR/tmp/scgi;
    include $DIR/sop.conf;
}
CONF

status=0
"$NGINX" -t -q -e "$DIR/logs/error.log" -p "$DIR" -c "$DIR/nginx.conf" || status=$?
if [ "$status" = 0 ]; then
    echo "nginx -t: config/nginx/odoo.conf is valid ($("$NGINX" -v 2>&1 | sed 's/.*: //'))"
else
    echo "nginx -t: config/nginx/odoo.conf is NOT valid" >&2
fi
[ -n "$KEEP" ] || rm -rf "$DIR"
exit "$status"
