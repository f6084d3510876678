#!/usr/bin/env bash
# Makes sure this machine can run the real-SSH tests and the demo: sshd, rsync, python3, make, sudo
# (workers reached as a non-root user with use_sudo), and git + zstd (state bundles, the Action's
# cache) + curl (the demo).
# Idempotent: does nothing when all are present; otherwise installs the missing Debian packages
# once (needs root). Run as root by the test runner and the demo.
set -euo pipefail

missing=()
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v ssh >/dev/null 2>&1 || missing+=(openssh-client)
command -v rsync >/dev/null 2>&1 || missing+=(rsync)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v sudo >/dev/null 2>&1 || missing+=(sudo)
command -v git >/dev/null 2>&1 || missing+=(git)
command -v zstd >/dev/null 2>&1 || missing+=(zstd)
command -v curl >/dev/null 2>&1 || missing+=(curl)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$EUID" -ne 0 ]; then
  echo "setup-host: missing packages: ${missing[*]}; run this script as root (sudo $0) to install them" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-host: missing packages: ${missing[*]}; apt-get is not available, install them with your package manager" >&2
  exit 1
fi

echo "setup-host: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# sshd needs its privilege-separation directory; the package creates it only at boot
mkdir -p /run/sshd
echo "setup-host: done" >&2
