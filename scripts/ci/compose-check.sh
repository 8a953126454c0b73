#!/usr/bin/env bash
# The container part of .ci/run (issue #12): build the production image with podman from the standard Dockerfile,
# compare its size with its base image's (≤ 1.5×), check it runs as a non-root user with production dependencies
# only, then bring the compose file's production services up on the stand-in images (../shared/tools/), wait until
# every one is healthy, create a request through the load balancer and see its e-mail reach an SMTP sink; down after.
set -euo pipefail
cd "$(dirname "$0")/../.."
image=localhost/credential-requests:latest
base=docker.io/library/node:20-bookworm-slim
project=credreq-ci
work=$(mktemp -d)
sink_pid=""
cleanup() {
  podman-compose -p "$project" down -v >/dev/null 2>&1 || true
  # podman-compose 1.0 leaves the project's network behind: the next run would join a stale one.
  podman network rm "${project}_default" >/dev/null 2>&1 || true
  [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null || true
  rm -f .env
  rm -rf "$work"
}
trap cleanup EXIT
step() { printf '\n-- %s (%ss)\n' "$*" "$SECONDS"; }

step "stand-in images"
bash "${SHARED_DIR:-../shared}/tools/standin-images.sh" >/dev/null

step "podman build"
# The machine's CA bundle reaches npm inside the build as a read-only volume, never as a layer.
podman build --format docker -q --volume /etc/ssl/certs:/etc/ssl/certs:ro \
  --build-arg NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt -t "$image" . >/dev/null

step "image checks"
size=$(podman image inspect "$image" --format '{{.Size}}')
base_size=$(podman image inspect "$base" --format '{{.Size}}')
node -e 'const [s,b]=process.argv.slice(1).map(Number);const r=s/b;console.log(JSON.stringify({image:s,base:b,ratio:+r.toFixed(3)}));process.exit(r<=1.5?0:1)' "$size" "$base_size" \
  || { echo "image is more than 1.5 x its base"; exit 1; }
user=$(podman image inspect "$image" --format '{{.Config.User}}')
uid=$(podman run --rm --entrypoint id "$image" -u)
[ "$user" = node ] && [ "$uid" != 0 ] || { echo "image runs as '$user' (uid $uid), not a non-root user"; exit 1; }
# Development dependencies that no production package needs must be absent from the image.
npm ls --omit=dev --all --parseable 2>/dev/null | sed -n 's#.*/node_modules/##p' | sort -u >"$work/prod"
node -e 'console.log(Object.keys(require("./package.json").devDependencies).join("\n"))' | sort -u >"$work/dev"
dev_only=$(comm -23 "$work/dev" "$work/prod" | tr '\n' ' ')
podman run --rm --entrypoint sh "$image" -c "cd node_modules && for p in $dev_only; do [ -e \"\$p\" ] && echo \"dev dependency in the image: \$p\" && exit 1; done; exit 0"
echo "user $user (uid $uid); none of $(echo "$dev_only" | wc -w) development-only packages present"

step "compose up"
# Two free neighbouring ports below the kernel's ephemeral range, so no outgoing connection left by the tests can
# hold one: a port taken under the load balancer would leave its container created but never started.
free_pair() {
  node -e '
    const net = require("net");
    const low = Number(require("fs").readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").split(/\s+/)[0]);
    const free = (p) => new Promise((ok) => { const s = net.createServer().once("error", () => ok(false)).listen(p, () => s.close(() => ok(true))); });
    (async () => {
      for (let i = 0; i < 50; i++) {
        const p = 20000 + Math.floor(Math.random() * (low - 20002));
        if ((await free(p)) && (await free(p + 1))) return console.log(p);
      }
      process.exit(1);
    })();'
}
port=$(free_pair) || { echo "no two free neighbouring ports"; exit 1; }
smtp_port=$((port + 1))
secret=$(openssl rand -hex 32)
{
  grep -v -E '^(PUBLIC_URL|HTTP_PORT|POSTGRES_PASSWORD|CREDENTIALS_MASTER_KEY|RUNTIME_TOKEN|SESSION_SECRET|INVITATION_SECRET|METRICS_TOKEN|AUTH_ISSUER|AUTH_AUDIENCE|AUTH_JWKS_URL|AUTH_ALGORITHMS|AUTH_JWT_SECRET|SMTP_URL|MAIL_FROM)=' .env.example
  echo "PUBLIC_URL=http://127.0.0.1:$port"
  echo "HTTP_PORT=$port"
  echo "POSTGRES_PASSWORD=$(openssl rand -hex 16)"
  echo "CREDENTIALS_MASTER_KEY=k1:$(openssl rand -base64 32)"
  echo "RUNTIME_TOKEN=$(openssl rand -hex 32)"
  echo "SESSION_SECRET=$(openssl rand -hex 32)"
  echo "INVITATION_SECRET=$(openssl rand -hex 32)"
  echo "METRICS_TOKEN=$(openssl rand -hex 32)"
  echo "AUTH_JWT_SECRET=$secret"
  echo "SMTP_URL=smtp://host.containers.internal:$smtp_port"
  echo "MAIL_FROM=ci@credential-requests.test"
} >.env
node scripts/ci/smtp-sink.mjs "$smtp_port" "$work/mail" &
sink_pid=$!
apps="postgres redis gateway-1 gateway-2 projector-1 projector-2 worker-1 worker-2"
# podman-compose 1.0.3 neither reads profiles nor waits for service_healthy: the services are named, the apps
# retry (restart policy) until PostgreSQL and Redis answer, and the load balancer comes up once the gateways are
# healthy, as depends_on says (nginx resolves its upstreams when it starts).
podman-compose -p "$project" up -d $apps >"$work/up.log" 2>&1 || { tail -30 "$work/up.log"; exit 1; }

state() { podman inspect "${project}_$1_1" --format '{{.State.Status}}' 2>/dev/null || echo missing; }
# Without systemd podman does not schedule health checks by itself: each round runs them (the image's HEALTHCHECK
# and the compose file's), and the status they leave is the one read. podman-compose 1.0 ignores a failed
# `podman run`/`start` (it exits 0 with the container left "created"), where docker compose would stop: such a
# container is started again here, and each try is told. One that ran and exited is the restart policy's to handle.
wait_healthy() {
  local deadline=$((SECONDS + 300)) unhealthy s
  while :; do
    unhealthy=""
    for s in "$@"; do
      podman healthcheck run "${project}_${s}_1" >/dev/null 2>&1 && continue
      unhealthy="$unhealthy $s"
      if [[ "$(state "$s")" =~ ^(created|configured)$ ]]; then
        echo "$s was created but not started ($SECONDS s); starting it"
        podman start "${project}_${s}_1" 2>&1 | grep -v "systemd connection" | tail -3 || true
      fi
    done
    [ -z "$unhealthy" ] && return 0
    if [ $SECONDS -gt $deadline ]; then
      echo "not healthy:$unhealthy"
      for s in $unhealthy; do
        echo "--- $s: $(podman inspect "${project}_${s}_1" --format 'state {{.State.Status}}, exit code {{.State.ExitCode}}, restarts {{.RestartCount}}, error "{{.State.Error}}"' 2>&1)"
        podman inspect "${project}_${s}_1" --format '{{range .State.Health.Log}}health check: exit {{.ExitCode}} {{.Output}}{{println}}{{end}}' 2>&1 | tail -3 | cut -c1-300 || true
        podman logs --tail 20 "${project}_${s}_1" 2>&1 | cut -c1-300 || true
        grep -F "${project}_${s}_1" -A3 "$work/up.log" | tail -8 | cut -c1-300 || true
      done
      return 1
    fi
    sleep 3
  done
}
step "waiting for every service to be healthy"
wait_healthy $apps
podman-compose -p "$project" up -d lb >>"$work/up.log" 2>&1 || { tail -30 "$work/up.log"; exit 1; }
wait_healthy lb
echo "all healthy: $apps lb"

step "a request through the load balancer"
if ! node scripts/ci/compose-smoke.mjs "http://127.0.0.1:$port" "$secret" "$work/mail" >"$work/smoke.log" 2>&1; then
  # What the app services said, so a failed smoke can be read after the containers are gone; the smoke's own
  # words last, where a shortened copy of the output (the end of it) still shows them.
  for s in $apps; do echo "--- $s"; podman logs --tail 30 "${project}_${s}_1" 2>&1 | cut -c1-400 || true; done
  echo "--- the smoke said"; cat "$work/smoke.log"
  exit 1
fi
cat "$work/smoke.log"
step "compose down"
