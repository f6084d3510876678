#!/usr/bin/env python3
"""maand worker identity check, installed at /opt/worker/<bucket>/bin/worker.py.

Usage: python3 worker.py <bucket_id> <worker_id> <update_seq>
Exit 0 when /opt/worker/<bucket>/worker.json matches; 1 bucket id, 2 worker id (or unreadable), 3 update_seq.
"""
import json
import os
import sys


def main(argv):
    if len(argv) != 4:
        print("Usage: python worker.py <bucket_id> <worker_id> <update_seq>")
        return 3
    bucket_id, worker_id, update_seq = argv[1], argv[2], int(argv[3])
    try:
        with open(os.path.join("/opt/worker", bucket_id, "worker.json"), encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        print(f"Error: {e}")
        return 2
    if data.get("bucket_id") != bucket_id:
        return 1
    if data.get("worker_id") != worker_id:
        return 2
    if int(data.get("update_seq", -1)) != update_seq:
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
