"""The three-node cluster of scripts/search-cluster.sh, as the cluster tests drive it: nodes killed
as a crash would kill them and started again on their data, and the cluster's own view of itself
asked of a node that is up (never through the site's client, whose view is under test)."""

import json
import os
import subprocess
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from search.engine import nodes

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "search-cluster.sh"


def read_env(path):
    return dict(line.split("=", 1) for line in Path(path).read_text().splitlines() if "=" in line)


class Cluster:
    def __init__(self, run_dir):
        self.run_dir = run_dir
        # Node I answers at the I-th address of the cluster's SEARCH_ENGINE_URL.
        self.url = read_env(Path(run_dir) / "env")["SEARCH_ENGINE_URL"]
        self.urls = nodes(self.url)
        self.down = set()

    def _script(self, *args):
        result = subprocess.run(
            [str(SCRIPT), *map(str, args)],
            env={**os.environ, "IOPD_CLUSTER_RUN_DIR": self.run_dir},
            capture_output=True,
            text=True,
            timeout=600,
        )
        command = " ".join(map(str, args))
        assert result.returncode == 0, f"search-cluster.sh {command}: {result.stderr[-3000:]}"

    def stop(self, *numbers):
        """Kill these nodes at once (SIGKILL); their data stays for their return."""
        self._script("stop-node", *numbers)
        self.down.update(numbers)

    def start(self, *numbers):
        """Start these nodes again and wait until they have joined the cluster."""
        self._script("start-node", *numbers)
        self.down.difference_update(numbers)

    def ask(self, path, timeout=90):
        """A node's JSON answer, asked of the first node that is up; an answer with an error
        status (a health wait that timed out answers 408) is returned as well."""
        number = next(n for n in range(1, len(self.urls) + 1) if n not in self.down)
        url = f"{self.urls[number - 1]}{path}"
        try:
            with urllib.request.urlopen(url, timeout=timeout) as answer:
                return json.load(answer)
        except urllib.error.HTTPError as error:
            return json.load(error)

    def health(self, **wait):
        """_cluster/health, waiting up to a minute for `wait` (e.g. wait_for_status="green")."""
        return self.ask(f"/_cluster/health?{urlencode({'timeout': '60s', **wait})}")

    def holders(self, index):
        """{"p": node number, "r": node number}: where the index's shard has its started copies."""
        rows = self.ask(f"/_cat/shards/{index}?format=json&h=prirep,node,state")
        return {
            row["prirep"]: int(row["node"].removeprefix("node-"))
            for row in rows
            if row["state"] == "STARTED"
        }
