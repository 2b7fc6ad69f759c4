"""A system prompter that answers every keyring prompt the way a user's "Cancel" does.

    /usr/bin/python3 test/keychain/cancel-prompter.py <name-file>

Starts gcr's own mock prompter (gcr_mock_prompter_start: gcr's real GcrSystemPrompter, the D-Bus
side gcr-prompter runs, with a prompt that needs no display) on the session bus, queues a Cancel
for each password prompt, writes the prompter's bus name to <name-file> and runs until killed.
Start gnome-keyring-daemon with GNOME_KEYRING_TEST_PROMPTER set to that name and its unlock
prompts come here instead of to org.gnome.keyring.SystemPrompter. With G_MESSAGES_DEBUG=Gcr, gcr
logs "starting password prompt" once per prompt shown. Needs the Debian packages python3-gi and
gir1.2-gcr-3; run it with the system Python, which has them.
"""

import os
import sys
import time

import gi

gi.require_version("Gcr", "3")
from gi.repository import Gcr  # noqa: E402

# Far more than any test asks for; every prompt past them would be cancelled too, with a warning.
CANCELS = 100

name_file = sys.argv[1]
name = Gcr.mock_prompter_start()
for _ in range(CANCELS):
    Gcr.mock_prompter_expect_password_cancel()
with open(name_file + ".tmp", "w") as out:
    out.write(name)
os.replace(name_file + ".tmp", name_file)
while True:  # the prompter runs on gcr's own thread; this one only waits to be killed
    time.sleep(3600)
