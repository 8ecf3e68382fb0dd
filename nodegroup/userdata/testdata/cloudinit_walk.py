#!/usr/bin/python3
"""Feed a user data document through cloud-init's own user-data processing, as a node does.

Usage: /usr/bin/python3 cloudinit_walk.py USER_DATA_FILE...

Run by the nodegroup/userdata Go tests (cloudinit_test.go). It takes the code path of
cloud-init's init stage (consume_data with PER_INSTANCE, as on a first boot):
stages.Init._consume_userdata, against a DataSourceNone that holds a file's bytes as its raw
user data, with every cloud-init directory inside a fresh temporary folder and no system
configuration read. The datasource's UserDataProcessor turns the bytes into a MIME message
(transfer decoding, includes, archives, gzip, content-type sniffing), and the default part
handlers (shell scripts, cloud-config, boothooks, jinja, ...) are walked over it, writing what
they write. Nothing is run: on a real boot, the scripts-user module runs the scripts later.

Each file is walked on its own (the interpreter starts once, importing cloud-init takes most of
the time). It prints one JSON object:
  cloudinitVersion  the version of the cloudinit package that did the work
  documents         one entry per file, in order:
   parts            one entry per part, in order, as handed to the handlers:
    contentType     the media type the handlers dispatched on
    transferEncoding  the part's Content-Transfer-Encoding header, "" when none
    filename        the name cloud-init gave the part (part-001, ...)
    handler         the class of the handler that took it, null when none did
    payload         base64 of the payload handed to the handler (text is encoded back to bytes
                    as UTF-8 with surrogate escapes, so undecodable bytes come back as they were)
    written         {relative path: base64 of the bytes} of every file created or changed
                    in cloud-init's folder (cloud_dir) while the part was handled
   warnings         cloud-init's log records at WARNING and above (e.g. a handler that failed)

To try another cloud-init release, point PYTHONPATH at the root of its source tree (the folder
holding its cloudinit package); the Go tests pass the environment on. Verified with Debian 12's
22.4.2 and with upstream's main branch of August 2026.

Exit status 0 when the walk ran (even if cloud-init warned), 2 on a usage error.
"""

import base64
import json
import logging
import os
import sys
import tempfile

from cloudinit import handlers, helpers, stages, version
from cloudinit.settings import PER_INSTANCE
from cloudinit.sources import DataSourceNone


class _Records(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _b64(data):
    if data is None:
        return None
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    return base64.b64encode(data).decode("ascii")


def _snapshot(root):
    files = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            with open(path, "rb") as f:
                files[os.path.relpath(path, root)] = f.read()
    return files


def walk(raw, tmp):
    cloud_dir = os.path.join(tmp, "cloud")
    run_dir = os.path.join(tmp, "run")
    cfg = {
        "system_info": {
            "distro": "amazon",
            "paths": {"cloud_dir": cloud_dir, "run_dir": run_dir},
        },
    }

    init = stages.Init(ds_deps=[])
    # A preset configuration: read_cfg() does not read /etc/cloud or /run/cloud-init.
    init._cfg = cfg
    paths = helpers.Paths(cfg["system_info"]["paths"])
    ds = DataSourceNone.DataSourceNone(cfg, None, paths)
    ds.userdata_raw = raw
    paths.datasource = ds
    init._paths = paths
    # Later releases also read it through a read-only "ds" property.
    init.datasource = ds

    parts = []
    original = handlers.walker_callback

    def recording_callback(data, filename, payload, headers):
        before = _snapshot(cloud_dir)
        ctype = headers["Content-Type"]
        handler = data["handlers"][ctype] if ctype in data["handlers"] else None
        original(data, filename, payload, headers)
        after = _snapshot(cloud_dir)
        written = {
            path: _b64(content)
            for path, content in sorted(after.items())
            if before.get(path) != content
        }
        parts.append(
            {
                "contentType": ctype,
                "transferEncoding": headers.get("Content-Transfer-Encoding", ""),
                "filename": filename,
                "handler": type(handler).__name__ if handler is not None else None,
                "payload": _b64(payload),
                "written": written,
            }
        )

    # walk() looks the callback up in the handlers module when it is called.
    handlers.walker_callback = recording_callback
    try:
        init._consume_userdata(PER_INSTANCE)
    finally:
        handlers.walker_callback = original
    return parts


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2

    logger = logging.getLogger("cloudinit")
    logger.setLevel(logging.DEBUG)
    logger.propagate = False

    documents = []
    for name in argv[1:]:
        with open(name, "rb") as f:
            raw = f.read()
        records = _Records()
        logger.addHandler(records)
        try:
            with tempfile.TemporaryDirectory(prefix="eksnodes-cloudinit-") as tmp:
                parts = walk(raw, tmp)
        finally:
            logger.removeHandler(records)
        documents.append({"parts": parts, "warnings": records.messages})

    json.dump(
        {
            "cloudinitVersion": version.version_string(),
            "documents": documents,
        },
        sys.stdout,
        indent=1,
        sort_keys=True,
    )
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
