#!/bin/bash
# The load balancer's health check (the nginx image has no curl): its own /lb/health answers "ok".
exec 3<>/dev/tcp/127.0.0.1/80 || exit 1
printf 'GET /lb/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
grep -q '^ok' <&3
