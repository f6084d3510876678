"""maand job-command client library.

Job commands (hooks) import this module to read their allocation's environment and to call the
maand runtime API: KV reads and writes, command demands, semaphores. It needs only the Python
standard library. HTTP helpers return a Response object with the parts of requests.Response that
hooks use (status_code, ok, text, content, json(), raise_for_status()); when the requests package
is installed, the exceptions raised are subclasses of its exceptions, so existing `except` clauses
keep working.

The API address and token come from JOB_COMMAND_API_HOST, JOB_COMMAND_API_PORT and
JOB_COMMAND_API_TOKEN, which maand sets for every hook run.
"""

import builtins
import json as _json
import hashlib
import os
import shlex
import socket
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

try:  # subclass requests' exceptions when available, so `except requests.HTTPError` still works
    from requests.exceptions import ConnectionError as _ConnectionErrorBase
    from requests.exceptions import HTTPError as _HTTPErrorBase
    from requests.exceptions import Timeout as _TimeoutBase
except Exception:  # bare runner: the standard library's own classes
    _HTTPErrorBase = IOError
    _ConnectionErrorBase = builtins.ConnectionError
    _TimeoutBase = TimeoutError


class HTTPError(_HTTPErrorBase):
    """Raised by Response.raise_for_status() for 4xx and 5xx answers."""

    def __init__(self, *args, response=None, **kwargs):
        if _HTTPErrorBase is IOError:
            super().__init__(*args)
        else:
            super().__init__(*args, response=response, **kwargs)
        self.response = response


class ConnectionError(_ConnectionErrorBase):  # noqa: A001 - same name as requests'
    """The runtime API could not be reached."""


class Timeout(_TimeoutBase):
    """The runtime API did not answer in time."""


class Response:
    """The subset of requests.Response that hooks use."""

    def __init__(self, status_code, content, headers, url, reason=""):
        self.status_code = status_code
        self.content = content
        self.headers = headers
        self.url = url
        self.reason = reason

    @property
    def text(self):
        return self.content.decode("utf-8", errors="replace")

    @property
    def ok(self):
        return self.status_code < 400

    def __bool__(self):
        return self.ok

    def __repr__(self):
        return "<Response [%d]>" % self.status_code

    def json(self, **kwargs):
        return _json.loads(self.text, **kwargs)

    def raise_for_status(self):
        if 400 <= self.status_code < 600:
            kind = "Client" if self.status_code < 500 else "Server"
            detail = self.text.strip() or self.reason
            raise HTTPError(
                "%d %s Error: %s for url: %s" % (self.status_code, kind, detail, self.url),
                response=self,
            )


# --- allocation environment -------------------------------------------------------------------


def allocation_id():
    return os.environ.get("ALLOCATION_ID")


def allocation_ip():
    return os.environ.get("ALLOCATION_IP")


def allocation_index():
    return os.environ.get("ALLOCATION_INDEX")


def is_allocation_disabled():
    return os.environ.get("DISABLED") == "1"


def command_event():
    return os.environ.get("EVENT")


def command_name():
    return os.environ.get("COMMAND")


def job_name():
    return os.environ.get("JOB")


# --- runtime API --------------------------------------------------------------------------------

_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never via a proxy


def _base_url():
    host = os.environ.get("JOB_COMMAND_API_HOST") or "127.0.0.1"
    port = os.environ.get("JOB_COMMAND_API_PORT") or "8080"
    return "http://%s:%s" % (host, port)


def _headers(with_json):
    headers = {}
    for name, env in (("X-ALLOCATION-ID", "ALLOCATION_ID"), ("COMMAND", "COMMAND"), ("EVENT", "EVENT")):
        value = os.environ.get(env)
        if value is not None:
            headers[name] = value
    token = os.environ.get("JOB_COMMAND_API_TOKEN")
    if token:
        headers["Authorization"] = "Bearer " + token
    if with_json:
        headers["Content-Type"] = "application/json"
    return headers


# The runtime API answers at once except a semaphore acquire (which passes its own, longer limit):
# a call that takes longer means it will not come, and the hook fails saying so instead of hanging.
_DEFAULT_TIMEOUT = 60


def _request(method, path, body=None, timeout=_DEFAULT_TIMEOUT):
    url = _base_url() + path
    data = None if body is None else _json.dumps(body).encode("utf-8")
    req = urllib.request.Request(url, data=data, method=method, headers=_headers(body is not None))
    try:
        if timeout is None:
            resp = _OPENER.open(req)
        else:
            resp = _OPENER.open(req, timeout=timeout)
        with resp:
            return Response(resp.status, resp.read(), dict(resp.headers), url, resp.reason)
    except urllib.error.HTTPError as err:
        with err:
            return Response(err.code, err.read(), dict(err.headers or {}), url, str(err.reason))
    except (socket.timeout, TimeoutError) as err:
        raise Timeout("%s %s: %s" % (method, url, err)) from err
    except urllib.error.URLError as err:
        if isinstance(err.reason, (socket.timeout, TimeoutError)):
            raise Timeout("%s %s: %s" % (method, url, err.reason)) from err
        raise ConnectionError("%s %s: %s" % (method, url, err.reason)) from err


def get_store_value(namespace, key):
    return _request("GET", "/kv", {"namespace": namespace, "key": key})


def get_kv_value(namespace, key):
    response = get_store_value(namespace, key)
    response.raise_for_status()
    return response.json()["value"]


def put_job_variable(key, value):
    return _request("PUT", "/kv", {"namespace": "vars/job/%s" % job_name(), "key": key, "value": value})


def delete_job_variable(key):
    return _request("DELETE", "/kv", {"namespace": "vars/job/%s" % job_name(), "key": key})


def put_job_secret(key, value):
    return _request("PUT", "/kv/secret", {"namespace": "secrets/job/%s" % job_name(), "key": key, "value": value})


def delete_job_secret(key):
    return _request("DELETE", "/kv/secret", {"namespace": "secrets/job/%s" % job_name(), "key": key})


def list_job_keys(namespace=None):
    return _request("GET", "/kv/keys", {"namespace": namespace} if namespace else {})


def put_rollout_order(order):
    if isinstance(order, (list, tuple)):
        order = ",".join(item for item in (str(x).strip() for x in order) if item)
    return _request("PUT", "/kv", {"namespace": "maand/job/%s" % job_name(), "key": "rollout_order", "value": order})


def put_deploy_order(order):
    """Alias of put_rollout_order (real jobs call it by this name)."""
    return put_rollout_order(order)


def get_rollout_order():
    return get_store_value("maand/job/%s" % job_name(), "rollout_order")


def list_command_demands():
    return _request("GET", "/demands")


def acquire_semaphore(name, capacity=1, timeout_seconds=600):
    body = {"name": name, "capacity": capacity, "timeout_seconds": timeout_seconds}
    return _request("POST", "/semaphore/acquire", body, timeout=timeout_seconds + 30)


def release_semaphore(name):
    return _request("POST", "/semaphore/release", {"name": name})


def semaphore_status(name):
    return _request("GET", "/semaphore/status?" + urllib.parse.urlencode({"name": name}))


# --- bucket and ssh helpers ---------------------------------------------------------------------


def find_bucket_root():
    here = Path(__file__).resolve().parent
    for start in (Path.cwd(), here):
        for candidate in [start, *start.parents]:
            if (candidate / "maand.conf").is_file():
                return candidate
    raise FileNotFoundError("maand.conf not found (cwd=%s)" % Path.cwd())


def _read_conf():
    values = {}
    for raw in (find_bucket_root() / "maand.conf").read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if "=" not in line:
            continue
        key, value = line.split("=", 1)
        values[key.strip()] = value.strip().strip("'\"")
    return values


def load_ssh():
    """(user, key_path, use_sudo) from maand.conf; the defaults are maand's own (user agent)."""
    conf = _read_conf()
    root = find_bucket_root()
    user = conf.get("ssh_user") or "agent"
    key_name = conf.get("ssh_key") or "worker.key"
    for candidate in (root / "secrets" / key_name, root / key_name):
        if candidate.is_file():
            key_path = candidate
            break
    else:
        raise FileNotFoundError("SSH key not found: %s" % (root / "secrets" / key_name))
    return user, str(key_path), _use_sudo(conf)


def _use_sudo(conf):
    return conf.get("use_sudo", "").lower() in ("true", "1", "yes")


def _ssh_port():
    value = _read_conf().get("ssh_port", "")
    return int(value) if value.isdigit() and int(value) > 0 else None


def _ssh_reach(connect_timeout):
    """(user, port, ssh options) of maand's run: its host-key policy and known_hosts, key and port.

    Outside a run that hands them over (MAAND_SSH_OPTIONS), host keys are checked strictly against the
    bucket's secrets/known_hosts and ~/.ssh/known_hosts: a hook never accepts a key the run would not.
    """
    given = os.environ.get("MAAND_SSH_OPTIONS", "")
    # ssh keeps the first value of an option: the caller's ConnectTimeout goes first
    head = ["-o", "ConnectTimeout=%d" % connect_timeout]
    if given:
        user = os.environ.get("MAAND_SSH_USER") or _read_conf().get("ssh_user") or "agent"
        port = int(os.environ.get("MAAND_SSH_PORT") or 22)
        return user, port, head + [str(o) for o in _json.loads(given)]
    user, key_path, _ = load_ssh()
    port = _ssh_port() or 22
    known = [str(find_bucket_root() / "secrets" / "known_hosts"), os.path.expanduser("~/.ssh/known_hosts")]
    return user, port, head + [
        "-o", "StrictHostKeyChecking=yes",
        "-o", "UserKnownHostsFile=%s" % " ".join('"%s"' % f if " " in f else f for f in known),
        "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "ControlMaster=no",
        "-p", str(port), "-i", key_path,
    ]


def run_ssh(worker_ip, remote_cmd, *, timeout=300, check=True, connect_timeout=15):
    user, port, options = _ssh_reach(connect_timeout)
    prefix = "sudo -E " if _use_sudo(_read_conf()) else ""
    argv = ["ssh", *options]
    control_dir = os.environ.get("MAAND_SSH_CONTROL_DIR", "")
    if control_dir:
        # maand's own connection to this worker, when it has one (ssh connects directly otherwise)
        name = hashlib.sha256(("%s@%s:%d" % (user, worker_ip.strip(), port)).encode()).hexdigest()[:20]
        argv += ["-o", "ControlPath=%s" % os.path.join(control_dir, "h" + name)]
    # a worker behind a bastion: the ProxyCommand riding the run's bastion master
    argv += _json.loads(os.environ.get("MAAND_SSH_PROXY") or "{}").get(worker_ip.strip(), [])
    argv += ["%s@%s" % (user, worker_ip), "%stimeout %d %s" % (prefix, timeout, remote_cmd)]
    return subprocess.run(
        argv, capture_output=True, text=True, check=check, timeout=timeout + connect_timeout + 30
    )


def run_runner_target(target, *, worker_ip=None, job=None, timeout=300):
    bucket_id = get_kv_value("maand/bucket", "bucket_id")
    cmd = "python3 %s %s %s --jobs %s" % (
        shlex.quote("/opt/worker/%s/bin/runner.py" % bucket_id), shlex.quote(bucket_id), shlex.quote(target), shlex.quote(job or job_name()),
    )
    return run_ssh(worker_ip or allocation_ip(), cmd, timeout=timeout)


def run_make_target(target, *, worker_ip=None, job=None, timeout=300):
    bucket_id = get_kv_value("maand/bucket", "bucket_id")
    cmd = "make -C %s %s" % (shlex.quote("/opt/worker/%s/jobs/%s" % (bucket_id, job or job_name())), shlex.quote(target))
    return run_ssh(worker_ip or allocation_ip(), cmd, timeout=timeout)


# --- backward-compatible aliases ----------------------------------------------------------------

get_allocation_id = allocation_id
get_allocation_ip = allocation_ip
get_allocation_index = allocation_index
get_event = command_event
get_command = command_name
get_job = job_name


def kv_get(namespace, key):
    return get_store_value(namespace, key)


def kv_put(key, value):
    return put_job_variable(key, value)


def kv_put_secret(key, value):
    return put_job_secret(key, value)


get_demands = list_command_demands
