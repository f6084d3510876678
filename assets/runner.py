#!/usr/bin/env python3
"""maand job runner, installed on every worker at /opt/worker/<bucket>/bin/runner.py.

Usage: python3 runner.py <bucket> <target> [--jobs a,b] [--keep-going]

Runs `make -s -C /opt/worker/<bucket>/jobs/<job> <target>` for each selected job, in order.
With --keep-going every job runs even after one failed, and each job's outcome is printed as
`maand-runner: result <job> <exit code>` (after `maand-runner: begin <job>`), so one call can serve
several jobs. MAAND_JOB_VERSIONS (JSON {"job": ["current", "new"]}) sets CURRENT_VERSION/NEW_VERSION per job.
Without --jobs, `start`/`restart` run the enabled jobs of jobs.json and other targets run all jobs.
A job given with --jobs that has no directory on this worker is an error (exit 1), not a silent no-op
(except for `stop`: nothing to stop).
"""
import argparse
import json
import os
import subprocess
import sys

BASE = "/opt/worker"


def load_jobs(bucket):
    path = os.path.join(BASE, bucket, "jobs.json")
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        print(f"runner: cannot read {path}: {e}", file=sys.stderr)
        sys.exit(1)


def select(entries, target, wanted):
    names = [e.get("job") for e in entries]
    if wanted is not None:
        return [j for j in wanted if j]
    if target in ("start", "restart"):
        return [e.get("job") for e in entries if not e.get("disabled", 0)]
    return names


def run_job(job, versions):
    job_dir = os.path.join(BASE, ARGS.bucket, "jobs", job)
    if not os.path.isdir(job_dir):
        if ARGS.cmd == "stop":
            print(f"runner: job {job} has no directory on this worker; nothing to stop")
            return 0
        print(f"runner: job {job} is not deployed on this worker ({job_dir} is missing); run maand deploy", file=sys.stderr)
        return 1
    env = dict(os.environ)
    if job in versions:
        env["CURRENT_VERSION"], env["NEW_VERSION"] = versions[job][0], versions[job][1]
    sys.stdout.flush()
    code = subprocess.call(["make", "-s", "-C", job_dir, ARGS.cmd], env=env)
    if code != 0:
        print(f"runner: make {ARGS.cmd} failed for job {job} (exit {code})", file=sys.stderr)
    return code


def main():
    entries = load_jobs(ARGS.bucket)
    wanted = ARGS.jobs.split(",") if ARGS.jobs else None
    versions = json.loads(os.environ.get("MAAND_JOB_VERSIONS") or "{}")
    failed = False
    for job in select(entries, ARGS.cmd, wanted):
        if ARGS.keep_going:
            print(f"maand-runner: begin {job}", flush=True)
        code = run_job(job, versions)
        if ARGS.keep_going:
            sys.stderr.flush()
            print(f"maand-runner: result {job} {code}", flush=True)
        if code != 0:
            failed = True
            if not ARGS.keep_going:
                return 1
    return 1 if failed else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="run a Makefile target of maand jobs")
    parser.add_argument("bucket")
    parser.add_argument("cmd")
    parser.add_argument("--jobs", default=None)
    parser.add_argument("--keep-going", action="store_true")
    ARGS = parser.parse_args()
    sys.exit(main())
