"""Suite-wide: no test writes to the user's cache folder.

The off-topic check caches embeddings in the user cache folder by default
(``platformdirs``, which follows ``XDG_CACHE_HOME`` on Linux); the whole session,
subprocesses included, gets a temporary one instead.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

_FOLDER = tempfile.mkdtemp(prefix="citecheck-test-cache-")
os.environ["XDG_CACHE_HOME"] = _FOLDER
atexit.register(shutil.rmtree, _FOLDER, True)
